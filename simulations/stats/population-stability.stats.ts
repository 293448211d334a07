/**
 * Population Stability Index between a reference and a current numeric sample, by either of two
 * conventions that give different numbers for the same data.
 *
 * `reference-quantiles` (the default, the credit-risk convention): bins are the reference's
 * quantiles at i/bins (numpy's default linear interpolation, reproduced operation for operation so
 * that values lying exactly on an edge land in the same bin as in numpy), with the outer bins open
 * to ±∞ so new extremes are still counted. A value equal to an edge belongs to the upper bin, and
 * an empty bin's share becomes 1e-4. The edges and the reference proportions are cached on a
 * prepared reference, so a daily window costs one binary search per value.
 *
 * `evidently`: Evidently's `psi` drift test (stattests/psi.py over stattests/utils.py
 * `get_binned_data`, commit a4aa4c2b37fe): when the reference has more than 20 distinct values,
 * equal-width Sturges bins over both samples together; otherwise one bin per distinct value of
 * either sample. An empty bin gets the sample's smallest non-zero share divided by 10⁶ when that
 * share is at most 10⁻⁴, and 10⁻⁴ otherwise — decided separately for each sample. The sum is
 * Σ (E − A) · ln(E / A), written in Evidently's order.
 */
import {
	countAtMost,
	DriftInputError,
	isPreparedReference,
	assertFiniteSample,
	prepareReference,
	type NumericSample,
	type PreparedReference,
} from './sample.input';
import { sturgesHistogram } from './sturges-histogram.stats';

/** Proportions that are exactly zero are replaced by this, separately in each sample. */
export const PSI_ZERO_PROPORTION = 1e-4;

/** Evidently's `psi` threshold: PSI ≥ 0.1 is drift. */
export const EVIDENTLY_PSI_THRESHOLD = 0.1;
/** Evidently bins a numerical reference with more than this many distinct values (Sturges). */
export const EVIDENTLY_PSI_MAX_VALUE_BINS = 20;

/** How the bins are made: see the module comment. */
export type PsiMethod = 'reference-quantiles' | 'evidently';

/** Options for `populationStabilityIndex`. */
export interface PsiOptions {
	/** Default `reference-quantiles`. */
	readonly method?: PsiMethod;
	/** Number of quantile bins fitted on the reference (default 10; `reference-quantiles` only). */
	readonly bins?: number;
}

