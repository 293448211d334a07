import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { createActor, transition, type SnapshotFrom } from 'xstate';
import { createStreamHandler, driftService } from '@sim/drift/drift.service';
import {
	defaultStreamConfig,
	driftLabMachine,
	driftPresets,
	noScenario,
	openInPagePort,
	streamClock,
	streamFailure,
	runDriftStream,
	type DayResult,
	type DriftLabEvent,
	type FeatureHistogram,
	type StreamConfig,
	type StreamReply,
} from '@sim/index';
import { walkLab, type LabSpec, type SharedMove } from '../lab-walk';
import { runPure } from '../pure-run';

type Snapshot = SnapshotFrom<typeof driftLabMachine>;

let days: DayResult[] = [];
beforeAll(() => {
	days = runDriftStream(defaultStreamConfig, 4);
});

const dayEvent = (n: number): DriftLabEvent => ({
	type: 'clock.dayComputed',
	result: days[n - 1] as DayResult,
	histograms: [] as FeatureHistogram[],
	modelSource: 'default',
});

const run = (events: readonly DriftLabEvent[], horizonDays = 3): Snapshot =>
	runPure(driftLabMachine, { horizonDays }, events);

describe('drift lab machine transitions (pure)', () => {
	test('starts idle with the default configuration and a healthy monitor', () => {
		const snapshot = run([]);
		expect(snapshot.value).toBe('idle');
		expect(snapshot.context.config).toEqual(defaultStreamConfig);
		expect(snapshot.context.monitoring.value).toBe('healthy');
	});

	test('start streams, pause pauses, start resumes, days accumulate', () => {
		let snapshot = run([{ type: 'playback.start' }, dayEvent(1)]);
		expect(snapshot.value).toEqual({ running: 'streaming' });
		expect(snapshot.context.results.map((r) => r.day)).toEqual([1]);
		snapshot = transition(driftLabMachine, snapshot, { type: 'playback.pause' })[0];
		expect(snapshot.value).toEqual({ running: 'paused' });
		snapshot = transition(driftLabMachine, snapshot, { type: 'playback.start' })[0];
		expect(snapshot.value).toEqual({ running: 'streaming' });
	});

	test('step from idle starts a paused run in step mode', () => {
		const snapshot = run([{ type: 'playback.step' }]);
		expect(snapshot.value).toEqual({ running: 'paused' });
		expect(snapshot.context.startMode).toBe('step');
	});

	test('the horizon day finishes the run; start again begins a fresh one', () => {
		let snapshot = run([{ type: 'playback.start' }, dayEvent(1), dayEvent(2), dayEvent(3)]);
		expect(snapshot.value).toBe('finished');
		expect(snapshot.context.results).toHaveLength(3);
		snapshot = transition(driftLabMachine, snapshot, { type: 'playback.start' })[0];
		expect(snapshot.value).toEqual({ running: 'streaming' });
		expect(snapshot.context.results).toEqual([]);
	});

	test('reset from anywhere returns to idle and clears the run but keeps the settings', () => {
		const config: StreamConfig = { ...defaultStreamConfig, windowDays: 5 };
		const snapshot = run([
			{ type: 'stream.configure', config, horizonDays: 3 },
			{ type: 'playback.start' },
			dayEvent(1),
			{ type: 'playback.reset' },
		]);
		expect(snapshot.value).toBe('idle');
		expect(snapshot.context.results).toEqual([]);
		expect(snapshot.context.config.windowDays).toBe(5);
	});

	test('drift.inject mid-run records the scenario and the day it applies from', () => {
		const scenario = { ...noScenario, kind: 'unit' as const, feature: 'monthlyCharge' as const };
		const snapshot = run([
			{ type: 'playback.start' },
			dayEvent(1),
			{ type: 'drift.inject', scenario },
		]);
		// The base scenario stays; the injection joins the schedule a link carries.
		expect(snapshot.context.config.scenario).toEqual(noScenario);
		expect(snapshot.context.config.injections).toEqual([{ fromDay: 2, scenario }]);
		expect(snapshot.context.injections).toEqual([{ day: 2, scenario }]);
		expect(snapshot.value).toEqual({ running: 'streaming' });
	});

	test('a new accuracy threshold mid-run reaches the running monitor without a reset', () => {
		const snapshot = run([
			{ type: 'playback.start' },
			dayEvent(1),
			{ type: 'monitor.setAccuracyThreshold', accuracyThreshold: 0.9 },
		]);
		expect(snapshot.value).toEqual({ running: 'streaming' });
		expect(snapshot.context.results).toHaveLength(1);
		expect(snapshot.context.monitoring.context.accuracyThreshold).toBe(0.9);
		expect(snapshot.context.monitoring.context.lastDay).toBe(1);
		// The run's first threshold stays; the change joins its schedule from day 2.
		expect(snapshot.context.config.accuracyThreshold).toBe(0.75);
		expect(snapshot.context.config.thresholdChanges).toEqual([
			{ fromDay: 2, accuracyThreshold: 0.9 },
		]);
		// An impossible threshold is refused; the monitor keeps the one it had.
		const [kept] = transition(driftLabMachine, snapshot, {
			type: 'monitor.setAccuracyThreshold',
			accuracyThreshold: Number.NaN,
		});
		expect(kept.context.monitoring.context.accuracyThreshold).toBe(0.9);
		expect(kept.context.config.thresholdChanges).toHaveLength(1);
	});

	test('a threshold changed mid-run judges only later days, and its schedule replays the run', () => {
		// Labels arrive the same day, so each day's measured accuracy meets the threshold in force.
		const config: StreamConfig = {
			...defaultStreamConfig,
			labelDelayDays: 0,
			accuracyThreshold: 0.5,
		};
		const live = run(
			[
				{ type: 'stream.configure', config, horizonDays: 5 },
				{ type: 'playback.start' },
				dayEvent(1),
				dayEvent(2),
				{ type: 'monitor.setAccuracyThreshold', accuracyThreshold: 0.99 },
				dayEvent(3),
				dayEvent(4),
			],
			5,
		);
		const log = live.context.monitoring.context.alertLog;
		// Days 1 and 2 were judged at 0.5 and keep their verdict (no alert); 3 and 4 at 0.99.
		expect(log.filter((a) => a.kind === 'accuracy').map((a) => [a.day, a.threshold])).toEqual([
			[3, 0.99],
			[4, 0.99],
		]);
		expect(live.context.config.thresholdChanges).toEqual([{ fromDay: 3, accuracyThreshold: 0.99 }]);
		// The run's config alone (what a link carries) gives the same monitor, day for day.
		const replay = run(
			[
				{ type: 'stream.configure', config: live.context.config, horizonDays: 5 },
				{ type: 'playback.start' },
				dayEvent(1),
				dayEvent(2),
				dayEvent(3),
				dayEvent(4),
			],
			5,
		);
		expect(replay.context.monitoring.value).toBe(live.context.monitoring.value);
		expect(replay.context.monitoring.context).toEqual(live.context.monitoring.context);
		// Replaying with the new threshold from day 1 would not: days 1 and 2 would alert too.
		const wholeRun = run(
			[
				{
					type: 'stream.configure',
					config: { ...config, accuracyThreshold: 0.99 },
					horizonDays: 5,
				},
				{ type: 'playback.start' },
				dayEvent(1),
				dayEvent(2),
				dayEvent(3),
				dayEvent(4),
			],
			5,
		);
		expect(
			wholeRun.context.monitoring.context.alertLog.filter((a) => a.kind === 'accuracy'),
		).toHaveLength(4);
	});

	test('each day feeds the monitoring machine, and acknowledge reaches it', () => {
		// Day 3 of the default run has one drifted feature: a warning, not an alert.
		const snapshot = run([{ type: 'playback.start' }, dayEvent(1), dayEvent(2), dayEvent(3)], 4);
		expect(snapshot.context.monitoring.context.lastDay).toBe(3);
		expect(snapshot.context.monitoring.value).toBe('warning');
		const alerting = run([
			{ type: 'playback.start' },
			{ ...dayEvent(1), result: { ...(days[0] as DayResult), driftShare: 0.6 } } as DriftLabEvent,
		]);
		expect(alerting.context.monitoring.value).toBe('alerting');
		const acknowledged = transition(driftLabMachine, alerting, { type: 'alert.acknowledge' })[0];
		expect(acknowledged.context.monitoring.value).toBe('acknowledged');
	});

	test('a clock error pauses the run with the message; bad speeds are refused', () => {
		let snapshot = run([{ type: 'playback.start' }, { type: 'clock.failed', message: 'boom' }]);
		expect(snapshot.value).toEqual({ running: 'paused' });
		expect(snapshot.context.error).toBe('boom');
		snapshot = transition(driftLabMachine, snapshot, {
			type: 'playback.setSpeed',
			delayMs: -5,
		})[0];
		expect(snapshot.context.dayDelayMs).toBe(400);
		snapshot = transition(driftLabMachine, snapshot, {
			type: 'playback.setSpeed',
			delayMs: 50,
		})[0];
		expect(snapshot.context.dayDelayMs).toBe(50);
	});
});

