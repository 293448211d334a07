import { describe, expect, test } from 'vitest';
import {
	chiSquareSurvival,
	chiSquareTest,
	DriftInputError,
	normalSurvival,
	proportionZTest,
} from '@sim/index';
import { expectClose, loadFixture } from './fixtures';

interface ChiFixture {
	cases: {
		name: string;
		referenceCounts: number[];
		currentCounts: number[];
		statistic: number;
		pValue: number;
		degreesOfFreedom: number;
	}[];
}
interface SpecialFixture {
	chiSquareSurvival: { df: number; x: number; sf: number }[];
	normalSurvival: { z: number; sf: number }[];
}
const fixture = loadFixture<ChiFixture>('chisquare.json');
const special = loadFixture<SpecialFixture>('special.json');

describe('chiSquareTest against scipy.stats.chisquare', () => {
	for (const c of fixture.cases) {
		test(c.name, () => {
			const result = chiSquareTest(c.referenceCounts, c.currentCounts);
			expectClose(result.statistic, c.statistic, 1e-9, 1e-9);
			expectClose(result.pValue, c.pValue);
			expect(result.degreesOfFreedom).toBe(c.degreesOfFreedom);
		});
	}
});

describe('special functions against scipy', () => {
	for (const c of special.chiSquareSurvival) {
		test(`chi2.sf(${c.x}, ${c.df})`, () =>
			expectClose(chiSquareSurvival(c.x, c.df), c.sf, 1e-12, 1e-9));
	}
	for (const c of special.normalSurvival) {
		test(`norm.sf(${c.z})`, () => expectClose(normalSurvival(c.z), c.sf, 1e-14, 1e-9));
	}
});

describe('chiSquareTest by hand', () => {
	test('[10, 20, 30] against [15, 15, 30]: χ² = 25/10 + 25/20 = 3.75 on 2 df', () => {
		const result = chiSquareTest([10, 20, 30], [15, 15, 30]);
		expect(result.statistic).toBeCloseTo(3.75, 14);
		expect(result.degreesOfFreedom).toBe(2);
		expect(result.pValue).toBeCloseTo(Math.exp(-3.75 / 2), 14);
	});

	test('a category never seen in the reference gives χ² = ∞ and p = 0', () => {
		expect(chiSquareTest([5, 5, 0], [5, 5, 1])).toEqual({
			statistic: Infinity,
			pValue: 0,
			degreesOfFreedom: 2,
		});
	});

	test('a single non-empty category has nothing to test', () => {
		expect(chiSquareTest([4, 0], [9, 0])).toEqual({ statistic: 0, pValue: 1, degreesOfFreedom: 0 });
	});
});

describe('chiSquareTest errors', () => {
	test('mismatched lengths, negatives, all zeros, non-finite and too few categories', () => {
		expect(() => chiSquareTest([1, 2], [1, 2, 3])).toThrow(DriftInputError);
		expect(() => chiSquareTest([1, 2], [1, 2, 3])).toThrow(/^currentCounts: has 3 categories/);
		expect(() => chiSquareTest([1, -2], [1, 2])).toThrow(
			/^referenceCounts: value at index 1 is -2/,
		);
		expect(() => chiSquareTest([0, 0], [1, 2])).toThrow(/^referenceCounts: all entries are zero/);
		expect(() => chiSquareTest([1, 2], [0, 0])).toThrow(/^currentCounts: all entries are zero/);
		expect(() => chiSquareTest([1, NaN], [1, 2])).toThrow(
			/^referenceCounts: value at index 1 is NaN/,
		);
		expect(() => chiSquareTest([3], [4])).toThrow(/at least two categories/);
		expect(() => chiSquareTest([], [])).toThrow(/must not be empty/);
	});
});

describe('proportionZTest', () => {
	test('pooled z by hand: 30/100 vs 45/100', () => {
		const pooled = 75 / 200;
		const z = (0.3 - 0.45) / Math.sqrt(pooled * (1 - pooled) * (2 / 100));
		const result = proportionZTest(30, 100, 45, 100);
		expect(result.statistic).toBeCloseTo(z, 14);
		expect(result.pValue).toBeCloseTo(2 * normalSurvival(Math.abs(z)), 14);
	});

	test('the same constant in both samples gives p = 1', () => {
		expect(proportionZTest(10, 10, 4, 4)).toEqual({ statistic: 0, pValue: 1 });
	});

	test('hits outside [0, size] and empty samples are rejected', () => {
		expect(() => proportionZTest(11, 10, 1, 4)).toThrow(/^referenceHits:/);
		expect(() => proportionZTest(1, 10, 1, 0)).toThrow(/^currentSize: must be positive/);
		expect(() => proportionZTest(1, 10, NaN, 4)).toThrow(/^currentHits:/);
	});
});
