/**
 * The pipeline's model gate, mirroring TFX's Evaluator: the challenger and the serving champion
 * are scored on the same fresh holdout, overall and on slices, and the challenger is "blessed"
 * only if every threshold holds. Thresholds are TensorFlow Model Analysis's two kinds, with
 * TFMA's exact semantics (tensorflow/model-analysis `evaluators/metrics_validator.py`):
 * a value threshold bounds a metric (`lower_bound ≤ v ≤ upper_bound`); a change threshold bounds
 * the difference from the baseline, absolutely (`diff ≥ absolute` when higher is better) and/or
 * relatively (`diff / baseline ≥ relative`; a baseline of 0 makes the ratio NaN and the check
 * fail). Only a blessed model is pushed, so a triggered run can end with no deployment.
 *
 * Key decision: the gate is a pure function of numbers, so its decisions are tested on fixed
 * inputs, and TFMA's own test cases are translated one by one into ours.
 */
import { accuracyOf, confusionMatrix } from '../training/metrics';

/** TFMA's `MetricDirection`. */
export type MetricDirection = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';

/** TFMA's `GenericValueThreshold`: absent bounds are unbounded. */
export interface ValueThreshold {
	readonly lowerBound?: number;
	readonly upperBound?: number;
}

/** TFMA's `GenericChangeThreshold`. */
export interface ChangeThreshold {
	readonly direction: MetricDirection;
	readonly absolute?: number;
	readonly relative?: number;
}

/** TFMA: `lower ≤ value ≤ upper`. */
export function passesValueThreshold(value: number, threshold: ValueThreshold): boolean {
	const lower = threshold.lowerBound ?? Number.NEGATIVE_INFINITY;
	const upper = threshold.upperBound ?? Number.POSITIVE_INFINITY;
	return value >= lower && value <= upper;
}

/** TFMA: the diff (candidate − baseline) against absolute and relative bounds. */
export function passesChangeThreshold(
	diff: number,
	baseline: number,
	threshold: ChangeThreshold,
): boolean {
	const better = (x: number, bound: number) =>
		threshold.direction === 'HIGHER_IS_BETTER' ? x >= bound : x <= bound;
	const absoluteOk = threshold.absolute === undefined || better(diff, threshold.absolute);
	// Python's math.isclose(b, 0.0) with default tolerances is true only for b == 0.
	const ratio = baseline === 0 ? Number.NaN : diff / baseline;
	const relativeOk = threshold.relative === undefined || better(ratio, threshold.relative);
	return absoluteOk && relativeOk;
}

/** The gate's rules (the Evaluator's `EvalConfig`, reduced to accuracy). */
export interface GateConfig {
	/** The challenger must beat the champion overall by this (TFMA change threshold). */
	readonly change: ChangeThreshold;
	/** The challenger's overall accuracy bounds (TFMA value threshold). */
	readonly overall: ValueThreshold;
	/** Every slice with enough rows must meet this (TFMA per-slice value threshold). */
	readonly slice: ValueThreshold;
	/** Slices smaller than this are reported but not checked: their accuracy is mostly noise. */
	readonly minSliceRows: number;
}

/**
 * Defaults: beat the champion by half a point (the retraining lesson's example of a relative
 * rule, "better by at least 0.01 … no worse by more than 0.005"), stay above 0.7 overall, and
 * keep every slice of at least 100 rows above 0.65. Measured on the stable world (seed 42, a
 * holdout week), the first model scores 0.83 overall and 0.79–0.84 on every slice, so only a
 * model that has really gone wrong trips a floor.
 */
export const defaultGateConfig: GateConfig = {
	change: { direction: 'HIGHER_IS_BETTER', absolute: 0.005 },
	overall: { lowerBound: 0.7 },
	slice: { lowerBound: 0.65 },
	minSliceRows: 100,
};

/** A metric on one slice ('' is the whole holdout), e.g. `plan=basic`. */
export interface SliceMetric {
	readonly slice: string;
	readonly rows: number;
	readonly accuracy: number;
}