describe('drift lab machine with its real clock', () => {
	afterEach(() => {
		vi.useRealTimers();
	});
	// The real clock and the real service, on the page; the service is loaded without a dynamic
	// import, whose module loading fake timers cannot advance.
	const machine = driftLabMachine.provide({
		actors: {
			clock: streamClock((onReply) =>
				openInPagePort(() => Promise.resolve(driftService), onReply, streamFailure),
			),
		},
	});

	// The in-page service answers on a later task, as a worker does, so time is advanced with the
	// async variant, which also lets the replies' promises settle.
	test('streams the same days as the model, pauses, steps and stops its timer at the end', async () => {
		vi.useFakeTimers();
		const actor = createActor(machine, { input: { horizonDays: 4 } }).start();
		actor.send({ type: 'playback.setSpeed', delayMs: 100 });
		actor.send({ type: 'playback.start' });
		await vi.advanceTimersByTimeAsync(250);
		expect(actor.getSnapshot().context.results).toHaveLength(2);
		actor.send({ type: 'playback.pause' });
		await vi.advanceTimersByTimeAsync(1000);
		expect(actor.getSnapshot().context.results).toHaveLength(2);
		actor.send({ type: 'playback.step' });
		await vi.advanceTimersByTimeAsync(1);
		expect(actor.getSnapshot().context.results).toHaveLength(3);
		actor.send({ type: 'playback.start' });
		await vi.advanceTimersByTimeAsync(1000);
		const snapshot = actor.getSnapshot();
		expect(snapshot.value).toBe('finished');
		expect(snapshot.context.results).toEqual(days);
		expect(snapshot.context.histograms).toHaveLength(11);
		expect(snapshot.context.modelSource).toBe('default');
		expect(vi.getTimerCount()).toBe(0);
		actor.stop();
	});

	test('a preset reaches its first alert on the day the model predicts', async () => {
		vi.useFakeTimers();
		const preset = driftPresets.find((p) => p.id === 'harmless-shift');
		if (!preset) throw new Error('missing preset');
		const actor = createActor(machine, {
			input: { config: preset.params.config, horizonDays: 25 },
		}).start();
		actor.send({ type: 'playback.setSpeed', delayMs: 0 });
		actor.send({ type: 'playback.start' });
		await vi.advanceTimersByTimeAsync(100);
		const snapshot = actor.getSnapshot();
		expect(snapshot.value).toBe('finished');
		expect(snapshot.context.monitoring.context.alertLog[0]).toMatchObject({
			day: 22,
			feature: 'discountPercent',
		});
		actor.stop();
	});
});

