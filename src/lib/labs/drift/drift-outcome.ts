/**
 * The drift lab's outcome for the trainer, read from the machine's snapshot: the day of the
 * run's first alert (the first entry of the monitor's alert log, the day the Alerts section
 * names) with the run's link. A run has an outcome once it raised its first alert, or once it
 * finished without one (then "no alert at all"); before either, there is nothing to send.
 */
import type { DriftLabContext } from '@sim/labs/drift';
import type { LabOutcome } from '@/lib/teach/participant-results';
import { withSeed } from '@/lib/url-params';
import { driftQuery, type DriftParams } from './drift-params';

/** The outcome of the run in `context`, linked by `shared` (the run's share parameters). */
export function driftOutcome(
	context: DriftLabContext,
	finished: boolean,
	shared: DriftParams,
): LabOutcome | null {
	const first = context.monitoring.context.alertLog[0];
	if (!first && !finished) return null;
	return {
		lab: 'drift',
		query: withSeed(driftQuery(shared), shared.seed),
		firstAlertDay: first?.day ?? null,
	};
}
