/**
 * Confidence-based performance estimation (CBPE) for a binary classifier, as NannyML does it:
 * estimate today's accuracy from today's predicted probabilities alone, before labels arrive.
 *
 * The specification is NannyML's code at commit 4c86ee350dc5: nannyml/calibration.py
 * (`needs_calibration`, `IsotonicCalibrator`, the expected calibration error),
 * nannyml/performance_estimation/confidence_based/cbpe.py (`_fit_binary`, `_estimate`) and
 * metrics.py (`estimate_accuracy`); the isotonic calibrator is scikit-learn's
 * `IsotonicRegression(increasing=True, out_of_bounds='clip')` (sklearn/isotonic.py,
 * sklearn/_isotonic.pyx), reproduced here operation for operation.
 *
 * Key decisions. Fitting on the reference first asks whether the scores need calibrating
 * (NannyML's rule: not when the labels have one class or the AUROC exceeds 0.999; otherwise fit
 * the isotonic calibrator on 90 % of the reference ten times over, stratified, and calibrate
 * when the expected calibration error of the held-out tenths falls). The splits come from our
 * seeded Rng, not scikit-learn's random stream, so the decision can differ from NannyML's only
 * when the two errors are within a split's noise of each other. The estimate then averages, per
 * row, the calibrated probability that the model's own prediction is right: p when it predicted 1,
 * 1 − p when it predicted 0 — the prediction coming from the raw score, as the model served it.
 * The fitted estimator is plain data, so it can cross a worker boundary or be stored.
 *
 * What CBPE assumes: the probabilities are (made) calibrated on the reference and that calibration
 * still holds — covariate shift within regions the reference covered is fine, but a shift into
 * regions it never saw, or a change in P(y | x) (concept drift, label shift), breaks the estimate.
 */
import type { Rng } from '../shared/rng';
import { assertFiniteSample, countAtMost, DriftInputError } from './sample.input';

/** A fitted isotonic regression: scikit-learn's `X_thresholds_`, `y_thresholds_`, `X_min_`, `X_max_`. */
export interface IsotonicModel {
	readonly xThresholds: Float64Array;
	readonly yThresholds: Float64Array;
	readonly xMin: number;
	readonly xMax: number;
}

/** numpy's float64 resolution: scikit-learn's `_make_unique` merges x values closer than this. */
const FLOAT64_RESOLUTION = 1e-15;

function assertLabels(labels: ArrayLike<number>, size: number): void {
	if (labels === null || typeof labels !== 'object' || labels.length !== size) {
		throw new DriftInputError('labels', `expected ${size} labels, one per probability`);
	}
	for (let i = 0; i < labels.length; i++) {
		if (labels[i] !== 0 && labels[i] !== 1) {
			throw new DriftInputError(
				'labels',
				`label at index ${i} is ${String(labels[i])}, not 0 or 1`,
			);
		}
	}
}

/**
 * Pool-adjacent-violators in place over weighted values (scikit-learn's
 * `_inplace_contiguous_isotonic_regression`, same order of operations).
 */
function poolAdjacentViolators(y: Float64Array, w: Float64Array): void {
	const n = y.length;
	const target = Int32Array.from({ length: n }, (_, i) => i);
	let i = 0;
	while (i < n) {
		let k = (target[i] as number) + 1;
		if (k === n) break;
		if ((y[i] as number) < (y[k] as number)) {
			i = k;
			continue;
		}
		let sumWy = (w[i] as number) * (y[i] as number);
		let sumW = w[i] as number;
		for (;;) {
			const previousY = y[k] as number;
			sumWy += (w[k] as number) * (y[k] as number);
			sumW += w[k] as number;
			k = (target[k] as number) + 1;
			if (k === n || previousY < (y[k] as number)) {
				y[i] = sumWy / sumW;
				w[i] = sumW;
				target[i] = k - 1;
				target[k - 1] = i;
				if (i > 0) i = target[i - 1] as number;
				break;
			}
		}
	}
	i = 0;
	while (i < n) {
		const k = (target[i] as number) + 1;
		y.fill(y[i] as number, i + 1, k);
		i = k;
	}
}

