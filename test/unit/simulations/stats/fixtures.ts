// Loads the scipy reference values written by scripts/fixtures/stats-fixtures.py and rebuilds the
// generated samples with the same 32-bit LCG, so large cases need not be stored.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** A stored or generated sample, as the fixture script writes it. */
export type SampleSpec =
	{ values: number[] } | { lcg: { seed: number; n: number; offset: number } };

/** Parses one fixture file, turning "Infinity" strings back into numbers. */
export function loadFixture<T>(name: string): T {
	const text = readFileSync(new URL(`../../../fixtures/stats/${name}`, import.meta.url), 'utf8');
	return JSON.parse(text, (_key, value: unknown) =>
		value === 'Infinity' ? Infinity : value === '-Infinity' ? -Infinity : value,
	) as T;
}

/** Sum of four 16-bit LCG draws plus an offset: the fixture script's integer generator. */
export function lcgSample(seed: number, n: number, offset: number): Float64Array {
	let state = seed >>> 0;
	const out = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		let total = 0;
		for (let k = 0; k < 4; k++) {
			state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
			total += state >>> 16;
		}
		out[i] = total + offset;
	}
	return out;
}

/** The numbers a sample spec stands for. */
export function materialise(spec: SampleSpec): ArrayLike<number> {
	return 'values' in spec ? spec.values : lcgSample(spec.lcg.seed, spec.lcg.n, spec.lcg.offset);
}

/** Passes when |actual − expected| ≤ abs or ≤ rel · |expected| (the brief's tolerance). */
export function expectClose(actual: number, expected: number, abs = 1e-6, rel = 1e-4): void {
	if (expected === Infinity || expected === -Infinity) {
		expect(actual).toBe(expected);
		return;
	}
	expect(Number.isFinite(actual)).toBe(true);
	const error = Math.abs(actual - expected);
	if (error > abs && error > rel * Math.abs(expected)) {
		expect.fail(`expected ${actual} to be within ${abs} or ${rel}× of ${expected}`);
	}
}
