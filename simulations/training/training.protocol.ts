/**
 * The typed protocol between the training lab's clock and its trainer service (a Web Worker, or
 * the same service on the page). Both directions are discriminated unions of plain,
 * structured-cloneable objects, so the compiler checks every `postMessage` and every `switch`.
 * The clock asks for one epoch per tick; pacing is the clock's, training is the service's.
 */
import type { ModelArtifact } from './artifact';
import type { ClassificationMetrics } from './metrics';
import type { EpochMetrics, RunResult } from './training.model';
import type { TrainingParams } from './training.data';

/** Page → trainer. */
export type TrainingRequest =
	/** Generate the data and build a fresh model (discarding any previous run). */
	| {
			readonly type: 'configure';
			readonly params: TrainingParams;
			/** Learning rate per epoch to replay (reproducing a run whose rate was changed). */
			readonly learningRateByEpoch?: readonly number[];
	  }
	/** Train one epoch (one tick of the clock). */
	| { readonly type: 'epoch' }
	/** Change the learning rate from the next batch on. */
	| { readonly type: 'setLearningRate'; readonly learningRate: number }
	/** Score a stored model on the test split its run's parameters generate. */
	| { readonly type: 'score'; readonly params: TrainingParams; readonly artifact: ModelArtifact };

/** Trainer → page. */
export type TrainingReply =
	/** Data is ready; sizes and the data version of this run. */
	| {
			readonly type: 'ready';
			readonly dataVersion: string;
			readonly trainRows: number;
			readonly validationRows: number;
			readonly testRows: number;
	  }
	/** One epoch finished; `finished` is set when the run ended with it. */
	| {
			readonly type: 'epoch';
			readonly metrics: EpochMetrics;
			readonly finished: { readonly result: RunResult; readonly trainingDurationMs: number } | null;
	  }
	/** A stored model's test metrics (answers `score`). */
	| { readonly type: 'scored'; readonly testRows: number; readonly metrics: ClassificationMetrics }
	/** Something went wrong; the message is meant for the learner. */
	| { readonly type: 'error'; readonly message: string };

/** The protocol's error reply. */
export const trainingFailure = (message: string): TrainingReply => ({ type: 'error', message });
