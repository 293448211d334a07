import { describe, expect, test } from 'vitest';
import {
	createActor,
	createMachine,
	initialTransition,
	transition,
	type ExecutableActionObject,
} from 'xstate';
import { createTestModel } from 'xstate/graph';
import { trainerClock, trainingMachine, type TrainingEvent } from '@sim/training/training.machine';
import type { TrainingReply, TrainingRequest } from '@sim/training/training.protocol';
import type { Schedule } from '@sim/runtime/clock.actor';
import type { EpochMetrics, RunResult } from '@sim/training/training.model';
import { defaultTrainingParams } from '@sim/training/training.data';
import { transitionSequences } from '../model-paths';

const metrics = (epoch: number): EpochMetrics => ({
	epoch,
	trainLoss: 0.5,
	trainAccuracy: 0.8,
	validationLoss: 0.55,
	validationAccuracy: 0.78,
	learningRate: 0.1,
	epochDurationMs: 3,
});
const result = (reason: RunResult['reason']): RunResult => ({
	reason,
	bestEpoch: 1,
	test: {
		loss: 0.5,
		accuracy: 0.8,
		precision: 0.7,
		recall: 0.6,
		f1: 0.65,
		auc: 0.85,
		confusion: { truePositive: 6, falsePositive: 2, trueNegative: 30, falseNegative: 4 },
	},
	artifact: {
		format: 'churn-model/1',
		kind: 'logistic',
		layers: [],
		encoder: { numeric: [], categorical: [], columns: [] },
	},
});

/** The command each pure action would send to the trainer, or the action's type. */
const describeActions = (actions: ExecutableActionObject[]) =>
	actions.map((a) => {
		const params = a.params as { event?: { type: string }; src?: string } | undefined;
		if (a.type === 'xstate.sendTo') return `send ${params?.event?.type}`;
		if (a.type === 'xstate.spawnChild') return `spawn ${params?.src}`;
		return a.type;
	});

