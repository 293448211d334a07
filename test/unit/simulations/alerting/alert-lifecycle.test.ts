// The alert lifecycle against Alertmanager's semantics (prometheus/alertmanager 68fb2d5759b3:
// notify/dedup_stage.go needsUpdate with its test table TestDedupStageNeedsUpdate in
// notify/notify_test.go; dispatch/dispatch.go aggrGroup run/flush for group_wait, group_interval
// and group destruction), in days instead of minutes.
import { describe, expect, test } from 'vitest';
import {
	AlertingInputError,
	defaultAlertRoute,
	initialAlertingState,
	notifyReason,
	reduceAlerting,
	type AlertingState,
	type AlertLabels,
	type AlertRouteConfig,
} from '@sim/index';

const drift = (feature: string): AlertLabels => ({ alertname: 'FeatureDrift', feature });

/** Runs days 1..n, firing what `firingOn(day)` returns; acknowledges on the given days. */
function run(
	days: number,
	firingOn: (day: number) => AlertLabels[],
	route: Partial<AlertRouteConfig> = {},
	acknowledgements: Record<number, (state: AlertingState) => string> = {},
): AlertingState {
	let state = initialAlertingState({ ...defaultAlertRoute, ...route });
	for (let day = 1; day <= days; day++) {
		state = reduceAlerting(state, { type: 'alerts.observed', day, firing: firingOn(day) });
		const ack = acknowledgements[day];
		if (ack) state = reduceAlerting(state, { type: 'alert.acknowledge', groupId: ack(state), day });
	}
	return state;
}
const between = (first: number, last: number, labels: AlertLabels[]) => (day: number) =>
	day >= first && day <= last ? labels : [];
const notified = (state: AlertingState) => state.notifications.map((n) => [n.day, n.reason]);

describe("notifyReason is Alertmanager's needsUpdate (TestDedupStageNeedsUpdate)", () => {
	// Their clock: now, repeat 10 minutes, entries 9 or 11 minutes old. Ours: day 100, 10 days.
	const set = (...keys: number[]) => new Set(keys.map(String));
	const entry = (age: number, firing: number[], resolved: number[] = []) => ({
		day: 100 - age,
		firing: firing.map(String),
		resolved: resolved.map(String),
	});
	const cases: [
		string,
		ReturnType<typeof entry> | null,
		Set<string>,
		Set<string>,
		boolean,
		boolean,
	][] = [
		['no entry, alerts firing: notify', null, set(2, 3, 4), set(), false, true],
		['no entry, only resolved: do not', null, set(), set(2, 3, 4), false, false],
		['different firing alerts: notify', entry(0, [1, 2, 3]), set(2, 3, 4), set(), false, true],
		[
			'identical, before the repeat interval: do not',
			entry(9, [1, 2, 3]),
			set(1, 2, 3),
			set(),
			false,
			false,
		],
		[
			'identical, after the repeat interval: notify',
			entry(11, [1, 2, 3]),
			set(1, 2, 3),
			set(),
			false,
			true,
		],
		[
			'new resolved without firing, after repeat: do not',
			entry(11, [], [1, 2, 3]),
			set(),
			set(3, 4, 5),
			true,
			false,
		],
		[
			'new resolved, send_resolved off: do not',
			entry(9, [1, 2], [3]),
			set(1),
			set(2, 3),
			false,
			false,
		],
		[
			'new resolved, send_resolved on: notify',
			entry(9, [1, 2], [3]),
			set(1),
			set(2, 3),
			true,
			true,
		],
		[
			'nothing firing any more, send_resolved off: notify',
			entry(9, [1, 2], [3]),
			set(),
			set(1, 2, 3),
			false,
			true,
		],
		[
			'nothing firing any more, send_resolved on: notify',
			entry(9, [1, 2], [3]),
			set(),
			set(1, 2, 3),
			true,
			true,
		],
	];
	for (const [name, e, firing, resolved, sendResolved, expected] of cases) {
		test(name, () => {
			expect(notifyReason(e, firing, resolved, 10, 100, sendResolved) !== 'none').toBe(expected);
		});
	}
	test('the comparison is strict: exactly the repeat interval old does not repeat', () => {
		expect(notifyReason(entry(10, [1]), set(1), set(), 10, 100, true)).toBe('none');
		expect(notifyReason(entry(11, [1]), set(1), set(), 10, 100, true)).toBe(
			'repeat-interval-elapsed',
		);
	});
});

