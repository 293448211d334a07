// Evidently compatibility: PSI binning, column types, the default test choice and the type check,
// against values computed by running Evidently's own code (scripts/fixtures/evidently-fixtures.py,
// evidentlyai/evidently at the commit in each fixture's meta: stattests/psi.py, stattests/utils.py,
// stattests/registry.py, utils/data_preprocessing.py).
import { describe, expect, test } from 'vitest';
import {
	assertTestFitsType,
	chooseDriftTest,
	DriftInputError,
	evidentlyCategoricalPsi,
	featureDrift,
	fillEmptySharesAsEvidently,
	inferFeatureType,
	populationStabilityIndex,
	prepareCategories,
	prepareReference,
	type Category,
	type DriftTestName,
	type FeatureType,
} from '@sim/index';
import { expectClose, lcgSample, loadFixture } from './fixtures';

type Part =
	| { values: Category[] }
	| { counts: [Category, number][] }
	| { lcg: { seed: number; n: number; offset: number } };

/** The fixture script's sample spec: stored values, category counts or an LCG run, in order. */
function build(parts: Part[]): Category[] {
	const out: Category[] = [];
	for (const part of parts) {
		if ('values' in part) out.push(...part.values);
		else if ('counts' in part)
			for (const [key, n] of part.counts) for (let i = 0; i < n; i++) out.push(key);
		else out.push(...lcgSample(part.lcg.seed, part.lcg.n, part.lcg.offset));
	}
	return out;
}

interface PsiCase {
	name: string;
	featureType: FeatureType;
	reference: Part[];
	current: Part[];
	referenceProportions: number[];
	currentProportions: number[];
	statistic: number;
	threshold: number;
	drifted: boolean;
	edges?: number[];
	keys?: Category[];
}
const psiFixture = loadFixture<{ meta: { commit: string }; cases: PsiCase[] }>(
	'evidently-psi.json',
);

describe('PSI as Evidently computes it (stattests/psi.py, utils.py get_binned_data)', () => {
	for (const c of psiFixture.cases) {
		test(c.name, () => {
			const reference = build(c.reference);
			const current = build(c.current);
			const result = featureDrift(reference, current, { featureType: c.featureType, test: 'psi' });
			expectClose(result.statistic, c.statistic, 1e-13, 1e-12);
			expect(result.threshold).toBe(c.threshold);
			expect(result.drifted).toBe(c.drifted);
			if (c.featureType === 'numerical') {
				const psi = populationStabilityIndex(reference as number[], current as number[], {
					method: 'evidently',
				});
				expectClose(psi.statistic, c.statistic, 1e-13, 1e-12);
				if (c.edges) {
					expect(psi.binning).toBe('sturges');
					expect(Array.from(psi.edges)).toEqual(c.edges);
					// Shares per bin, after the empty-bin fill, exactly as numpy produced them.
					expect(Array.from(psi.referenceProportions)).toEqual(c.referenceProportions);
					expect(Array.from(psi.currentProportions)).toEqual(c.currentProportions);
				} else {
					expect(psi.binning).toBe('values');
					const byValue = new Map(Array.from(psi.edges, (v, k) => [v, k]));
					c.keys?.forEach((key, i) => {
						const k = byValue.get(key as number) as number;
						expect(psi.referenceProportions[k]).toBe(c.referenceProportions[i]);
						expect(psi.currentProportions[k]).toBe(c.currentProportions[i]);
					});
				}
				// The same through a prepared (sorted, cached) reference and current.
				const prepared = populationStabilityIndex(
					prepareReference(reference as number[]),
					prepareReference(current as number[]),
					{ method: 'evidently' },
				);
				expect(prepared.statistic).toBe(psi.statistic);
			} else {
				const prepared = featureDrift(prepareCategories(reference), current, { test: 'psi' });
				expect(prepared.statistic).toBe(result.statistic);
			}
		});
	}

	test('the fixtures come from a recorded Evidently commit', () => {
		expect(psiFixture.meta.commit).toMatch(/^[0-9a-f]{40}$/);
	});

	test('empty-bin fill by hand: 1e-4 when the smallest share is above it, share / 1e6 otherwise', () => {
		expect(Array.from(fillEmptySharesAsEvidently(Float64Array.from([0.5, 0, 0.5])))).toEqual([
			0.5, 0.0001, 0.5,
		]);
		expect(
			Array.from(fillEmptySharesAsEvidently(Float64Array.from([0.99995, 0, 0.00005]))),
		).toEqual([0.99995, 0.00005 / 1e6, 0.00005]);
		const psi = evidentlyCategoricalPsi([1, 1], [2, 0]);
		expect(psi.statistic).toBeCloseTo(
			(0.5 - 1) * Math.log(0.5 / 1) + (0.5 - 0.0001) * Math.log(0.5 / 0.0001),
			14,
		);
	});

	test('the reference-decile PSI stays the default of populationStabilityIndex', () => {
		const reference = Array.from({ length: 100 }, (_, i) => i);
		const current = Array.from({ length: 100 }, (_, i) => i + 30);
		const deciles = populationStabilityIndex(reference, current);
		expect(deciles.method).toBe('reference-quantiles');
		expect(deciles.binning).toBe('quantiles');
		expect(deciles.edges.length).toBe(9);
		const evidently = populationStabilityIndex(reference, current, { method: 'evidently' });
		expect(evidently.binning).toBe('sturges');
		expect(evidently.statistic).not.toBeCloseTo(deciles.statistic, 3);
		// featureDrift offers both conventions under the name psi.
		expect(featureDrift(reference, current, { test: 'psi' }).statistic).toBe(evidently.statistic);
		expect(
			featureDrift(reference, current, { test: 'psi', psiMethod: 'reference-quantiles' }).statistic,
		).toBe(deciles.statistic);
	});

	test('bad PSI options are refused with a message', () => {
		expect(() =>
			populationStabilityIndex([1, 2], [1, 2], { method: 'evidently', bins: 5 }),
		).toThrow(/chooses its own bins/);
		expect(() =>
			populationStabilityIndex([1, 2], [1, 2], { method: 'deciles' as 'evidently' }),
		).toThrow(DriftInputError);
	});
});

