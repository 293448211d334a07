import { describe, expect, test } from 'vitest';
import { createActor, initialTransition, transition, type SnapshotFrom } from 'xstate';
import { createTestModel } from 'xstate/graph';
import {
	datasetDrift,
	dayObservedFrom,
	monitoringMachine,
	type MonitoredFeatureResult,
	type MonitoringEvent,
} from '@sim/index';

type Snapshot = SnapshotFrom<typeof monitoringMachine>;
type DayEvent = Extract<MonitoringEvent, { type: 'monitor.dayObserved' }>;

function feature(name: string, drifted: boolean): MonitoredFeatureResult {
	return {
		feature: name,
		test: 'wasserstein',
		score: drifted ? 0.3 : 0.02,
		threshold: 0.1,
		drifted,
	};
}

/** A day with the named features drifted out of `income`, `age`, `region` and `tenure`. */
function day(
	n: number,
	drifted: readonly string[] = [],
	extra: Partial<Pick<DayEvent, 'accuracy' | 'estimatedAccuracy' | 'datasetDriftShare'>> = {},
): DayEvent {
	const names = ['income', 'age', 'region', 'tenure'];
	return {
		type: 'monitor.dayObserved',
		day: n,
		featureResults: names.map((name) => feature(name, drifted.includes(name))),
		datasetDriftShare: drifted.length / names.length,
		...extra,
	};
}

function run(events: readonly MonitoringEvent[], input = { persistenceDays: 3 }): Snapshot {
	let [snapshot] = initialTransition(monitoringMachine, input);
	for (const event of events) [snapshot] = transition(monitoringMachine, snapshot, event);
	return snapshot;
}

