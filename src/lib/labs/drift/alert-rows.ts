/**
 * The drift lab's alert list in words: each alert group (an alert name and a feature) as one row
 * with its status, summary and history, open groups first. Apart from drift-view so that its code
 * loads with the first alert (AlertList), not with the lab.
 */
import {
	firingDaysOf,
	resolvedDayOf,
	type AlertGroup,
	type AlertGroupEvent,
	type AlertingState,
	type NotifyReason,
} from '@sim/labs/drift';
import { featureLabel } from './drift-view';

/** Alert names as the lab prints them. */
export const alertTitles: Readonly<Record<string, string>> = {
	FeatureDriftPersistent: 'Persistent drift',
	DatasetDrift: 'Dataset drift',
	AccuracyBelowThreshold: 'Accuracy below threshold',
};

/** A group's status in words. */
export const groupStatusLabels: Readonly<Record<string, string>> = {
	pending: 'Pending',
	firing: 'Firing',
	acknowledged: 'Acknowledged',
	resolved: 'Resolved',
};

const reasonText: Readonly<Record<NotifyReason, string>> = {
	'first-notification': 'first notification',
	'new-alerts-in-group': 'new alert in the group',
	'all-alerts-resolved': 'resolved notice',
	'new-resolved-alerts': 'an alert resolved',
	'repeat-interval-elapsed': 'repeat interval elapsed',
	none: '',
};

function historyLine(group: AlertGroup, event: AlertGroupEvent): string | null {
	switch (event.kind) {
		case 'opened':
			return `Day ${event.day}: opened`;
		case 'notified':
			return `Day ${event.day}: notified (${reasonText[event.reason ?? 'none']})`;
		case 'acknowledged':
			return `Day ${event.day}: acknowledged`;
		case 'resolved':
			return `Day ${event.day}: resolved`;
		// With one alert per group, its arrival and departure repeat the group's opening and end.
		case 'alert-added':
			return event.day === group.openedDay ? null : `Day ${event.day}: alert added`;
		case 'alert-resolved':
			return resolvedDayOf(group) === event.day ? null : `Day ${event.day}: an alert resolved`;
	}
}

/** One alert group as the alert list shows it. */
export interface AlertGroupRow {
	readonly id: string;
	readonly title: string;
	readonly subject: string;
	readonly status: string;
	readonly statusLabel: string;
	readonly summary: string;
	readonly history: readonly string[];
	readonly canAcknowledge: boolean;
}

/** The alert list: open groups first, then resolved ones, newest first in each. */
export function alertGroupRows(alerting: AlertingState, today: number): AlertGroupRow[] {
	const newestFirst = (groups: readonly AlertGroup[]) =>
		[...groups].sort((a, b) => b.openedDay - a.openedDay);
	return [...newestFirst(alerting.groups), ...newestFirst(alerting.closed)].map((group) => {
		const days = firingDaysOf(group, today);
		const resolved = resolvedDayOf(group);
		const notified = group.history.filter((e) => e.kind === 'notified').length;
		return {
			id: group.id,
			title: alertTitles[group.labels.alertname ?? ''] ?? group.labels.alertname ?? 'Alert',
			subject: featureLabel(group.labels.feature ?? ''),
			status: group.status,
			statusLabel: groupStatusLabels[group.status] ?? group.status,
			summary: `Opened day ${group.openedDay}, ${
				resolved === null ? 'firing' : `resolved day ${resolved} after`
			} ${days} ${days === 1 ? 'day' : 'days'}; ${notified} ${
				notified === 1 ? 'notification' : 'notifications'
			}.`,
			history: group.history.flatMap((e) => historyLine(group, e) ?? []),
			canAcknowledge: group.status === 'firing',
		};
	});
}
