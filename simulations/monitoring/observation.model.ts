/**
 * The bridge from a monitoring stream's daily results to the monitoring machine's event: today's
 * drift and estimate, and the measured accuracy of the day whose labels arrive today.
 */
import type { DayResult } from './stream.model';
import type { MonitoringEvent } from './monitoring.machine';

/**
 * The monitoring machine's event for `day`: today's drift and estimate, and the measured accuracy
 * of the day whose labels arrive today (`labelDelayDays` earlier), when there is one.
 */
export function dayObservedEvent(
	results: readonly DayResult[],
	day: number,
	labelDelayDays: number,
): MonitoringEvent {
	const today = results.find((r) => r.day === day);
	if (today === undefined) throw new RangeError(`Day ${day} has not been computed.`);
	const labelled = results.find((r) => r.day === day - labelDelayDays);
	return {
		type: 'monitor.dayObserved',
		day,
		featureResults: today.features.map((f) => ({
			feature: f.feature,
			test: f.primary.test,
			score: f.primary.score,
			threshold: f.primary.threshold,
			drifted: f.primary.drifted,
		})),
		datasetDriftShare: today.driftShare,
		estimatedAccuracy: today.estimatedAccuracy,
		...(labelled === undefined ? {} : { accuracy: labelled.accuracy }),
	};
}

/**
 * How many of the days had at least one feature flagged as drifted (after any p-value correction):
 * under no drift, the run's false-alarm rate, which is what the correction options change.
 */
export function flaggedDays(results: readonly DayResult[]): { flagged: number; days: number } {
	return {
		flagged: results.filter((r) => r.features.some((f) => f.primary.drifted)).length,
		days: results.length,
	};
}
