/**
 * A production-monitoring state machine on a simulated clock: it reads one day's drift and accuracy
 * results at a time and decides whether the model is healthy, worth watching, or needs a human.
 *
 * Design decisions:
 * - The machine is world-independent: it never computes statistics, it receives per-day results
 *   (`monitor.dayObserved`) from whoever ran them, so the same machine serves every lab.
 * - A single drifted feature is a warning, not an alert: at α = 0.05 with many features, one
 *   flag a day is expected noise. An alert needs evidence that is hard to explain by chance — a
 *   feature drifted on `persistenceDays` consecutive days, dataset-level drift (the drifted share
 *   reaching `datasetDriftShare`), or measured accuracy below `accuracyThreshold`. An estimated
 *   accuracy (from unlabelled data) below the threshold is only a warning, because estimates can
 *   be wrong in exactly the situations that matter (concept drift).
 * - What the rules raise each day is the input of an Alertmanager-like lifecycle
 *   (`alerting/alert-lifecycle.model`): alerts are grouped by alert name and feature, a group
 *   notifies when it opens, repeats after `repeatIntervalDays`, and resolves on the first day its
 *   alerts are no longer raised — so a week of drift on one feature is one alert with its history.
 *   The monitor's state follows the open groups: alerting while one is firing, acknowledged while
 *   every open group has been acknowledged, and warning or healthy once all have resolved (as in
 *   Alertmanager, nobody has to acknowledge an alert for it to resolve).
 * - `alertLog` keeps every rule evaluation that fired (one row per alert per day, like Prometheus's
 *   ALERTS series); the groups are what a person is paged about.
 * - Days must arrive in increasing order; a stale or malformed day is not applied but recorded in
 *   `lastRejection`, so a caller's bug is visible rather than silently swallowed.
 */
import { assign, setup } from 'xstate';
import type { DatasetDriftResult } from '../stats/feature-drift.detector';
import {
	defaultAlertRoute,
	initialAlertingState,
	reduceAlerting,
	type AlertingState,
	type AlertLabels,
	type AlertRouteConfig,
} from '../alerting/alert-lifecycle.model';

/** One feature's result for one day, as `featureDrift` returns it plus the feature name. */
export interface MonitoredFeatureResult {
	readonly feature: string;
	readonly test: string;
	readonly score: number;
	readonly threshold: number;
	readonly drifted: boolean;
}

/** What kind of evidence raised an alert-log entry. */
export type AlertKind = 'persistent-drift' | 'dataset-drift' | 'accuracy';

/** One row of the alert log. */
export interface AlertLogEntry {
	readonly day: number;
	readonly kind: AlertKind;
	/** The feature, or `dataset` / `model` for dataset-level and accuracy alerts. */
	readonly feature: string;
	/** The test's name, `drift-share` or `accuracy`. */
	readonly test: string;
	readonly value: number;
	readonly threshold: number;
}

/** Thresholds, all optional. */
export interface MonitoringInput {
	/** Consecutive drifted days that make a feature's drift persistent (default 3). */
	readonly persistenceDays?: number;
	/** Share of drifted features that counts as dataset drift (default 0.5, inclusive). */
	readonly datasetDriftShare?: number;
	/** Accuracy below this is an alert when measured, a warning when estimated (default 0.8). */
	readonly accuracyThreshold?: number;
	/** How alerts are grouped and repeated (default: per alert and feature, repeat weekly). */
	readonly alertRoute?: AlertRouteConfig;
}

/** The monitoring machine's context. */
export interface MonitoringContext {
	readonly persistenceDays: number;
	readonly datasetDriftShare: number;
	readonly accuracyThreshold: number;
	/** The last day applied, or null before the first. */
	readonly lastDay: number | null;
	/** Consecutive drifted days per feature, up to and including `lastDay`. */
	readonly driftStreaks: Readonly<Record<string, number>>;
	/** How many signals (drifted features, low estimated accuracy) the last day carried. */
	readonly signalCount: number;
	/** Alert keys (`kind:feature:test`) raised on the last day. */
	readonly activeAlertKeys: readonly string[];
	/** The alert groups (open and resolved) with their notifications and history. */
	readonly alerting: AlertingState;
	/** Every rule evaluation that fired, one row per alert per day, oldest first. */
	readonly alertLog: readonly AlertLogEntry[];
	/** Why the last refused `monitor.dayObserved` was refused, or null. */
	readonly lastRejection: string | null;
}

