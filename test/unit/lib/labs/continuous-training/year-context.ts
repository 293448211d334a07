/**
 * The continuous-training lab's context after a year has streamed for policy A alone, built from
 * the headless simulation the way the lab's days arrive, so view and outcome tests read a real
 * year without running the machine.
 */
import { createCtLabContext, type CtLabContext } from '@sim/retraining/ct-lab.machine';
import type {
	ContinuousTrainingConfig,
	ContinuousTrainingResult,
} from '@sim/retraining/retraining.model';
import type { YearDay } from '@sim/retraining/ct-lab.protocol';

/** The lab's context once every day of `year` (simulated from `config`) has come in for policy A. */
export function contextAfterYear(
	config: ContinuousTrainingConfig,
	year: ContinuousTrainingResult,
): CtLabContext {
	return {
		...createCtLabContext({ a: config, b: null }),
		days: year.daily.map((a): YearDay => ({
			day: a.day,
			a,
			b: null,
			runsA: [],
			runsB: [],
			replays: [],
		})),
		runsA: year.runs,
	};
}