/** Fits an increasing isotonic regression of `y` on `x` (unit weights), as scikit-learn does. */
export function fitIsotonic(x: ArrayLike<number>, y: ArrayLike<number>): IsotonicModel {
	assertFiniteSample('x', x);
	if (y === null || typeof y !== 'object' || y.length !== x.length) {
		throw new DriftInputError('y', `expected ${x.length} values, one per x`);
	}
	assertFiniteSample('y', y);
	// np.lexsort((y, X)): by x, ties by y.
	const order = Array.from({ length: x.length }, (_, i) => i).sort(
		(a, b) => (x[a] as number) - (x[b] as number) || (y[a] as number) - (y[b] as number),
	);
	// _make_unique: average y over runs of x closer than float64 resolution to the run's first x.
	const uniqueX: number[] = [];
	const uniqueY: number[] = [];
	const uniqueW: number[] = [];
	let currentX = x[order[0] as number] as number;
	let currentY = 0;
	let currentW = 0;
	for (const index of order) {
		const value = x[index] as number;
		if (value - currentX >= FLOAT64_RESOLUTION) {
			uniqueX.push(currentX);
			uniqueW.push(currentW);
			uniqueY.push(currentY / currentW);
			currentX = value;
			currentW = 1;
			currentY = y[index] as number;
		} else {
			currentW += 1;
			currentY += y[index] as number;
		}
	}
	uniqueX.push(currentX);
	uniqueW.push(currentW);
	uniqueY.push(currentY / currentW);
	const fitted = Float64Array.from(uniqueY);
	poolAdjacentViolators(fitted, Float64Array.from(uniqueW));
	// Keep the ends and every point whose value differs from a neighbour's (trim_duplicates).
	const keptX: number[] = [];
	const keptY: number[] = [];
	for (let k = 0; k < fitted.length; k++) {
		const value = fitted[k] as number;
		const interior = k > 0 && k < fitted.length - 1;
		if (!interior || value !== fitted[k - 1] || value !== fitted[k + 1]) {
			keptX.push(uniqueX[k] as number);
			keptY.push(value);
		}
	}
	return {
		xThresholds: Float64Array.from(keptX),
		yThresholds: Float64Array.from(keptY),
		xMin: uniqueX[0] as number,
		xMax: uniqueX[uniqueX.length - 1] as number,
	};
}

/**
 * The fitted function at `values`, clipped to the fitted range (out_of_bounds='clip'), then
 * interpolated linearly between thresholds as numpy's `interp` does (an exact threshold returns
 * its own value; otherwise slope · (x − x_j) + y_j).
 */
export function predictIsotonic(model: IsotonicModel, values: ArrayLike<number>): Float64Array {
	const { xThresholds: xs, yThresholds: ys } = model;
	const out = new Float64Array(values.length);
	const last = xs.length - 1;
	for (let i = 0; i < values.length; i++) {
		const raw = values[i] as number;
		if (last === 0) {
			out[i] = ys[0] as number;
			continue;
		}
		const value = Math.min(Math.max(raw, model.xMin), model.xMax);
		// Largest j with xs[j] ≤ value.
		const j = Math.max(0, countAtMost(xs, value) - 1);
		if (j >= last) out[i] = ys[last] as number;
		else if (xs[j] === value) out[i] = ys[j] as number;
		else {
			const slope =
				((ys[j + 1] as number) - (ys[j] as number)) / ((xs[j + 1] as number) - (xs[j] as number));
			out[i] = slope * (value - (xs[j] as number)) + (ys[j] as number);
		}
	}
	return out;
}

/** NannyML's `_get_bin_index_edges`: equal-count index bins, at most size / 2 of them. */
export function binIndexEdges(size: number, binCount: number): [number, number][] {
	let bins = binCount;
	if (size <= 2 * bins) {
		bins = Math.floor(size / 2);
		if (bins < 2) {
			throw new DriftInputError(
				'probabilities',
				`cannot split ${size} values into the minimum of 2 calibration bins; give more rows`,
			);
		}
	}
	const width = Math.floor(size / bins);
	const edges: number[] = [];
	for (let edge = 0; edge <= size; edge += width) edges.push(edge);
	edges[edges.length - 1] = size;
	return edges.slice(0, -1).map((left, k) => [left, edges[k + 1] as number]);
}

/**
 * NannyML's expected calibration error: rows sorted by probability, cut into `edges`, and
 * Σ (bin share) · |mean probability − mean label|. Rows with equal probabilities are ordered by
 * index here; numpy's unstable argsort may order ties otherwise, so with ties on a bin edge the
 * two can differ slightly.
 */
