import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import {
	createActor,
	createMachine,
	initialTransition,
	transition,
	type SnapshotFrom,
} from 'xstate';
import { createTestModel } from 'xstate/graph';
import { createStreamHandler, driftService } from '@sim/drift/drift.service';
import {
	createDriftLabContext,
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

function run(events: readonly DriftLabEvent[], horizonDays = 3): Snapshot {
	let [snapshot] = initialTransition(driftLabMachine, { horizonDays });
	for (const event of events) [snapshot] = transition(driftLabMachine, snapshot, event);
	return snapshot;
}

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
		expect(snapshot.context.config.scenario).toEqual(scenario);
		expect(snapshot.context.injections).toEqual([{ day: 2, scenario }]);
		expect(snapshot.value).toEqual({ running: 'streaming' });
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
			input: { config: preset.config, horizonDays: 25 },
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

describe('drift lab machine (model-based)', () => {
	const scenario = { ...noScenario, kind: 'sudden' as const };
	// Test models cannot run invocations; the clock's effect is modelled by `clock.day` events, so
	// the suite runs the lab's own configuration and implementations without the invoke and
	// with the commands to the clock as no-ops.
	const { invoke: _clock, ...running } = driftLabMachine.config.states?.running ?? {};
	const withoutClock = createMachine(
		{
			...driftLabMachine.config,
			context: createDriftLabContext(defaultStreamConfig, 2),
			states: { ...driftLabMachine.config.states, running },
		} as typeof driftLabMachine.config,
		{
			...driftLabMachine.implementations,
			actions: {
				...driftLabMachine.implementations.actions,
				commandRun: () => {},
				commandPause: () => {},
				commandStep: () => {},
				commandSpeed: () => {},
				commandInject: () => {},
				commandSwap: () => {},
			},
		},
	) as unknown as typeof driftLabMachine;
	const model = createTestModel(withoutClock, {
		events: (snapshot): DriftLabEvent[] => {
			const next = snapshot.context.results.length + 1;
			return [
				{ type: 'playback.start' },
				{ type: 'playback.pause' },
				{ type: 'playback.step' },
				{ type: 'playback.reset' },
				{ type: 'drift.inject', scenario },
				{ type: 'alert.acknowledge' },
				{ type: 'playback.setSpeed', delayMs: 10 },
				{ type: 'stream.configure', config: defaultStreamConfig, horizonDays: 2 },
				{ type: 'model.use', artifact: null },
				{ type: 'clock.failed', message: 'boom' },
				...(next <= 2 ? [dayEvent(next)] : []),
			];
		},
		serializeState: (snapshot) =>
			JSON.stringify([
				snapshot.value,
				snapshot.context.results.length,
				snapshot.context.monitoring.value,
				snapshot.context.config.scenario.kind,
			]),
	});

	test('every state is reachable and every path keeps the invariants', () => {
		const paths = model.getSimplePaths();
		const reached = new Set(
			paths.flatMap((path) => path.steps.map((step) => JSON.stringify(step.state.value))),
		);
		expect([...reached].sort()).toEqual(
			[
				'"idle"',
				'"finished"',
				JSON.stringify({ running: 'streaming' }),
				JSON.stringify({ running: 'paused' }),
			].sort(),
		);
		for (const path of paths) {
			for (const step of path.steps) {
				const { value, context } = step.state;
				// Idle never holds results; a finished run always holds exactly the horizon's days.
				if (value === 'idle') expect(context.results).toEqual([]);
				if (value === 'finished') expect(context.results).toHaveLength(context.horizonDays);
				expect(context.results.map((r) => r.day)).toEqual(context.results.map((_, i) => i + 1));
			}
		}
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
		await vi.waitFor(() => expect(replies).toHaveLength(1));
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
