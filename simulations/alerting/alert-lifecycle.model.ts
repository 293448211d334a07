/**
 * An alert lifecycle for daily monitoring, modelled on Prometheus Alertmanager, as a pure reducer:
 * each simulated day the monitor reports which alerts are firing; alerts are grouped, each group
 * notifies once when it opens, again only when something changes or the repeat interval has
 * passed, and once more when everything in it has resolved — so a week of persistent drift on one
 * feature is one alert with its history, not seven.
 *
 * The specification is Alertmanager's code at commit 68fb2d5759b3 (github.com/prometheus/
 * alertmanager), with time counted in whole days:
 * - dispatch/dispatch.go: alerts with the same values of the `group_by` labels share an
 *   aggregation group; a new group first flushes `group_wait` after it is created, then every
 *   `group_interval` (`aggrGroup.run`); each flush sends every alert in the group, firing and
 *   resolved, then drops the resolved ones, and a group left empty is destroyed (`flush`), so an
 *   alert firing again later opens a new group.
 * - notify/dedup_stage.go `needsUpdate`: whether a flush notifies — the first flush with firing
 *   alerts; new firing alerts not in the last notification; every alert resolved after some were
 *   notified as firing; with `send_resolved`, newly resolved alerts; otherwise only when the last
 *   notification is strictly older than `repeat_interval` (`Before(now − repeat)`; with daily
 *   flushes and a 7-day repeat, a day-1 notification repeats on day 9). Mirrored exactly in
 *   `notifyReason`, whose test table is Alertmanager's TestDedupStageNeedsUpdate.
 * - An alert not reported on a day is resolved that day (Alertmanager resolves an alert whose
 *   `endsAt` passes without a refresh; the monitor refreshes daily).
 *
 * Not in Alertmanager: acknowledgement, which is the pager's (PagerDuty, Grafana OnCall). Here an
 * acknowledged group stops repeat notifications; a new alert joining it, or its resolution, still
 * notifies, and a new alert puts it back to firing, since nobody has acknowledged that one.
 */

/** Labels identifying one alert, e.g. `{ alertname: 'FeatureDrift', feature: 'tenureMonths' }`. */
export type AlertLabels = Readonly<Record<string, string>>;

/** Alertmanager's route timing and grouping, in days. */
export interface AlertRouteConfig {
	/** Labels whose values make the group (Alertmanager `group_by`). */
	readonly groupBy: readonly string[];
	/** Days from a group's creation to its first flush (`group_wait`). */
	readonly groupWaitDays: number;
	/** Days between a group's flushes (`group_interval`). */
	readonly groupIntervalDays: number;
	/** Days after which an unchanged firing group notifies again (`repeat_interval`). */
	readonly repeatIntervalDays: number;
	/** Whether resolved alerts are notified (`send_resolved`). */
	readonly sendResolved: boolean;
}

/** A daily monitor's defaults: group per alert name and feature, flush daily, repeat weekly. */
export const defaultAlertRoute: AlertRouteConfig = {
	groupBy: ['alertname', 'feature'],
	groupWaitDays: 0,
	groupIntervalDays: 1,
	repeatIntervalDays: 7,
	sendResolved: true,
};

/** Why a flush notifies (Alertmanager's NotifyReason), or `none`. */
export type NotifyReason =
	| 'first-notification'
	| 'new-alerts-in-group'
	| 'all-alerts-resolved'
	| 'new-resolved-alerts'
	| 'repeat-interval-elapsed'
	| 'none';

/** The notification log entry of a group: what was last notified, and when. */
export interface NotificationEntry {
	readonly day: number;
	readonly firing: readonly string[];
	readonly resolved: readonly string[];
}

const isSubset = (set: readonly string[], subset: ReadonlySet<string>) => {
	const members = new Set(set);
	for (const key of subset) if (!members.has(key)) return false;
	return true;
};

/** Alertmanager's `DedupStage.needsUpdate`, in days. */
export function notifyReason(
	entry: NotificationEntry | null,
	firing: ReadonlySet<string>,
	resolved: ReadonlySet<string>,
	repeatIntervalDays: number,
	day: number,
	sendResolved: boolean,
): NotifyReason {
	if (entry === null) return firing.size > 0 ? 'first-notification' : 'none';
	if (!isSubset(entry.firing, firing)) {
		return entry.firing.length === 0 ? 'first-notification' : 'new-alerts-in-group';
	}
	if (firing.size === 0) return entry.firing.length > 0 ? 'all-alerts-resolved' : 'none';
	if (sendResolved && !isSubset(entry.resolved, resolved)) return 'new-resolved-alerts';
	return entry.day < day - repeatIntervalDays ? 'repeat-interval-elapsed' : 'none';
}

/** One alert inside a group. */
export interface GroupedAlert {
	readonly fingerprint: string;
	readonly labels: AlertLabels;
	readonly startsDay: number;
	/** The day it stopped being reported, or null while firing. */
	readonly resolvedDay: number | null;
}

/** The status the lab shows for a group. */
export type AlertGroupStatus = 'pending' | 'firing' | 'acknowledged' | 'resolved';

