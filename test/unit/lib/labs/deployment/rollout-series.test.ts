import { describe, expect, test } from 'vitest';
import type { TickSummary } from '@sim/labs/deployment';
import { rolloutCharts } from '@/lib/labs/deployment/deployment-view';
import { chartSeries, chartThresholds } from '@/lib/labs/deployment/rollout-series';

const version = (successRate: number) => ({
	served: 10,
	errors: 0,
	successRate,
	latencyP99Ms: 120,
	accuracy: 0.8,
});

const tick = (atSeconds: number, mirrorPercent: number, dropped = 0): TickSummary => ({
	tick: atSeconds / 10,
	atSeconds,
	weightPercent: 0,
	mirrorPercent,
	dropped,
	stable: version(1),
	candidate: version(Number.NaN),
	shadow: version(mirrorPercent > 0 ? 0.75 : Number.NaN),
});

describe('rollout charts', () => {
	test('every chart has a heading and a drawing height, so its place can be held', () => {
		expect(rolloutCharts.map((c) => c.id)).toEqual(['split', 'success', 'latency', 'accuracy']);
		for (const c of rolloutCharts) expect(c.frame.height).toBeGreaterThan(0);
	});

	test("v2's mirrored answers join the per-version charts only once a request was mirrored", () => {
		const plain = [tick(10, 0), tick(20, 0)];
		expect(chartSeries('success', plain, false).map((s) => s.label)).toEqual([
			'v1 (stable)',
			'v2 (candidate)',
		]);
		const mirrored = [tick(10, 0), tick(20, 100)];
		const lines = chartSeries('success', mirrored, false);
		expect(lines.map((s) => s.label)).toEqual([
			'v1 (stable)',
			'v2 (candidate)',
			'v2 mirrored (no user saw it)',
		]);
		expect(lines[2]?.values).toEqual([null, 0.75]);
		expect(chartSeries('split', mirrored, false).map((s) => s.label)).toEqual([
			'users on v2',
			'mirrored to v2',
		]);
	});

	test('the traffic split shows lost requests as a share when the run can drop them', () => {
		const lines = chartSeries('split', [tick(10, 0, 20)], true);
		expect(lines.map((s) => s.label)).toEqual(['users on v2', 'no pod up']);
		expect(lines[1]?.values).toEqual([50]);
	});

	test('thresholds are drawn only where an analysis reads them', () => {
		const analysis = { analysed: true, minSuccessRate: 0.98, maxLatencyP99Ms: 0 };
		expect(chartThresholds('success', analysis)).toEqual([
			{ value: 0.98, label: 'success at least 0.98' },
		]);
		expect(chartThresholds('latency', analysis)).toEqual([]);
		expect(chartThresholds('latency', { ...analysis, maxLatencyP99Ms: 200 })).toEqual([
			{ value: 200, label: 'p99 at most 200 ms' },
		]);
		expect(chartThresholds('success', { ...analysis, analysed: false })).toEqual([]);
	});
});
