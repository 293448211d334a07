/**
 * Chi-square goodness-of-fit test of current category counts against the reference proportions,
 * as Evidently runs it: expected counts are the reference counts scaled to the current total, and
 * the p-value is `scipy.stats.chisquare`'s (categories − 1 degrees of freedom).
 *
 * Design decision: a category empty in both samples carries no information and is dropped (scipy
 * would turn it into NaN); a category seen now but never in the reference gives an infinite
 * statistic and p = 0, which is the honest answer for a brand-new value.
 */
import { assertCounts, DriftInputError } from './sample.input';
import { chiSquareSurvival } from './special-functions.math';

/** Result of a chi-square test. */
export interface ChiSquareResult {
	/** Σ (O − E)² / E over the non-empty categories (Infinity if E = 0 < O somewhere). */
	readonly statistic: number;
	/** Upper-tail probability of the statistic. */
	readonly pValue: number;
	/** Non-empty categories − 1. */
	readonly degreesOfFreedom: number;
}

/** Chi-square test of `currentCounts` against the proportions of `referenceCounts`. */
export function chiSquareTest(
	referenceCounts: ArrayLike<number>,
	currentCounts: ArrayLike<number>,
): ChiSquareResult {
	const referenceTotal = assertCounts('referenceCounts', referenceCounts);
	const currentTotal = assertCounts('currentCounts', currentCounts);
	if (referenceCounts.length !== currentCounts.length) {
		throw new DriftInputError(
			'currentCounts',
			`has ${currentCounts.length} categories but referenceCounts has ${referenceCounts.length}`,
		);
	}
	if (referenceCounts.length < 2) {
		throw new DriftInputError('referenceCounts', 'needs at least two categories');
	}
	const scale = currentTotal / referenceTotal;
	let statistic = 0;
	let categories = 0;
	for (let k = 0; k < referenceCounts.length; k++) {
		const observed = currentCounts[k] as number;
		const expected = (referenceCounts[k] as number) * scale;
		if (observed === 0 && expected === 0) continue;
		categories++;
		statistic +=
			expected === 0 ? Infinity : ((observed - expected) * (observed - expected)) / expected;
	}
	const degreesOfFreedom = categories - 1;
	if (degreesOfFreedom === 0) return { statistic: 0, pValue: 1, degreesOfFreedom };
	const pValue = statistic === Infinity ? 0 : chiSquareSurvival(statistic, degreesOfFreedom);
	return { statistic, pValue, degreesOfFreedom };
}