describe('trainingMachine transitions (pure)', () => {
	test('starts idle with the default parameters', () => {
		const [snapshot, actions] = initialTransition(trainingMachine, undefined);
		expect(snapshot.value).toBe('idle');
		expect(snapshot.context.params).toEqual(defaultTrainingParams);
		expect(actions).toEqual([]);
	});

	test('start spawns the trainer in run mode; step spawns it to take one epoch', () => {
		const [idle] = initialTransition(trainingMachine, undefined);
		const [training, startActions] = transition(trainingMachine, idle, { type: 'playback.start' });
		expect(training.value).toEqual({ session: 'training' });
		expect(describeActions(startActions)).toEqual(['spawn trainModel']);
		expect((startActions[0]?.params as { input: { startMode: string } }).input.startMode).toBe(
			'run',
		);

		const [paused, stepActions] = transition(trainingMachine, idle, { type: 'playback.step' });
		expect(paused.value).toEqual({ session: 'paused' });
		expect((stepActions[0]?.params as { input: { startMode: string } }).input.startMode).toBe(
			'step',
		);
	});

	test('pause, step and resume send the matching commands to the trainer', () => {
		const [idle] = initialTransition(trainingMachine, undefined);
		const [training] = transition(trainingMachine, idle, { type: 'playback.start' });
		const [paused, pauseActions] = transition(trainingMachine, training, {
			type: 'playback.pause',
		});
		expect(paused.value).toEqual({ session: 'paused' });
		expect(describeActions(pauseActions)).toEqual(['send clock.pause']);
		const [stillPaused, stepActions] = transition(trainingMachine, paused, {
			type: 'playback.step',
		});
		expect(stillPaused.value).toEqual({ session: 'paused' });
		expect(describeActions(stepActions)).toEqual(['send clock.step']);
		const [resumed, resumeActions] = transition(trainingMachine, paused, {
			type: 'playback.start',
		});
		expect(resumed.value).toEqual({ session: 'training' });
		expect(describeActions(resumeActions)).toEqual(['send clock.run']);
	});

	test('records epochs, and ends in completed or diverged by the result', () => {
		const [idle] = initialTransition(trainingMachine, undefined);
		const [training] = transition(trainingMachine, idle, { type: 'playback.start' });
		const [one] = transition(trainingMachine, training, {
			type: 'trainer.epochCompleted',
			metrics: metrics(1),
		});
		expect(one.context.epochs).toEqual([metrics(1)]);
		const [done, doneActions] = transition(trainingMachine, one, {
			type: 'trainer.finished',
			result: result('completed'),
			trainingDurationMs: 42,
		});
		expect(done.value).toBe('completed');
		expect(done.context.trainingDurationMs).toBe(42);
		expect(describeActions(doneActions)).toEqual(['xstate.stopChild']);
		const [diverged] = transition(trainingMachine, one, {
			type: 'trainer.finished',
			result: result('diverged'),
			trainingDurationMs: 1,
		});
		expect(diverged.value).toBe('diverged');
	});

	test('a worker error fails the run with its message; stop and reset stop the trainer', () => {
		const [idle] = initialTransition(trainingMachine, undefined);
		const [training] = transition(trainingMachine, idle, { type: 'playback.start' });
		const [failed] = transition(trainingMachine, training, {
			type: 'trainer.failed',
			message: 'boom',
		});
		expect(failed.value).toBe('failed');
		expect(failed.context.error).toBe('boom');
		const [stopped, stopActions] = transition(trainingMachine, training, { type: 'training.stop' });
		expect(stopped.value).toBe('stopped');
		expect(describeActions(stopActions)).toEqual(['xstate.stopChild']);
		const [reset] = transition(trainingMachine, training, { type: 'playback.reset' });
		expect(reset.value).toBe('idle');
	});

	test('the learning rate is hot during a session and a setting outside it', () => {
		const [idle] = initialTransition(trainingMachine, undefined);
		const [configured] = transition(trainingMachine, idle, {
			type: 'training.setLearningRate',
			learningRate: 0.3,
		});
		expect(configured.context.params.learningRate).toBe(0.3);
		const [training] = transition(trainingMachine, configured, { type: 'playback.start' });
		const [one] = transition(trainingMachine, training, {
			type: 'trainer.epochCompleted',
			metrics: metrics(1),
		});
		const [changed, actions] = transition(trainingMachine, one, {
			type: 'training.setLearningRate',
			learningRate: 0.05,
		});
		expect(describeActions(actions)).toEqual(['send clock.post']);
		expect(changed.context.learningRate).toBe(0.05);
		expect(changed.context.learningRateChanges).toEqual([{ epoch: 1, learningRate: 0.05 }]);
		const [ignored, none] = transition(trainingMachine, one, {
			type: 'training.setLearningRate',
			learningRate: -2,
		});
		expect(ignored.context.learningRate).toBe(0.3);
		expect(none).toEqual([]);
	});

	test('cold parameters change only outside a session', () => {
		const [idle] = initialTransition(trainingMachine, undefined);
		const params = { ...defaultTrainingParams, hiddenUnits: 3 };
		const [configured] = transition(trainingMachine, idle, { type: 'training.configure', params });
		expect(configured.context.params.hiddenUnits).toBe(3);
		const [training] = transition(trainingMachine, configured, { type: 'playback.start' });
		const [same] = transition(trainingMachine, training, {
			type: 'training.configure',
			params: defaultTrainingParams,
		});
		expect(same.context.params.hiddenUnits).toBe(3);
	});
});

/**
 * A fake trainer behind the real clock: the port records requests and lets the test emit replies;
 * time is a manual schedule, so nothing runs unless the test runs it.
 */
function fakeTrainer() {
	const log: { requests: TrainingRequest[]; alive: boolean; opened: number } = {
		requests: [],
		alive: false,
		opened: 0,
	};
	const tasks: { task: () => void; delayMs: number; cancelled: boolean }[] = [];
	const schedule: Schedule = (task, delayMs) => {
		const entry = { task, delayMs, cancelled: false };
		tasks.push(entry);
		return () => {
			entry.cancelled = true;
		};
	};
	const scheduled = () => tasks.filter((t) => !t.cancelled);
	const runNext = () => {
		const next = scheduled()[0];
		if (next) {
			next.cancelled = true;
			next.task();
		}
	};
	let emit: (reply: TrainingReply) => void = () => undefined;
	const machine = trainingMachine.provide({
		actors: {
			trainModel: trainerClock((onReply) => {
				log.alive = true;
				log.opened++;
				log.requests = [];
				emit = onReply;
				return {
					post: (request) => log.requests.push(request),
					terminate: () => {
						log.alive = false;
					},
				};
			}, schedule),
		},
	});
	return { machine, log, scheduled, runNext, emit: (reply: TrainingReply) => emit(reply) };
}