/** Events the machine understands. */
export type MonitoringEvent =
	| {
			readonly type: 'monitor.dayObserved';
			readonly day: number;
			readonly featureResults: readonly MonitoredFeatureResult[];
			readonly datasetDriftShare: number;
			readonly accuracy?: number;
			readonly estimatedAccuracy?: number;
	  }
	/** Acknowledges one open alert group, or every firing group when `groupId` is absent. */
	| { readonly type: 'alert.acknowledge'; readonly groupId?: string }
	/** A new accuracy threshold, applied from the next observed day on (history is kept). */
	| { readonly type: 'monitor.setAccuracyThreshold'; readonly accuracyThreshold: number }
	| { readonly type: 'monitor.reset' };

type DayEvent = Extract<MonitoringEvent, { type: 'monitor.dayObserved' }>;

/** What one day means under the context's thresholds. */
export interface DayAssessment {
	readonly driftStreaks: Record<string, number>;
	readonly signalCount: number;
	readonly alerts: readonly AlertLogEntry[];
}

/** Reasons a day cannot be applied, or null when it can. */
export function dayRejection(context: MonitoringContext, event: DayEvent): string | null {
	if (!Number.isInteger(event.day) || event.day < 0) {
		return `day must be a non-negative integer, got ${String(event.day)}`;
	}
	if (context.lastDay !== null && event.day <= context.lastDay) {
		return `day ${event.day} is not after the last observed day ${context.lastDay}`;
	}
	if (!Array.isArray(event.featureResults)) return 'featureResults must be an array';
	for (const result of event.featureResults) {
		if (!Number.isFinite(result.score) || !Number.isFinite(result.threshold)) {
			return `feature ${result.feature}: score and threshold must be finite numbers`;
		}
	}
	const share = event.datasetDriftShare;
	if (!Number.isFinite(share) || share < 0 || share > 1) {
		return `datasetDriftShare must be in [0, 1], got ${String(share)}`;
	}
	for (const name of ['accuracy', 'estimatedAccuracy'] as const) {
		const value = event[name];
		if (value !== undefined && (!Number.isFinite(value) || value < 0 || value > 1)) {
			return `${name} must be in [0, 1], got ${String(value)}`;
		}
	}
	return null;
}

/** Applies one day's results to the streaks and lists the signals and alerts it raises. */
export function assessDay(context: MonitoringContext, event: DayEvent): DayAssessment {
	const driftStreaks: Record<string, number> = {};
	const alerts: AlertLogEntry[] = [];
	let signalCount = 0;
	for (const result of event.featureResults) {
		if (!result.drifted) continue;
		signalCount++;
		const streak = (context.driftStreaks[result.feature] ?? 0) + 1;
		driftStreaks[result.feature] = streak;
		if (streak >= context.persistenceDays) {
			alerts.push({
				day: event.day,
				kind: 'persistent-drift',
				feature: result.feature,
				test: result.test,
				value: result.score,
				threshold: result.threshold,
			});
		}
	}
	if (event.datasetDriftShare >= context.datasetDriftShare) {
		alerts.push({
			day: event.day,
			kind: 'dataset-drift',
			feature: 'dataset',
			test: 'drift-share',
			value: event.datasetDriftShare,
			threshold: context.datasetDriftShare,
		});
	}
	if (event.accuracy !== undefined && event.accuracy < context.accuracyThreshold) {
		alerts.push({
			day: event.day,
			kind: 'accuracy',
			feature: 'model',
			test: 'accuracy',
			value: event.accuracy,
			threshold: context.accuracyThreshold,
		});
	}
	if (
		event.estimatedAccuracy !== undefined &&
		event.estimatedAccuracy < context.accuracyThreshold
	) {
		signalCount++;
	}
	return { driftStreaks, signalCount, alerts };
}

