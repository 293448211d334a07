// Bonferroni and Benjamini–Hochberg over per-feature p-values. Reference values from the
// definitions (scripts/fixtures/multiple-testing-fixtures.py: step-up rejections and a double-loop
// minimum, since Debian's scipy 1.10 predates stats.false_discovery_control), including the worked
// example of Benjamini & Hochberg (1995).
import { describe, expect, test } from 'vitest';
import {
	adjustPValues,
	benjaminiHochbergAdjust,
	bonferroniAdjust,
	correctFeatureDrift,
	datasetDrift,
	DriftInputError,
	featureDrift,
	type FeatureDriftResult,
} from '@sim/index';
import { loadFixture } from './fixtures';

interface Case {
	name: string;
	alpha: number;
	pValues: number[];
	bonferroni: number[];
	bonferroniRejected: boolean[];
	benjaminiHochberg: number[];
	benjaminiHochbergRejected: boolean[];
}
const fixture = loadFixture<{ cases: Case[] }>('multiple-testing.json');

describe('adjusted p-values against the definitions', () => {
	for (const c of fixture.cases) {
		test(c.name, () => {
			const bonferroni = bonferroniAdjust(c.pValues);
			const bh = benjaminiHochbergAdjust(c.pValues);
			c.bonferroni.forEach((value, i) => expect(bonferroni[i]).toBeCloseTo(value, 15));
			c.benjaminiHochberg.forEach((value, i) => expect(bh[i]).toBeCloseTo(value, 15));
			// Rejecting where the adjusted p-value is at most alpha is the step-up rule.
			expect(Array.from(bh, (p) => p <= c.alpha)).toEqual(c.benjaminiHochbergRejected);
			expect(Array.from(bonferroni, (p) => p <= c.alpha)).toEqual(c.bonferroniRejected);
		});
	}

	test('the 1995 worked example rejects exactly the four smallest', () => {
		const c = fixture.cases[0] as Case;
		expect(c.benjaminiHochbergRejected.filter(Boolean).length).toBe(4);
		expect(c.bonferroniRejected.filter(Boolean).length).toBe(3);
	});

	test('by hand: three p-values', () => {
		// Sorted 0.01, 0.02, 0.04 → ×3/1, ×3/2, ×3/3 = 0.03, 0.03, 0.04 (already monotone).
		expect(Array.from(benjaminiHochbergAdjust([0.04, 0.01, 0.02]))).toEqual([0.04, 0.03, 0.03]);
		expect(Array.from(bonferroniAdjust([0.04, 0.01, 0.5]))).toEqual([0.12, 0.03, 1]);
		expect(Array.from(adjustPValues([0.04, 0.01], 'none'))).toEqual([0.04, 0.01]);
	});

	test('bad p-values and corrections are refused with a message', () => {
		expect(() => bonferroniAdjust([0.1, 1.2])).toThrow(/index 1 is 1.2, not in \[0, 1\]/);
		expect(() => benjaminiHochbergAdjust([Number.NaN])).toThrow(DriftInputError);
		expect(() => adjustPValues([0.1], 'holm' as 'none')).toThrow(/must be one of none/);
	});
});

describe('correctFeatureDrift re-decides p-value tests only', () => {
	const result = (test: FeatureDriftResult['test'], pValue: number | null, drifted: boolean) =>
		({
			test,
			featureType: 'numerical',
			statistic: 0,
			pValue,
			score: pValue ?? 0.2,
			threshold: pValue === null ? 0.1 : 0.05,
			drifted,
		}) as FeatureDriftResult;

	test('Bonferroni over three p-value tests; a distance keeps its verdict', () => {
		const corrected = correctFeatureDrift(
			[
				{ name: 'a', result: result('ks', 0.01, true) },
				{ name: 'b', result: result('chisquare', 0.03, true) },
				{ name: 'c', result: result('ks', 0.5, false) },
				{ name: 'd', result: result('wasserstein', null, true) },
			],
			'bonferroni',
		);
		expect(corrected.familySize).toBe(3);
		expect(corrected.features.map((f) => f.adjustedPValue)).toEqual([0.03, 0.09, 1, null]);
		expect(corrected.features.map((f) => f.drifted)).toEqual([true, false, false, true]);
		expect(corrected.driftedCount).toBe(2);
	});

	test('each test keeps its own comparison: KS flags p ≤ t, chi-square only p < t', () => {
		const corrected = correctFeatureDrift(
			[
				{ name: 'a', result: result('ks', 0.025, true) },
				{ name: 'b', result: result('chisquare', 0.025, true) },
			],
			'bonferroni',
		);
		expect(corrected.features.map((f) => f.drifted)).toEqual([true, false]);
	});

	test('on real results from datasetDrift', () => {
		const same = Array.from({ length: 200 }, (_, i) => (i * 7919) % 1000);
		const shifted = same.map((v) => v + 150);
		const day = datasetDrift([
			{ name: 'shifted', reference: same, current: shifted },
			{ name: 'same', reference: same, current: same },
		]);
		const corrected = correctFeatureDrift(day.features, 'benjamini-hochberg');
		expect(corrected.features.map((f) => f.drifted)).toEqual([true, false]);
		const ks = featureDrift(same, shifted);
		expect(corrected.features[0]?.adjustedPValue).toBeCloseTo((ks.pValue as number) * 2, 15);
	});
});