describe('the lifecycle on a table of cases', () => {
	test('a week of persistent drift on one feature is one alert with its history', () => {
		const state = run(12, between(3, 9, [drift('tenureMonths')]));
		expect(state.groups).toEqual([]);
		expect(state.closed).toHaveLength(1);
		const alert = state.closed[0];
		expect(alert?.id).toBe('alertname="FeatureDrift",feature="tenureMonths"#1');
		expect(alert?.status).toBe('resolved');
		expect(alert?.history.map((h) => [h.day, h.kind, h.reason])).toEqual([
			[3, 'opened', undefined],
			[3, 'alert-added', undefined],
			[3, 'notified', 'first-notification'],
			[10, 'alert-resolved', undefined],
			[10, 'notified', 'all-alerts-resolved'],
			[10, 'resolved', undefined],
		]);
		expect(notified(state)).toEqual([
			[3, 'first-notification'],
			[10, 'all-alerts-resolved'],
		]);
	});

	test('repeat interval: a 7-day repeat with daily flushes re-notifies on days 9 and 17', () => {
		const state = run(20, between(1, 20, [drift('seats')]));
		expect(notified(state)).toEqual([
			[1, 'first-notification'],
			[9, 'repeat-interval-elapsed'],
			[17, 'repeat-interval-elapsed'],
		]);
		expect(state.groups[0]?.status).toBe('firing');
	});

	test('group_wait delays the first notification; an alert gone before it is never sent', () => {
		const late = run(10, between(5, 10, [drift('seats')]), { groupWaitDays: 2 });
		expect(state0(late)).toBe('firing');
		expect(notified(late)).toEqual([[7, 'first-notification']]);
		const brief = run(10, between(5, 5, [drift('seats')]), { groupWaitDays: 2 });
		expect(notified(brief)).toEqual([]);
		expect(brief.closed[0]?.history.map((h) => h.kind)).toEqual([
			'opened',
			'alert-added',
			'alert-resolved',
			'resolved',
		]);
	});

	test('group_interval: flushes every 3 days, so resolution is told at the next flush', () => {
		const state = run(12, between(1, 4, [drift('seats')]), { groupIntervalDays: 3 });
		expect(notified(state)).toEqual([
			[1, 'first-notification'],
			[7, 'all-alerts-resolved'],
		]);
	});

	test('group_by alertname: features drifting together are one alert; a newcomer notifies', () => {
		const state = run(
			6,
			(day) => [
				...(day >= 1 && day <= 5 ? [drift('seats')] : []),
				...(day >= 3 && day <= 5 ? [drift('tenureMonths')] : []),
			],
			{ groupBy: ['alertname'] },
		);
		expect(state.closed).toHaveLength(1);
		expect(notified(state)).toEqual([
			[1, 'first-notification'],
			[3, 'new-alerts-in-group'],
			[6, 'all-alerts-resolved'],
		]);
		expect(state.notifications[1]?.firing).toEqual([
			'alertname="FeatureDrift",feature="seats"',
			'alertname="FeatureDrift",feature="tenureMonths"',
		]);
	});

	test('send_resolved: one of two resolving notifies only when on', () => {
		const firing = (day: number) => [
			...(day <= 6 ? [drift('seats')] : []),
			...(day <= 3 ? [drift('tenureMonths')] : []),
		];
		expect(notified(run(5, firing, { groupBy: ['alertname'] }))).toEqual([
			[1, 'first-notification'],
			[4, 'new-resolved-alerts'],
		]);
		expect(notified(run(5, firing, { groupBy: ['alertname'], sendResolved: false }))).toEqual([
			[1, 'first-notification'],
		]);
	});

	test('acknowledged: repeats stop, resolution is still told', () => {
		const state = run(
			21,
			between(1, 20, [drift('seats')]),
			{},
			{ 2: (s) => s.groups[0]?.id as string },
		);
		expect(notified(state)).toEqual([
			[1, 'first-notification'],
			[21, 'all-alerts-resolved'],
		]);
		expect(state.closed[0]?.history.filter((h) => h.kind === 'acknowledged')).toEqual([
			{ day: 2, kind: 'acknowledged' },
		]);
	});

	test('acknowledged: a new alert joining the group notifies and sets it firing again', () => {
		const state = run(
			5,
			(day) => [drift('seats'), ...(day >= 4 ? [drift('plan')] : [])],
			{ groupBy: ['alertname'] },
			{ 2: (s) => s.groups[0]?.id as string },
		);
		expect(notified(state)).toEqual([
			[1, 'first-notification'],
			[4, 'new-alerts-in-group'],
		]);
		expect(state.groups[0]?.status).toBe('firing');
	});

	test('drift that returns after resolving opens a new alert', () => {
		const state = run(10, (day) => (day <= 2 || day >= 6 ? [drift('seats')] : []));
		expect(state.closed.map((g) => g.id)).toEqual(['alertname="FeatureDrift",feature="seats"#1']);
		expect(state.groups.map((g) => g.id)).toEqual(['alertname="FeatureDrift",feature="seats"#2']);
		expect(notified(state)).toEqual([
			[1, 'first-notification'],
			[3, 'all-alerts-resolved'],
			[6, 'first-notification'],
		]);
	});

	test('a pending group shows as pending until its first flush', () => {
		const state = run(1, () => [drift('seats')], { groupWaitDays: 3 });
		expect(state0(state)).toBe('pending');
	});
});

