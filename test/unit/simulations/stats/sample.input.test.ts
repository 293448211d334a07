import { describe, expect, test } from 'vitest';
import {
	DriftInputError,
	ksTwoSample,
	populationStabilityIndex,
	prepareReference,
	wassersteinDistance,
} from '@sim/index';

describe('prepareReference', () => {
	test('sorts a copy and summarises it with numpy’s conventions', () => {
		const values = [4, 1, 3, 1, 6];
		const prepared = prepareReference(values);
		expect(Array.from(prepared.sorted)).toEqual([1, 1, 3, 4, 6]);
		expect(values).toEqual([4, 1, 3, 1, 6]);
		expect(prepared.mean).toBe(3);
		expect(prepared.populationStd).toBeCloseTo(Math.sqrt(18 / 5), 15);
		expect(prepared.uniqueCount).toBe(4);
	});

	test('rejects empty, non-numeric and non-finite input with the argument named', () => {
		expect(() => prepareReference([])).toThrow('reference: must not be empty');
		expect(() => prepareReference([1, NaN])).toThrow(
			'reference: value at index 1 is NaN; every value must be a finite number',
		);
		expect(() => prepareReference(['1'] as unknown as number[])).toThrow(/index 0 is 1/);
		expect(() => prepareReference(null as unknown as number[])).toThrow(/expected an array/);
		try {
			prepareReference([Infinity]);
			expect.fail('should have thrown');
		} catch (error) {
			expect(error).toBeInstanceOf(DriftInputError);
			expect((error as DriftInputError).argument).toBe('reference');
			expect((error as DriftInputError).name).toBe('DriftInputError');
		}
	});

	test('a prepared window can be reused as the current sample in every test', () => {
		const reference = Array.from({ length: 40 }, (_, i) => (i * 17) % 29);
		const window = [3, 8, 8, 30, 12, -1, 5];
		const preparedReference = prepareReference(reference);
		const preparedWindow = prepareReference(window);
		expect(ksTwoSample(preparedReference, preparedWindow)).toEqual(ksTwoSample(reference, window));
		expect(wassersteinDistance(preparedReference, preparedWindow)).toBeCloseTo(
			wassersteinDistance(reference, window),
			12,
		);
		expect(populationStabilityIndex(preparedReference, preparedWindow).statistic).toBe(
			populationStabilityIndex(reference, window).statistic,
		);
	});
});