interface ColumnTypeFixture {
	numberUniqueAsCategorical: number;
	cases: { name: string; reference: Category[]; current: Category[]; featureType: FeatureType }[];
	defaultTests: {
		name: string;
		reference: Part[];
		current: Category[];
		featureType: FeatureType;
		test: DriftTestName;
	}[];
	applicability: {
		test: DriftTestName;
		featureType: FeatureType;
		allowed: boolean;
		error: string | null;
	}[];
}
const types = loadFixture<ColumnTypeFixture>('evidently-column-types.json');

describe('column types as Evidently infers them (data_preprocessing.py _get_column_type)', () => {
	test('the limit is NUMBER_UNIQUE_AS_CATEGORICAL = 5', () => {
		expect(types.numberUniqueAsCategorical).toBe(5);
	});
	for (const c of types.cases) {
		test(c.name, () => {
			expect(inferFeatureType(c.reference, c.current)).toBe(c.featureType);
		});
	}
	test('a prepared numeric reference counts its distinct values the same way', () => {
		expect(inferFeatureType(prepareReference([0, 5, 10, 15, 20, 0]))).toBe('categorical');
		expect(inferFeatureType(prepareReference([0, 5, 10, 15, 20, 25]))).toBe('numerical');
		expect(inferFeatureType(prepareCategories(['a', 'b']))).toBe('categorical');
	});
});

describe('default test choice (registry.py _get_default_stattest)', () => {
	for (const c of types.defaultTests) {
		test(c.name, () => {
			const reference = build(c.reference);
			// Counted from the data when no count is given.
			expect(chooseDriftTest({ featureType: c.featureType, reference, current: c.current })).toBe(
				c.test,
			);
			expect(featureDrift(reference, c.current, { featureType: c.featureType }).test).toBe(c.test);
			// A prepared categorical reference gives the same answer.
			if (c.featureType === 'categorical') {
				expect(
					chooseDriftTest({
						featureType: 'categorical',
						reference: prepareCategories(reference),
						current: c.current,
					}),
				).toBe(c.test);
			}
		});
	}

	test('a count of 0 passed in is still taken at its word; omitting it counts', () => {
		const reference = ['basic', 'standard', 'premium', 'basic'];
		// The drift stream's categorical call passes 0 (simulations/drift/drift.model.ts): z.
		expect(chooseDriftTest({ referenceSize: 4, featureType: 'categorical', uniqueCount: 0 })).toBe(
			'z',
		);
		expect(chooseDriftTest({ featureType: 'categorical', reference })).toBe('chisquare');
	});

	test('impossible inputs get a clear message', () => {
		expect(() => chooseDriftTest({ featureType: 'categorical' })).toThrow(/referenceSize/);
		expect(() => chooseDriftTest({ referenceSize: 10, featureType: 'categorical' })).toThrow(
			/distinct-value count or the reference/,
		);
		expect(() =>
			chooseDriftTest({ referenceSize: 10, featureType: 'categorical', uniqueCount: 2.5 }),
		).toThrow(DriftInputError);
		expect(() =>
			chooseDriftTest({ referenceSize: -1, featureType: 'numerical', uniqueCount: 3 }),
		).toThrow(DriftInputError);
	});
});

describe('a test asked for on a type it does not fit (registry.py get_registered_stattest)', () => {
	for (const c of types.applicability) {
		test(`${c.test} on a ${c.featureType} feature: ${c.allowed ? 'allowed' : 'refused'}`, () => {
			if (c.allowed) {
				expect(() => assertTestFitsType(c.test, c.featureType)).not.toThrow();
				return;
			}
			// Evidently: "Stattest z isn't applicable to feature of type num. Available feature
			// types: [cat]" — ours names the same test, the same type and the types it fits.
			expect(c.error).toMatch(new RegExp(`^Stattest ${c.test} isn't applicable`));
			const fits = c.featureType === 'numerical' ? 'categorical' : 'numerical';
			expect(() => assertTestFitsType(c.test, c.featureType)).toThrow(
				`"${c.test}" does not apply to a ${c.featureType} feature; it is for ${fits} features only`,
			);
		});
	}

	test('featureDrift refuses z and chi-square by name on a wide numerical feature', () => {
		const reference = Array.from({ length: 50 }, (_, i) => i / 2);
		expect(() => featureDrift(reference, reference, { test: 'z' })).toThrow(
			/"z" does not apply to a numerical feature/,
		);
		expect(() => featureDrift(reference, reference, { test: 'chisquare' })).toThrow(
			/"chisquare" does not apply to a numerical feature/,
		);
		expect(() => featureDrift(['a', 'b'], ['a'], { test: 'ks' })).toThrow(
			/"ks" does not apply to a categorical feature/,
		);
	});

	test('but not the test Evidently itself picks for a narrow numerical feature', () => {
		// Evidently's default runs chi-square on a numerical column with 3–5 values; passing that
		// choice on by name (as the drift stream does) is not an error.
		const reference = [0, 5, 10, 15, 20, 0, 5, 10];
		expect(chooseDriftTest({ featureType: 'numerical', reference })).toBe('chisquare');
		expect(featureDrift(reference, [0, 5, 5], { test: 'chisquare' }).test).toBe('chisquare');
	});
});
