/**
 * Per-feature and dataset-level drift decisions in the manner of Evidently's data-drift preset.
 *
 * Design decision: the default test depends only on the reference size, the feature type and the
 * number of distinct values (counted over both samples), exactly as Evidently's registry chooses:
 * small references get hypothesis tests (KS, chi-square, two-proportion z), large ones get
 * distances (normed Wasserstein, Jensen–Shannon), because p-values collapse on large samples for
 * practically irrelevant shifts. Every choice — test, threshold, dataset share — can be
 * overridden, and every result carries the test, its score, the threshold and the verdict so the
 * lab can explain each alarm.
 */
import { chiSquareTest } from './chi-square.stats';
import { jensenShannonDistance } from './jensen-shannon.stats';
import { ksTwoSample } from './kolmogorov-smirnov.stats';
import { populationStabilityIndex, PSI_ZERO_PROPORTION } from './population-stability.stats';
import { proportionZTest } from './proportion-z.stats';
import {
	assertFiniteSample,
	DriftInputError,
	isPreparedReference,
	type NumericSample,
} from './sample.input';
import { normedWassersteinDistance } from './wasserstein.stats';

/** Names of the drift tests, as Evidently spells them. */
export type DriftTestName = 'ks' | 'chisquare' | 'z' | 'wasserstein' | 'jensenshannon' | 'psi';

/** Numerical features are compared as distributions; categorical ones by category frequencies. */
export type FeatureType = 'numerical' | 'categorical';

/** A categorical value. */
export type Category = string | number | boolean;

/** A categorical reference counted once, for reuse against many windows. */
export interface PreparedCategories {
	readonly kind: 'prepared-categories';
	/** Number of observations. */
	readonly size: number;
	/** Observations per category. */
	readonly counts: ReadonlyMap<Category, number>;
}

/** What a feature's sample may be. */
export type FeatureValues = NumericSample | readonly Category[] | PreparedCategories;

/** How a test turns its score into a verdict. */
export interface DriftTestSpec {
	/** `p-value` tests flag small scores, `distance` tests flag large ones. */
	readonly scoreKind: 'p-value' | 'distance';
	/** Evidently's default threshold. */
	readonly defaultThreshold: number;
	/** Whether a score equal to the threshold counts as drift. */
	readonly inclusive: boolean;
	/** Whether the test only makes sense for numerical features. */
	readonly numericalOnly: boolean;
}

/** Evidently's defaults: 0.05 for tests (KS flags p ≤ t, the others p < t), 0.1 for distances. */
export const DRIFT_TESTS: Readonly<Record<DriftTestName, DriftTestSpec>> = {
	ks: { scoreKind: 'p-value', defaultThreshold: 0.05, inclusive: true, numericalOnly: true },
	chisquare: {
		scoreKind: 'p-value',
		defaultThreshold: 0.05,
		inclusive: false,
		numericalOnly: false,
	},
	z: { scoreKind: 'p-value', defaultThreshold: 0.05, inclusive: false, numericalOnly: false },
	wasserstein: {
		scoreKind: 'distance',
		defaultThreshold: 0.1,
		inclusive: true,
		numericalOnly: true,
	},
	jensenshannon: {
		scoreKind: 'distance',
		defaultThreshold: 0.1,
		inclusive: true,
		numericalOnly: false,
	},
	psi: { scoreKind: 'distance', defaultThreshold: 0.1, inclusive: true, numericalOnly: false },
};

/** Reference sizes up to this get hypothesis tests by default; larger ones get distances. */
export const SMALL_REFERENCE_MAX_ROWS = 1000;
/** Share of drifted features at which the dataset counts as drifted (Evidently's `drift_share`). */
export const DEFAULT_DRIFT_SHARE = 0.5;

/** What the default test choice depends on. */
export interface DriftTestChoiceInput {
	readonly referenceSize: number;
	readonly featureType: FeatureType;
	/** Distinct values over reference and current together. */
	readonly uniqueCount: number;
}

/** Evidently's default test for a feature. */
export function chooseDriftTest(input: DriftTestChoiceInput): DriftTestName {
	const { referenceSize, featureType, uniqueCount } = input;
	const numericLike = featureType === 'numerical' && uniqueCount > 5;
	if (referenceSize <= SMALL_REFERENCE_MAX_ROWS) {
		if (numericLike) return 'ks';
		return uniqueCount > 2 ? 'chisquare' : 'z';
	}
	return numericLike ? 'wasserstein' : 'jensenshannon';
}

