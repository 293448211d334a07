/**
 * The training lab's statechart. A run lives in `session` (with children `training` and
 * `paused`), which invokes the `trainModel` callback actor: that actor owns the trainer (a
 * worker, or the in-page fallback), relays its reports as `worker.*` events, forwards
 * commands, and terminates the trainer when the session state is left — so stop, reset and
 * every terminal state free the worker and its tensors by construction. Parameters other than
 * the learning rate are "cold": they can only change outside a session; the learning rate is
 * "hot" and reaches the running model between batches.
 */
import { assign, fromCallback, sendTo, setup, type ActorRefFrom } from 'xstate';
import type { TrainerPort, TrainingCommand, TrainingReport } from './training.messages';
import type { EpochMetrics, RunResult } from './training.model';
import { defaultTrainingParams, type TrainingParams } from './training.data';
import { openTrainer } from './training.port';

/** Machine context: the run's settings and everything it reported. */
export interface TrainingContext {
	params: TrainingParams;
	/** The learning rate now in effect (may differ from params.learningRate mid-run). */
	learningRate: number;
	/** Pause between epochs while training, for watchable curves. */
	epochDelayMs: number;
	/** How the session starts: train continuously, or one epoch then pause. */
	startMode: 'run' | 'step';
	dataVersion: string | null;
	epochs: EpochMetrics[];
	result: RunResult | null;
	trainingDurationMs: number;
	error: string | null;
	/** Learning rate per epoch to replay, when reproducing a run whose rate was changed. */
	learningRateByEpoch: number[] | null;
	/** Learning-rate changes made during the run, for the run log. */
	learningRateChanges: { epoch: number; learningRate: number }[];
}

/** Events the lab sends. */
export type TrainingEvent =
	| { type: 'training.start' }
	| { type: 'training.pause' }
	| { type: 'training.resume' }
	| { type: 'training.step' }
	| { type: 'training.stop' }
	| { type: 'training.reset' }
	| { type: 'training.configure'; params: TrainingParams; learningRateByEpoch?: number[] }
	| { type: 'training.setLearningRate'; learningRate: number }
	| { type: 'training.setSpeed'; epochDelayMs: number }
	| { type: 'worker.ready'; dataVersion: string }
	| { type: 'worker.epoch'; metrics: EpochMetrics }
	| { type: 'worker.finished'; result: RunResult; trainingDurationMs: number }
	| { type: 'worker.error'; message: string };

/** Input of the trainer actor. */
export interface TrainModelInput {
	params: TrainingParams;
	epochDelayMs: number;
	startMode: 'run' | 'step';
	learningRateByEpoch: number[] | null;
}

/** Maps a trainer report to a machine event (null for reports the machine ignores). */
export function reportToEvent(report: TrainingReport): TrainingEvent | null {
	switch (report.type) {
		case 'ready':
			return { type: 'worker.ready', dataVersion: report.dataVersion };
		case 'epoch':
			return { type: 'worker.epoch', metrics: report.metrics };
		case 'finished':
			return {
				type: 'worker.finished',
				result: report.result,
				trainingDurationMs: report.trainingDurationMs,
			};
		case 'error':
			return { type: 'worker.error', message: report.message };
		case 'stopped':
			return null;
	}
}

/** Builds the trainer actor around any port factory (the real one opens a worker). */
export function trainerActor(open: (onReport: (report: TrainingReport) => void) => TrainerPort) {
	return fromCallback<TrainingCommand, TrainModelInput, TrainingEvent>(
		({ input, sendBack, receive }) => {
			const port = open((report) => {
				const event = reportToEvent(report);
				if (event) sendBack(event);
			});
			port.post(
				input.learningRateByEpoch
					? {
							type: 'configure',
							params: input.params,
							learningRateByEpoch: input.learningRateByEpoch,
						}
					: { type: 'configure', params: input.params },
			);
			port.post(
				input.startMode === 'run'
					? { type: 'run', epochDelayMs: input.epochDelayMs }
					: { type: 'step' },
			);
			receive((command) => port.post(command));
			return () => port.terminate();
		},
	);
}

/** Creates the context for given parameters (also used by reset). */
export function createTrainingContext(
	params: TrainingParams = defaultTrainingParams,
): TrainingContext {
	return {
		params,
		learningRate: params.learningRate,
		epochDelayMs: 150,
		startMode: 'run',
		dataVersion: null,
		epochs: [],
		result: null,
		trainingDurationMs: 0,
		error: null,
		learningRateByEpoch: null,
		learningRateChanges: [],
	};
}

/** Whether a learning rate is usable. */
export const isValidLearningRate = (learningRate: number): boolean =>
	Number.isFinite(learningRate) && learningRate > 0;

