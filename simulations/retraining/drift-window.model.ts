/**
 * The drift trigger's daily score, computed incrementally: the largest Evidently PSI over the
 * churn features between the champion's training sample and the last week of traffic. Asked
 * naively every day, it rebuilds a week of feature arrays from records and re-counts the
 * reference's values, which made a drift-triggered year several times slower than any other.
 *
 * Key decisions: each day's feature columns (and, for numeric features, its value counts) are
 * extracted once and reused by the seven windows the day belongs to; the reference's value
 * counts are computed once per champion; and the arithmetic is Evidently's as the stats library
 * writes it (same Sturges edges, same value bins, same zero fill and sum order), so the score
 * equals `featureDrift(reference, window, { test: 'psi' })` exactly — the retraining tests hold
 * the naive computation as the spec.
 */
import {
	EVIDENTLY_PSI_MAX_VALUE_BINS,
	evidentlyCategoricalPsi,
	evidentlyPsiSum,
	fillEmptySharesAsEvidently,
} from '../stats/population-stability.stats';
import { histogramShares, sturgesEdges } from '../stats/sturges-histogram.stats';
import { prepareReference, type PreparedReference } from '../stats/sample.input';
import {
	featureDrift,
	prepareCategories,
	type PreparedCategories,
} from '../stats/feature-drift.detector';
import {
	categoricalFeatureNames,
	numericFeatures,
	type CategoricalFeature,
	type ChurnRecord,
	type NumericFeature,
} from '../world/world.model';

/** One day's features as columns: finite numeric values with their counts, category counts. */
export interface DayColumns {
	readonly numeric: ReadonlyMap<
		NumericFeature,
		{ values: Float64Array; counts: Map<number, number> }
	>;
	readonly categorical: ReadonlyMap<CategoricalFeature, Map<string, number>>;
}

/** Extracts a day's columns once. */
export function dayColumnsOf(records: readonly ChurnRecord[]): DayColumns {
	const numeric = new Map<NumericFeature, { values: Float64Array; counts: Map<number, number> }>();
	for (const f of numericFeatures) {
		const values = new Float64Array(records.length);
		const counts = new Map<number, number>();
		let n = 0;
		for (const r of records) {
			const v = r.features[f];
			if (!Number.isFinite(v)) continue;
			values[n++] = v;
			counts.set(v, (counts.get(v) ?? 0) + 1);
		}
		numeric.set(f, { values: values.subarray(0, n), counts });
	}
	const categorical = new Map<CategoricalFeature, Map<string, number>>();
	for (const f of categoricalFeatureNames) {
		const counts = new Map<string, number>();
		for (const r of records) {
			const v = r.features[f];
			if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
		}
		categorical.set(f, counts);
	}
	return { numeric, categorical };
}

/** A champion's training sample, prepared once for every day it serves. */
export interface DriftReference {
	readonly numeric: ReadonlyMap<
		NumericFeature,
		{ prepared: PreparedReference; counts: Map<number, number> | null }
	>;
	readonly categorical: ReadonlyMap<CategoricalFeature, PreparedCategories>;
}

/** Prepares a reference sample (sorted once; value counts when Evidently bins by value). */
export function driftReferenceOf(records: readonly ChurnRecord[]): DriftReference {
	const numeric = new Map<
		NumericFeature,
		{ prepared: PreparedReference; counts: Map<number, number> | null }
	>();
	for (const f of numericFeatures) {
		const values = records.map((r) => r.features[f]).filter(Number.isFinite);
		if (values.length === 0) continue;
		const prepared = prepareReference(values);
		let counts: Map<number, number> | null = null;
		if (prepared.uniqueCount <= EVIDENTLY_PSI_MAX_VALUE_BINS) {
			counts = new Map();
			for (const v of prepared.sorted) counts.set(v, (counts.get(v) ?? 0) + 1);
		}
		numeric.set(f, { prepared, counts });
	}
	const categorical = new Map<CategoricalFeature, PreparedCategories>();
	for (const f of categoricalFeatureNames) {
		const values = records.map((r) => r.features[f]).filter((v): v is string => v !== null);
		if (values.length > 0) categorical.set(f, prepareCategories(values));
	}
	return { numeric, categorical };
}

/** Evidently's numeric PSI of a window against a prepared reference (both of its binnings). */
function numericPsi(
	reference: { prepared: PreparedReference; counts: Map<number, number> | null },
	days: readonly { values: Float64Array; counts: Map<number, number> }[],
): number | null {
	let size = 0;
	for (const d of days) size += d.values.length;
	if (size === 0) return null;
	if (reference.counts === null) {
		// Wide column: Sturges bins over both samples, exactly as `sturgesHistogram` bins them.
		const current = new Float64Array(size);
		let at = 0;
		for (const d of days) {
			current.set(d.values, at);
			at += d.values.length;
		}
		const edges = sturgesEdges(reference.prepared, current);
		return evidentlyPsiSum(
			fillEmptySharesAsEvidently(histogramShares(edges, reference.prepared)),
			fillEmptySharesAsEvidently(histogramShares(edges, current)),
		);
	}
	// Few values: one bin per value over the union, in ascending order.
	const current = new Map<number, number>();
	for (const d of days) for (const [v, c] of d.counts) current.set(v, (current.get(v) ?? 0) + c);
	const keys = new Set<number>(reference.counts.keys());
	for (const v of current.keys()) keys.add(v);
	const values = Float64Array.from(keys).sort();
	return evidentlyCategoricalPsi(
		Float64Array.from(values, (v) => reference.counts?.get(v) ?? 0),
		Float64Array.from(values, (v) => current.get(v) ?? 0),
	).statistic;
}

/** The largest feature PSI of the days' traffic against the reference (0 with no data). */
export function largestWindowPsi(reference: DriftReference, days: readonly DayColumns[]): number {
	let largest = 0;
	for (const [f, ref] of reference.numeric) {
		const psi = numericPsi(
			ref,
			days.map((d) => d.numeric.get(f) ?? { values: new Float64Array(0), counts: new Map() }),
		);
		if (psi !== null) largest = Math.max(largest, psi);
	}
	for (const [f, ref] of reference.categorical) {
		const counts = new Map<string, number>();
		let size = 0;
		for (const d of days) {
			for (const [v, c] of d.categorical.get(f) ?? []) {
				counts.set(v, (counts.get(v) ?? 0) + c);
				size += c;
			}
		}
		if (size === 0) continue;
		const current: PreparedCategories = { kind: 'prepared-categories', size, counts };
		largest = Math.max(largest, featureDrift(ref, current, { test: 'psi' }).score);
	}
	return largest;
}