/** Result of a PSI computation, with the bins so a chart can show them. */
export interface PsiResult {
	readonly method: PsiMethod;
	/**
	 * `quantiles`: reference quantile bins; `sturges`: equal-width bins over both samples;
	 * `values`: one bin per distinct value (Evidently's choice for narrow columns).
	 */
	readonly binning: 'quantiles' | 'sturges' | 'values';
	/** Σ (A − E) · ln(A / E), always ≥ 0. */
	readonly statistic: number;
	/**
	 * `quantiles`: the interior edges (bins − 1; the outer bins are open). `sturges`: all edges
	 * (bins + 1). `values`: the value of each bin, ascending.
	 */
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

function proportionsIn(edges: Float64Array, values: ArrayLike<number>, bins: number): Float64Array {
	const counts = new Float64Array(bins);
	for (let i = 0; i < values.length; i++) {
		const bin = countAtMost(edges, values[i] as number);
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

/**
 * Evidently's zero replacement (`get_binned_data`, `feel_zeroes`): an empty bin gets the sample's
 * smallest non-zero share / 10⁶ when that share is ≤ 10⁻⁴, else 10⁻⁴. Works in place.
 */
export function fillEmptySharesAsEvidently(shares: Float64Array): Float64Array {
	let smallest = Infinity;
	for (const share of shares) if (share !== 0 && share < smallest) smallest = share;
	if (smallest === Infinity) return shares;
	const fill = smallest <= 0.0001 ? smallest / 10 ** 6 : 0.0001;
	for (let k = 0; k < shares.length; k++) if (shares[k] === 0) shares[k] = fill;
	return shares;
}

/** Evidently's PSI sum over already filled shares: Σ (E − A) · ln(E / A), in its order. */
export function evidentlyPsiSum(
	referenceShares: ArrayLike<number>,
	currentShares: ArrayLike<number>,
): number {
	let statistic = 0;
	for (let k = 0; k < referenceShares.length; k++) {
		const e = referenceShares[k] as number;
		const a = currentShares[k] as number;
		statistic += (e - a) * Math.log(e / a);
	}
	return statistic;
}

/**
 * Evidently's PSI for a categorical feature, from per-category counts aligned on the union of
 * categories (a category one sample lacks has count 0 there).
 */
export function evidentlyCategoricalPsi(
	referenceCounts: ArrayLike<number>,
	currentCounts: ArrayLike<number>,
): { statistic: number; referenceProportions: Float64Array; currentProportions: Float64Array } {
	const shares = (counts: ArrayLike<number>) => {
		let total = 0;
		for (let k = 0; k < counts.length; k++) total += counts[k] as number;
		return fillEmptySharesAsEvidently(Float64Array.from(counts, (c) => c / total));
	};
	const referenceProportions = shares(referenceCounts);
	const currentProportions = shares(currentCounts);
	return {
		statistic: evidentlyPsiSum(referenceProportions, currentProportions),
		referenceProportions,
		currentProportions,
	};
}

function evidentlyNumericPsi(reference: NumericSample, current: NumericSample): PsiResult {
	const prepared = isPreparedReference(reference) ? reference : prepareReference(reference);
	if (!isPreparedReference(current)) assertFiniteSample('current', current);
	if (prepared.uniqueCount > EVIDENTLY_PSI_MAX_VALUE_BINS) {
		const histogram = sturgesHistogram(prepared, current);
		const referenceProportions = fillEmptySharesAsEvidently(histogram.referenceProportions);
		const currentProportions = fillEmptySharesAsEvidently(histogram.currentProportions);
		return {
			method: 'evidently',
			binning: 'sturges',
			statistic: evidentlyPsiSum(referenceProportions, currentProportions),
			edges: histogram.edges,
			referenceProportions,
			currentProportions,
		};
	}
	const currentValues = isPreparedReference(current) ? current.sorted : current;
	const counts = new Map<number, [number, number]>();
	for (const value of prepared.sorted) {
		const entry = counts.get(value) ?? [0, 0];
		entry[0]++;
		counts.set(value, entry);
	}
	for (let i = 0; i < currentValues.length; i++) {
		const value = currentValues[i] as number;
		const entry = counts.get(value) ?? [0, 0];
		entry[1]++;
		counts.set(value, entry);
	}
	const values = Float64Array.from(counts.keys()).sort();
	const result = evidentlyCategoricalPsi(
		Float64Array.from(values, (v) => (counts.get(v) as [number, number])[0]),
		Float64Array.from(values, (v) => (counts.get(v) as [number, number])[1]),
	);
	return { method: 'evidently', binning: 'values', edges: values, ...result };
}

/** PSI of `current` against `reference`, binned by `options.method` (see the module comment). */
export function populationStabilityIndex(
	reference: NumericSample,
	current: NumericSample,
	options: PsiOptions = {},
): PsiResult {
	const method = options.method ?? 'reference-quantiles';
	if (method === 'evidently') {
		if (options.bins !== undefined) {
			throw new DriftInputError('bins', "Evidently's PSI chooses its own bins; omit `bins`");
		}
		return evidentlyNumericPsi(reference, current);
	}
	if (method !== 'reference-quantiles') {
		throw new DriftInputError(
			'method',
			`must be "reference-quantiles" or "evidently", got ${String(method)}`,
		);
	}
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
	return {
		method,
		binning: 'quantiles',
		statistic,
		edges,
		referenceProportions: expected,
		currentProportions: actual,
	};
}
