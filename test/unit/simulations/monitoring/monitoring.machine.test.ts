import { describe, expect, test } from 'vitest';
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import {
	datasetDrift,
	defaultAlertRoute,
	dayObservedFrom,
	monitoringMachine,
	type MonitoredFeatureResult,
	type MonitoringEvent,
} from '@sim/index';
import { runPure } from '../pure-run';

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

const run = (events: readonly MonitoringEvent[], input = { persistenceDays: 3 }): Snapshot =>
	runPure(monitoringMachine, input, events);

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

	test('an alert resolves on its own the first day its rule stops firing', () => {
		const alerting = run([day(1, [], { accuracy: 0.6 })]);
		expect(alerting.value).toBe('alerting');
		const [group] = alerting.context.alerting.groups;
		expect(group).toMatchObject({
			id: 'alertname="AccuracyBelowThreshold",feature="model"#1',
			status: 'firing',
			openedDay: 1,
		});
		// Alertmanager needs nobody to acknowledge an alert for it to resolve.
		const cleared = run([day(1, [], { accuracy: 0.6 }), day(2)]);
		expect(cleared.value).toBe('healthy');
		expect(cleared.context.alerting.groups).toEqual([]);
		expect(cleared.context.alerting.closed.map((g) => [g.status, g.history.at(-1)])).toEqual([
			['resolved', { day: 2, kind: 'resolved' }],
		]);
		expect(cleared.context.alerting.notifications.map((n) => [n.day, n.reason])).toEqual([
			[1, 'first-notification'],
			[2, 'all-alerts-resolved'],
		]);
	});

	test('acknowledging silences repeats but not the alert; it resolves when the rule clears', () => {
		const acknowledged = run([day(1, [], { accuracy: 0.6 }), { type: 'alert.acknowledge' }]);
		expect(acknowledged.value).toBe('acknowledged');
		expect(acknowledged.context.alerting.groups[0]?.history.at(-1)).toEqual({
			day: 1,
			kind: 'acknowledged',
		});
		const stillBad = run([
			day(1, [], { accuracy: 0.6 }),
			{ type: 'alert.acknowledge' },
			day(2, [], { accuracy: 0.65 }),
		]);
		expect(stillBad.value).toBe('acknowledged');
		// The rule fired on both days; the page went out once.
		expect(stillBad.context.alertLog).toHaveLength(2);
		expect(stillBad.context.alerting.notifications).toHaveLength(1);
		const cleared = run([day(1, [], { accuracy: 0.6 }), { type: 'alert.acknowledge' }, day(2)]);
		expect(cleared.value).toBe('healthy');
	});

	test('a new alert while acknowledged opens its own group and alerts again', () => {
		const snapshot = run([
			day(1, [], { accuracy: 0.6 }),
			{ type: 'alert.acknowledge' },
			day(2, ['income', 'age', 'region'], { accuracy: 0.6 }),
		]);
		expect(snapshot.value).toBe('alerting');
		expect(snapshot.context.alerting.groups.map((g) => [g.labels.alertname, g.status])).toEqual([
			['AccuracyBelowThreshold', 'acknowledged'],
			['DatasetDrift', 'firing'],
		]);
		expect(snapshot.context.alertLog.map((entry) => [entry.day, entry.kind])).toEqual([
			[1, 'accuracy'],
			[2, 'dataset-drift'],
			[2, 'accuracy'],
		]);
	});

	test('one group can be acknowledged by id; the monitor alerts while another fires', () => {
		const both = run([day(1, ['income', 'age'], { accuracy: 0.6 })]);
		const id =
			both.context.alerting.groups.find((g) => g.labels.alertname === 'DatasetDrift')?.id ?? '';
		const [one] = transition(monitoringMachine, both, { type: 'alert.acknowledge', groupId: id });
		expect(one.value).toBe('alerting');
		expect(one.context.alerting.groups.map((g) => g.status).sort()).toEqual([
			'acknowledged',
			'firing',
		]);
		const [all] = transition(monitoringMachine, one, { type: 'alert.acknowledge' });
		expect(all.value).toBe('acknowledged');
	});

	test('a week of persistent drift is one alert that repeats at the repeat interval', () => {
		const events: MonitoringEvent[] = [];
		for (let n = 1; n <= 14; n++) events.push(day(n, n <= 12 ? ['income'] : []));
		const snapshot = run(events);
		expect(snapshot.value).toBe('healthy');
		// Alerts from day 3 (three drifted days), one per day until day 12 in the raw log…
		expect(snapshot.context.alertLog).toHaveLength(10);
		// …but one group: opened day 3, repeated on day 11 (day 3 is before 11 − 7), resolved day 13.
		expect(snapshot.context.alerting.closed).toHaveLength(1);
		expect(snapshot.context.alerting.notifications.map((n) => [n.day, n.reason])).toEqual([
			[3, 'first-notification'],
			[11, 'repeat-interval-elapsed'],
			[13, 'all-alerts-resolved'],
		]);
	});

	test('acknowledging outside alerting does nothing', () => {
		const snapshot = run([day(1, ['age']), { type: 'alert.acknowledge' }]);
		expect(snapshot.value).toBe('warning');
		expect(snapshot.context.alerting.groups).toEqual([]);
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
 * The specification, written from the rules in the machine's documentation and Alertmanager's
 * behaviour, not from the code: a plain reducer over each feature's drift streak and the open alert
 * groups (one alert each here: grouping is by alert name and feature, and each feature has one
 * test). An alert raised on a day opens its group (and pages) unless the group is open; an open
 * group whose alert is not raised resolves that day (and pages); an unacknowledged group pages
 * again once its last page is more than the repeat interval (two days here) old. Persistence is
 * two days; a day is one of a few kinds (nothing, one drifted feature, two drifted features —
 * half of four, so dataset drift —, low measured accuracy, low estimated accuracy).
 */
type Kind = 'clear' | 'driftA' | 'driftAB' | 'lowAccuracy' | 'lowEstimate';
type Step = Kind | 'acknowledge' | 'reset';
interface SpecGroup {
	acknowledged: boolean;
	lastPagedDay: number;
}
interface SpecState {
	day: number;
	streaks: Record<string, number>;
	groups: Record<string, SpecGroup>;
	signals: number;
	logged: number;
	pages: number;
	resolvedGroups: number;
}
const specRepeatDays = 2;
const specStart = (): SpecState => ({
	day: 0,
	streaks: {},
	groups: {},
	signals: 0,
	logged: 0,
	pages: 0,
	resolvedGroups: 0,
});
const driftedBy: Record<Kind, string[]> = {
	clear: [],
	driftA: ['income'],
	driftAB: ['income', 'age'],
	lowAccuracy: [],
	lowEstimate: [],
};

function specStatus(state: SpecState): string {
	const groups = Object.values(state.groups);
	if (groups.some((g) => !g.acknowledged)) return 'alerting';
	if (groups.length > 0) return 'acknowledged';
	return state.signals > 0 ? 'warning' : 'healthy';
}

function specStep(state: SpecState, step: Step): SpecState {
	if (step === 'reset') return specStart();
	if (step === 'acknowledge') {
		const groups: Record<string, SpecGroup> = {};
		for (const [key, g] of Object.entries(state.groups)) groups[key] = { ...g, acknowledged: true };
		return { ...state, groups };
	}
	const day = state.day + 1;
	const drifted = driftedBy[step];
	const streaks: Record<string, number> = {};
	for (const f of drifted) streaks[f] = (state.streaks[f] ?? 0) + 1;
	const alerts = [
		...drifted.filter((f) => (streaks[f] ?? 0) >= 2).map((f) => `persistent:${f}`),
		...(drifted.length >= 2 ? ['dataset'] : []),
		...(step === 'lowAccuracy' ? ['accuracy'] : []),
	];
	let { pages, resolvedGroups } = state;
	const groups: Record<string, SpecGroup> = {};
	for (const alert of alerts) {
		const open = state.groups[alert];
		if (open === undefined) {
			groups[alert] = { acknowledged: false, lastPagedDay: day };
			pages++;
		} else if (!open.acknowledged && open.lastPagedDay < day - specRepeatDays) {
			groups[alert] = { ...open, lastPagedDay: day };
			pages++;
		} else groups[alert] = open;
	}
	for (const key of Object.keys(state.groups)) {
		if (!alerts.includes(key)) {
			pages++;
			resolvedGroups++;
		}
	}
	return {
		day,
		streaks,
		groups,
		signals: drifted.length + (step === 'lowEstimate' ? 1 : 0),
		logged: state.logged + alerts.length,
		pages,
		resolvedGroups,
	};
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
		const input = {
			persistenceDays: 2,
			alertRoute: { ...defaultAlertRoute, repeatIntervalDays: specRepeatDays },
		};
		const [start] = initialTransition(monitoringMachine, input);
		let sequences = 0;
		const visited = new Set<string>();
		const walk = (snapshot: Snapshot, spec: SpecState, path: Step[]) => {
			for (const step of steps) {
				const [next] = transition(monitoringMachine, snapshot, eventFor(snapshot, step));
				const expected = specStep(spec, step);
				const where = [...path, step].join(' → ');
				expect(next.value, where).toBe(specStatus(expected));
				expect(next.context.alertLog.length, where).toBe(expected.logged);
				expect(next.context.alerting.notifications.length, where).toBe(expected.pages);
				expect(next.context.alerting.closed.length, where).toBe(expected.resolvedGroups);
				expect(next.context.lastRejection, where).toBeNull();
				visited.add(specStatus(expected));
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