export function expectedCalibrationError(
	labels: ArrayLike<number>,
	probabilities: ArrayLike<number>,
	edges: readonly (readonly [number, number])[],
): number {
	const order = Array.from({ length: probabilities.length }, (_, i) => i).sort(
		(a, b) => (probabilities[a] as number) - (probabilities[b] as number) || a - b,
	);
	let total = 0;
	for (const [left, right] of edges) {
		let sumP = 0;
		let sumY = 0;
		for (let k = left; k < right; k++) {
			sumP += probabilities[order[k] as number] as number;
			sumY += labels[order[k] as number] as number;
		}
		const count = right - left;
		total += (count / probabilities.length) * Math.abs(sumP / count - sumY / count);
	}
	return total;
}

/** Area under the ROC curve, ties counted half (equal to scikit-learn's `roc_auc_score`). */
export function rocAucScore(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
	const order = Array.from({ length: scores.length }, (_, i) => i).sort(
		(a, b) => (scores[a] as number) - (scores[b] as number),
	);
	let positives = 0;
	let rankSum = 0;
	for (let start = 0; start < order.length;) {
		let end = start;
		while (
			end + 1 < order.length &&
			scores[order[end + 1] as number] === scores[order[start] as number]
		)
			end++;
		const averageRank = (start + end) / 2 + 1;
		for (let k = start; k <= end; k++) {
			if (labels[order[k] as number] === 1) {
				positives++;
				rankSum += averageRank;
			}
		}
		start = end + 1;
	}
	const negatives = order.length - positives;
	return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Stratified shuffled splits: each class contributes its share of the test rows. */
function stratifiedSplits(
	labels: ArrayLike<number>,
	splitCount: number,
	testShare: number,
	rng: Rng,
): { train: number[]; test: number[] }[] {
	const classes = [0, 1].map((label) =>
		Array.from({ length: labels.length }, (_, i) => i).filter((i) => labels[i] === label),
	);
	const testSize = Math.ceil(testShare * labels.length);
	// Largest remainders: floor of each class's share, then the leftover rows to the larger fraction.
	const exact = classes.map((members) => (testSize * members.length) / labels.length);
	const perClass = exact.map(Math.floor);
	const leftover = testSize - perClass.reduce((a, b) => a + b, 0);
	const byFraction = [0, 1].sort(
		(a, b) =>
			(exact[b] as number) -
			(perClass[b] as number) -
			((exact[a] as number) - (perClass[a] as number)),
	);
	for (let k = 0; k < leftover; k++) {
		const label = byFraction[k % 2] as number;
		perClass[label] = (perClass[label] as number) + 1;
	}
	const splits: { train: number[]; test: number[] }[] = [];
	for (let s = 0; s < splitCount; s++) {
		const train: number[] = [];
		const test: number[] = [];
		classes.forEach((members, label) => {
			const shuffled = rng.shuffle(members);
			test.push(...shuffled.slice(0, perClass[label]));
			train.push(...shuffled.slice(perClass[label]));
		});
		splits.push({ train, test });
	}
	return splits;
}

/** Options for NannyML's calibration check. */
export interface CalibrationCheckOptions {
	/** Randomness for the stratified splits. */
	readonly rng: Rng;
	/** Default 10, as NannyML. */
	readonly splitCount?: number;
	/** Default 10, as NannyML. */
	readonly binCount?: number;
}

/** What the calibration check found. */
export interface CalibrationCheck {
	readonly needsCalibration: boolean;
	/** Why: one class, near-perfect ranking (AUROC > 0.999), or the held-out errors. */
	readonly reason: 'single-class' | 'separable' | 'calibration-error';
	readonly auroc: number | null;
	readonly errorBefore: number | null;
	readonly errorAfter: number | null;
}

/**
 * NannyML's `needs_calibration`: true when isotonic calibration, fitted on 90 % of the reference
 * and applied to the other 10 %, lowers the expected calibration error over `splitCount` splits.
 */
export function checkCalibration(
	probabilities: ArrayLike<number>,
	labels: ArrayLike<number>,
	options: CalibrationCheckOptions,
): CalibrationCheck {
	assertFiniteSample('probabilities', probabilities);
	assertLabels(labels, probabilities.length);
	let positives = 0;
	for (let i = 0; i < labels.length; i++) positives += labels[i] as number;
	if (positives === 0 || positives === labels.length) {
		return {
			needsCalibration: false,
			reason: 'single-class',
			auroc: null,
			errorBefore: null,
			errorAfter: null,
		};
	}
	const auroc = rocAucScore(labels, probabilities);
	if (auroc > 0.999) {
		return {
			needsCalibration: false,
			reason: 'separable',
			auroc,
			errorBefore: null,
			errorAfter: null,
		};
	}
	const testLabels: number[] = [];
	const testRaw: number[] = [];
	const testCalibrated: number[] = [];
	for (const { train, test } of stratifiedSplits(
		labels,
		options.splitCount ?? 10,
		0.1,
		options.rng,
	)) {
		const model = fitIsotonic(
			train.map((i) => probabilities[i] as number),
			train.map((i) => labels[i] as number),
		);
		const raw = test.map((i) => probabilities[i] as number);
		testLabels.push(...test.map((i) => labels[i] as number));
		testRaw.push(...raw);
		testCalibrated.push(...predictIsotonic(model, raw));
	}
	const edges = binIndexEdges(testRaw.length, options.binCount ?? 10);
	const errorBefore = expectedCalibrationError(testLabels, testRaw, edges);
	const errorAfter = expectedCalibrationError(testLabels, testCalibrated, edges);
	return {
		needsCalibration: errorBefore > errorAfter,
		reason: 'calibration-error',
		auroc,
		errorBefore,
		errorAfter,
	};
}

/** A fitted CBPE accuracy estimator (plain data). */
export interface PerformanceEstimator {
	readonly kind: 'cbpe-accuracy';
	/** Scores at or above this are predicted positive (the model's own decision rule). */
	readonly decisionThreshold: number;
	readonly check: CalibrationCheck;
	/** The isotonic calibrator fitted on the whole reference, when calibration is needed. */
	readonly calibrator: IsotonicModel | null;
}

/** Options for `fitPerformanceEstimator`. */
export interface PerformanceEstimatorOptions extends CalibrationCheckOptions {
	/** Default 0.5. */
	readonly decisionThreshold?: number;
	/** `auto` (default) runs NannyML's check; `always` and `never` skip it. */
	readonly calibration?: 'auto' | 'always' | 'never';
}

/** Fits CBPE on reference probabilities and labels (NannyML `CBPE._fit_binary`). */
export function fitPerformanceEstimator(
	probabilities: ArrayLike<number>,
	labels: ArrayLike<number>,
	options: PerformanceEstimatorOptions,
): PerformanceEstimator {
	assertFiniteSample('probabilities', probabilities);
	assertLabels(labels, probabilities.length);
	const decisionThreshold = options.decisionThreshold ?? 0.5;
	if (!Number.isFinite(decisionThreshold)) {
		throw new DriftInputError(
			'decisionThreshold',
			`must be a number, got ${String(decisionThreshold)}`,
		);
	}
	const mode = options.calibration ?? 'auto';
	if (mode !== 'auto' && mode !== 'always' && mode !== 'never') {
		throw new DriftInputError(
			'calibration',
			`must be "auto", "always" or "never", got ${String(mode)}`,
		);
	}
	const check: CalibrationCheck =
		mode === 'auto'
			? checkCalibration(probabilities, labels, options)
			: {
					needsCalibration: mode === 'always',
					reason: 'calibration-error',
					auroc: null,
					errorBefore: null,
					errorAfter: null,
				};
	return {
		kind: 'cbpe-accuracy',
		decisionThreshold,
		check,
		calibrator: check.needsCalibration ? fitIsotonic(probabilities, labels) : null,
	};
}

/** The estimator's calibrated probabilities for `probabilities`. */
export function calibrateProbabilities(
	estimator: PerformanceEstimator,
	probabilities: ArrayLike<number>,
): Float64Array {
	return estimator.calibrator === null
		? Float64Array.from(probabilities)
		: predictIsotonic(estimator.calibrator, probabilities);
}

/**
 * Expected accuracy of one chunk (a day) from its probabilities alone (NannyML
 * `estimate_accuracy`): the mean over rows of the calibrated p where the model predicted 1 and
 * 1 − p where it predicted 0.
 */
export function estimateAccuracy(
	estimator: PerformanceEstimator,
	probabilities: ArrayLike<number>,
): number {
	assertFiniteSample('probabilities', probabilities);
	const calibrated = calibrateProbabilities(estimator, probabilities);
	let tp = 0;
	let tn = 0;
	for (let i = 0; i < calibrated.length; i++) {
		const p = calibrated[i] as number;
		if ((probabilities[i] as number) >= estimator.decisionThreshold) tp += p;
		else tn += 1 - p;
	}
	return (tp + tn) / calibrated.length;
}
