/**
 * The deployment lab's outcome for the trainer, read from the machine's snapshot: how the
 * rollout ended and after how many simulated minutes, with the run's link. It ends when the
 * rollout settles — Healthy with v2 stable is promoted; Degraded (aborted, or a shadow test
 * stopped), or Healthy back on v1, is aborted. A rollout still moving has no outcome.
 */
import type { DeploymentLabContext } from '@sim/labs/deployment';
import type { LabOutcome } from '@/lib/teach/participant-results';
import { withSeed } from '@/lib/url-params';
import { deploymentQuery, type DeploymentParams } from './deployment-params';

/** The outcome of the rollout in `context`, linked by `params`. */
export function deploymentOutcome(
	context: DeploymentLabContext,
	params: DeploymentParams,
): LabOutcome | null {
	const phase = context.rollout?.phase;
	if (phase !== 'Healthy' && phase !== 'Degraded') return null;
	const last = context.ticks.at(-1);
	if (!last) return null;
	return {
		lab: 'deployment',
		query: withSeed(deploymentQuery(params), params.seed),
		rollout: phase === 'Healthy' && context.rollout?.stableRevision === 2 ? 'promoted' : 'aborted',
		minutes: last.atSeconds / 60,
	};
}