describe('trainingMachine with a fake trainer', () => {
	test('configures the trainer, asks for epochs on its clock, relays replies, terminates it', () => {
		const { machine, log, emit, runNext, scheduled } = fakeTrainer();
		const actor = createActor(machine).start();
		actor.send({ type: 'playback.start' });
		expect(log.alive).toBe(true);
		expect(log.requests).toEqual([{ type: 'configure', params: defaultTrainingParams }]);
		// Training starts with an epoch at once.
		expect(scheduled().map((t) => t.delayMs)).toEqual([0]);
		runNext();
		expect(log.requests.at(-1)).toEqual({ type: 'epoch' });
		emit({ type: 'ready', dataVersion: 'abcd1234', trainRows: 1, validationRows: 1, testRows: 1 });
		emit({ type: 'epoch', metrics: metrics(1), finished: null });
		// The next epoch waits the pace's delay, and only once the last one was answered.
		expect(scheduled().map((t) => t.delayMs)).toEqual([150]);
		runNext();
		emit({
			type: 'epoch',
			metrics: metrics(2),
			finished: { result: result('completed'), trainingDurationMs: 9 },
		});
		const snapshot = actor.getSnapshot();
		expect(snapshot.value).toBe('completed');
		expect(snapshot.context.dataVersion).toBe('abcd1234');
		expect(snapshot.context.epochs).toHaveLength(2);
		expect(snapshot.context.trainingDurationMs).toBe(9);
		expect(log.alive).toBe(false);
		expect(scheduled()).toEqual([]);
		actor.stop();
	});

	test('speed changes reach the running clock; invalid speeds are ignored', () => {
		const { machine, emit, runNext, scheduled } = fakeTrainer();
		const actor = createActor(machine).start();
		actor.send({ type: 'playback.start' });
		actor.send({ type: 'playback.setSpeed', delayMs: 40 });
		actor.send({ type: 'playback.setSpeed', delayMs: -1 });
		expect(actor.getSnapshot().context.epochDelayMs).toBe(40);
		runNext();
		emit({ type: 'epoch', metrics: metrics(1), finished: null });
		expect(scheduled().map((t) => t.delayMs)).toEqual([40]);
		actor.stop();
	});
});

/**
 * The specification, written independently of the implementation: which control leads where.
 * The model-based suite walks every shortest path through it and checks the real machine
 * (with a fake trainer) agrees at every step, including the trainer's lifetime.
 */
const runEnded = [
	{
		guard: ({ event }: { event: TrainingEvent }) =>
			event.type === 'trainer.finished' && event.result.reason === 'diverged',
		target: 'diverged',
	},
	{ target: 'completed' },
];
const specification = createMachine({
	id: 'trainingSpec',
	types: {} as { events: TrainingEvent },
	initial: 'idle',
	states: {
		idle: { on: { 'playback.start': 'training', 'playback.step': 'paused' } },
		training: {
			on: {
				'playback.pause': 'paused',
				'playback.step': 'paused',
				'training.setLearningRate': 'training',
				'trainer.epochCompleted': 'training',
				'trainer.finished': runEnded,
				'trainer.failed': 'failed',
				'training.stop': 'stopped',
				'playback.reset': 'idle',
			},
		},
		paused: {
			on: {
				'playback.start': 'training',
				'playback.step': 'paused',
				'training.setLearningRate': 'paused',
				'trainer.epochCompleted': 'paused',
				// Stepping through the last epoch ends the run from the paused state.
				'trainer.finished': runEnded,
				'trainer.failed': 'failed',
				'training.stop': 'stopped',
				'playback.reset': 'idle',
			},
		},
		completed: { on: { 'playback.start': 'training', 'playback.reset': 'idle' } },
		diverged: { on: { 'playback.start': 'training', 'playback.reset': 'idle' } },
		stopped: { on: { 'playback.start': 'training', 'playback.reset': 'idle' } },
		failed: { on: { 'playback.start': 'training', 'playback.reset': 'idle' } },
	},
});

