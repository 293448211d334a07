import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
	DriftInputError,
	normedWassersteinDistance,
	prepareReference,
	wassersteinDistance,
} from '@sim/index';
import { expectClose, loadFixture, materialise, type SampleSpec } from './fixtures';

interface WassersteinFixture {
	cases: {
		name: string;
		reference: SampleSpec;
		current: SampleSpec;
		distance: number;
		normed: number;
	}[];
}
const fixture = loadFixture<WassersteinFixture>('wasserstein.json');

describe('wassersteinDistance against scipy', () => {
	for (const c of fixture.cases) {
		test(c.name, () => {
			const reference = materialise(c.reference);
			const current = materialise(c.current);
			expectClose(wassersteinDistance(reference, current), c.distance, 1e-9, 1e-9);
			expectClose(normedWassersteinDistance(reference, current), c.normed, 1e-9, 1e-9);
			expectClose(
				normedWassersteinDistance(prepareReference(reference), current),
				c.normed,
				1e-9,
				1e-9,
			);
		});
	}
});

describe('wassersteinDistance by hand', () => {
	test('equal sizes: the mean gap between sorted samples', () => {
		expect(wassersteinDistance([0, 1, 3], [5, 6, 8])).toBe(5);
	});

	test('unequal sizes integrate |F − G|', () => {
		// F jumps to 1/2 at 0 and 1 at 1; G to 1/3 at 0, 2/3 at 2, 1 at 4.
		// ∫ = (1/2 − 1/3)·1 + (1 − 1/3)·1 + (1 − 2/3)·2 = 1/6 + 2/3 + 2/3 = 1.5
		expect(wassersteinDistance([0, 1], [0, 2, 4])).toBeCloseTo(1.5, 15);
	});

	test('normed distance is in reference standard deviations, floored at 0.001', () => {
		expect(normedWassersteinDistance([0, 2], [1, 3])).toBeCloseTo(1, 15);
		expect(normedWassersteinDistance([5, 5], [5, 6])).toBeCloseTo(0.5 / 0.001, 9);
	});

	test('errors name the argument', () => {
		expect(() => wassersteinDistance([], [1])).toThrow(DriftInputError);
		expect(() => normedWassersteinDistance([1], [Infinity])).toThrow(/^current:/);
	});
});

describe('wassersteinDistance properties', () => {
	test('zero for identical samples, symmetric, and shift by c moves it by |c|', () => {
		const sample = fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 1, maxLength: 40 });
		fc.assert(
			fc.property(sample, sample, fc.integer({ min: -10, max: 10 }), (a, b, shift) => {
				expect(wassersteinDistance(a, [...a].reverse())).toBe(0);
				expect(wassersteinDistance(a, b)).toBeCloseTo(wassersteinDistance(b, a), 9);
				const shifted = a.map((value) => value + shift);
				expect(wassersteinDistance(a, shifted)).toBeCloseTo(Math.abs(shift), 9);
			}),
			{ numRuns: 200, seed: 3 },
		);
	});
});
