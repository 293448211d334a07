import { describe, expect, test } from 'vitest';
import { createRng } from '@sim/shared/rng';
import { canonicalJson, fnv1a, hashValue } from '@sim/shared/hash';

describe('createRng', () => {
	test('returns the golden sequence for seed 42', () => {
		const rng = createRng(42);
		expect([rng.next(), rng.next(), rng.next()]).toEqual([
			0.9819054424297065, 0.23878989787772298, 0.6524310095701367,
		]);
		expect([rng.int(1, 6), rng.int(1, 6), rng.int(1, 6), rng.int(1, 6)]).toEqual([6, 5, 6, 4]);
		expect([rng.normal(), rng.normal()]).toEqual([1.7560908445894854, 1.9575117579905184]);
	});

	test('gives the same numbers for the same seed and different numbers for another', () => {
		const a = createRng('seed');
		const b = createRng('seed');
		const c = createRng('seed2');
		const seqA = Array.from({ length: 50 }, () => a.next());
		expect(Array.from({ length: 50 }, () => b.next())).toEqual(seqA);
		expect(Array.from({ length: 50 }, () => c.next())).not.toEqual(seqA);
	});

	test('split streams do not depend on what the parent or siblings drew first', () => {
		const first = createRng(7);
		const x1 = first.split('x');
		const y1 = first.split('y');
		const xs1 = [x1.next(), x1.next()];
		const ys1 = [y1.next(), y1.next()];

		const second = createRng(7);
		for (let i = 0; i < 100; i++) second.next();
		const y2 = second.split('y');
		const ys2 = [y2.next(), y2.next()];
		const x2 = second.split('x');
		const xs2 = [x2.next(), x2.next()];

		expect(xs2).toEqual(xs1);
		expect(ys2).toEqual(ys1);
		expect(xs1).not.toEqual(ys1);
		expect(x1.split('z').key).toBe('7/x/z');
	});

	test('shuffles deterministically and keeps every item', () => {
		expect(createRng(42).split('a').shuffle([1, 2, 3, 4, 5, 6, 7, 8])).toEqual([
			2, 3, 5, 8, 7, 6, 4, 1,
		]);
		const typed = createRng(1).shuffleInPlace(Float64Array.from([1, 2, 3, 4, 5]));
		expect([...typed].sort()).toEqual([1, 2, 3, 4, 5]);
	});

	test('draws with the right moments', () => {
		const rng = createRng(3);
		const n = 20_000;
		let sum = 0;
		let sumSq = 0;
		let poisson = 0;
		for (let i = 0; i < n; i++) {
			const z = rng.normal(2, 3);
			sum += z;
			sumSq += z * z;
			poisson += rng.poisson(1.5);
		}
		const mean = sum / n;
		expect(mean).toBeCloseTo(2, 1);
		expect(Math.sqrt(sumSq / n - mean * mean)).toBeCloseTo(3, 1);
		expect(poisson / n).toBeCloseTo(1.5, 1);
	});

	test('weighted choice follows the weights and int covers both ends', () => {
		const rng = createRng(5);
		const counts = { a: 0, b: 0, c: 0 };
		for (let i = 0; i < 10_000; i++) counts[rng.choice(['a', 'b', 'c'] as const, [1, 0, 3])]++;
		expect(counts.b).toBe(0);
		expect(counts.c / counts.a).toBeGreaterThan(2.6);
		expect(counts.c / counts.a).toBeLessThan(3.4);
		const seen = new Set(Array.from({ length: 200 }, () => rng.int(0, 3)));
		expect([...seen].sort()).toEqual([0, 1, 2, 3]);
	});

	test('rejects impossible requests with a clear message', () => {
		expect(() => createRng(1).int(3, 1)).toThrow(/min ≤ max/);
		expect(() => createRng(1).choice([])).toThrow(/at least one/);
	});
});

describe('hash', () => {
	test('fnv1a matches the published test vectors', () => {
		expect(fnv1a('')).toBe(0x811c9dc5);
		expect(fnv1a('a')).toBe(0xe40c292c);
		expect(fnv1a('foobar')).toBe(0xbf9cf968);
	});

	test('canonicalJson ignores key order, so equal parameters hash alike', () => {
		expect(canonicalJson({ b: 1, a: { d: [1, 2], c: null } })).toBe(
			'{"a":{"c":null,"d":[1,2]},"b":1}',
		);
		expect(hashValue({ b: 1, a: [1, 2] })).toBe(hashValue({ a: [1, 2], b: 1 }));
		expect(hashValue({ b: 1, a: [1, 2] })).toBe('d624c23e');
		expect(hashValue({ a: 1 })).not.toBe(hashValue({ a: 2 }));
	});
});
