/**
 * Population Stability Index between a reference and a current numeric sample.
 *
 * Design decision: bins are the reference's quantiles at i/bins (numpy's default linear
 * interpolation, reproduced operation for operation so that values lying exactly on an edge land in
 * the same bin as in numpy), with the outer bins open to ±∞ so new extremes are still counted. A
 * value equal to an edge belongs to the upper bin. The edges and the reference proportions are
 * cached on a prepared reference, so a daily window costs one binary search per value.
 */
import {
	DriftInputError,
	isPreparedReference,
	assertFiniteSample,
	prepareReference,
	type NumericSample,
	type PreparedReference,
} from './sample.input';

/** Proportions that are exactly zero are replaced by this, separately in each sample. */
export const PSI_ZERO_PROPORTION = 1e-4;

/** Options for `populationStabilityIndex`. */
export interface PsiOptions {
	/** Number of quantile bins fitted on the reference (default 10). */
	readonly bins?: number;
}

/** Result of a PSI computation, with the bins so a chart can show them. */
export interface PsiResult {
	/** Σ (A − E) · ln(A / E), always ≥ 0. */
	readonly statistic: number;
	/** Interior bin edges (bins − 1 of them); the outer bins are open. */
	readonly edges: Float64Array;
	/** Reference proportion per bin, after zero replacement. */
	readonly referenceProportions: Float64Array;
	/** Current proportion per bin, after zero replacement. */
	readonly currentProportions: Float64Array;
}

/** numpy's `_lerp`: the two-sided form keeps interpolation monotone and exact at the ends. */
function lerp(a: number, b: number, t: number): number {
	const difference = b - a;
	return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
}

/** Quantile of sorted data by numpy's default ('linear') method. */
export function linearQuantile(sorted: Float64Array, q: number): number {
	const position = (sorted.length - 1) * q;
	const lower = Math.floor(position);
	const upper = Math.min(lower + 1, sorted.length - 1);
	return lerp(sorted[lower] as number, sorted[upper] as number, position - lower);
}

/** Number of edges ≤ value (numpy `searchsorted(edges, value, side='right')`). */
function binIndex(edges: Float64Array, value: number): number {
	let low = 0;
	let high = edges.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if ((edges[middle] as number) <= value) low = middle + 1;
		else high = middle;
	}
	return low;
}

function proportionsIn(edges: Float64Array, values: ArrayLike<number>, bins: number): Float64Array {
	const counts = new Float64Array(bins);
	for (let i = 0; i < values.length; i++) {
		const bin = binIndex(edges, values[i] as number);
		counts[bin] = (counts[bin] as number) + 1;
	}
	for (let b = 0; b < bins; b++) {
		const share = (counts[b] as number) / values.length;
		counts[b] = share === 0 ? PSI_ZERO_PROPORTION : share;
	}
	return counts;
}

function referenceBins(
	reference: PreparedReference,
	bins: number,
): { edges: Float64Array; proportions: Float64Array } {
	const cached = reference.psiCache.get(bins);
	if (cached) return cached;
	const edges = new Float64Array(bins - 1);
	for (let i = 1; i < bins; i++) edges[i - 1] = linearQuantile(reference.sorted, i / bins);
	const entry = { edges, proportions: proportionsIn(edges, reference.sorted, bins) };
	reference.psiCache.set(bins, entry);
	return entry;
}

/** PSI of `current` against `reference`, binned on the reference's quantiles. */
export function populationStabilityIndex(
	reference: NumericSample,
	current: NumericSample,
	options: PsiOptions = {},
): PsiResult {
	const bins = options.bins ?? 10;
	if (!Number.isInteger(bins) || bins < 2) {
		throw new DriftInputError('bins', `must be an integer ≥ 2, got ${String(bins)}`);
	}
	const prepared = isPreparedReference(reference) ? reference : prepareReference(reference);
	const { edges, proportions: expected } = referenceBins(prepared, bins);
	if (!isPreparedReference(current)) assertFiniteSample('current', current);
	const currentValues = isPreparedReference(current) ? current.sorted : current;
	const actual = proportionsIn(edges, currentValues, bins);
	let statistic = 0;
	for (let b = 0; b < bins; b++) {
		const a = actual[b] as number;
		const e = expected[b] as number;
		statistic += (a - e) * Math.log(a / e);
	}
	return { statistic, edges, referenceProportions: expected, currentProportions: actual };
}