describe('monitoring machine transitions', () => {
	test('starts healthy with an empty log and the default thresholds', () => {
		const [snapshot] = initialTransition(monitoringMachine, undefined);
		expect(snapshot.value).toBe('healthy');
		expect(snapshot.context).toMatchObject({
			persistenceDays: 3,
			datasetDriftShare: 0.5,
			accuracyThreshold: 0.8,
			lastDay: null,
			alertLog: [],
		});
	});

	test('one drifted feature is a warning; a clear day returns to healthy', () => {
		const warned = run([day(1, ['income'])]);
		expect(warned.value).toBe('warning');
		expect(warned.context.signalCount).toBe(1);
		expect(warned.context.alertLog).toEqual([]);
		expect(run([day(1, ['income']), day(2)]).value).toBe('healthy');
	});

	test('a feature drifted on three consecutive days raises a persistent-drift alert', () => {
		const snapshot = run([day(1, ['income']), day(2, ['income']), day(3, ['income'])]);
		expect(snapshot.value).toBe('alerting');
		expect(snapshot.context.alertLog).toEqual([
			{
				day: 3,
				kind: 'persistent-drift',
				feature: 'income',
				test: 'wasserstein',
				value: 0.3,
				threshold: 0.1,
			},
		]);
	});

	test('a gap in drift restarts the streak', () => {
		const snapshot = run([day(1, ['income']), day(2), day(3, ['income']), day(4, ['income'])]);
		expect(snapshot.value).toBe('warning');
		expect(snapshot.context.driftStreaks).toEqual({ income: 2 });
	});

	test('dataset drift (share ≥ 0.5) alerts at once', () => {
		const snapshot = run([day(7, ['income', 'age'])]);
		expect(snapshot.value).toBe('alerting');
		expect(snapshot.context.alertLog).toEqual([
			{
				day: 7,
				kind: 'dataset-drift',
				feature: 'dataset',
				test: 'drift-share',
				value: 0.5,
				threshold: 0.5,
			},
		]);
	});

	test('measured accuracy below the threshold alerts; an estimate only warns', () => {
		expect(run([day(1, [], { accuracy: 0.79 })]).value).toBe('alerting');
		expect(run([day(1, [], { accuracy: 0.8 })]).value).toBe('healthy');
		expect(run([day(1, [], { estimatedAccuracy: 0.7 })]).value).toBe('warning');
	});

	test('alerts wait for acknowledgement, then clear to healthy', () => {
		const alerting = run([day(1, [], { accuracy: 0.6 }), day(2)]);
		expect(alerting.value).toBe('alerting');
		const acknowledged = run([day(1, [], { accuracy: 0.6 }), { type: 'alert.acknowledge' }]);
		expect(acknowledged.value).toBe('acknowledged');
		expect(acknowledged.context.acknowledgedKeys).toEqual(['accuracy:model:accuracy']);
		expect(acknowledged.context.acknowledgedDay).toBe(1);
		const stillBad = run([
			day(1, [], { accuracy: 0.6 }),
			{ type: 'alert.acknowledge' },
			day(2, [], { accuracy: 0.65 }),
		]);
		expect(stillBad.value).toBe('acknowledged');
		expect(stillBad.context.alertLog).toHaveLength(1);
		const cleared = run([day(1, [], { accuracy: 0.6 }), { type: 'alert.acknowledge' }, day(2)]);
		expect(cleared.value).toBe('healthy');
		expect(cleared.context.acknowledgedKeys).toEqual([]);
	});

	test('a new kind of alert re-opens an acknowledged one and is logged', () => {
		const snapshot = run([
			day(1, [], { accuracy: 0.6 }),
			{ type: 'alert.acknowledge' },
			day(2, ['income', 'age', 'region'], { accuracy: 0.6 }),
		]);
		expect(snapshot.value).toBe('alerting');
		expect(snapshot.context.alertLog.map((entry) => [entry.day, entry.kind])).toEqual([
			[1, 'accuracy'],
			[2, 'dataset-drift'],
			[2, 'accuracy'],
		]);
	});

	test('acknowledging after the condition cleared still acknowledges what was raised', () => {
		const snapshot = run([day(1, ['income', 'age']), day(2), { type: 'alert.acknowledge' }]);
		expect(snapshot.value).toBe('acknowledged');
		expect(snapshot.context.acknowledgedKeys).toEqual(['dataset-drift:dataset:drift-share']);
		expect(snapshot.context.openAlertKeys).toEqual([]);
		expect(
			run([day(1, ['income', 'age']), day(2), { type: 'alert.acknowledge' }, day(3)]).value,
		).toBe('healthy');
	});

	test('acknowledging outside alerting does nothing', () => {
		const snapshot = run([day(1, ['age']), { type: 'alert.acknowledge' }]);
		expect(snapshot.value).toBe('warning');
		expect(snapshot.context.acknowledgedDay).toBeNull();
	});

	test('stale or malformed days are refused with a reason and change nothing else', () => {
		const before = run([day(5, ['age'])]);
		const [stale] = transition(monitoringMachine, before, day(5, ['income', 'age', 'region']));
		expect(stale.value).toBe('warning');
		expect(stale.context.lastRejection).toBe('day 5 is not after the last observed day 5');
		expect(stale.context.lastDay).toBe(5);
		const [bad] = transition(monitoringMachine, before, { ...day(6), datasetDriftShare: NaN });
		expect(bad.context.lastRejection).toBe('datasetDriftShare must be in [0, 1], got NaN');
		const [fractional] = transition(monitoringMachine, before, day(6.5));
		expect(fractional.context.lastRejection).toMatch(/non-negative integer/);
		const [accepted] = transition(monitoringMachine, stale, day(6));
		expect(accepted.context.lastRejection).toBeNull();
		expect(accepted.value).toBe('healthy');
	});

	test('reset returns to healthy, keeps thresholds and forgets history', () => {
		const snapshot = run([day(1, [], { accuracy: 0.1 }), { type: 'monitor.reset' }], {
			persistenceDays: 2,
		});
		expect(snapshot.value).toBe('healthy');
		expect(snapshot.context.persistenceDays).toBe(2);
		expect(snapshot.context.alertLog).toEqual([]);
		expect(snapshot.context.lastDay).toBeNull();
	});
});

describe('dayObservedFrom', () => {
	test('turns a datasetDrift result into the day event the machine reads', () => {
		const drift = datasetDrift([
			{ name: 'plan', reference: ['a', 'a', 'b', 'b'], current: ['c', 'c', 'c', 'c'] },
			{ name: 'age', reference: [1, 2, 3, 4, 5, 6, 7], current: [1, 2, 3, 4, 5, 6, 7] },
		]);
		const event = dayObservedFrom(4, drift, { estimatedAccuracy: 0.9 });
		expect(event).toEqual({
			type: 'monitor.dayObserved',
			day: 4,
			featureResults: [
				{ feature: 'plan', test: 'chisquare', score: 0, threshold: 0.05, drifted: true },
				{ feature: 'age', test: 'ks', score: 1, threshold: 0.05, drifted: false },
			],
			datasetDriftShare: 0.5,
			estimatedAccuracy: 0.9,
		});
		const [start] = initialTransition(monitoringMachine, undefined);
		expect(transition(monitoringMachine, start, event)[0].value).toBe('alerting');
	});
});

