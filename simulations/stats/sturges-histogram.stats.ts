/**
 * Shares of two numeric samples over equal-width bins whose count follows Sturges' rule on both
 * samples together: numpy's `histogram_bin_edges(combined, bins='sturges')` followed by
 * `np.histogram(sample, edges)`, which is how Evidently bins wide numerical columns for PSI and
 * Jensen–Shannon (stattests/utils.py `get_binned_data`, stattests/jensenshannon.py).
 *
 * Design decision: numpy's arithmetic is kept operation for operation (the bin count from a bin
 * width, edges as `i · step + low` with the last edge set to the maximum), because a value lying
 * on an edge decides its bin and so the shares; each bin is [edge, next edge) except the last,
 * which is closed, as in numpy. A prepared (sorted) sample is cut at each edge by binary search.
 */
import { countAtMost, isPreparedReference, type NumericSample } from './sample.input';

/** Bin edges and each sample's share per bin (before any zero replacement). */
export interface SturgesHistogram {
	/** All bin edges, bins + 1 of them, ascending. */
	readonly edges: Float64Array;
	readonly referenceProportions: Float64Array;
	readonly currentProportions: Float64Array;
}

function valuesOf(sample: NumericSample): ArrayLike<number> {
	return isPreparedReference(sample) ? sample.sorted : sample;
}

/** numpy's Sturges edges over the union of both samples. */
export function sturgesEdges(reference: NumericSample, current: NumericSample): Float64Array {
	let low = Infinity;
	let high = -Infinity;
	for (const sample of [reference, current]) {
		if (isPreparedReference(sample)) {
			low = Math.min(low, sample.sorted[0] as number);
			high = Math.max(high, sample.sorted[sample.sorted.length - 1] as number);
			continue;
		}
		for (let i = 0; i < sample.length; i++) {
			const value = sample[i] as number;
			if (value < low) low = value;
			if (value > high) high = value;
		}
	}
	const total = valuesOf(reference).length + valuesOf(current).length;
	// The width comes from the data's own range; numpy then widens a zero range by ±0.5 for the
	// outer edges and, the width being 0, uses a single bin.
	const width = (high - low) / (Math.log2(total) + 1);
	if (low === high) {
		low -= 0.5;
		high += 0.5;
	}
	const bins = width ? Math.ceil((high - low) / width) : 1;
	const step = (high - low) / bins;
	const edges = new Float64Array(bins + 1);
	for (let i = 0; i < bins; i++) edges[i] = i * step + low;
	edges[bins] = high;
	return edges;
}

/** Each value's bin, numpy `histogram` style: [edge, next edge), the last bin closed. */
function binOf(edges: Float64Array, value: number): number {
	return Math.min(edges.length - 2, Math.max(0, countAtMost(edges, value) - 1));
}

/** Shares of `sample` in the bins of `edges` (numpy `histogram(sample, edges)[0] / n`). */
export function histogramShares(edges: Float64Array, sample: NumericSample): Float64Array {
	const bins = edges.length - 1;
	const counts = new Float64Array(bins);
	if (isPreparedReference(sample)) {
		// A sorted sample is cut at each interior edge by binary search instead of binning each value.
		const sorted = sample.sorted;
		let start = 0;
		for (let k = 0; k < bins - 1; k++) {
			const edge = edges[k + 1] as number;
			let lo = start;
			let hi = sorted.length;
			while (lo < hi) {
				const middle = (lo + hi) >>> 1;
				if ((sorted[middle] as number) < edge) lo = middle + 1;
				else hi = middle;
			}
			counts[k] = lo - start;
			start = lo;
		}
		counts[bins - 1] = sorted.length - start;
	} else {
		for (let i = 0; i < sample.length; i++) {
			const bin = binOf(edges, sample[i] as number);
			counts[bin] = (counts[bin] as number) + 1;
		}
	}
	const n = valuesOf(sample).length;
	for (let k = 0; k < bins; k++) counts[k] = (counts[k] as number) / n;
	return counts;
}

/** Sturges bins over both samples and each sample's shares in them. */
export function sturgesHistogram(
	reference: NumericSample,
	current: NumericSample,
): SturgesHistogram {
	const edges = sturgesEdges(reference, current);
	return {
		edges,
		referenceProportions: histogramShares(edges, reference),
		currentProportions: histogramShares(edges, current),
	};
}