/** The training lab machine. */
export const trainingMachine = setup({
	types: {
		context: {} as TrainingContext,
		events: {} as TrainingEvent,
		input: {} as { params?: TrainingParams } | undefined,
	},
	actors: {
		trainModel: trainerActor(openTrainer),
	},
	guards: {
		hasDiverged: ({ event }) =>
			event.type === 'worker.finished' && event.result.reason === 'diverged',
		isValidLearningRate: ({ event }) =>
			event.type === 'training.setLearningRate' && isValidLearningRate(event.learningRate),
	},
	actions: {
		clearRun: assign(({ context }) => ({
			...createTrainingContext(context.params),
			epochDelayMs: context.epochDelayMs,
			startMode: context.startMode,
			learningRateByEpoch: context.learningRateByEpoch,
		})),
		applyLearningRate: assign(({ context, event }) =>
			event.type === 'training.setLearningRate'
				? {
						params: { ...context.params, learningRate: event.learningRate },
						learningRate: event.learningRate,
					}
				: {},
		),
		startContinuously: assign({ startMode: 'run' as const }),
		startWithOneEpoch: assign({ startMode: 'step' as const }),
		applyParams: assign(({ context, event }) =>
			event.type === 'training.configure'
				? {
						...createTrainingContext(event.params),
						epochDelayMs: context.epochDelayMs,
						learningRateByEpoch: event.learningRateByEpoch ?? null,
					}
				: {},
		),
		recordDataVersion: assign({
			dataVersion: ({ context, event }) =>
				event.type === 'worker.ready' ? event.dataVersion : context.dataVersion,
		}),
		recordEpochMetrics: assign({
			epochs: ({ context, event }) =>
				event.type === 'worker.epoch' ? [...context.epochs, event.metrics] : context.epochs,
		}),
		recordResult: assign(({ event }) =>
			event.type === 'worker.finished'
				? { result: event.result, trainingDurationMs: event.trainingDurationMs }
				: {},
		),
		recordError: assign({
			error: ({ event }) => (event.type === 'worker.error' ? event.message : null),
		}),
		recordLearningRate: assign(({ context, event }) =>
			event.type === 'training.setLearningRate'
				? {
						learningRate: event.learningRate,
						learningRateChanges: [
							...context.learningRateChanges,
							{ epoch: context.epochs.length, learningRate: event.learningRate },
						],
					}
				: {},
		),
		recordSpeed: assign({
			epochDelayMs: ({ context, event }) =>
				event.type === 'training.setSpeed' ? Math.max(0, event.epochDelayMs) : context.epochDelayMs,
		}),
		forwardLearningRate: sendTo('trainer', ({ context }) => ({
			type: 'setLearningRate' as const,
			learningRate: context.learningRate,
		})),
		commandRun: sendTo('trainer', ({ context }) => ({
			type: 'run' as const,
			epochDelayMs: context.epochDelayMs,
		})),
		commandPause: sendTo('trainer', { type: 'pause' as const }),
		commandStep: sendTo('trainer', { type: 'step' as const }),
	},
}).createMachine({
	id: 'training',
	context: ({ input }) => createTrainingContext(input?.params),
	initial: 'idle',
	on: {
		'training.setSpeed': { actions: 'recordSpeed' },
		// Outside a session the learning rate is simply the next run's setting.
		'training.setLearningRate': { guard: 'isValidLearningRate', actions: 'applyLearningRate' },
	},
	states: {
		idle: {
			on: {
				'training.start': { target: 'session.training', actions: 'startContinuously' },
				'training.step': { target: 'session.paused', actions: 'startWithOneEpoch' },
				'training.configure': { actions: 'applyParams' },
			},
		},
		session: {
			entry: 'clearRun',
			invoke: {
				id: 'trainer',
				src: 'trainModel',
				input: ({ context }) => ({
					params: context.params,
					epochDelayMs: context.epochDelayMs,
					startMode: context.startMode,
					learningRateByEpoch: context.learningRateByEpoch,
				}),
				// The trainer could not even start (e.g. a worker refused the message).
				onError: {
					target: 'failed',
					actions: assign({
						error: ({ event }) =>
							`The trainer could not start: ${event.error instanceof Error ? event.error.message : String(event.error)}`,
					}),
				},
			},
			initial: 'training',
			on: {
				'worker.ready': { actions: 'recordDataVersion' },
				'worker.epoch': { actions: 'recordEpochMetrics' },
				'worker.finished': [
					{ guard: 'hasDiverged', target: 'diverged', actions: 'recordResult' },
					{ target: 'completed', actions: 'recordResult' },
				],
				'worker.error': { target: 'failed', actions: 'recordError' },
				'training.setLearningRate': {
					guard: 'isValidLearningRate',
					actions: ['recordLearningRate', 'forwardLearningRate'],
				},
				'training.stop': 'stopped',
				'training.reset': { target: 'idle', actions: 'clearRun' },
			},
			states: {
				training: {
					on: {
						'training.pause': { target: 'paused', actions: 'commandPause' },
						'training.step': { target: 'paused', actions: 'commandStep' },
						'training.setSpeed': { actions: ['recordSpeed', 'commandRun'] },
					},
				},
				paused: {
					on: {
						'training.resume': { target: 'training', actions: 'commandRun' },
						'training.start': { target: 'training', actions: 'commandRun' },
						'training.step': { actions: 'commandStep' },
					},
				},
			},
		},
		completed: {
			on: {
				'training.start': { target: 'session.training', actions: 'startContinuously' },
				'training.reset': { target: 'idle', actions: 'clearRun' },
				'training.configure': { target: 'idle', actions: 'applyParams' },
			},
		},
		diverged: {
			on: {
				'training.start': { target: 'session.training', actions: 'startContinuously' },
				'training.reset': { target: 'idle', actions: 'clearRun' },
				'training.configure': { target: 'idle', actions: 'applyParams' },
			},
		},
		stopped: {
			on: {
				'training.start': { target: 'session.training', actions: 'startContinuously' },
				'training.reset': { target: 'idle', actions: 'clearRun' },
				'training.configure': { target: 'idle', actions: 'applyParams' },
			},
		},
		failed: {
			on: {
				'training.start': { target: 'session.training', actions: 'startContinuously' },
				'training.reset': { target: 'idle', actions: 'clearRun' },
				'training.configure': { target: 'idle', actions: 'applyParams' },
			},
		},
	},
});

/** The running training actor's type. */
export type TrainingActorRef = ActorRefFrom<typeof trainingMachine>;