/** Options for one feature's drift check. */
export interface FeatureDriftOptions {
	/** Defaults to numerical when every value is a number, categorical otherwise. */
	readonly featureType?: FeatureType;
	/** Defaults to `chooseDriftTest`. */
	readonly test?: DriftTestName;
	/** Defaults to the test's `defaultThreshold`. */
	readonly threshold?: number;
	/** Quantile bins for PSI on numerical features (default 10). */
	readonly psiBins?: number;
}

/** The verdict for one feature. */
export interface FeatureDriftResult {
	readonly test: DriftTestName;
	readonly featureType: FeatureType;
	/** The test's own statistic: D, χ², z, or the distance itself. */
	readonly statistic: number;
	/** The p-value for hypothesis tests, null for distances. */
	readonly pValue: number | null;
	/** The number compared with the threshold (the p-value or the distance). */
	readonly score: number;
	readonly threshold: number;
	readonly drifted: boolean;
}

/** Counts a categorical sample once so daily windows need not recount the reference. */
export function prepareCategories(values: readonly Category[]): PreparedCategories {
	return {
		kind: 'prepared-categories',
		size: values.length,
		counts: countCategories('reference', values),
	};
}

function isPreparedCategories(value: unknown): value is PreparedCategories {
	return (
		typeof value === 'object' &&
		value !== null &&
		(value as { kind?: unknown }).kind === 'prepared-categories'
	);
}

function countCategories(argument: string, values: ArrayLike<Category>): Map<Category, number> {
	if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
		throw new DriftInputError(argument, 'expected an array of values');
	}
	if (values.length === 0) throw new DriftInputError(argument, 'must not be empty');
	const counts = new Map<Category, number>();
	for (let i = 0; i < values.length; i++) {
		const value = values[i] as Category;
		const type = typeof value;
		if (
			(type === 'number' && !Number.isFinite(value)) ||
			(type !== 'number' && type !== 'string' && type !== 'boolean')
		) {
			throw new DriftInputError(
				argument,
				`value at index ${i} is ${String(value)}; categories must be strings, booleans or ` +
					'finite numbers',
			);
		}
		counts.set(value, (counts.get(value) ?? 0) + 1);
	}
	return counts;
}

function countsOf(
	argument: string,
	values: FeatureValues,
): { size: number; counts: ReadonlyMap<Category, number> } {
	if (isPreparedCategories(values)) return values;
	if (isPreparedReference(values)) {
		return { size: values.sorted.length, counts: countCategories(argument, values.sorted) };
	}
	const array = values as ArrayLike<Category>;
	return { size: array.length, counts: countCategories(argument, array) };
}

function compareCategories(a: Category, b: Category): number {
	if (typeof a === typeof b) return a < b ? -1 : a > b ? 1 : 0;
	return typeof a < typeof b ? -1 : 1;
}

/** Union of the categories of both samples in a stable order, with aligned counts. */
function alignedCounts(
	reference: { counts: ReadonlyMap<Category, number> },
	current: { counts: ReadonlyMap<Category, number> },
): { keys: Category[]; referenceCounts: Float64Array; currentCounts: Float64Array } {
	const keys = [...new Set([...reference.counts.keys(), ...current.counts.keys()])].sort(
		compareCategories,
	);
	const referenceCounts = Float64Array.from(keys, (key) => reference.counts.get(key) ?? 0);
	const currentCounts = Float64Array.from(keys, (key) => current.counts.get(key) ?? 0);
	return { keys, referenceCounts, currentCounts };
}

function isNumericSample(values: FeatureValues): values is NumericSample {
	if (isPreparedReference(values)) return true;
	if (isPreparedCategories(values)) return false;
	const array = values as ArrayLike<unknown>;
	for (let i = 0; i < array.length; i++) if (typeof array[i] !== 'number') return false;
	return true;
}

/** Distinct values over both samples, counting no further than `limit + 1`. */
function distinctUpTo(reference: FeatureValues, current: FeatureValues, limit: number): number {
	if (isPreparedReference(reference) && reference.uniqueCount > limit) return reference.uniqueCount;
	if (isPreparedCategories(reference) && reference.counts.size > limit)
		return reference.counts.size;
	const seen = new Set<unknown>();
	const add = (values: FeatureValues): boolean => {
		if (isPreparedCategories(values)) {
			for (const key of values.counts.keys()) {
				seen.add(key);
				if (seen.size > limit) return true;
			}
			return false;
		}
		const array = isPreparedReference(values) ? values.sorted : (values as ArrayLike<unknown>);
		for (let i = 0; i < array.length; i++) {
			seen.add(array[i]);
			if (seen.size > limit) return true;
		}
		return false;
	};
	if (!add(reference)) add(current);
	return seen.size;
}

function sizeOf(values: FeatureValues): number {
	if (isPreparedReference(values)) return values.sorted.length;
	if (isPreparedCategories(values)) return values.size;
	return (values as ArrayLike<unknown>).length;
}

