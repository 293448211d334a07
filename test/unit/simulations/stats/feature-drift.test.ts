import { describe, expect, test } from 'vitest';
import {
	chooseDriftTest,
	datasetDrift,
	DriftInputError,
	featureDrift,
	ksTwoSample,
	normedWassersteinDistance,
	prepareCategories,
	prepareReference,
	type Category,
	type DriftTestName,
} from '@sim/index';
import { expectClose, lcgSample, loadFixture } from './fixtures';

interface FeatureFixture {
	cases: {
		name: string;
		reference: Category[];
		current: Category[];
		test: DriftTestName;
		forced?: boolean;
		score?: number;
	}[];
}
const fixture = loadFixture<FeatureFixture>('feature-drift.json');

describe('featureDrift picks Evidently’s default test and score', () => {
	for (const c of fixture.cases) {
		test(c.name, () => {
			const result = featureDrift(c.reference, c.current, c.forced ? { test: c.test } : {});
			expect(result.test).toBe(c.test);
			if (c.score !== undefined) expectClose(result.score, c.score);
			if (typeof c.reference[0] === 'number') {
				const prepared = prepareReference(c.reference as number[]);
				const viaPrepared = featureDrift(prepared, c.current, c.forced ? { test: c.test } : {});
				// Summation order differs (sorted vs given), so allow last-digit differences.
				expect(viaPrepared.test).toBe(result.test);
				expect(viaPrepared.drifted).toBe(result.drifted);
				expectClose(viaPrepared.score, result.score, 1e-13, 1e-12);
			}
		});
	}
});

describe('chooseDriftTest', () => {
	const cases: [number, 'numerical' | 'categorical', number, DriftTestName][] = [
		[1000, 'numerical', 6, 'ks'],
		[1000, 'numerical', 5, 'chisquare'],
		[1000, 'numerical', 2, 'z'],
		[1000, 'categorical', 40, 'chisquare'],
		[1000, 'categorical', 2, 'z'],
		[1001, 'numerical', 6, 'wasserstein'],
		[1001, 'numerical', 5, 'jensenshannon'],
		[1001, 'categorical', 2, 'jensenshannon'],
	];
	for (const [referenceSize, featureType, uniqueCount, expected] of cases) {
		test(`${referenceSize} rows, ${featureType}, ${uniqueCount} values → ${expected}`, () => {
			expect(chooseDriftTest({ referenceSize, featureType, uniqueCount })).toBe(expected);
		});
	}
});

describe('featureDrift verdicts and overrides', () => {
	const reference = Array.from(lcgSample(1, 800, 0));
	const shifted = Array.from(lcgSample(2, 300, 3000));

	test('KS drift when p ≤ 0.05, with the result carrying test, score and threshold', () => {
		const result = featureDrift(reference, shifted);
		const ks = ksTwoSample(reference, shifted);
		expect(result).toEqual({
			test: 'ks',
			featureType: 'numerical',
			statistic: ks.statistic,
			pValue: ks.pValue,
			score: ks.pValue,
			threshold: 0.05,
			drifted: ks.pValue <= 0.05,
		});
		expect(result.drifted).toBe(true);
	});

	test('test and threshold can be overridden', () => {
		const result = featureDrift(reference, shifted, { test: 'wasserstein', threshold: 5 });
		expect(result.test).toBe('wasserstein');
		expect(result.pValue).toBeNull();
		expect(result.score).toBeCloseTo(normedWassersteinDistance(reference, shifted), 12);
		expect(result.drifted).toBe(result.score >= 5);
		expect(featureDrift(reference, shifted, { test: 'psi' }).test).toBe('psi');
	});

	test('distance tests flag at the threshold itself; p-value tests other than KS do not', () => {
		const same = featureDrift(['a', 'b'], ['a', 'b'], { test: 'jensenshannon', threshold: 0 });
		expect(same.drifted).toBe(true);
		const chi = featureDrift(['a', 'b', 'c'], ['a', 'b', 'c'], { threshold: 1 });
		expect(chi.test).toBe('chisquare');
		expect(chi.score).toBe(1);
		expect(chi.drifted).toBe(false);
	});

	test('prepared references give the same results', () => {
		const plain = featureDrift(reference, shifted, { test: 'psi' });
		expect(featureDrift(prepareReference(reference), shifted, { test: 'psi' })).toEqual(plain);
		const colours = ['red', 'red', 'blue', 'green', 'blue', 'red'];
		const now = ['blue', 'blue', 'green'];
		expect(featureDrift(prepareCategories(colours), now)).toEqual(featureDrift(colours, now));
	});

	test('categorical PSI uses category shares with the 1e-4 floor', () => {
		const result = featureDrift(['a', 'a', 'b', 'b'], ['a', 'c'], { test: 'psi' });
		const expected =
			(0.5 - 0.5) * Math.log(1) +
			(1e-4 - 0.5) * Math.log(1e-4 / 0.5) +
			(0.5 - 1e-4) * Math.log(0.5 / 1e-4);
		expect(result.statistic).toBeCloseTo(expected, 12);
	});

	test('clear errors for impossible combinations and bad values', () => {
		expect(() => featureDrift(['a', 'b'], ['a'], { test: 'ks' })).toThrow(
			/^test: "ks" does not apply to a categorical feature; it is for numerical features only/,
		);
		expect(() => featureDrift([1, 2], ['a'], { featureType: 'numerical' })).toThrow(
			DriftInputError,
		);
		expect(() => featureDrift([1, NaN], [1, 2])).toThrow(/^reference: value at index 1 is NaN/);
		expect(() => featureDrift([1, 2], [1, 2], { threshold: NaN })).toThrow(/^threshold:/);
		expect(() => featureDrift([], ['a'])).toThrow(/^reference: must not be empty/);
		expect(() => featureDrift([1, 2], [1, 2], { test: 'tv' as DriftTestName })).toThrow(
			/^test: unknown drift test "tv"/,
		);
	});
});

describe('datasetDrift', () => {
	const stable = Array.from(lcgSample(3, 500, 0));
	const stableNow = Array.from(lcgSample(4, 200, 0));
	const moved = Array.from(lcgSample(5, 200, 20_000));

	test('drift when the drifted share reaches 0.5', () => {
		const result = datasetDrift([
			{ name: 'a', reference: stable, current: moved },
			{ name: 'b', reference: stable, current: stableNow },
		]);
		expect(result.features.map((f) => [f.name, f.result.drifted])).toEqual([
			['a', true],
			['b', false],
		]);
		expect(result.share).toBe(0.5);
		expect(result.drifted).toBe(true);
		expect(
			datasetDrift(
				[
					{ name: 'a', reference: stable, current: moved },
					{ name: 'b', reference: stable, current: stableNow },
				],
				{ driftShare: 0.75 },
			).drifted,
		).toBe(false);
	});

	test('errors name the feature', () => {
		expect(() => datasetDrift([{ name: 'age', reference: [1, 2], current: [] }])).toThrow(
			/^age\.current: must not be empty/,
		);
		expect(() => datasetDrift([])).toThrow(/^features:/);
		expect(() =>
			datasetDrift([{ name: 'a', reference: [1], current: [1] }], { driftShare: 2 }),
		).toThrow(/^driftShare:/);
	});
});