/** Identifies an alert across days so acknowledgement can tell new alerts from known ones. */
export function alertKey(entry: AlertLogEntry): string {
	return `${entry.kind}:${entry.feature}:${entry.test}`;
}

/** Alertmanager's `alertname` for each kind of alert. */
export const alertNames: Readonly<Record<AlertKind, string>> = {
	'persistent-drift': 'FeatureDriftPersistent',
	'dataset-drift': 'DatasetDrift',
	accuracy: 'AccuracyBelowThreshold',
};

/** An alert's labels: its name, the feature (or dataset / model) and the test that raised it. */
export function alertLabels(entry: AlertLogEntry): AlertLabels {
	return { alertname: alertNames[entry.kind], feature: entry.feature, test: entry.test };
}

/** The monitor's state after a day or an acknowledgement: read from the open alert groups. */
export type MonitorStatus = 'healthy' | 'warning' | 'alerting' | 'acknowledged';

/** What the open groups and today's signals make the monitor. */
export function monitorStatus(alerting: AlertingState, signalCount: number): MonitorStatus {
	if (alerting.groups.some((g) => g.status === 'firing')) return 'alerting';
	const waiting = alerting.groups.some((g) => g.status === 'pending');
	if (alerting.groups.length > 0 && !waiting) return 'acknowledged';
	return signalCount > 0 || waiting ? 'warning' : 'healthy';
}

/** The alerting state after `event`'s day: today's alerts reported to the lifecycle. */
export function alertingAfter(context: MonitoringContext, event: DayEvent): AlertingState {
	const { alerts } = assessDay(context, event);
	return reduceAlerting(context.alerting, {
		type: 'alerts.observed',
		day: event.day,
		firing: alerts.map(alertLabels),
	});
}

/** The monitor's state once `event`'s day is applied. */
export function statusAfterDay(context: MonitoringContext, event: DayEvent): MonitorStatus {
	return monitorStatus(alertingAfter(context, event), assessDay(context, event).signalCount);
}

/** The alerting state after acknowledging `groupId`, or every firing group. */
export function acknowledged(context: MonitoringContext, groupId?: string): AlertingState {
	const day = context.lastDay ?? 0;
	const ids =
		groupId === undefined
			? context.alerting.groups.filter((g) => g.status === 'firing').map((g) => g.id)
			: context.alerting.groups.some((g) => g.id === groupId)
				? [groupId]
				: [];
	return ids.reduce(
		(state, id) => reduceAlerting(state, { type: 'alert.acknowledge', groupId: id, day }),
		context.alerting,
	);
}

/** Builds the `monitor.dayObserved` event for a day from a `datasetDrift` result. */
export function dayObservedFrom(
	day: number,
	drift: DatasetDriftResult,
	performance: { readonly accuracy?: number; readonly estimatedAccuracy?: number } = {},
): DayEvent {
	return {
		type: 'monitor.dayObserved',
		day,
		featureResults: drift.features.map(({ name, result }) => ({
			feature: name,
			test: result.test,
			score: result.score,
			threshold: result.threshold,
			drifted: result.drifted,
		})),
		datasetDriftShare: drift.share,
		...performance,
	};
}

/** The context before any day has been observed. */
export function initialMonitoringContext(input: MonitoringInput = {}): MonitoringContext {
	return {
		persistenceDays: input.persistenceDays ?? 3,
		datasetDriftShare: input.datasetDriftShare ?? 0.5,
		accuracyThreshold: input.accuracyThreshold ?? 0.8,
		lastDay: null,
		driftStreaks: {},
		signalCount: 0,
		activeAlertKeys: [],
		alerting: initialAlertingState(input.alertRoute ?? defaultAlertRoute),
		alertLog: [],
		lastRejection: null,
	};
}

function dayOf(event: MonitoringEvent): DayEvent | null {
	return event.type === 'monitor.dayObserved' ? event : null;
}

