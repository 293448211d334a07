/**
 * The trainer's side of the protocol: a small state holder that turns commands into epochs
 * and reports. It knows nothing about workers — time and messaging come in through `host` — so
 * Node tests drive it with a manual clock, the worker wraps it in `onmessage`, and the in-page
 * fallback wraps it in promises. Every command is answered or reported as an error; nothing
 * throws across the boundary.
 */
import type { TrainingCommand, TrainingReport } from './training.messages';
import { TrainingRun, type FinishReason } from './training.model';

/** What a session needs from where it runs. */
export interface SessionHost {
	post(report: TrainingReport): void;
	/** Runs `task` after `delayMs`; returns a function that cancels it. */
	schedule(task: () => void, delayMs: number): () => void;
}

/** A trainer that handles one command at a time. */
export interface TrainingSession {
	handle(command: TrainingCommand): void;
}

/** Creates a session bound to `host`. */
export function createTrainingSession(host: SessionHost): TrainingSession {
	let run: TrainingRun | null = null;
	let running = false;
	let epochDelayMs = 0;
	let trainingDurationMs = 0;
	let cancel: (() => void) | null = null;

	const halt = () => {
		running = false;
		cancel?.();
		cancel = null;
	};
	const release = () => {
		halt();
		run?.dispose();
		run = null;
	};
	const fail = (error: unknown) => {
		release();
		const detail = error instanceof Error ? error.message : String(error);
		host.post({ type: 'error', message: `Training failed: ${detail}` });
	};
	const finish = (current: TrainingRun, reason: FinishReason) => {
		const result = current.finish(reason);
		release();
		host.post({ type: 'finished', result, trainingDurationMs });
	};
	const epoch = (current: TrainingRun) => {
		const outcome = current.runEpoch();
		trainingDurationMs += outcome.metrics.epochDurationMs;
		host.post({ type: 'epoch', metrics: outcome.metrics });
		if (outcome.finished) finish(current, outcome.finished);
	};
	const tick = () => {
		cancel = null;
		if (!running || !run) return;
		try {
			epoch(run);
		} catch (error) {
			fail(error);
			return;
		}
		if (running && run) cancel = host.schedule(tick, epochDelayMs);
	};
	const needRun = (action: string): TrainingRun | null => {
		if (!run) host.post({ type: 'error', message: `Cannot ${action}: no model is configured.` });
		return run;
	};

	return {
		handle(command) {
			try {
				switch (command.type) {
					case 'configure': {
						release();
						trainingDurationMs = 0;
						run = new TrainingRun(command.params);
						if (command.learningRateByEpoch) run.replayLearningRates(command.learningRateByEpoch);
						const { train, validation, test } = run.data;
						host.post({
							type: 'ready',
							dataVersion: run.data.dataVersion,
							trainRows: train.rows,
							validationRows: validation.rows,
							testRows: test.rows,
						});
						break;
					}
					case 'run':
						epochDelayMs = Math.max(0, command.epochDelayMs);
						if (!needRun('train')) break;
						if (!running) {
							running = true;
							cancel = host.schedule(tick, 0);
						}
						break;
					case 'pause':
						halt();
						break;
					case 'step': {
						halt();
						const current = needRun('step');
						if (current) epoch(current);
						break;
					}
					case 'setLearningRate':
						if (!Number.isFinite(command.learningRate) || command.learningRate <= 0) {
							host.post({ type: 'error', message: 'The learning rate must be a positive number.' });
							break;
						}
						run?.setLearningRate(command.learningRate);
						break;
					case 'stop':
						release();
						host.post({ type: 'stopped' });
						break;
				}
			} catch (error) {
				fail(error);
			}
		},
	};
}
