/**
 * First Wasserstein (earth mover's) distance between two one-dimensional samples, as
 * `scipy.stats.wasserstein_distance`, and Evidently's normed variant.
 *
 * Design decision: W₁ = ∫ |F − G| dx is integrated exactly between consecutive points of the
 * merged sorted samples in a single O(n + m) merge, so a prepared (pre-sorted) reference is never
 * re-sorted. The normed distance is measured in reference standard deviations, which is what makes
 * Evidently's fixed 0.1 threshold meaningful across features.
 */
import { populationStd, sortedCopy, type NumericSample } from './sample.input';

/** Floor on the reference standard deviation in the normed distance (Evidently's 0.001). */
export const NORMED_WASSERSTEIN_MIN_STD = 0.001;

/** W₁ distance between the empirical distributions of `reference` and `current`. */
export function wassersteinDistance(reference: NumericSample, current: NumericSample): number {
	const a = sortedCopy('reference', reference);
	const b = sortedCopy('current', current);
	const n = a.length;
	const m = b.length;
	let i = 0;
	let j = 0;
	let previous = Math.min(a[0] as number, b[0] as number);
	let total = 0;
	while (i < n || j < m) {
		const nextA = i < n ? (a[i] as number) : Infinity;
		const nextB = j < m ? (b[j] as number) : Infinity;
		const value = nextA < nextB ? nextA : nextB;
		total += Math.abs(i / n - j / m) * (value - previous);
		while (i < n && (a[i] as number) <= value) i++;
		while (j < m && (b[j] as number) <= value) j++;
		previous = value;
	}
	return total;
}

/** W₁ divided by max(population std of the reference, 0.001), Evidently's drift score. */
export function normedWassersteinDistance(
	reference: NumericSample,
	current: NumericSample,
): number {
	const distance = wassersteinDistance(reference, current);
	return distance / Math.max(populationStd('reference', reference), NORMED_WASSERSTEIN_MIN_STD);
}