/**
 * The specification, written from the lab's rules and not from the machine: idle → a run
 * (streaming ⇄ paused) → finished after the horizon's days; a failure pauses; reset always goes
 * back to idle; settings change only outside a run (injections are recorded during one).
 */
type DriftSpec = LabSpec;
type Move = SharedMove | 'inject' | 'acknowledge' | 'speed' | 'configure' | 'useModel' | 'day';

function driftSpecStep(spec: DriftSpec, move: Move, horizon: number): DriftSpec {
	const running = spec.value === 'streaming' || spec.value === 'paused';
	switch (move) {
		case 'reset':
			return { value: 'idle', days: 0 };
		case 'speed':
		case 'acknowledge':
		case 'useModel':
			return spec;
		case 'start':
			if (spec.value === 'idle' || spec.value === 'finished')
				return { value: 'streaming', days: 0 };
			return spec.value === 'paused' ? { ...spec, value: 'streaming' } : spec;
		case 'step':
			if (spec.value === 'idle') return { value: 'paused', days: 0 };
			return running ? { ...spec, value: 'paused' } : spec;
		case 'pause':
			return spec.value === 'streaming' ? { ...spec, value: 'paused' } : spec;
		case 'fail':
			return running ? { ...spec, value: 'paused' } : spec;
		case 'configure':
		case 'inject':
			return spec.value === 'finished' ? { value: 'idle', days: 0 } : spec;
		case 'day':
			if (!running) return spec;
			return spec.days + 1 >= horizon
				? { value: 'finished', days: spec.days + 1 }
				: { ...spec, days: spec.days + 1 };
	}
}

