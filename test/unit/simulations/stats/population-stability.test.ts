import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
	DriftInputError,
	linearQuantile,
	populationStabilityIndex,
	prepareReference,
} from '@sim/index';
import { expectClose, loadFixture, materialise, type SampleSpec } from './fixtures';

interface PsiFixture {
	cases: {
		name: string;
		reference: SampleSpec;
		current: SampleSpec;
		bins: number;
		statistic: number;
		edges: number[];
		referenceProportions: number[];
		currentProportions: number[];
	}[];
}
const fixture = loadFixture<PsiFixture>('psi.json');

describe('populationStabilityIndex against numpy', () => {
	for (const c of fixture.cases) {
		test(c.name, () => {
			const result = populationStabilityIndex(materialise(c.reference), materialise(c.current), {
				bins: c.bins,
			});
			// Edges and bin shares must match exactly: a value on an edge decides its bin.
			expect(Array.from(result.edges)).toEqual(c.edges);
			expect(Array.from(result.referenceProportions)).toEqual(c.referenceProportions);
			expect(Array.from(result.currentProportions)).toEqual(c.currentProportions);
			expectClose(result.statistic, c.statistic, 1e-12, 1e-10);
		});
	}
});

describe('populationStabilityIndex by hand', () => {
	test('two bins on [1, 2, 3, 4]: the median edge 2.5 splits the reference evenly', () => {
		const result = populationStabilityIndex([1, 2, 3, 4], [1, 1, 1, 4], { bins: 2 });
		expect(Array.from(result.edges)).toEqual([2.5]);
		const expected = (0.75 - 0.5) * Math.log(0.75 / 0.5) + (0.25 - 0.5) * Math.log(0.25 / 0.5);
		expect(result.statistic).toBeCloseTo(expected, 15);
	});

	test('a value equal to an edge is counted in the upper bin', () => {
		const result = populationStabilityIndex([0, 1, 2, 3, 4], [2], { bins: 2 });
		expect(Array.from(result.edges)).toEqual([2]);
		expect(Array.from(result.currentProportions)).toEqual([1e-4, 1]);
	});

	test('empty bins are floored at 1e-4 on each side', () => {
		const result = populationStabilityIndex([0, 0, 1, 1], [5, 5], { bins: 2 });
		expect(Array.from(result.currentProportions)).toEqual([1e-4, 1]);
		const expected = (1e-4 - 0.5) * Math.log(1e-4 / 0.5) + (1 - 0.5) * Math.log(1 / 0.5);
		expect(result.statistic).toBeCloseTo(expected, 12);
	});

	test('numpy linear quantiles', () => {
		const sorted = Float64Array.from([1, 2, 3, 4, 10]);
		expect(linearQuantile(sorted, 0.5)).toBe(3);
		expect(linearQuantile(sorted, 0.9)).toBeCloseTo(7.6, 14);
		expect(linearQuantile(sorted, 1)).toBe(10);
	});

	test('a prepared reference caches its bins and gives identical results', () => {
		const reference = Array.from({ length: 50 }, (_, i) => (i * 7) % 23);
		const prepared = prepareReference(reference);
		const current = [1, 5, 9, 22, 30, -4];
		expect(populationStabilityIndex(prepared, current).statistic).toBe(
			populationStabilityIndex(reference, current).statistic,
		);
		expect(prepared.psiCache.has(10)).toBe(true);
	});
});

describe('populationStabilityIndex errors', () => {
	test('bad inputs raise DriftInputError', () => {
		expect(() => populationStabilityIndex([], [1])).toThrow(DriftInputError);
		expect(() => populationStabilityIndex([1, 2], [NaN])).toThrow(/^current: value at index 0/);
		expect(() => populationStabilityIndex([1, 2], [1], { bins: 1 })).toThrow(/^bins:/);
		expect(() => populationStabilityIndex([1, 2], [1], { bins: 2.5 })).toThrow(/^bins:/);
	});
});

describe('populationStabilityIndex properties', () => {
	test('never negative, and zero for identical samples', () => {
		const sample = fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 60 });
		fc.assert(
			fc.property(sample, sample, (a, b) => {
				expect(populationStabilityIndex(a, b).statistic).toBeGreaterThanOrEqual(0);
				expect(populationStabilityIndex(a, a).statistic).toBe(0);
			}),
			{ numRuns: 200, seed: 11 },
		);
	});
});
