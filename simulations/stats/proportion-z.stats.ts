/**
 * Two-proportion z-test for a binary feature, the test Evidently picks for small references with at
 * most two distinct values.
 *
 * Design decision: the proportion compared is that of one category (the first in sorted order, as
 * Evidently does); with the pooled standard error the result does not depend on which category is
 * chosen. Two samples holding the same single value are identical, so p = 1 rather than 0/0.
 */
import { DriftInputError } from './sample.input';
import { normalSurvival } from './special-functions.math';

/** Result of a two-proportion z-test. */
export interface ProportionZResult {
	/** Pooled z statistic (reference proportion minus current proportion). */
	readonly statistic: number;
	/** Two-sided p-value 2 · (1 − Φ(|z|)). */
	readonly pValue: number;
}

/** Two-sided pooled z-test that the reference and current hit rates are equal. */
export function proportionZTest(
	referenceHits: number,
	referenceSize: number,
	currentHits: number,
	currentSize: number,
): ProportionZResult {
	const check = (argument: string, value: number, max: number): void => {
		if (!Number.isFinite(value) || value < 0 || value > max) {
			throw new DriftInputError(argument, `must be a finite number in [0, ${max}], got ${value}`);
		}
	};
	check('referenceSize', referenceSize, Infinity);
	check('currentSize', currentSize, Infinity);
	if (referenceSize === 0) throw new DriftInputError('referenceSize', 'must be positive');
	if (currentSize === 0) throw new DriftInputError('currentSize', 'must be positive');
	check('referenceHits', referenceHits, referenceSize);
	check('currentHits', currentHits, currentSize);
	const p1 = referenceHits / referenceSize;
	const p2 = currentHits / currentSize;
	const pooled = (referenceHits + currentHits) / (referenceSize + currentSize);
	const variance = pooled * (1 - pooled) * (1 / referenceSize + 1 / currentSize);
	if (variance === 0) return { statistic: 0, pValue: 1 };
	const statistic = (p1 - p2) / Math.sqrt(variance);
	return { statistic, pValue: 2 * normalSurvival(Math.abs(statistic)) };
}
