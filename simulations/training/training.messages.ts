/**
 * The typed protocol between the page and whatever trains (a Web Worker, or the in-page
 * fallback). Both directions are discriminated unions of plain, structured-cloneable objects,
 * so the compiler checks every `postMessage` and every `switch`, and the same session code
 * answers whether it runs in a worker or on the main thread.
 */
import type { EpochMetrics, RunResult } from './training.model';
import type { TrainingParams } from './training.data';

/** Page → trainer. */
export type TrainingCommand =
	/** Generate the data and build a fresh model (discarding any previous run). */
	| {
			type: 'configure';
			params: TrainingParams;
			/** Learning rate per epoch to replay (reproducing a run whose rate was changed). */
			learningRateByEpoch?: number[];
	  }
	/** Train continuously, waiting `epochDelayMs` between epochs; also changes the pace. */
	| { type: 'run'; epochDelayMs: number }
	/** Stop scheduling epochs; the model is kept. */
	| { type: 'pause' }
	/** Pause and train exactly one epoch. */
	| { type: 'step' }
	/** Change the learning rate from the next batch on. */
	| { type: 'setLearningRate'; learningRate: number }
	/** End the run and free its tensors. */
	| { type: 'stop' };

/** Trainer → page. */
export type TrainingReport =
	/** Data is ready; sizes and the data version of this run. */
	| {
			type: 'ready';
			dataVersion: string;
			trainRows: number;
			validationRows: number;
			testRows: number;
	  }
	/** One epoch finished. */
	| { type: 'epoch'; metrics: EpochMetrics }
	/** The run ended on its own (completed, stopped early or diverged). */
	| { type: 'finished'; result: RunResult; trainingDurationMs: number }
	/** The run was stopped on request and its tensors are freed. */
	| { type: 'stopped' }
	/** Something went wrong; the message is meant for the learner. */
	| { type: 'error'; message: string };

/** Anything that accepts commands: a worker wrapper or the in-page runner. */
export interface TrainerPort {
	post(command: TrainingCommand): void;
	/** Ends the trainer for good (terminates a worker). */
	terminate(): void;
}
