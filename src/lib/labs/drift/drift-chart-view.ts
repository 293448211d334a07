/**
 * What the drift lab's charts of the days so far say: the accuracy series and the share of days
 * with a flagged feature. Apart from drift-view so that it loads with those charts (after the
 * first day), not with the lab.
 */
import { flaggedDays, type DayResult } from '@sim/labs/drift';

/** Measured accuracy (shown only for days whose labels have arrived) and the CBPE estimate. */
export function accuracySeries(results: readonly DayResult[]) {
	const lastDay = results.at(-1)?.day ?? 0;
	return [
		{
			label: 'Measured (labels arrived)',
			values: results.map((r) => (r.labelsArriveDay <= lastDay ? r.accuracy : null)),
			color: 'var(--chart-1)',
		},
		{
			label: 'Estimated without labels (CBPE)',
			values: results.map((r) => r.estimatedAccuracy),
			color: 'var(--chart-2)',
			dashed: true,
		},
	];
}

const correctionNames: Readonly<Record<string, string>> = {
	none: 'no p-value correction',
	bonferroni: 'Bonferroni correction',
	'benjamini-hochberg': 'Benjamini–Hochberg correction',
};

/** The run's days with any flagged feature: under no drift, its false-alarm rate. */
export function flaggedDaysText(results: readonly DayResult[], correction: string): string {
	const { flagged, days } = flaggedDays(results);
	if (days === 0) return '';
	const share = ((100 * flagged) / days).toFixed(1);
	return `Days with at least one feature flagged: ${flagged} of ${days} (${share} %), with ${correctionNames[correction] ?? correction}. When nothing has drifted, every one of them is a false alarm.`;
}