describe('drift lab machine against its specification (model-based)', () => {
	const horizon = 2;
	const scenario = { ...noScenario, kind: 'sudden' as const };
	const moves: Move[] = [
		'start',
		'pause',
		'step',
		'reset',
		'inject',
		'acknowledge',
		'speed',
		'configure',
		'useModel',
		'fail',
		'day',
	];
	const eventFor = (snapshot: Snapshot, move: Exclude<Move, SharedMove>): DriftLabEvent => {
		switch (move) {
			case 'inject':
				return { type: 'drift.inject', scenario };
			case 'acknowledge':
				return { type: 'alert.acknowledge' };
			case 'speed':
				return { type: 'playback.setSpeed', delayMs: 10 };
			case 'configure':
				return { type: 'stream.configure', config: defaultStreamConfig, horizonDays: horizon };
			case 'useModel':
				return { type: 'model.use', artifact: null };
			case 'day':
				return dayEvent(Math.min(horizon, snapshot.context.results.length + 1));
		}
	};

	test('agrees with the specification on every sequence of up to four moves', () => {
		const sequences = walkLab({
			machine: driftLabMachine,
			input: { horizonDays: horizon },
			spec: { value: 'idle', days: 0 },
			moves,
			depth: 4,
			horizon,
			event: eventFor,
			specStep: (spec: DriftSpec, move) => driftSpecStep(spec, move, horizon),
			check: (next, expected, where) =>
				expect(
					next.context.results.map((r) => r.day),
					where,
				).toEqual(Array.from({ length: expected.days }, (_, k) => k + 1)),
		});
		expect(sequences).toBeGreaterThan(10_000);
	});
});

describe('the stream service', () => {
	test('answers with the model’s days and their histograms', () => {
		const replies: StreamReply[] = [];
		const handler = createStreamHandler((reply) => replies.push(reply));
		handler.handle({ type: 'open', config: defaultStreamConfig, artifact: null });
		handler.handle({ type: 'day', day: 1 });
		handler.handle({ type: 'day', day: 2 });
		expect(replies.map((r) => (r.type === 'day' ? r.result : null))).toEqual(days.slice(0, 2));
		const last = replies[1];
		expect(last?.type === 'day' && last.histograms.map((h) => h.feature)).toHaveLength(11);
	});

	test('a day asked for before the stream opens comes back as an error, not a throw', () => {
		const replies: StreamReply[] = [];
		createStreamHandler((reply) => replies.push(reply)).handle({ type: 'day', day: 1 });
		expect(replies).toEqual([
			{ type: 'error', message: 'The stream was asked for a day before it opened.' },
		]);
	});

	test('on the page it answers asynchronously and never after terminate', async () => {
		const replies: StreamReply[] = [];
		const port = openInPagePort(
			() => Promise.resolve(driftService),
			(reply) => replies.push(reply),
			streamFailure,
		);
		port.post({ type: 'open', config: defaultStreamConfig, artifact: null });
		port.post({ type: 'day', day: 1 });
		expect(replies).toEqual([]);
		// Computing the day takes ~0.8 s alone and longer on a loaded machine: wait up to 10 s.
		await vi.waitFor(() => expect(replies).toHaveLength(1), { timeout: 10_000 });
		expect(replies[0]?.type === 'day' && replies[0].result).toEqual(days[0]);
		port.post({ type: 'day', day: 2 });
		port.terminate();
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(replies).toHaveLength(1);
	});
});

describe('the drift lab entry point', () => {
	test('restates the dataset-drift share of the statistics exactly', async () => {
		const { datasetDriftShare } = await import('@sim/labs/drift');
		const { DEFAULT_DRIFT_SHARE } = await import('@sim/stats/feature-drift.detector');
		expect(datasetDriftShare).toBe(DEFAULT_DRIFT_SHARE);
	});
});