/** What the Evaluator computed for both models on the same holdout. */
export interface EvaluationResult {
	readonly challenger: readonly SliceMetric[];
	readonly champion: readonly SliceMetric[];
}

/** One failed threshold, as TFMA's `ValidationFailure`. */
export interface GateFailure {
	readonly slice: string;
	readonly check: 'change' | 'value';
	readonly value: number;
	readonly message: string;
}

/** The gate's verdict. */
export interface GateDecision {
	readonly blessed: boolean;
	readonly failures: readonly GateFailure[];
	/** One sentence: why it was or was not blessed. */
	readonly reason: string;
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const points = (x: number) => `${x >= 0 ? '+' : '−'}${(100 * Math.abs(x)).toFixed(1)} points`;

/** Applies the gate to an evaluation. The overall slice is the one named ''. */
export function decideGate(evaluation: EvaluationResult, config: GateConfig): GateDecision {
	const failures: GateFailure[] = [];
	const overall = evaluation.challenger.find((s) => s.slice === '');
	const baseline = evaluation.champion.find((s) => s.slice === '');
	if (overall === undefined || baseline === undefined) {
		// TFMA counts a configured threshold with no metric as a failure.
		return {
			blessed: false,
			failures: [{ slice: '', check: 'value', value: Number.NaN, message: 'no overall metric' }],
			reason: 'the evaluation produced no overall accuracy',
		};
	}
	const diff = overall.accuracy - baseline.accuracy;
	if (!passesChangeThreshold(diff, baseline.accuracy, config.change)) {
		failures.push({
			slice: '',
			check: 'change',
			value: diff,
			message: `accuracy ${pct(overall.accuracy)} vs champion ${pct(baseline.accuracy)} (${points(diff)}) misses the required change of ${points(config.change.absolute ?? 0)}`,
		});
	}
	if (!passesValueThreshold(overall.accuracy, config.overall)) {
		failures.push({
			slice: '',
			check: 'value',
			value: overall.accuracy,
			message: `accuracy ${pct(overall.accuracy)} is below the floor of ${pct(config.overall.lowerBound ?? 0)}`,
		});
	}
	for (const s of evaluation.challenger) {
		if (s.slice === '' || s.rows < config.minSliceRows) continue;
		if (!passesValueThreshold(s.accuracy, config.slice)) {
			failures.push({
				slice: s.slice,
				check: 'value',
				value: s.accuracy,
				message: `slice ${s.slice}: accuracy ${pct(s.accuracy)} is below the slice floor of ${pct(config.slice.lowerBound ?? 0)}`,
			});
		}
	}
	if (failures.length === 0) {
		return {
			blessed: true,
			failures,
			reason: `blessed: accuracy ${pct(overall.accuracy)} vs champion ${pct(baseline.accuracy)} (${points(diff)}), every slice above its floor`,
		};
	}
	return {
		blessed: false,
		failures,
		reason: `not blessed: ${failures.map((f) => f.message).join('; ')}`,
	};
}

/** Accuracy overall ('') and on every value of the given categorical slices. */
export function sliceAccuracies(
	probabilities: ArrayLike<number>,
	labels: ArrayLike<number>,
	sliceKeys: readonly (readonly string[])[],
): SliceMetric[] {
	const overall: SliceMetric = {
		slice: '',
		rows: labels.length,
		accuracy: accuracyOf(confusionMatrix(probabilities, labels)),
	};
	const bySlice = new Map<string, { rows: number; correct: number }>();
	for (let i = 0; i < labels.length; i++) {
		const correct = ((probabilities[i] ?? 0) >= 0.5 ? 1 : 0) === labels[i] ? 1 : 0;
		for (const key of sliceKeys[i] ?? []) {
			const entry = bySlice.get(key) ?? { rows: 0, correct: 0 };
			entry.rows++;
			entry.correct += correct;
			bySlice.set(key, entry);
		}
	}
	const slices = [...bySlice.entries()]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([slice, e]) => ({ slice, rows: e.rows, accuracy: e.correct / e.rows }));
	return [overall, ...slices];
}
