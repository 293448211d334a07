/**
 * The continuous-training lab's outcome for the trainer, read from the machine's snapshot once
 * the year is done: policy A's mean accuracy over the year (the figure the year's totals show)
 * and how many runs it started, with the run's link. A year still running has no outcome.
 */
import type { CtLabContext } from '@sim/labs/continuous-training';
import type { LabOutcome } from '@/lib/teach/participant-results';
import { ctQuery, type CtParams } from './ct-params';
import { policyTotals } from './ct-view';

/** The outcome of the year in `context` when it is `finished`, linked by `params`. */
export function ctOutcome(
	context: CtLabContext,
	finished: boolean,
	params: CtParams,
): LabOutcome | null {
	if (!finished) return null;
	const totals = policyTotals(context, 'a');
	if (totals.meanAccuracy === null) return null;
	return {
		lab: 'continuous-training',
		query: ctQuery(params),
		meanAccuracy: totals.meanAccuracy,
		runs: totals.runs,
	};
}