/** Proportions per bin over Sturges bins of the combined sample, as Evidently bins wide columns. */
function sturgesProportions(
	reference: NumericSample,
	current: NumericSample,
): { referenceProportions: Float64Array; currentProportions: Float64Array } {
	const a = isPreparedReference(reference) ? reference.sorted : reference;
	const b = isPreparedReference(current) ? current.sorted : current;
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
	if (low === high) {
		low -= 0.5;
		high += 0.5;
	}
	const total = a.length + b.length;
	const range = high - low;
	// numpy derives the count from a bin width, so keep its arithmetic.
	const bins = Math.ceil(range / (range / (Math.log2(total) + 1)));
	const step = range / bins;
	const edges = new Float64Array(bins + 1);
	for (let i = 0; i < bins; i++) edges[i] = i * step + low;
	edges[bins] = high;
	const upperBin = (value: number): number => {
		let lo = 0;
		let hi = edges.length;
		while (lo < hi) {
			const middle = (lo + hi) >>> 1;
			if ((edges[middle] as number) <= value) lo = middle + 1;
			else hi = middle;
		}
		return Math.min(bins - 1, Math.max(0, lo - 1));
	};
	const proportions = (sample: ArrayLike<number>, sorted: boolean): Float64Array => {
		const counts = new Float64Array(bins);
		if (sorted) {
			// A sorted sample is cut at each edge by binary search instead of binning every value.
			let start = 0;
			for (let k = 0; k < bins - 1; k++) {
				const edge = edges[k + 1] as number;
				let lo = start;
				let hi = sample.length;
				while (lo < hi) {
					const middle = (lo + hi) >>> 1;
					if ((sample[middle] as number) < edge) lo = middle + 1;
					else hi = middle;
				}
				counts[k] = lo - start;
				start = lo;
			}
			counts[bins - 1] = sample.length - start;
		} else {
			for (let i = 0; i < sample.length; i++) {
				const bin = upperBin(sample[i] as number);
				counts[bin] = (counts[bin] as number) + 1;
			}
		}
		for (let k = 0; k < bins; k++) counts[k] = (counts[k] as number) / sample.length;
		return counts;
	};
	return {
		referenceProportions: proportions(a, isPreparedReference(reference)),
		currentProportions: proportions(b, isPreparedReference(current)),
	};
}

function verdict(
	test: DriftTestName,
	featureType: FeatureType,
	statistic: number,
	pValue: number | null,
	threshold: number,
): FeatureDriftResult {
	const spec = DRIFT_TESTS[test];
	const score = pValue ?? statistic;
	const drifted =
		spec.scoreKind === 'p-value'
			? spec.inclusive
				? score <= threshold
				: score < threshold
			: spec.inclusive
				? score >= threshold
				: score > threshold;
	return { test, featureType, statistic, pValue, score, threshold, drifted };
}