/** Something that happened to a group, for its history. */
export interface AlertGroupEvent {
	readonly day: number;
	readonly kind:
		'opened' | 'alert-added' | 'alert-resolved' | 'notified' | 'acknowledged' | 'resolved';
	/** The alert concerned, for alert-added and alert-resolved. */
	readonly fingerprint?: string;
	/** Why, for notified. */
	readonly reason?: NotifyReason;
}

/** An aggregation group and everything that happened to it. */
export interface AlertGroup {
	/** Unique for the run: the group key and which opening of it this is. */
	readonly id: string;
	/** The group_by label values. */
	readonly key: string;
	readonly labels: AlertLabels;
	readonly status: AlertGroupStatus;
	readonly openedDay: number;
	readonly nextFlushDay: number;
	readonly alerts: readonly GroupedAlert[];
	readonly lastNotification: NotificationEntry | null;
	readonly history: readonly AlertGroupEvent[];
}

/** A notification sent to the on-call receiver. */
export interface AlertNotification {
	readonly day: number;
	readonly groupId: string;
	readonly reason: Exclude<NotifyReason, 'none'>;
	readonly firing: readonly string[];
	readonly resolved: readonly string[];
}

/** The whole alerting state: open groups, closed ones, and every notification sent. */
export interface AlertingState {
	readonly route: AlertRouteConfig;
	readonly day: number;
	readonly groups: readonly AlertGroup[];
	readonly closed: readonly AlertGroup[];
	readonly notifications: readonly AlertNotification[];
	/** How many times each group key has opened, so ids stay unique. */
	readonly openings: Readonly<Record<string, number>>;
}

/** Events the reducer accepts. */
export type AlertingEvent =
	| {
			readonly type: 'alerts.observed';
			readonly day: number;
			readonly firing: readonly AlertLabels[];
	  }
	| { readonly type: 'alert.acknowledge'; readonly groupId: string; readonly day: number };

/** A clear message for an impossible event or setting; the state is never half-updated. */
export class AlertingInputError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'AlertingInputError';
	}
}

/** Labels as a canonical string: the alert's identity (Alertmanager's fingerprint). */
export function fingerprintOf(labels: AlertLabels): string {
	return Object.keys(labels)
		.sort()
		.map((name) => `${name}=${JSON.stringify(labels[name])}`)
		.join(',');
}

function groupLabelsOf(labels: AlertLabels, groupBy: readonly string[]): AlertLabels {
	const picked: Record<string, string> = {};
	for (const name of groupBy) if (labels[name] !== undefined) picked[name] = labels[name] as string;
	return picked;
}

/** Starts an empty alerting state; checks the route. */
export function initialAlertingState(route: AlertRouteConfig = defaultAlertRoute): AlertingState {
	const days: [string, number][] = [
		['groupWaitDays', route.groupWaitDays],
		['groupIntervalDays', route.groupIntervalDays],
		['repeatIntervalDays', route.repeatIntervalDays],
	];
	for (const [name, value] of days) {
		if (!Number.isInteger(value) || value < 0) {
			throw new AlertingInputError(
				`${name} must be a whole number of days ≥ 0, got ${String(value)}`,
			);
		}
	}
	if (route.groupIntervalDays < 1) {
		throw new AlertingInputError('groupIntervalDays must be at least 1 day');
	}
	if (!Array.isArray(route.groupBy))
		throw new AlertingInputError('groupBy must be a list of label names');
	return { route, day: 0, groups: [], closed: [], notifications: [], openings: {} };
}

