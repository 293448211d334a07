import { describe, expect, test } from 'vitest';
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
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

/**
 * The specification, written from the rules in the machine's documentation and not from its code:
 * a plain reducer over the monitor's status, each feature's drift streak, the alerts raised since
 * the last acknowledgement and the alerts acknowledged. Persistence is two days; a day is one of a
 * few kinds (nothing, one drifted feature, two drifted features — half of four, so dataset drift —,
 * low measured accuracy, low estimated accuracy).
 */
type Kind = 'clear' | 'driftA' | 'driftAB' | 'lowAccuracy' | 'lowEstimate';
type Step = Kind | 'acknowledge' | 'reset';
interface SpecState {
	status: 'healthy' | 'warning' | 'alerting' | 'acknowledged';
	streaks: Record<string, number>;
	open: string[];
	acknowledged: string[];
	logged: number;
}
const specStart = (): SpecState => ({
	status: 'healthy',
	streaks: {},
	open: [],
	acknowledged: [],
	logged: 0,
});
const driftedBy: Record<Kind, string[]> = {
	clear: [],
	driftA: ['income'],
	driftAB: ['income', 'age'],
	lowAccuracy: [],
	lowEstimate: [],
};

function specStep(state: SpecState, step: Step): SpecState {
	if (step === 'reset') return specStart();
	if (step === 'acknowledge') {
		// Only an open alert can be acknowledged.
		if (state.status !== 'alerting') return state;
		return {
			...state,
			status: 'acknowledged',
			acknowledged: [...new Set([...state.acknowledged, ...state.open])],
			open: [],
		};
	}
	const drifted = driftedBy[step];
	const streaks: Record<string, number> = {};
	for (const f of drifted) streaks[f] = (state.streaks[f] ?? 0) + 1;
	const alerts = [
		...drifted.filter((f) => (streaks[f] ?? 0) >= 2).map((f) => `persistent:${f}`),
		...(drifted.length >= 2 ? ['dataset'] : []),
		...(step === 'lowAccuracy' ? ['accuracy'] : []),
	];
	const signals = drifted.length + (step === 'lowEstimate' ? 1 : 0);
	const next = { ...state, streaks, logged: state.logged + alerts.length };
	const raise = (): SpecState => ({
		...next,
		status: 'alerting',
		open: [...new Set([...state.open, ...alerts])],
	});
	switch (state.status) {
		case 'healthy':
		case 'warning':
			if (alerts.length > 0) return raise();
			return { ...next, status: signals > 0 ? 'warning' : 'healthy' };
		case 'alerting':
			return raise();
		case 'acknowledged':
			if (alerts.some((a) => !state.acknowledged.includes(a))) return raise();
			if (alerts.length === 0 && signals === 0) {
				return { ...next, status: 'healthy', acknowledged: [] };
			}
			// Acknowledged alerts are silenced: they recur without being logged again.
			return { ...next, logged: state.logged };
	}
}

describe('monitoring machine against its specification (model-based)', () => {
	const steps: Step[] = [
		'clear',
		'driftA',
		'driftAB',
		'lowAccuracy',
		'lowEstimate',
		'acknowledge',
		'reset',
	];
	const eventFor = (snapshot: Snapshot, step: Step): MonitoringEvent => {
		if (step === 'acknowledge') return { type: 'alert.acknowledge' };
		if (step === 'reset') return { type: 'monitor.reset' };
		return day((snapshot.context.lastDay ?? 0) + 1, driftedBy[step], {
			...(step === 'lowAccuracy' ? { accuracy: 0.5 } : {}),
			...(step === 'lowEstimate' ? { estimatedAccuracy: 0.5 } : {}),
		});
	};

	test('agrees with the specification on every sequence of up to five steps', () => {
		const input = { persistenceDays: 2 };
		const [start] = initialTransition(monitoringMachine, input);
		let sequences = 0;
		const visited = new Set<string>();
		const walk = (snapshot: Snapshot, spec: SpecState, path: Step[]) => {
			for (const step of steps) {
				const [next] = transition(monitoringMachine, snapshot, eventFor(snapshot, step));
				const expected = specStep(spec, step);
				const where = [...path, step].join(' → ');
				expect(next.value, where).toBe(expected.status);
				expect(next.context.alertLog.length, where).toBe(expected.logged);
				expect(next.context.lastRejection, where).toBeNull();
				visited.add(expected.status);
				sequences++;
				if (path.length < 4) walk(next, expected, [...path, step]);
			}
		};
		walk(start, specStart(), []);
		// 7 + 7² + … + 7⁵ sequences, and every status reached.
		expect(sequences).toBe(19_607);
		expect([...visited].sort()).toEqual(['acknowledged', 'alerting', 'healthy', 'warning']);
	});
});