describe('monitoring machine, model-based', () => {
	// A finite abstraction: features a/b, persistence of two days; day numbers always advance.
	const kinds = {
		clear: [] as string[],
		driftA: ['income'],
		driftAB: ['income', 'age'],
		lowAccuracy: [] as string[],
		lowEstimate: [] as string[],
	};
	type Kind = keyof typeof kinds;
	const dayFor = (snapshot: Snapshot, kind: Kind): DayEvent =>
		day((snapshot.context.lastDay ?? 0) + 1, kinds[kind], {
			...(kind === 'lowAccuracy' ? { accuracy: 0.5 } : {}),
			...(kind === 'lowEstimate' ? { estimatedAccuracy: 0.5 } : {}),
		});
	const model = createTestModel(monitoringMachine, {
		input: { persistenceDays: 2 },
		events: (snapshot): MonitoringEvent[] => [
			...(Object.keys(kinds) as Kind[]).map((kind) => dayFor(snapshot, kind)),
			{ type: 'alert.acknowledge' },
			{ type: 'monitor.reset' },
		],
		// Abstract away the growing day counter, log and streaks (capped at the persistence) so the
		// state space is finite.
		serializeState: (snapshot) =>
			JSON.stringify([
				snapshot.value,
				Object.entries(snapshot.context.driftStreaks).map(([name, streak]) => [
					name,
					Math.min(streak, snapshot.context.persistenceDays),
				]),
				snapshot.context.acknowledgedKeys,
				snapshot.context.activeAlertKeys,
			]),
		serializeEvent: (event) =>
			event.type === 'monitor.dayObserved'
				? JSON.stringify([
						event.featureResults.filter((r) => r.drifted).length,
						event.accuracy,
						event.estimatedAccuracy,
					])
				: event.type,
	});

	const paths = model.getShortestPaths();

	test('every state is reachable', () => {
		// Paths that are prefixes of longer ones are merged, so look at every step's state.
		const reached = new Set(
			paths.flatMap((path) => path.steps.map((step) => String(step.state.value))),
		);
		expect([...reached].sort()).toEqual(['acknowledged', 'alerting', 'healthy', 'warning']);
		expect(paths.length).toBeGreaterThan(10);
	});

	for (const path of paths) {
		test(path.description, async () => {
			const actor = createActor(monitoringMachine, { input: { persistenceDays: 2 } }).start();
			const invariants = (expected: Snapshot) => {
				const snapshot = actor.getSnapshot();
				const { context } = snapshot;
				expect(snapshot.value).toBe(expected.value);
				expect(context.lastRejection).toBeNull();
				const days = context.alertLog.map((entry) => entry.day);
				expect(days).toEqual([...days].sort((a, b) => a - b));
				for (const streak of Object.values(context.driftStreaks)) expect(streak).toBeGreaterThan(0);
				return context;
			};
			await path.test({
				// xstate/graph types each executor's event by its type only; the step carries the full event.
				events: {
					'monitor.dayObserved': ({ event }) => void actor.send(event as MonitoringEvent),
					'alert.acknowledge': ({ event }) => void actor.send(event as MonitoringEvent),
					'monitor.reset': ({ event }) => void actor.send(event as MonitoringEvent),
				},
				states: {
					healthy: (state) => {
						const context = invariants(state);
						expect(
							context.activeAlertKeys.every((key) => context.acknowledgedKeys.includes(key)),
						).toBe(true);
						expect(context.acknowledgedKeys).toEqual([]);
					},
					warning: (state) => {
						const context = invariants(state);
						expect(context.signalCount).toBeGreaterThan(0);
						expect(context.activeAlertKeys).toEqual([]);
					},
					alerting: (state) => {
						const context = invariants(state);
						expect(context.alertLog.length).toBeGreaterThan(0);
					},
					acknowledged: (state) => {
						const context = invariants(state);
						expect(context.acknowledgedDay).not.toBeNull();
						expect(context.acknowledgedKeys.length).toBeGreaterThan(0);
						expect(context.alertLog.length).toBeGreaterThan(0);
					},
				},
			});
			actor.stop();
		});
	}
});