function state0(state: AlertingState) {
	return state.groups[0]?.status;
}

describe('bad input gets a clear message and changes nothing', () => {
	test('days must advance', () => {
		const state = run(2, () => []);
		expect(() => reduceAlerting(state, { type: 'alerts.observed', day: 2, firing: [] })).toThrow(
			'day 2 must be a whole number after day 2',
		);
	});
	test('acknowledging an unknown or resolved alert', () => {
		const state = run(3, between(1, 1, [drift('seats')]));
		expect(() =>
			reduceAlerting(state, { type: 'alert.acknowledge', groupId: 'nope', day: 3 }),
		).toThrow('no open alert has the id nope');
		expect(() =>
			reduceAlerting(state, {
				type: 'alert.acknowledge',
				groupId: state.closed[0]?.id as string,
				day: 3,
			}),
		).toThrow(/has already resolved/);
	});
	test('impossible routes', () => {
		expect(() => initialAlertingState({ ...defaultAlertRoute, repeatIntervalDays: -1 })).toThrow(
			AlertingInputError,
		);
		expect(() => initialAlertingState({ ...defaultAlertRoute, groupIntervalDays: 0 })).toThrow(
			/at least 1 day/,
		);
	});
});

describe('a group as the lab reports it', () => {
	test('days firing count to the day before it resolved, or to today while open', async () => {
		const { firingDaysOf, resolvedDayOf } = await import('@sim/index');
		const open = run(9, between(3, 9, [drift('seats')]));
		const [group] = open.groups;
		if (group === undefined) throw new Error('expected an open group');
		expect(resolvedDayOf(group)).toBeNull();
		expect(firingDaysOf(group, 9)).toBe(7);
		const closed = run(12, between(3, 9, [drift('seats')]));
		const [done] = closed.closed;
		if (done === undefined) throw new Error('expected a resolved group');
		expect(resolvedDayOf(done)).toBe(10);
		expect(firingDaysOf(done, 12)).toBe(7);
	});
});
