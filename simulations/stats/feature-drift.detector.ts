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
 *
 * The specification is Evidently's code at commit a4aa4c2b37fe (src/evidently/legacy/calculations/
 * stattests/registry.py for the choice and the type check, psi.py and utils.py for PSI,
 * src/evidently/legacy/utils/data_preprocessing.py for column types); the fixtures in
 * test/fixtures/stats/evidently-*.json were computed by running that code.
 */
import { chiSquareTest } from './chi-square.stats';
import { jensenShannonDistance } from './jensen-shannon.stats';
import { ksTwoSample } from './kolmogorov-smirnov.stats';
import {
	evidentlyCategoricalPsi,
	populationStabilityIndex,
	type PsiMethod,
} from './population-stability.stats';
import { proportionZTest } from './proportion-z.stats';
import {
	assertFiniteSample,
	DriftInputError,
	isPreparedReference,
	type NumericSample,
} from './sample.input';
import { sturgesHistogram } from './sturges-histogram.stats';
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
	/** The feature types Evidently registers the test for (`allowed_feature_types`). */
	readonly featureTypes: readonly FeatureType[];
}

/** Evidently's defaults: 0.05 for tests (KS flags p ≤ t, the others p < t), 0.1 for distances. */
export const DRIFT_TESTS: Readonly<Record<DriftTestName, DriftTestSpec>> = {
	ks: {
		scoreKind: 'p-value',
		defaultThreshold: 0.05,
		inclusive: true,
		numericalOnly: true,
		featureTypes: ['numerical'],
	},
	chisquare: {
		scoreKind: 'p-value',
		defaultThreshold: 0.05,
		inclusive: false,
		numericalOnly: false,
		featureTypes: ['categorical'],
	},
	z: {
		scoreKind: 'p-value',
		defaultThreshold: 0.05,
		inclusive: false,
		numericalOnly: false,
		featureTypes: ['categorical'],
	},
	wasserstein: {
		scoreKind: 'distance',
		defaultThreshold: 0.1,
		inclusive: true,
		numericalOnly: true,
		featureTypes: ['numerical'],
	},
	jensenshannon: {
		scoreKind: 'distance',
		defaultThreshold: 0.1,
		inclusive: true,
		numericalOnly: false,
		featureTypes: ['numerical', 'categorical'],
	},
	psi: {
		scoreKind: 'distance',
		defaultThreshold: 0.1,
		inclusive: true,
		numericalOnly: false,
		featureTypes: ['numerical', 'categorical'],
	},
};

/** Reference sizes up to this get hypothesis tests by default; larger ones get distances. */
export const SMALL_REFERENCE_MAX_ROWS = 1000;
/** Share of drifted features at which the dataset counts as drifted (Evidently's `drift_share`). */
export const DEFAULT_DRIFT_SHARE = 0.5;

/** Evidently's `NUMBER_UNIQUE_AS_CATEGORICAL`: integer columns with ≤ this many values are categories. */
export const NUMBER_UNIQUE_AS_CATEGORICAL = 5;

/**
 * What the default test choice depends on. Give either `uniqueCount` or the samples it is counted
 * from (`reference`, and `current` when there is one); when both are given the count is used.
 */
export interface DriftTestChoiceInput {
	/** Rows in the reference; defaults to the size of `reference`. */
	readonly referenceSize?: number;
	readonly featureType: FeatureType;
	/** Distinct values over reference and current together (Evidently's `n_values`). */
	readonly uniqueCount?: number;
	/** The reference sample, to count distinct values from when `uniqueCount` is not given. */
	readonly reference?: FeatureValues;
	/** The current sample; its new values count too, as in Evidently. */
	readonly current?: FeatureValues;
}

/**
 * Evidently's default test for a feature (registry.py `_get_default_stattest`). The distinct-value
 * count is derived from the samples when it is not given, so a caller cannot get the
 * two-proportion z-test for a 3-level feature by passing no count.
 */