/** Tests one feature for drift between `reference` and `current`. */
export function featureDrift(
	reference: FeatureValues,
	current: FeatureValues,
	options: FeatureDriftOptions = {},
): FeatureDriftResult {
	const numeric = isNumericSample(reference) && isNumericSample(current);
	const featureType = options.featureType ?? (numeric ? 'numerical' : 'categorical');
	if (featureType === 'numerical' && !numeric) {
		throw new DriftInputError(
			isNumericSample(reference) ? 'current' : 'reference',
			'a numerical feature needs finite numbers only',
		);
	}
	if (featureType === 'numerical') {
		if (!isPreparedReference(reference)) {
			assertFiniteSample('reference', reference as ArrayLike<number>);
		}
		if (!isPreparedReference(current)) assertFiniteSample('current', current as ArrayLike<number>);
	}
	const test =
		options.test ??
		chooseDriftTest({
			referenceSize: sizeOf(reference),
			featureType,
			uniqueCount: distinctUpTo(reference, current, 5),
		});
	const spec = DRIFT_TESTS[test];
	if (spec === undefined) throw new DriftInputError('test', `unknown drift test "${String(test)}"`);
	const threshold = options.threshold ?? spec.defaultThreshold;
	if (!Number.isFinite(threshold)) {
		throw new DriftInputError('threshold', `must be a finite number, got ${String(threshold)}`);
	}
	if (spec.numericalOnly && featureType !== 'numerical') {
		throw new DriftInputError('test', `"${test}" needs a numerical feature`);
	}
	const numericReference = reference as NumericSample;
	const numericCurrent = current as NumericSample;
	switch (test) {
		case 'ks': {
			const result = ksTwoSample(numericReference, numericCurrent);
			return verdict(test, featureType, result.statistic, result.pValue, threshold);
		}
		case 'wasserstein': {
			const distance = normedWassersteinDistance(numericReference, numericCurrent);
			return verdict(test, featureType, distance, null, threshold);
		}
		case 'psi': {
			if (featureType === 'numerical') {
				const bins = options.psiBins === undefined ? {} : { bins: options.psiBins };
				const result = populationStabilityIndex(numericReference, numericCurrent, bins);
				return verdict(test, featureType, result.statistic, null, threshold);
			}
			const ref = countsOf('reference', reference);
			const cur = countsOf('current', current);
			const aligned = alignedCounts(ref, cur);
			let psi = 0;
			for (let k = 0; k < aligned.keys.length; k++) {
				const e = (aligned.referenceCounts[k] as number) / ref.size || PSI_ZERO_PROPORTION;
				const a = (aligned.currentCounts[k] as number) / cur.size || PSI_ZERO_PROPORTION;
				psi += (a - e) * Math.log(a / e);
			}
			return verdict(test, featureType, psi, null, threshold);
		}
		case 'jensenshannon': {
			const wide =
				featureType === 'numerical' &&
				(isPreparedReference(reference)
					? reference.uniqueCount
					: new Set(Array.from(numericReference as ArrayLike<number>)).size) > 20;
			if (wide) {
				const binned = sturgesProportions(numericReference, numericCurrent);
				const distance = jensenShannonDistance(
					binned.referenceProportions,
					binned.currentProportions,
				);
				return verdict(test, featureType, distance, null, threshold);
			}
			const aligned = alignedCounts(countsOf('reference', reference), countsOf('current', current));
			const distance = jensenShannonDistance(aligned.referenceCounts, aligned.currentCounts);
			return verdict(test, featureType, distance, null, threshold);
		}
		case 'chisquare': {
			const aligned = alignedCounts(countsOf('reference', reference), countsOf('current', current));
			if (aligned.keys.length < 2) return verdict(test, featureType, 0, 1, threshold);
			const result = chiSquareTest(aligned.referenceCounts, aligned.currentCounts);
			return verdict(test, featureType, result.statistic, result.pValue, threshold);
		}
		case 'z': {
			const ref = countsOf('reference', reference);
			const cur = countsOf('current', current);
			const aligned = alignedCounts(ref, cur);
			const target = aligned.keys[0] as Category;
			const result = proportionZTest(
				ref.counts.get(target) ?? 0,
				ref.size,
				cur.counts.get(target) ?? 0,
				cur.size,
			);
			return verdict(test, featureType, result.statistic, result.pValue, threshold);
		}
	}
}

/** One feature of a dataset drift check. */
export interface DatasetFeature {
	readonly name: string;
	readonly reference: FeatureValues;
	readonly current: FeatureValues;
	readonly options?: FeatureDriftOptions;
}

/** Options for `datasetDrift`. */
export interface DatasetDriftOptions {
	/** Share of drifted features at which the dataset is drifted (default 0.5, inclusive). */
	readonly driftShare?: number;
}

/** The dataset-level verdict and every feature's result. */
export interface DatasetDriftResult {
	readonly features: ReadonlyArray<{ readonly name: string; readonly result: FeatureDriftResult }>;
	readonly driftedCount: number;
	readonly featureCount: number;
	/** driftedCount / featureCount. */
	readonly share: number;
	/** The threshold share used. */
	readonly driftShare: number;
	readonly drifted: boolean;
}

/** Checks every feature and declares dataset drift when the drifted share reaches `driftShare`. */
export function datasetDrift(
	features: readonly DatasetFeature[],
	options: DatasetDriftOptions = {},
): DatasetDriftResult {
	const driftShare = options.driftShare ?? DEFAULT_DRIFT_SHARE;
	if (!Number.isFinite(driftShare) || driftShare < 0 || driftShare > 1) {
		throw new DriftInputError(
			'driftShare',
			`must be a number in [0, 1], got ${String(driftShare)}`,
		);
	}
	if (features.length === 0) throw new DriftInputError('features', 'must not be empty');
	const results = features.map((feature) => {
		try {
			return {
				name: feature.name,
				result: featureDrift(feature.reference, feature.current, feature.options ?? {}),
			};
		} catch (error) {
			if (error instanceof DriftInputError) {
				throw new DriftInputError(
					`${feature.name}.${error.argument}`,
					error.message.slice(error.argument.length + 2),
				);
			}
			throw error;
		}
	});
	const driftedCount = results.filter((entry) => entry.result.drifted).length;
	const share = driftedCount / results.length;
	return {
		features: results,
		driftedCount,
		featureCount: results.length,
		share,
		driftShare,
		drifted: share >= driftShare,
	};
}
