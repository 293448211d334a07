import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { DriftInputError, jensenShannonDistance } from '@sim/index';
import { expectClose, loadFixture } from './fixtures';

interface JsFixture {
	cases: { name: string; p: number[]; q: number[]; distance: number }[];
}
const fixture = loadFixture<JsFixture>('jensenshannon.json');

describe('jensenShannonDistance against scipy', () => {
	for (const c of fixture.cases) {
		test(c.name, () => expectClose(jensenShannonDistance(c.p, c.q), c.distance, 1e-12, 1e-10));
	}
});

describe('jensenShannonDistance by hand', () => {
	test('disjoint supports reach the maximum √ln 2', () => {
		expect(jensenShannonDistance([1, 0], [0, 1])).toBeCloseTo(Math.sqrt(Math.LN2), 15);
	});

	test('identical distributions, even as unnormalised counts, are at distance 0', () => {
		expect(jensenShannonDistance([1, 2, 3], [10, 20, 30])).toBe(0);
	});

	test('errors: mismatched lengths, negatives, all zeros, NaN', () => {
		expect(() => jensenShannonDistance([1, 2], [1])).toThrow(DriftInputError);
		expect(() => jensenShannonDistance([1, 2], [1])).toThrow(/^q: has 1 entries but p has 2/);
		expect(() => jensenShannonDistance([1, -1], [1, 1])).toThrow(/^p: value at index 1 is -1/);
		expect(() => jensenShannonDistance([0, 0], [1, 1])).toThrow(/^p: all entries are zero/);
		expect(() => jensenShannonDistance([1, 1], [NaN, 1])).toThrow(/^q: value at index 0 is NaN/);
	});
});

describe('jensenShannonDistance properties', () => {
	test('symmetric and within [0, √ln 2]', () => {
		const distribution = fc
			.array(fc.integer({ min: 0, max: 9 }), { minLength: 4, maxLength: 4 })
			.filter((values) => values.some((value) => value > 0));
		fc.assert(
			fc.property(distribution, distribution, (p, q) => {
				const d = jensenShannonDistance(p, q);
				expect(d).toBeCloseTo(jensenShannonDistance(q, p), 14);
				expect(d).toBeGreaterThanOrEqual(0);
				expect(d).toBeLessThanOrEqual(Math.sqrt(Math.LN2) + 1e-15);
			}),
			{ numRuns: 200, seed: 7 },
		);
	});
});
