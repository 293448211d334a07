/**
 * Multiple-testing correction over one day's per-feature p-values: with 11 features each tested
 * at 0.05, a day with no drift at all still flags some feature about 1 − 0.95¹¹ ≈ 43 % of the
 * time. Bonferroni controls the chance of any false flag (family-wise error rate) by comparing
 * m · p with the threshold; Benjamini–Hochberg controls the expected share of false flags among
 * the flags (false discovery rate), rejecting the k smallest p-values where k is the largest rank
 * with p₍ₖ₎ ≤ k · α / m — computed as adjusted p-values, as scipy's
 * `stats.false_discovery_control(ps, method='bh')` returns them. Evidently's own answer to the
 * same problem is the dataset-drift share rule (`datasetDrift`'s `driftShare`), kept beside these.
 *
 * Key decision: correction applies to p-value tests only. A distance test (Wasserstein,
 * Jensen–Shannon, PSI) has no p-value and keeps its own verdict; the family m counts only the
 * features that have p-values. Each feature keeps its test's own comparison (KS flags p ≤ t, the
 * others p < t), applied to its adjusted p-value.
 */
import { DRIFT_TESTS, type FeatureDriftResult } from './feature-drift.detector';
import { DriftInputError } from './sample.input';

/** The corrections on offer; `none` leaves the p-values as they are. */
export type PValueCorrection = 'none' | 'bonferroni' | 'benjamini-hochberg';

export const pValueCorrections: readonly PValueCorrection[] = [
	'none',
	'bonferroni',
	'benjamini-hochberg',
];

function assertPValues(pValues: ArrayLike<number>): void {
	if (pValues === null || typeof pValues !== 'object' || typeof pValues.length !== 'number') {
		throw new DriftInputError('pValues', 'expected an array of p-values');
	}
	for (let i = 0; i < pValues.length; i++) {
		const p = pValues[i];
		if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
			throw new DriftInputError('pValues', `value at index ${i} is ${String(p)}, not in [0, 1]`);
		}
	}
}

/** Bonferroni-adjusted p-values: min(1, m · p). */
export function bonferroniAdjust(pValues: ArrayLike<number>): Float64Array {
	assertPValues(pValues);
	const m = pValues.length;
	return Float64Array.from(pValues, (p) => Math.min(1, m * p));
}

/**
 * Benjamini–Hochberg adjusted p-values, in the input order: p₍ₖ₎ · m / k, made monotone by a
 * running minimum from the largest p-value down, capped at 1 (scipy's `false_discovery_control`).
 */
export function benjaminiHochbergAdjust(pValues: ArrayLike<number>): Float64Array {
	assertPValues(pValues);
	const m = pValues.length;
	const order = Array.from({ length: m }, (_, i) => i).sort(
		(a, b) => (pValues[a] as number) - (pValues[b] as number) || a - b,
	);
	const adjusted = new Float64Array(m);
	let running = 1;
	for (let rank = m; rank >= 1; rank--) {
		const index = order[rank - 1] as number;
		running = Math.min(running, ((pValues[index] as number) * m) / rank);
		adjusted[index] = running;
	}
	return adjusted;
}

/** Adjusted p-values under `correction`. */
export function adjustPValues(
	pValues: ArrayLike<number>,
	correction: PValueCorrection,
): Float64Array {
	switch (correction) {
		case 'none':
			assertPValues(pValues);
			return Float64Array.from(pValues);
		case 'bonferroni':
			return bonferroniAdjust(pValues);
		case 'benjamini-hochberg':
			return benjaminiHochbergAdjust(pValues);
		default:
			throw new DriftInputError(
				'correction',
				`must be one of ${pValueCorrections.join(', ')}, got ${String(correction)}`,
			);
	}
}

/** One feature's verdict after correction. */
export interface CorrectedFeatureResult {
	readonly name: string;
	readonly result: FeatureDriftResult;
	/** The adjusted p-value, or null for a distance test. */
	readonly adjustedPValue: number | null;
	/** The verdict after correction (a distance test keeps its own). */
	readonly drifted: boolean;
}

/** A day's features after correction, with the counts an alert rule needs. */
export interface CorrectedDrift {
	readonly correction: PValueCorrection;
	readonly features: readonly CorrectedFeatureResult[];
	readonly driftedCount: number;
	/** Features whose p-values were corrected together (m). */
	readonly familySize: number;
}

/** Re-decides each p-value test's verdict on its adjusted p-value. */
export function correctFeatureDrift(
	features: readonly { readonly name: string; readonly result: FeatureDriftResult }[],
	correction: PValueCorrection,
): CorrectedDrift {
	const tested = features.filter((feature) => feature.result.pValue !== null);
	const adjusted = adjustPValues(
		tested.map((feature) => feature.result.pValue as number),
		correction,
	);
	const byName = new Map(tested.map((feature, k) => [feature, adjusted[k] as number]));
	const corrected = features.map((feature): CorrectedFeatureResult => {
		const p = byName.get(feature);
		if (p === undefined) {
			return { ...feature, adjustedPValue: null, drifted: feature.result.drifted };
		}
		const { threshold, test } = feature.result;
		const drifted = DRIFT_TESTS[test].inclusive ? p <= threshold : p < threshold;
		return { ...feature, adjustedPValue: p, drifted };
	});
	return {
		correction,
		features: corrected,
		driftedCount: corrected.filter((feature) => feature.drifted).length,
		familySize: tested.length,
	};
}
