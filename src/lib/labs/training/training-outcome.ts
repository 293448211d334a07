/**
 * The training lab's outcome for the trainer, read from the machine's snapshot: a completed
 * run's test accuracy with the run's link (its parameters, seed included). A run that is still
 * training, was stopped or diverged has no test accuracy, so nothing to send.
 */
import type { TrainingContext } from '@sim/labs/training';
import type { LabOutcome } from '@/lib/teach/participant-results';
import { withSeed, writeParams } from '@/lib/url-params';
import { trainingParamsSpec } from './training-params';

/** The outcome of the run in `context` when the machine is in `stateName`. */
export function trainingOutcome(stateName: string, context: TrainingContext): LabOutcome | null {
	const accuracy = context.result?.test.accuracy;
	if (stateName !== 'completed' || accuracy === undefined || !Number.isFinite(accuracy))
		return null;
	return {
		lab: 'training',
		query: withSeed(writeParams(trainingParamsSpec, context.params), context.params.seed),
		testAccuracy: accuracy,
	};
}
