/**
 * The training lab's statechart. A run lives in `session` (with children `training` and
 * `paused`, the shared playback pair), which invokes the lab's clock (`runtime/clock.actor`):
 * the clock owns the trainer (a worker, or the in-page service), asks it for one epoch per tick,
 * relays its replies as `trainer.*` facts, and terminates it when the session state is left — so
 * stop, reset and every terminal state free the worker and its tensors by construction.
 * Parameters other than the learning rate are "cold": they can only change outside a session;
 * the learning rate is "hot" and reaches the running model between batches.
 */
import { assign, sendTo, setup, type ActorRefFrom } from 'xstate';
import type { ClockCommand, ClockInput, ReplyReading } from '../runtime/clock.actor';
import { playbackStates, type Pace, type PlaybackEvent } from '../runtime/playback';
import * as kit from '../runtime/playback.machine';
import type { TrainingReply, TrainingRequest } from './training.protocol';
import type { EpochMetrics, RunResult } from './training.model';
import { defaultTrainingParams, type TrainingParams } from './training.data';
import { openTrainerPort } from './training.port';

/** The lab's pace: 150 ms between epochs at speed 1. */
export const trainingPace: Pace = { baseDelayMs: 150, speeds: [0.5, 1, 2, 4], maxDelayMs: 10_000 };

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

/** Facts the trainer reports (past tense). */
export type TrainerFact =
	| { type: 'trainer.dataReady'; dataVersion: string }
	| { type: 'trainer.epochCompleted'; metrics: EpochMetrics }
	| { type: 'trainer.finished'; result: RunResult; trainingDurationMs: number }
	| { type: 'trainer.failed'; message: string };

/** Events the lab sends, and the trainer's facts. */
export type TrainingEvent =
	| PlaybackEvent
	| { type: 'training.stop' }
	| { type: 'training.configure'; params: TrainingParams; learningRateByEpoch?: number[] }
	| { type: 'training.setLearningRate'; learningRate: number }
	| TrainerFact;

/** Input of the trainer's clock. */
export interface TrainerClockInput extends ClockInput {
	readonly params: TrainingParams;
	readonly learningRateByEpoch: number[] | null;
}

/** Reads a trainer reply into machine facts and its effect on the clock. */
export function readTrainerReply(reply: TrainingReply): ReplyReading<TrainerFact> {
	switch (reply.type) {
		case 'ready':
			return {
				events: [{ type: 'trainer.dataReady', dataVersion: reply.dataVersion }] as TrainerFact[],
				answersTick: false,
			};
		case 'epoch':
			return {
				events: [
					{ type: 'trainer.epochCompleted', metrics: reply.metrics },
					...(reply.finished ? [{ type: 'trainer.finished', ...reply.finished } as const] : []),
				] as TrainerFact[],
				answersTick: true,
				halts: reply.finished !== null,
			};
		case 'error':
			return {
				events: [{ type: 'trainer.failed', message: reply.message }] as TrainerFact[],
				answersTick: true,
				halts: true,
			};
		case 'scored':
			return { events: [] as TrainerFact[], answersTick: false };
	}
}

/** The trainer's clock around any port (the real one opens a worker) and time source. */
export const trainerClock = /* @__PURE__ */ kit.labClock<
	TrainingRequest,
	TrainingReply,
	TrainingEvent,
	TrainerClockInput
>(openTrainerPort, {
	// Training starts (and resumes) with an epoch at once; the delay separates epochs.
	eager: true,
	opening: (input) => [
		input.learningRateByEpoch
			? { type: 'configure', params: input.params, learningRateByEpoch: input.learningRateByEpoch }
			: { type: 'configure', params: input.params },
	],
	tick: () => ({ type: 'epoch' }),
	read: readTrainerReply,
});

/** Creates the context for given parameters (also used by reset). */
export function createTrainingContext(
	params: TrainingParams = defaultTrainingParams,
): TrainingContext {
	return {
		params,
		learningRate: params.learningRate,
		epochDelayMs: trainingPace.baseDelayMs,
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

const start = kit.startTransitions('session', 'training');

/** Every way a session ends (completed, diverged, stopped, failed) leaves the same choices. */
const ended = {
	on: {
		'playback.start': start['playback.start'],
		'playback.reset': { target: 'idle', actions: 'clearRun' },
		'training.configure': { target: 'idle', actions: 'applyParams' },
	},
} as const;

/** The training lab machine. */
export const trainingMachine = setup({
	types: {
		context: {} as TrainingContext,
		events: {} as TrainingEvent,
		input: {} as { params?: TrainingParams } | undefined,
	},
	actors: {
		trainModel: trainerClock(),
	},
	guards: {
		hasDiverged: ({ event }) =>
			event.type === 'trainer.finished' && event.result.reason === 'diverged',
		isValidLearningRate: ({ event }) =>
			event.type === 'training.setLearningRate' && isValidLearningRate(event.learningRate),
		isValidSpeed: kit.speedGuard(trainingPace),
	},
	actions: {
		...kit.playbackActions<TrainingContext, TrainingEvent>('trainer', 'epochDelayMs'),
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
				event.type === 'trainer.dataReady' ? event.dataVersion : context.dataVersion,
		}),
		recordEpochMetrics: assign({
			epochs: ({ context, event }) =>
				event.type === 'trainer.epochCompleted'
					? [...context.epochs, event.metrics]
					: context.epochs,
		}),
		recordResult: assign(({ event }) =>
			event.type === 'trainer.finished'
				? { result: event.result, trainingDurationMs: event.trainingDurationMs }
				: {},
		),
		recordError: assign({
			error: ({ event }) => (event.type === 'trainer.failed' ? event.message : null),
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
		forwardLearningRate: sendTo('trainer', ({ context }): ClockCommand<TrainingRequest> => ({
			type: 'clock.post',
			request: { type: 'setLearningRate', learningRate: context.learningRate },
		})),
	},
}).createMachine({
	id: 'training',
	context: ({ input }) => createTrainingContext(input?.params),
	initial: 'idle',
	on: {
		'playback.setSpeed': kit.speedSetting,
		// Outside a session the learning rate is simply the next run's setting.
		'training.setLearningRate': { guard: 'isValidLearningRate', actions: 'applyLearningRate' },
	},
	states: {
		idle: {
			on: {
				...start,
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
					delayMs: context.epochDelayMs,
					horizon: context.params.epochs,
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
				'trainer.dataReady': { actions: 'recordDataVersion' },
				'trainer.epochCompleted': { actions: 'recordEpochMetrics' },
				'trainer.finished': [
					{ guard: 'hasDiverged', target: 'diverged', actions: 'recordResult' },
					{ target: 'completed', actions: 'recordResult' },
				],
				'trainer.failed': { target: 'failed', actions: 'recordError' },
				'training.setLearningRate': {
					guard: 'isValidLearningRate',
					actions: ['recordLearningRate', 'forwardLearningRate'],
				},
				'training.stop': 'stopped',
				'playback.reset': { target: 'idle', actions: 'clearRun' },
				'playback.setSpeed': kit.speedChange,
			},
			states: playbackStates('training'),
		},
		completed: ended,
		diverged: ended,
		stopped: ended,
		failed: ended,
	},
});

/** The running training actor's type. */
export type TrainingActorRef = ActorRefFrom<typeof trainingMachine>;
