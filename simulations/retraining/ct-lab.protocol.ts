/**
 * The typed protocol between the continuous-training lab's clock and its year service (a Web
 * Worker, or the same service on the page): the clock opens a year for one or two policies on
 * the same world, then asks for one simulated day per tick; the service answers with that day's
 * accuracies and the pipeline runs that started on it. A learner's on-demand run is a request
 * outside the tick rhythm.
 */
import type { ContinuousTrainingConfig, DailyOutcome, RunSummary } from './retraining.model';

/** The two policies a lab run compares (B may be absent). */
export interface PolicyPair {
	readonly a: ContinuousTrainingConfig;
	readonly b: ContinuousTrainingConfig | null;
}

/** What the clock asks of the service. */
export type YearRequest =
	| { readonly type: 'open'; readonly policies: PolicyPair }
	| { readonly type: 'day'; readonly day: number }
	/** A person asks policy A for a run on `day` (on demand). */
	| { readonly type: 'demand'; readonly day: number };

/** A run's training step trained again with TensorFlow.js in the worker (policy A's runs). */
export interface TfjsReplay {
	readonly policy: 'a' | 'b';
	readonly run: number;
	/** The tfjs backend it ran on. */
	readonly backend: string;
	readonly batchSize: number;
	readonly steps: number;
	readonly wallMs: number;
	readonly validationAccuracy: number;
	/** What the year's typed-array trainer measured on the same validation rows. */
	readonly referenceValidationAccuracy: number | null;
	/** Live tfjs tensors before and after the run: equal means nothing leaked. */
	readonly tensorsBefore: number;
	readonly tensorsAfter: number;
}

/** One day of both policies. */
export interface YearDay {
	readonly day: number;
	readonly a: DailyOutcome;
	readonly b: DailyOutcome | null;
	/** Runs that started today, per policy (artifacts left in the service). */
	readonly runsA: readonly RunSummary[];
	readonly runsB: readonly RunSummary[];
	/** Today's runs of policy A, trained again with tfjs. */
	readonly replays: readonly TfjsReplay[];
}

/** What the service answers. */
export type YearReply =
	| { readonly type: 'day'; readonly result: YearDay }
	| { readonly type: 'error'; readonly message: string };

/** The protocol's error reply. */
export const yearFailure = (message: string): YearReply => ({ type: 'error', message });
