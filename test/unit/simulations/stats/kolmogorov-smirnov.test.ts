import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
	DriftInputError,
	ksExactPValue,
	ksTwoSample,
	kolmogorovSurvival,
	prepareReference,
} from '@sim/index';
import { expectClose, loadFixture, materialise, type SampleSpec } from './fixtures';

interface KsFixture {
	cases: {
		name: string;
		reference: SampleSpec;
		current: SampleSpec;
		statistic: number;
		pValue: number;
	}[];
	exact: { m: number; n: number; h: number; pValue: number }[];
	kolmogorov: { n: number; x: number; sf: number }[];
}
const fixture = loadFixture<KsFixture>('ks.json');

describe('ksTwoSample against scipy.stats.ks_2samp', () => {
	for (const c of fixture.cases) {
		test(c.name, () => {
			const result = ksTwoSample(materialise(c.reference), materialise(c.current));
			expectClose(result.statistic, c.statistic, 1e-12, 1e-12);
			expectClose(result.pValue, c.pValue);
		});
	}

	test('switches to the asymptotic distribution above 10,000 points', () => {
		const small = ksTwoSample([1, 2, 3], [4, 5]);
		expect(small.method).toBe('exact');
		const big = ksTwoSample(
			new Float64Array(10_001).map((_, i) => i),
			[0.5, 7],
		);
		expect(big.method).toBe('asymptotic');
	});
});

describe('exact two-sample p-value against scipy', () => {
	for (const c of fixture.exact) {
		test(`m=${c.m} n=${c.n} h=${c.h}`, () => {
			expectClose(ksExactPValue(c.m, c.n, c.h), c.pValue);
		});
	}
});

describe('kolmogorovSurvival against scipy.stats.kstwo.sf', () => {
	for (const c of fixture.kolmogorov) {
		test(`n=${c.n} x=${c.x}`, () => {
			expectClose(kolmogorovSurvival(c.n, c.x), c.sf);
		});
	}
});

describe('ksTwoSample by hand', () => {
	test('disjoint samples of sizes 2 and 2: D = 1, p = 2 / C(4, 2)', () => {
		const result = ksTwoSample([1, 2], [3, 4]);
		expect(result.statistic).toBe(1);
		expect(result.pValue).toBeCloseTo(2 / 6, 14);
	});

	test('interleaved samples give D = 1/3 with p = 1', () => {
		const result = ksTwoSample([1, 3, 5], [2, 4, 6]);
		expect(result.statistic).toBeCloseTo(1 / 3, 15);
		expect(result.pValue).toBe(1);
	});

	test('ties are resolved after every run of equal values', () => {
		// ECDFs after 1: 2/3 vs 1/3; after 2: 1 vs 2/3; after 3: 1 vs 1.
		const result = ksTwoSample([1, 1, 2], [1, 2, 3]);
		expect(result.statistic).toBeCloseTo(1 / 3, 15);
	});

	test('identical samples: D = 0, p = 1', () => {
		expect(ksTwoSample([3, 1, 2], [2, 3, 1])).toEqual({ statistic: 0, pValue: 1, method: 'exact' });
	});

	test('a prepared reference gives the same answer and is not mutated', () => {
		const reference = [5, 3, 9, 1, 7, 2, 8];
		const prepared = prepareReference(reference);
		const current = [4, 6, 10, 11];
		expect(ksTwoSample(prepared, current)).toEqual(ksTwoSample(reference, current));
		expect(Array.from(prepared.sorted)).toEqual([1, 2, 3, 5, 7, 8, 9]);
	});
});

describe('ksTwoSample input errors', () => {
	test('empty and non-finite inputs raise DriftInputError naming the argument', () => {
		expect(() => ksTwoSample([], [1])).toThrow(DriftInputError);
		expect(() => ksTwoSample([], [1])).toThrow(/^reference: must not be empty/);
		expect(() => ksTwoSample([1], [2, NaN])).toThrow(/^current: value at index 1 is NaN/);
		expect(() => ksTwoSample([Infinity], [2])).toThrow(/^reference: value at index 0 is Infinity/);
		expect(() => ksTwoSample([1], [-Infinity])).toThrow(/current/);
	});
});

/** P(D ≥ observed) by enumerating every interleaving of m and n distinct values. */
function bruteForcePValue(m: number, n: number, h: number): number {
	let extreme = 0;
	let total = 0;
	const walk = (x: number, y: number, worst: number): void => {
		const gap = Math.max(worst, Math.abs(x * n - y * m));
		if (x === m && y === n) {
			total++;
			if (gap >= h) extreme++;
			return;
		}
		if (x < m) walk(x + 1, y, gap);
		if (y < n) walk(x, y + 1, gap);
	};
	walk(0, 0, 0);
	return extreme / total;
}

describe('exact p-value against brute-force enumeration', () => {
	for (const [m, n] of [
		[1, 1],
		[2, 5],
		[3, 3],
		[4, 6],
		[5, 7],
		[6, 4],
		[7, 7],
		[3, 9],
		[8, 6],
	] as const) {
		test(`all boundaries for sizes ${m} and ${n}`, () => {
			// In units of 1/(m·n): D ≥ k/(m·n) ⇔ some |x·n − y·m| ≥ k; h = k·g/(m·n)·lcm = k/g.
			const g = gcdOf(m, n);
			for (let k = g; k <= m * n; k += g) {
				expect(ksExactPValue(m, n, k / g)).toBeCloseTo(bruteForcePValue(m, n, k), 12);
			}
		});
	}
});

function gcdOf(a: number, b: number): number {
	return b === 0 ? a : gcdOf(b, a % b);
}

describe('ksTwoSample properties', () => {
	const sample = fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 40 });
	test('symmetric in its arguments, statistic in [0, 1], p in [0, 1]', () => {
		fc.assert(
			fc.property(sample, sample, (a, b) => {
				const ab = ksTwoSample(a, b);
				const ba = ksTwoSample(b, a);
				expect(ab.statistic).toBe(ba.statistic);
				expect(ab.pValue).toBeCloseTo(ba.pValue, 12);
				expect(ab.statistic).toBeGreaterThanOrEqual(0);
				expect(ab.statistic).toBeLessThanOrEqual(1);
				expect(ab.pValue).toBeGreaterThanOrEqual(0);
				expect(ab.pValue).toBeLessThanOrEqual(1);
			}),
			{ numRuns: 200, seed: 5 },
		);
	});
});
