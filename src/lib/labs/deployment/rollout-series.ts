/**
 * The rollout charts' lines, from the ticks so far. This module loads with the charts' code
 * (RolloutChart), once v2 is deployed: before the first tick there is nothing to draw. Each
 * per-version chart shows v1 and v2, plus v2's mirrored answers (which no user saw) once any
 * request was mirrored; a version that answered nothing in a tick leaves a gap, not a zero.
 */
import type { TickSummary } from '@sim/labs/deployment';
import type { RolloutChartId } from './deployment-view';

/** One line of a chart (LineChart's series). */
export interface ChartSeries {
	readonly label: string;
	readonly values: readonly (number | null)[];
	readonly color: string;
}

/** x values of the charts: minutes at each tick's end. */
export function tickMinutes(ticks: readonly TickSummary[]): number[] {
	return ticks.map((t) => t.atSeconds / 60);
}

/** The candidate's share of traffic per tick. */
export function weightSeries(ticks: readonly TickSummary[]): number[] {
	return ticks.map((t) => t.weightPercent);
}

/** The share of requests mirrored to the candidate per tick. */
export function mirrorSeries(ticks: readonly TickSummary[]): number[] {
	return ticks.map((t) => t.mirrorPercent);
}

/** The share of requests nobody answered per tick. */
export function droppedSeries(ticks: readonly TickSummary[]): number[] {
	return ticks.map((t) =>
		t.dropped === 0 ? 0 : (100 * t.dropped) / (t.stable.served + t.candidate.served + t.dropped),
	);
}

/** Who answered: v1, v2 to users, or v2 to mirrored copies. */
export type VersionSide = 'stable' | 'candidate' | 'shadow';

/** The per-version measures the charts draw. */
export type VersionMeasure = 'successRate' | 'latencyP99Ms' | 'accuracy';

/** A version's measure per tick (accuracy: so far, as labels arrive); a gap where it is undefined. */
export function versionSeries(
	ticks: readonly TickSummary[],
	side: VersionSide,
	measure: VersionMeasure,
): (number | null)[] {
	return ticks.map((t) => {
		const value = t[side][measure];
		return Number.isFinite(value) ? value : null;
	});
}

const versions: readonly { side: VersionSide; label: string; color: string }[] = [
	{ side: 'stable', label: 'v1 (stable)', color: 'var(--chart-1)' },
	{ side: 'candidate', label: 'v2 (candidate)', color: 'var(--chart-4)' },
	{ side: 'shadow', label: 'v2 mirrored (no user saw it)', color: 'var(--chart-3)' },
];

const measures: Readonly<Record<Exclude<RolloutChartId, 'split'>, VersionMeasure>> = {
	success: 'successRate',
	latency: 'latencyP99Ms',
	accuracy: 'accuracy',
};

/**
 * The lines of chart `id`. `drops`: whether the run can lose requests (a recreate, or any run
 * that has), which adds the traffic split's "no pod up" line.
 */
export function chartSeries(
	id: RolloutChartId,
	ticks: readonly TickSummary[],
	drops: boolean,
): ChartSeries[] {
	const mirrored = ticks.some((t) => t.mirrorPercent > 0);
	if (id === 'split') {
		return [
			{ label: 'users on v2', values: weightSeries(ticks), color: 'var(--chart-2)' },
			...(mirrored
				? [{ label: 'mirrored to v2', values: mirrorSeries(ticks), color: 'var(--chart-3)' }]
				: []),
			...(drops
				? [{ label: 'no pod up', values: droppedSeries(ticks), color: 'var(--danger)' }]
				: []),
		];
	}
	return versions
		.filter((v) => v.side !== 'shadow' || mirrored)
		.map(({ side, label, color }) => ({
			label,
			color,
			values: versionSeries(ticks, side, measures[id]),
		}));
}

/** The analysis thresholds a chart draws: only where an analysis reads them. */
export function chartThresholds(
	id: RolloutChartId,
	analysis: { analysed: boolean; minSuccessRate: number; maxLatencyP99Ms: number },
): { value: number; label: string }[] {
	if (!analysis.analysed) return [];
	if (id === 'success') {
		const min = analysis.minSuccessRate;
		return [{ value: min, label: `success at least ${min}` }];
	}
	if (id === 'latency' && analysis.maxLatencyP99Ms > 0) {
		const max = analysis.maxLatencyP99Ms;
		return [{ value: max, label: `p99 at most ${max} ms` }];
	}
	return [];
}