describe('trainingMachine (model-based)', () => {
	const events: TrainingEvent[] = [
		{ type: 'playback.start' },
		{ type: 'playback.pause' },
		{ type: 'playback.step' },
		{ type: 'training.stop' },
		{ type: 'playback.reset' },
		{ type: 'training.setLearningRate', learningRate: 0.05 },
		{ type: 'trainer.epochCompleted', metrics: metrics(1) },
		{ type: 'trainer.finished', result: result('completed'), trainingDurationMs: 5 },
		{ type: 'trainer.finished', result: result('diverged'), trainingDurationMs: 5 },
		{ type: 'trainer.failed', message: 'worker crashed' },
	];
	const model = createTestModel(specification, { events });
	const paths = transitionSequences(model, events).flatMap((sequence) =>
		model
			.getPathsFromEvents(sequence, { allowDuplicatePaths: true })
			.filter((path) => path.steps.length === sequence.length + 1),
	);

	test('covers every state and every transition of the specification', () => {
		// idle 2 + training 9 + paused 9 + four end states × 2.
		expect(paths).toHaveLength(28);
		const reached = new Set(paths.map((p) => String(p.state.value)));
		expect([...reached].sort()).toEqual(
			['idle', 'training', 'paused', 'completed', 'diverged', 'stopped', 'failed'].sort(),
		);
	});

	for (const path of paths) {
		test(path.description, async () => {
			const { machine, log, emit, scheduled, runNext } = fakeTrainer();
			const actor = createActor(machine).start();
			const asked = () => log.requests.filter((r) => r.type === 'epoch').length;
			// Training: the clock has the next epoch scheduled or one in flight. Paused: at most the
			// one epoch of a step is still to be asked for, and then the clock is quiet.
			const inSession = (expected: 'training' | 'paused') => {
				expect(actor.getSnapshot().value).toEqual({ session: expected });
				expect(log.alive).toBe(true);
				if (expected === 'paused') {
					const before = asked();
					while (scheduled().length > 0) runNext();
					expect(asked() - before).toBeLessThanOrEqual(1);
				} else {
					expect(scheduled().length + asked()).toBeGreaterThan(0);
				}
			};
			const endedIn = (value: string) => {
				expect(actor.getSnapshot().value).toBe(value);
				expect(log.alive).toBe(false);
			};
			const send = ({ event }: { event: unknown }) => actor.send(event as TrainingEvent);
			await path.test({
				states: {
					idle: () => endedIn('idle'),
					training: () => inSession('training'),
					paused: () => inSession('paused'),
					completed: () => endedIn('completed'),
					diverged: () => endedIn('diverged'),
					stopped: () => endedIn('stopped'),
					failed: () => endedIn('failed'),
				},
				events: {
					'trainer.epochCompleted': () =>
						emit({ type: 'epoch', metrics: metrics(1), finished: null }),
					'trainer.finished': ({ event }) => {
						const e = event as unknown as { result: RunResult; trainingDurationMs: number };
						emit({ type: 'epoch', metrics: metrics(2), finished: e });
					},
					'trainer.failed': () => emit({ type: 'error', message: 'worker crashed' }),
					'playback.start': send,
					'playback.pause': send,
					'playback.step': send,
					'training.stop': send,
					'playback.reset': send,
					'training.setLearningRate': send,
				},
			});
			actor.stop();
			expect(log.alive).toBe(false);
		});
	}
});

describe('trainingMachine reproducing a hand-tuned run', () => {
	test('passes the per-epoch learning rates to the trainer', () => {
		const { machine, log } = fakeTrainer();
		const actor = createActor(machine).start();
		actor.send({
			type: 'training.configure',
			params: defaultTrainingParams,
			learningRateByEpoch: [0.1, 0.01],
		});
		actor.send({ type: 'playback.start' });
		expect(log.requests[0]).toEqual({
			type: 'configure',
			params: defaultTrainingParams,
			learningRateByEpoch: [0.1, 0.01],
		});
		actor.stop();
	});
});

describe('trainingMachine when the trainer cannot start', () => {
	test('fails with a message instead of hanging', () => {
		const machine = trainingMachine.provide({
			actors: {
				trainModel: trainerClock(() => {
					throw new Error('DataCloneError');
				}),
			},
		});
		const actor = createActor(machine).start();
		actor.send({ type: 'playback.start' });
		expect(actor.getSnapshot().value).toBe('failed');
		expect(actor.getSnapshot().context.error).toBe('The trainer could not start: DataCloneError');
		actor.stop();
	});
});
