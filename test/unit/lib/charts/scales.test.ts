import { describe, expect, test } from 'vitest';
import * as d3 from 'd3-array';
import fc from 'fast-check';
import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import {
	axisTicks,
	bandScale,
	linePath,
	linearScale,
	nice,
	niceLinear,
	ticks,
} from '@/lib/charts/scales';

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

// The ticks and rounding are written out (no d3-array on lab pages); d3-array is the specification.
describe('ticks and nice agree with d3-array', () => {
	const finite = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true });
	const small = fc.double({ min: -1e-3, max: 1e-3, noNaN: true, noDefaultInfinity: true });
	// Both throw where d3 does (a tick array too long to allocate); otherwise the same values.
	const outcome = <T>(f: () => T) => {
		try {
			return { value: f() };
		} catch (error) {
			return { threw: String(error) };
		}
	};
	const count = fc.oneof(
		fc.integer({ min: 0, max: 20 }),
		fc.double({ min: 0, max: 3, noNaN: true }),
	);

	test('ticks, in either order and at any scale', () => {
		fc.assert(
			fc.property(fc.oneof(finite, small), fc.oneof(finite, small), count, (a, b, n) => {
				expect(outcome(() => ticks(a, b, n))).toEqual(outcome(() => d3.ticks(a, b, n)));
			}),
			{ numRuns: 3000 },
		);
	});

	test('nice', () => {
		fc.assert(
			fc.property(fc.oneof(finite, small), fc.oneof(finite, small), count, (a, b, n) => {
				expect(nice(a, b, n)).toEqual(d3.nice(a, b, n));
			}),
			{ numRuns: 3000 },
		);
	});

	test('edge cases: equal ends, no count, non-finite ends', () => {
		for (const [a, b, n] of [
			[2, 2, 5],
			[0, 1, 0],
			[0, 1, -1],
			[0, 1, 1],
			[0, 1, 0.7],
			[Number.NaN, 1, 5],
			[0, Infinity, 5],
			[-Infinity, Infinity, 5],
		] as const) {
			expect(ticks(a, b, n)).toEqual(d3.ticks(a, b, n));
			expect(nice(a, b, n)).toEqual(d3.nice(a, b, n));
		}
	});
});

// A percentage axis labels its ticks with the decimals their step needs, as d3-scale's
// tickFormat(count, '%') does; the deployment lab's success-rate chart once read "100% 100% 99%".
describe('percentage axis labels follow the tick step, as d3-scale’s tickFormat', () => {
	test.each([
		[0.99, 1],
		[0.995, 1],
		[0.9, 1],
		[0, 1],
		[0.5, 0.52],
		[0.97, 0.9999],
	])('[%s, %s]', (lo, hi) => {
		const ours = axisTicks(linearScale([lo, hi], [0, 100]), 5, '.0%');
		const reference = scaleLinear().domain([lo, hi]);
		const format = reference.tickFormat(5, '%');
		expect(ours.map((t) => t.value)).toEqual(reference.ticks(5));
		expect(ours.map((t) => t.label)).toEqual(reference.ticks(5).map(format));
		expect(new Set(ours.map((t) => t.label)).size).toBe(ours.length);
	});

	test('a wider precision asked for is kept', () => {
		const labels = axisTicks(linearScale([0, 1], [0, 100]), 5, '.1%').map((t) => t.label);
		expect(labels).toEqual(['0.0%', '20.0%', '40.0%', '60.0%', '80.0%', '100.0%']);
	});
});