function observe(state: AlertingState, day: number, firing: readonly AlertLabels[]): AlertingState {
	if (!Number.isInteger(day) || day <= state.day) {
		throw new AlertingInputError(
			`day ${String(day)} must be a whole number after day ${state.day}`,
		);
	}
	const { route } = state;
	const today = new Map<string, AlertLabels>();
	for (const labels of firing) {
		if (labels === null || typeof labels !== 'object') {
			throw new AlertingInputError('each firing alert must be an object of labels');
		}
		today.set(fingerprintOf(labels), labels);
	}
	const openings = { ...state.openings };
	const groups = new Map(state.groups.map((group) => [group.key, group]));
	const touched = new Map<
		string,
		{ alerts: GroupedAlert[]; history: AlertGroupEvent[]; status: AlertGroupStatus }
	>();
	const working = (group: AlertGroup) => {
		let entry = touched.get(group.key);
		if (entry === undefined) {
			entry = { alerts: [...group.alerts], history: [...group.history], status: group.status };
			touched.set(group.key, entry);
		}
		return entry;
	};
	// Alerts reported today: refresh, add to their group, or open a group (dispatch.processAlert).
	for (const [fingerprint, labels] of today) {
		const groupLabels = groupLabelsOf(labels, route.groupBy);
		const key = fingerprintOf(groupLabels);
		let group = groups.get(key);
		if (group === undefined) {
			openings[key] = (openings[key] ?? 0) + 1;
			group = {
				id: `${key}#${openings[key]}`,
				key,
				labels: groupLabels,
				status: 'pending',
				openedDay: day,
				nextFlushDay: day + route.groupWaitDays,
				alerts: [],
				lastNotification: null,
				history: [{ day, kind: 'opened' }],
			};
			groups.set(key, group);
		}
		const entry = working(group);
		const existing = entry.alerts.findIndex((a) => a.fingerprint === fingerprint);
		const current = existing === -1 ? undefined : entry.alerts[existing];
		if (current === undefined || current.resolvedDay !== null) {
			const alert: GroupedAlert = { fingerprint, labels, startsDay: day, resolvedDay: null };
			if (existing === -1) entry.alerts.push(alert);
			else entry.alerts[existing] = alert;
			entry.history.push({ day, kind: 'alert-added', fingerprint });
		}
	}
	// Alerts not reported today are resolved today.
	for (const group of groups.values()) {
		for (const alert of group.alerts) {
			if (alert.resolvedDay === null && !today.has(alert.fingerprint)) {
				const entry = working(group);
				const index = entry.alerts.findIndex((a) => a.fingerprint === alert.fingerprint);
				entry.alerts[index] = { ...alert, resolvedDay: day };
				entry.history.push({ day, kind: 'alert-resolved', fingerprint: alert.fingerprint });
			}
		}
	}
	// Flush every group that is due (aggrGroup.run → flush → DedupStage).
	const notifications = [...state.notifications];
	const open: AlertGroup[] = [];
	const closed = [...state.closed];
	for (const group of groups.values()) {
		const entry = touched.get(group.key);
		let next: AlertGroup = entry
			? { ...group, alerts: entry.alerts, history: entry.history }
			: group;
		if (next.nextFlushDay <= day) {
			const firingSet = new Set(
				next.alerts.filter((a) => a.resolvedDay === null).map((a) => a.fingerprint),
			);
			const resolvedSet = new Set(
				next.alerts.filter((a) => a.resolvedDay !== null).map((a) => a.fingerprint),
			);
			let reason = notifyReason(
				next.lastNotification,
				firingSet,
				resolvedSet,
				route.repeatIntervalDays,
				day,
				route.sendResolved,
			);
			if (reason === 'repeat-interval-elapsed' && next.status === 'acknowledged') reason = 'none';
			const history = [...next.history];
			let status: AlertGroupStatus = next.status;
			let lastNotification = next.lastNotification;
			if (reason !== 'none') {
				const notification: AlertNotification = {
					day,
					groupId: next.id,
					reason,
					firing: [...firingSet].sort(),
					resolved: [...resolvedSet].sort(),
				};
				notifications.push(notification);
				history.push({ day, kind: 'notified', reason });
				lastNotification = { day, firing: notification.firing, resolved: notification.resolved };
				if (reason === 'first-notification' || reason === 'new-alerts-in-group') status = 'firing';
			}
			// A flush drops the resolved alerts; an empty group is destroyed.
			const flushed = next.alerts;
			const remaining = flushed.filter((a) => a.resolvedDay === null);
			next = {
				...next,
				status,
				lastNotification,
				history,
				nextFlushDay: day + route.groupIntervalDays,
				alerts: remaining,
			};
			if (remaining.length === 0) {
				closed.push({
					...next,
					status: 'resolved',
					alerts: flushed,
					history: [...history, { day, kind: 'resolved' }],
				});
				continue;
			}
		}
		open.push(next);
	}
	return { ...state, day, groups: open, closed, notifications, openings };
}

function acknowledge(state: AlertingState, groupId: string, day: number): AlertingState {
	const group = state.groups.find((g) => g.id === groupId);
	if (group === undefined) {
		const closed = state.closed.some((g) => g.id === groupId);
		throw new AlertingInputError(
			closed ? `alert ${groupId} has already resolved` : `no open alert has the id ${groupId}`,
		);
	}
	if (group.status === 'acknowledged') return state;
	return {
		...state,
		groups: state.groups.map((g) =>
			g.id === groupId
				? { ...g, status: 'acknowledged', history: [...g.history, { day, kind: 'acknowledged' }] }
				: g,
		),
	};
}

/** The reducer: the next state after `event`. Bad events throw AlertingInputError. */
export function reduceAlerting(state: AlertingState, event: AlertingEvent): AlertingState {
	switch (event.type) {
		case 'alerts.observed':
			return observe(state, event.day, event.firing);
		case 'alert.acknowledge':
			return acknowledge(state, event.groupId, event.day);
		default:
			throw new AlertingInputError(
				`unknown alerting event ${String((event as { type?: unknown }).type)}`,
			);
	}
}

/** The day a closed group resolved, or null while it is open. */
export function resolvedDayOf(group: AlertGroup): number | null {
	return group.status === 'resolved'
		? (group.history.findLast((e) => e.kind === 'resolved')?.day ?? null)
		: null;
}

/**
 * Days the group has been firing up to `today`: from the day it opened to the day before it
 * resolved (its alert was not raised on the resolving day), or to today while it is open.
 */
export function firingDaysOf(group: AlertGroup, today: number): number {
	const resolved = resolvedDayOf(group);
	return Math.max(0, (resolved === null ? today + 1 : resolved) - group.openedDay);
}