const statusIs =
	(status: MonitorStatus) =>
	({ context, event }: { context: MonitoringContext; event: MonitoringEvent }) => {
		const day = dayOf(event);
		return (
			day !== null && dayRejection(context, day) === null && statusAfterDay(context, day) === status
		);
	};

/**
 * The XState v5 monitoring machine: healthy ⇄ warning, either → alerting when a group fires,
 * alerting → acknowledged when a person acknowledges every firing group, back to warning or
 * healthy when the groups resolve.
 */
export const monitoringMachine = setup({
	types: {
		context: {} as MonitoringContext,
		events: {} as MonitoringEvent,
		input: {} as MonitoringInput | undefined,
	},
	guards: {
		isRejectedDay: ({ context, event }) => {
			const day = dayOf(event);
			return day !== null && dayRejection(context, day) !== null;
		},
		leadsToAlerting: statusIs('alerting'),
		leadsToAcknowledged: statusIs('acknowledged'),
		leadsToWarning: statusIs('warning'),
		leavesAllAcknowledged: ({ context, event }) =>
			event.type === 'alert.acknowledge' &&
			monitorStatus(acknowledged(context, event.groupId), context.signalCount) === 'acknowledged',
	},
	actions: {
		rejectDay: assign(({ context, event }) => {
			const day = dayOf(event);
			return { lastRejection: day === null ? null : dayRejection(context, day) };
		}),
		recordDay: assign(({ context, event }) => {
			const day = dayOf(event);
			if (day === null) return {};
			const assessment = assessDay(context, day);
			return {
				lastDay: day.day,
				driftStreaks: assessment.driftStreaks,
				signalCount: assessment.signalCount,
				activeAlertKeys: assessment.alerts.map(alertKey),
				alerting: alertingAfter(context, day),
				alertLog:
					assessment.alerts.length === 0
						? context.alertLog
						: [...context.alertLog, ...assessment.alerts],
				lastRejection: null,
			};
		}),
		acknowledge: assign(({ context, event }) =>
			event.type === 'alert.acknowledge' ? { alerting: acknowledged(context, event.groupId) } : {},
		),
		setAccuracyThreshold: assign(({ context, event }) =>
			event.type === 'monitor.setAccuracyThreshold' &&
			Number.isFinite(event.accuracyThreshold) &&
			event.accuracyThreshold >= 0 &&
			event.accuracyThreshold <= 1
				? { accuracyThreshold: event.accuracyThreshold }
				: { accuracyThreshold: context.accuracyThreshold },
		),
		resetHistory: assign(({ context }) =>
			initialMonitoringContext({
				persistenceDays: context.persistenceDays,
				datasetDriftShare: context.datasetDriftShare,
				accuracyThreshold: context.accuracyThreshold,
				alertRoute: context.alerting.route,
			}),
		),
	},
}).createMachine({
	id: 'monitoring',
	context: ({ input }) => initialMonitoringContext(input ?? {}),
	initial: 'healthy',
	on: {
		'monitor.reset': { target: '.healthy', actions: 'resetHistory' },
		'monitor.setAccuracyThreshold': { actions: 'setAccuracyThreshold' },
		// Every state reads a day the same way: the open groups decide where the monitor goes.
		'monitor.dayObserved': [
			{ guard: 'isRejectedDay', actions: 'rejectDay' },
			{ guard: 'leadsToAlerting', target: '.alerting', actions: 'recordDay' },
			{ guard: 'leadsToAcknowledged', target: '.acknowledged', actions: 'recordDay' },
			{ guard: 'leadsToWarning', target: '.warning', actions: 'recordDay' },
			{ target: '.healthy', actions: 'recordDay' },
		],
	},
	states: {
		healthy: {},
		warning: {},
		alerting: {
			on: {
				'alert.acknowledge': [
					{ guard: 'leavesAllAcknowledged', target: 'acknowledged', actions: 'acknowledge' },
					{ actions: 'acknowledge' },
				],
			},
		},
		acknowledged: {},
	},
});