export function chooseDriftTest(input: DriftTestChoiceInput): DriftTestName {
	const { featureType } = input;
	const referenceSize =
		input.referenceSize ?? (input.reference === undefined ? undefined : sizeOf(input.reference));
	if (referenceSize === undefined || !Number.isInteger(referenceSize) || referenceSize < 0) {
		throw new DriftInputError(
			'referenceSize',
			`must be a whole number of rows (or give the reference), got ${String(referenceSize)}`,
		);
	}
	if (featureType !== 'numerical' && featureType !== 'categorical') {
		throw new DriftInputError(
			'featureType',
			`must be "numerical" or "categorical", got ${String(featureType)}`,
		);
	}
	let uniqueCount = input.uniqueCount;
	if (uniqueCount === undefined) {
		if (input.reference === undefined) {
			throw new DriftInputError(
				'uniqueCount',
				'give the distinct-value count or the reference sample to count it from',
			);
		}
		// Only "more than 5" and "more than 2" matter, so counting stops after 6.
		uniqueCount = distinctUpTo(input.reference, input.current ?? [], NUMBER_UNIQUE_AS_CATEGORICAL);
	} else if (!Number.isInteger(uniqueCount) || uniqueCount < 0) {
		throw new DriftInputError(
			'uniqueCount',
			`must be a whole number of distinct values, got ${String(uniqueCount)}`,
		);
	}
	const numericLike = featureType === 'numerical' && uniqueCount > NUMBER_UNIQUE_AS_CATEGORICAL;
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
	/**
	 * How PSI bins a numerical feature: `evidently` (default; Evidently's `psi` test) or
	 * `reference-quantiles` (the credit-risk convention, see `populationStabilityIndex`).
	 * Categorical features are always binned by category, with Evidently's empty-bin fill.
	 */
	readonly psiMethod?: PsiMethod;
	/** Quantile bins for PSI with `psiMethod: 'reference-quantiles'` (default 10). */
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

/** Evidently's refusal, in our words: which test, which type, and which types it does fit. */
function notApplicableMessage(test: DriftTestName, featureType: FeatureType): string {
	const fits = DRIFT_TESTS[test].featureTypes.map((type) => `${type} features`).join(' and ');
	return `"${test}" does not apply to a ${featureType} feature; it is for ${fits} only`;
}

/** Throws Evidently's type refusal when `test` is not registered for `featureType`. */
export function assertTestFitsType(test: DriftTestName, featureType: FeatureType): void {
	const spec = Object.hasOwn(DRIFT_TESTS, test) ? DRIFT_TESTS[test] : undefined;
	if (spec === undefined) throw new DriftInputError('test', `unknown drift test "${String(test)}"`);
	if (!spec.featureTypes.includes(featureType)) {
		throw new DriftInputError('test', notApplicableMessage(test, featureType));
	}
}

/**
 * Evidently's column type for a feature (data_preprocessing.py `_get_column_type`, no column
 * mapping): booleans and strings are categorical; an integer column is categorical when its
 * reference has at most 5 distinct values (the current's count decides only without a reference)
 * and numerical otherwise; any other numeric column is numerical. When both samples are numeric the
 * current's kind decides, as Evidently reads the current's dtype. JavaScript numbers carry
 * no dtype, so "integer column" means every value is a whole number — what pandas reads as int64
 * from a CSV; a column with a missing value would be float64 in pandas and so numerical, which is
 * why the lab tests windows with missing values removed. A prepared reference is numeric.
 */
export function inferFeatureType(reference: FeatureValues, current?: FeatureValues): FeatureType {
	const kind = (values: FeatureValues): 'integer' | 'float' | 'other' | 'empty' => {
		if (isPreparedCategories(values)) return 'other';
		const array = isPreparedReference(values) ? values.sorted : (values as ArrayLike<unknown>);
		if (array.length === 0) return 'empty';
		let integer = true;
		for (let i = 0; i < array.length; i++) {
			const value = array[i];
			if (typeof value !== 'number') return 'other';
			if (!Number.isInteger(value)) integer = false;
		}
		return integer ? 'integer' : 'float';
	};
	// Evidently reads the current's dtype when both are numeric (an integer reference with a
	// fractional current is numerical) and the reference's when either is not.
	const referenceKind = kind(reference);
	const currentKind = current === undefined ? 'empty' : kind(current);
	const numericKind = (k: string) => k === 'integer' || k === 'float';
	const type =
		referenceKind === 'empty'
			? currentKind
			: numericKind(referenceKind) && numericKind(currentKind)
				? currentKind
				: referenceKind;
	if (type === 'other' || type === 'empty') return 'categorical';
	if (type === 'float') return 'numerical';
	const count =
		referenceKind === 'empty' && current !== undefined
			? distinctUpTo(current, [], NUMBER_UNIQUE_AS_CATEGORICAL)
			: distinctUpTo(reference, [], NUMBER_UNIQUE_AS_CATEGORICAL);
	return count <= NUMBER_UNIQUE_AS_CATEGORICAL ? 'categorical' : 'numerical';
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
	const defaultTest = () =>
		chooseDriftTest({
			referenceSize: sizeOf(reference),
			featureType,
			uniqueCount: distinctUpTo(reference, current, NUMBER_UNIQUE_AS_CATEGORICAL),
		});
	const test = options.test ?? defaultTest();
	const spec = Object.hasOwn(DRIFT_TESTS, test) ? DRIFT_TESTS[test] : undefined;
	if (spec === undefined) {
		throw new DriftInputError(
			'test',
			`unknown drift test "${String(test)}"; known tests: ${Object.keys(DRIFT_TESTS).join(', ')}`,
		);
	}
	const threshold = options.threshold ?? spec.defaultThreshold;
	if (!Number.isFinite(threshold)) {
		throw new DriftInputError('threshold', `must be a finite number, got ${String(threshold)}`);
	}
	// Evidently refuses a test asked for by name on a type it is not registered for
	// (StatTestInvalidFeatureTypeError), while its default choice may still run chi-square or z on
	// a numerical column with ≤ 5 values; a caller passing that default choice on is not refused.
	if (
		!spec.featureTypes.includes(featureType) &&
		options.test !== undefined &&
		options.test !== defaultTest()
	) {
		throw new DriftInputError('test', notApplicableMessage(test, featureType));
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
			const method = options.psiMethod ?? 'evidently';
			if (featureType === 'numerical') {
				const result = populationStabilityIndex(
					numericReference,
					numericCurrent,
					method === 'evidently' || options.psiBins === undefined
						? { method }
						: { method, bins: options.psiBins },
				);
				return verdict(test, featureType, result.statistic, null, threshold);
			}
			const aligned = alignedCounts(countsOf('reference', reference), countsOf('current', current));
			const psi = evidentlyCategoricalPsi(aligned.referenceCounts, aligned.currentCounts);
			return verdict(test, featureType, psi.statistic, null, threshold);
		}
		case 'jensenshannon': {
			const wide =
				featureType === 'numerical' &&
				(isPreparedReference(reference)
					? reference.uniqueCount
					: new Set(Array.from(numericReference as ArrayLike<number>)).size) > 20;
			if (wide) {
				const binned = sturgesHistogram(numericReference, numericCurrent);
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
