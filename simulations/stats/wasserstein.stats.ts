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
	// Between consecutive merged points F − G = (i·m − j·n)/(n·m); integer numerators stay exact,
	// and tied points contribute zero-width pieces, so no special tie handling is needed.
	let i = 0;
	let j = 0;
	let previous = Math.min(a[0] as number, b[0] as number);
	let area = 0;
	while (i < n && j < m) {
		const x = a[i] as number;
		const y = b[j] as number;
		if (x <= y) {
			area += Math.abs(i * m - j * n) * (x - previous);
			previous = x;
			i++;
		} else {
			area += Math.abs(i * m - j * n) * (y - previous);
			previous = y;
			j++;
		}
	}
	for (; i < n; i++) {
		const x = a[i] as number;
		area += Math.abs(i * m - j * n) * (x - previous);
		previous = x;
	}
	for (; j < m; j++) {
		const y = b[j] as number;
		area += Math.abs(i * m - j * n) * (y - previous);
		previous = y;
	}
	return area / (n * m);
}

/** W₁ divided by max(population std of the reference, 0.001), Evidently's drift score. */
export function normedWassersteinDistance(
	reference: NumericSample,
	current: NumericSample,
): number {
	const distance = wassersteinDistance(reference, current);
	return distance / Math.max(populationStd('reference', reference), NORMED_WASSERSTEIN_MIN_STD);
}
