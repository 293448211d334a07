/**
 * Input checking and prepared references for the drift statistics.
 *
 * Every statistic in this folder accepts plain arrays, typed arrays or a `PreparedReference`.
 * The key decision: validation happens once, at the boundary, and throws a `DriftInputError` that
 * names the argument and the problem, so a NaN or an empty window can never flow silently into a
 * p-value. A prepared reference is sorted, summarised and validated once, because a monitoring run
 * compares the same reference against hundreds of daily windows.
 */

/** Raised when an argument to a drift statistic is empty, non-finite or otherwise unusable. */
export class DriftInputError extends Error {
	/** The name of the offending argument, e.g. `reference` or `currentCounts`. */
	readonly argument: string;

	constructor(argument: string, problem: string) {
		super(`${argument}: ${problem}`);
		this.name = 'DriftInputError';
		this.argument = argument;
	}
}

/** A numeric sample validated, sorted and summarised once, for reuse against many windows. */
export interface PreparedReference {
	readonly kind: 'prepared-reference';
	/** The values in ascending order. */
	readonly sorted: Float64Array;
	/** Arithmetic mean. */
	readonly mean: number;
	/** Population standard deviation (divides by n, like numpy's default). */
	readonly populationStd: number;
	/** Number of distinct values. */
	readonly uniqueCount: number;
	/** Lazily filled cache of PSI bin edges and proportions, keyed by the number of bins. */
	readonly psiCache: Map<number, { edges: Float64Array; proportions: Float64Array }>;
}

/** Anything a numeric statistic accepts as a sample. */
export type NumericSample = ArrayLike<number> | PreparedReference;

/** True when the argument came from `prepareReference`. */
export function isPreparedReference(value: unknown): value is PreparedReference {
	return (
		typeof value === 'object' &&
		value !== null &&
		(value as { kind?: unknown }).kind === 'prepared-reference'
	);
}

/** Throws unless `values` is non-empty and every entry is a finite number. */
export function assertFiniteSample(argument: string, values: ArrayLike<number>): void {
	if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
		throw new DriftInputError(argument, 'expected an array of numbers');
	}
	if (values.length === 0) throw new DriftInputError(argument, 'must not be empty');
	for (let i = 0; i < values.length; i++) {
		const value = values[i];
		if (typeof value !== 'number' || !Number.isFinite(value)) {
			throw new DriftInputError(
				argument,
				`value at index ${i} is ${String(value)}; every value must be a finite number`,
			);
		}
	}
}

/** Returns the sample sorted ascending as a fresh Float64Array, after validating it. */
export function sortedCopy(argument: string, values: NumericSample): Float64Array {
	if (isPreparedReference(values)) return values.sorted;
	assertFiniteSample(argument, values);
	const sorted = Float64Array.from(values);
	sorted.sort();
	return sorted;
}

/**
 * The number of `sorted` values ≤ `value`, by binary search (numpy's
 * `searchsorted(sorted, value, side='right')`): the bin a value falls in, given bin edges.
 */
export function countAtMost(sorted: ArrayLike<number>, value: number): number {
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if ((sorted[middle] as number) <= value) low = middle + 1;
		else high = middle;
	}
	return low;
}

/** Mean and population standard deviation of a validated, non-empty sample (two passes). */
function meanAndStd(values: ArrayLike<number>): { mean: number; std: number } {
	const n = values.length;
	let sum = 0;
	for (let i = 0; i < n; i++) sum += values[i] as number;
	const mean = sum / n;
	let squares = 0;
	for (let i = 0; i < n; i++) {
		const deviation = (values[i] as number) - mean;
		squares += deviation * deviation;
	}
	return { mean, std: Math.sqrt(squares / n) };
}

/** Validates, sorts and summarises a sample once: a reference, or a window tested several ways. */
export function prepareReference(values: ArrayLike<number>): PreparedReference {
	const sorted = sortedCopy('reference', values);
	const n = sorted.length;
	const { mean, std } = meanAndStd(sorted);
	let uniqueCount = 1;
	for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) uniqueCount++;
	return {
		kind: 'prepared-reference',
		sorted,
		mean,
		populationStd: std,
		uniqueCount,
		psiCache: new Map(),
	};
}

/** Population standard deviation of a sample (numpy's `std` with ddof 0). */
export function populationStd(argument: string, values: NumericSample): number {
	if (isPreparedReference(values)) return values.populationStd;
	assertFiniteSample(argument, values);
	return meanAndStd(values).std;
}

/** Throws unless `counts` are finite, non-negative and not all zero; returns their sum. */
export function assertCounts(argument: string, counts: ArrayLike<number>): number {
	assertFiniteSample(argument, counts);
	let total = 0;
	for (let i = 0; i < counts.length; i++) {
		const count = counts[i] as number;
		if (count < 0) {
			throw new DriftInputError(argument, `value at index ${i} is ${count}; counts must be ≥ 0`);
		}
		total += count;
	}
	if (total <= 0) throw new DriftInputError(argument, 'all entries are zero; nothing to compare');
	return total;
}
