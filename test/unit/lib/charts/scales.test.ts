import { describe, expect, test } from 'vitest';
import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { bandScale, linePath, linearScale, niceLinear } from '@/lib/charts/scales';

// The labs' scales are small re-implementations of d3's; d3 itself is the specification.
describe('chart scales agree with d3', () => {
	const domains: [number, number][] = [
		[0, 1],
		[0.013, 0.987],
		[-3.2, 17.9],
		[1, 300],
		[0.5001, 0.5002],
		[0, 0.05],
		[2, 2],
	];

	test.each(domains)('niceLinear over [%f, %f] rounds, maps and ticks as d3 does', (a, b) => {
		const ours = niceLinear([a, b], [240, 12]);
		const d3 = scaleLinear().domain([a, b]).range([240, 12]).nice();
		expect(ours.domain()).toEqual(d3.domain());
		expect(ours.ticks(5)).toEqual(d3.ticks(5));
		for (const v of [a, b, (a + b) / 2, a - 1, b * 2]) expect(ours(v)).toBeCloseTo(d3(v), 9);
	});

	test('a linear scale without rounding maps its domain onto its range', () => {
		const scale = linearScale([10, 20], [0, 100]);
		expect([scale(10), scale(15), scale(20), scale(25)]).toEqual([0, 50, 100, 150]);
		expect(linearScale([3, 3], [0, 100])(3)).toBe(50);
	});

	test('bands match d3’s scaleBand with inner padding', () => {
		const keys = ['a', 'b', 'c', 'd', 'e'];
		const ours = bandScale(keys, [44, 392], 0.15);
		const d3 = scaleBand<string>().domain(keys).range([44, 392]).paddingInner(0.15);
		for (const k of keys) expect(ours.at(k)).toBeCloseTo(d3(k) ?? Number.NaN, 9);
		expect(ours.bandwidth).toBeCloseTo(d3.bandwidth(), 9);
		expect(ours.at('z')).toBeUndefined();
	});

	test('line paths match d3-shape’s, gaps included', () => {
		const values = [0.5, 0.4123456, null, 0.3, 0.25, null, null, 0.2];
		const x = (i: number) => 10 + i * 33.3333;
		const y = (v: number) => 200 - v * 180;
		const d3 = line<number>()
			.defined((i) => values[i] !== null)
			.x((i) => x(i))
			.y((i) => y(values[i] ?? 0))(values.map((_, i) => i));
		const ours = linePath(values.map((v, i) => (v === null ? null : { x: x(i), y: y(v) })));
		expect(ours).toBe(d3);
		expect(linePath([])).toBe('');
	});
});
