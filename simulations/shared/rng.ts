/**
 * The one source of randomness for every simulation: a seeded sfc32 generator (a small,
 * fast, well-tested 128-bit-state PRNG) behind a tiny interface. The key design decision is
 * how streams split: `split(label)` derives a child from the parent's *key* and the label,
 * never from the parent's current state, so a child stream is the same whatever else was
 * drawn before — days, datasets and weight initialisations stay reproducible even when a lab
 * draws them in a different order.
 */
import { fnv1a } from './hash';

/** A seeded random generator. All methods advance its own stream only. */
export interface Rng {
	/** The key this stream was derived from, e.g. "42/data/day-3". */
	readonly key: string;
	/** A float in [0, 1). */
	next(): number;
	/** A float in [min, max). */
	uniform(min?: number, max?: number): number;
	/** A normally distributed float (Box–Muller; uses two uniforms per call). */
	normal(mean?: number, sd?: number): number;
	/** An integer in [min, max] (both inclusive). */
	int(min: number, max: number): number;
	/** A Poisson-distributed count with the given mean (Knuth's method; small means only). */
	poisson(mean: number): number;
	/** True with probability `p`. */
	bernoulli(p: number): boolean;
	/** One item of a non-empty array, optionally weighted. */
	choice<T>(items: readonly T[], weights?: readonly number[]): T;
	/** A shuffled copy of `items` (Fisher–Yates). */
	shuffle<T>(items: readonly T[]): T[];
	/** Shuffles a typed or plain array in place and returns it. */
	shuffleInPlace<A extends { length: number; [i: number]: number }>(items: A): A;
	/** An independent child stream determined only by this stream's key and `label`. */
	split(label: string): Rng;
	/** A 31-bit non-negative integer, e.g. to seed a tfjs initializer. */
	seed31(): number;
}

// splitmix32 spreads one 32-bit hash into the four sfc32 state words.
function splitmix32(state: number): () => number {
	let s = state >>> 0;
	return () => {
		s = (s + 0x9e3779b9) >>> 0;
		let z = s;
		z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
		z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
		return (z ^ (z >>> 15)) >>> 0;
	};
}

function fromKey(key: string): Rng {
	const mix = splitmix32(fnv1a(key));
	let a = mix();
	let b = mix();
	let c = mix();
	let d = mix();
	const nextUint32 = (): number => {
		const t = (((a + b) | 0) + d) | 0;
		d = (d + 1) | 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) | 0;
		c = (c << 21) | (c >>> 11);
		c = (c + t) | 0;
		return t >>> 0;
	};
	// Discard the first outputs, as sfc32's authors recommend, so nearby keys decorrelate.
	for (let i = 0; i < 12; i++) nextUint32();
	const next = () => nextUint32() / 4294967296;

	const rng: Rng = {
		key,
		next,
		uniform: (min = 0, max = 1) => min + (max - min) * next(),
		normal(mean = 0, sd = 1) {
			// 1 - u keeps the logarithm's argument in (0, 1].
			const u = 1 - next();
			const v = next();
			return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
		},
		int(min, max) {
			if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
				throw new RangeError(`int(${min}, ${max}) needs whole numbers with min ≤ max.`);
			}
			return min + Math.floor(next() * (max - min + 1));
		},
		poisson(mean) {
			const limit = Math.exp(-mean);
			let k = 0;
			let p = next();
			while (p > limit) {
				k++;
				p *= next();
			}
			return k;
		},
		bernoulli: (p) => next() < p,
		choice(items, weights) {
			if (items.length === 0) throw new RangeError('choice() needs at least one item.');
			if (!weights) return items[Math.floor(next() * items.length)] as (typeof items)[number];
			const total = weights.reduce((sum, w) => sum + Math.max(0, w), 0);
			let r = next() * total;
			for (let i = 0; i < items.length; i++) {
				r -= Math.max(0, weights[i] ?? 0);
				if (r < 0) return items[i] as (typeof items)[number];
			}
			return items[items.length - 1] as (typeof items)[number];
		},
		shuffle(items) {
			const copy = [...items];
			for (let i = copy.length - 1; i > 0; i--) {
				const j = Math.floor(next() * (i + 1));
				[copy[i], copy[j]] = [copy[j] as (typeof copy)[number], copy[i] as (typeof copy)[number]];
			}
			return copy;
		},
		shuffleInPlace(items) {
			for (let i = items.length - 1; i > 0; i--) {
				const j = Math.floor(next() * (i + 1));
				const t = items[i] as number;
				items[i] = items[j] as number;
				items[j] = t;
			}
			return items;
		},
		split: (label) => fromKey(`${key}/${label}`),
		seed31: () => nextUint32() >>> 1,
	};
	return rng;
}

/** Creates the root generator for a seed (a number or any string). */
export function createRng(seed: number | string): Rng {
	return fromKey(String(seed));
}
