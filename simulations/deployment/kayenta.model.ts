/**
 * A Kayenta-style canary judge (Spinnaker's NetflixACAJudge): each metric's canary values are
 * compared with a baseline's by a Mann–Whitney U test, classified Pass, High or Low (or Nodata),
 * the classifications become group scores and a weighted summary score, and the score is judged
 * Pass, Marginal or Fail against the pass and marginal thresholds; over a canary's lifetime any
 * interval below marginal fails at once and the last must reach pass.
 *
 * Sources: kayenta-mannwhitney MannWhitney.scala (the confidence interval and Hodges–Lehmann
 * estimate by inverting the rank-sum statistic, with tie and continuity corrections), the judge's
 * MannWhitneyClassifier.scala (tolerance band ±tolerance·|estimate|, effect size as the ratio of
 * means, direction, critical metrics), WeightedSumScorer.scala and ThresholdScoreClassifier.scala.
 * Key decision: where Kayenta finds a root with Brent's method, this finds the crossing of the
 * (monotone, stepwise) statistic by bisection and takes the middle of a flat zero stretch, which
 * is the same point for the estimate; the U statistic's p-value is added (normal approximation,
 * tie- and continuity-corrected, as R's wilcox.test) because the lab shows it.
 */
import { createRng, type Rng } from '../shared/rng';
import { normalSurvival } from '../stats/special-functions.math';
import { nearestRankPercentile, type TrafficTick, type VersionTick } from './traffic.model';

/** Average ranks (1-based) of values, ties sharing the mean of their ranks. */
function averageRanks(values: readonly number[]): { ranks: number[]; tieGroups: number[] } {
	const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
	const ranks = new Array<number>(values.length);
	const tieGroups: number[] = [];
	for (let i = 0; i < order.length;) {
		let j = i;
		while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
		const rank = (i + j + 2) / 2;
		for (let k = i; k <= j; k++) ranks[order[k]![1]] = rank;
		tieGroups.push(j - i + 1);
		i = j + 1;
	}
	return { ranks, tieGroups };
}

/**
 * Kayenta's wilcoxonDiff: the standardised rank-sum of x − mu against y, continuity-corrected,
 * minus `quantile`. It falls as mu rises; its zero is the shift estimate.
 */
export function wilcoxonDiff(
	mu: number,
	quantile: number,
	x: readonly number[],
	y: readonly number[],
): number {
	const nx = x.length;
	const ny = y.length;
	const { ranks, tieGroups } = averageRanks([...x.map((v) => v - mu), ...y]);
	let rankSum = 0;
	for (let i = 0; i < nx; i++) rankSum += ranks[i] as number;
	const dz = rankSum - (nx * (nx + 1)) / 2 - (nx * ny) / 2;
	const correction = Math.sign(dz) * 0.5;
	const ties = tieGroups.reduce((s, t) => s + t ** 3 - t, 0);
	const sigma = Math.sqrt(((nx * ny) / 12) * (nx + ny + 1 - ties / ((nx + ny) * (nx + ny - 1))));
	if (sigma === 0)
		throw new RangeError('cannot compute confidence interval when all observations are tied');
	return (dz - correction) / sigma - quantile;
}

/** The standard normal quantile (Acklam's rational approximation, one Newton refinement). */
export function normalQuantile(p: number): number {
	if (p <= 0) return Number.NEGATIVE_INFINITY;
	if (p >= 1) return Number.POSITIVE_INFINITY;
	const a = [
		-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
		2.506628277459239,
	];
	const b = [
		-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
		-13.28068155288572,
	];
	const c = [
		-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
		4.374664141464968, 2.938163982698783,
	];
	const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
	const low = 0.02425;
	let x: number;
	if (p < low) {
		const q = Math.sqrt(-2 * Math.log(p));
		x =
			(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
			((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
	} else if (p <= 1 - low) {
		const q = p - 0.5;
		const r = q * q;
		x =
			((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
			(((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
	} else {
		const q = Math.sqrt(-2 * Math.log(1 - p));
		x =
			-(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
			((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
	}
	// One Newton step on the normal CDF sharpens it to near machine precision.
	const cdf = 1 - normalSurvival(x);
	return x - (cdf - p) * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
}

/** The zero of a non-increasing step function on [lo, hi]: the middle of where it crosses. */
function crossing(f: (mu: number) => number, lo: number, hi: number): number {
	// Largest mu with f > 0, and smallest with f < 0, each found by bisection.
	let a = lo;
	let b = hi;
	for (let i = 0; i < 200 && b - a > 1e-12 * Math.max(1, Math.abs(a) + Math.abs(b)); i++) {
		const m = (a + b) / 2;
		if (f(m) > 0) a = m;
		else b = m;
	}
	const lastPositive = a;
	a = lo;
	b = hi;
	for (let i = 0; i < 200 && b - a > 1e-12 * Math.max(1, Math.abs(a) + Math.abs(b)); i++) {
		const m = (a + b) / 2;
		if (f(m) >= 0) a = m;
		else b = m;
	}
	const firstNegative = b;
	return (lastPositive + firstNegative) / 2;
}

/** A Mann–Whitney comparison of x (canary) against y (baseline). */
export interface MannWhitneyResult {
	/** U of x: pairs (xi, yj) with xi > yj, ties counting a half. */
	u: number;
	/** Two-sided p-value of "no shift" (normal approximation with tie and continuity corrections). */
	pValue: number;
	/** Confidence interval of the shift x − y. */
	lower: number;
	upper: number;
	/** Hodges–Lehmann estimate of the shift. */
	estimate: number;
}

/** Kayenta's mannWhitneyUTest (confidence level default 0.95) plus U and its p-value. */
export function mannWhitney(
	x: readonly number[],
	y: readonly number[],
	confidenceLevel = 0.95,
): MannWhitneyResult {
	const alpha = 1 - confidenceLevel;
	const muMin = Math.min(...x) - Math.max(...y);
	const muMax = Math.max(...x) - Math.min(...y);
	const root = (zq: number) => {
		const f = (mu: number) => wilcoxonDiff(mu, zq, x, y);
		if (f(muMin) <= 0) return muMin;
		if (f(muMax) >= 0) return muMax;
		return crossing(f, muMin, muMax);
	};
	const zQuant = normalQuantile(alpha / 2);
	const lower = root(-zQuant);
	const upper = root(zQuant);
	const estimate = crossing((mu) => wilcoxonDiff(mu, 0, x, y), muMin, muMax);
	// U and its p-value at no shift.
	const { ranks } = averageRanks([...x, ...y]);
	let rankSum = 0;
	for (let i = 0; i < x.length; i++) rankSum += ranks[i] as number;
	const u = rankSum - (x.length * (x.length + 1)) / 2;
	const z = wilcoxonDiff(0, 0, x, y);
	const pValue = Math.min(1, 2 * normalSurvival(Math.abs(z)));
	return { u, pValue, lower, upper, estimate };
}

/** Kayenta's metric classifications. */
export type MetricClassification = 'Pass' | 'High' | 'Low' | 'Nodata' | 'NodataFailMetric';

/** How one metric is judged. */
export interface JudgeMetricConfig {
	/** Which way is bad: an increase, a decrease, or either. */
	direction: 'increase' | 'decrease' | 'either';
	/** Tolerance band as a fraction of |estimate| (the judge uses 0.25). */
	tolerance?: number;
	/** Confidence level (the judge uses 0.98). */
	confidenceLevel?: number;
	/** Mean-ratio thresholds (allowedDecrease, allowedIncrease); default (1, 1). */
	effectSizeThresholds?: [number, number];
	critical?: boolean;
	/** Mean-ratio thresholds beyond which a critical metric fails the canary; default (1, 1). */
	criticalThresholds?: [number, number];
	mustHaveData?: boolean;
}

/** A metric's judgement. */
export interface MetricJudgement {
	classification: MetricClassification;
	critical: boolean;
	/** Mean ratio canary ÷ baseline (NaN when a mean is 0). */
	effectSize: number;
	test: MannWhitneyResult | null;
}

const mean = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / v.length;

/** MannWhitneyClassifier.classify (NaN values already removed, the default strategy). */
export function classifyMetric(
	baseline: readonly number[],
	canary: readonly number[],
	config: JudgeMetricConfig,
	rng: Rng = createRng('kayenta-jitter'),
): MetricJudgement {
	const critical = config.critical ?? false;
	if (canary.length === 0 || baseline.length === 0) {
		if (config.mustHaveData && !critical) {
			return { classification: 'NodataFailMetric', critical: false, effectSize: 1, test: null };
		}
		return { classification: 'Nodata', critical, effectSize: 1, test: null };
	}
	const same = (a: readonly number[], b: readonly number[]) =>
		a.length === b.length &&
		[...a].sort((p, q) => p - q).every((v, i) => v === [...b].sort((p, q) => p - q)[i]);
	if (same(canary, baseline) || new Set([...canary, ...baseline]).size === 1) {
		return { classification: 'Pass', critical: false, effectSize: 1, test: null };
	}
	// Two constant series tie every rank at some shift; Kayenta adds Gaussian noise of 1e-5 of
	// the value to break the ties. The noise is seeded here so a judgement is reproducible.
	const constant = new Set(canary).size === 1 && new Set(baseline).size === 1;
	const jitter = (v: readonly number[]) =>
		v.map((x) => x + rng.normal(0, Math.abs(v[0] as number) * 1e-5));
	const test = mannWhitney(
		constant ? jitter(canary) : canary,
		constant ? jitter(baseline) : baseline,
		config.confidenceLevel ?? 0.95,
	);
	const bound = (config.tolerance ?? 0.25) * Math.abs(test.estimate);
	const baselineMean = mean(baseline);
	const canaryMean = mean(canary);
	const effectSize =
		baselineMean === 0 || canaryMean === 0 ? Number.NaN : canaryMean / baselineMean;
	const [allowedDecrease, allowedIncrease] = config.effectSizeThresholds ?? [1, 1];
	const high =
		config.direction !== 'decrease' &&
		test.lower > bound &&
		(Number.isNaN(effectSize) || effectSize >= allowedIncrease);
	const low =
		config.direction !== 'increase' &&
		test.upper < -bound &&
		(Number.isNaN(effectSize) || effectSize <= allowedDecrease);
	const classification: MetricClassification = high ? 'High' : low ? 'Low' : 'Pass';
	const [criticalDecrease, criticalIncrease] = config.criticalThresholds ?? [1, 1];
	const criticalFailure =
		critical &&
		((classification === 'High' && (Number.isNaN(effectSize) || effectSize >= criticalIncrease)) ||
			(classification === 'Low' && (Number.isNaN(effectSize) || effectSize <= criticalDecrease)));
	return { classification, critical: criticalFailure, effectSize, test };
}

/** One metric's result for scoring: its classification, groups and whether it failed critically. */
export interface ScoredMetric {
	classification: MetricClassification;
	groups: string[];
	critical?: boolean;
}

/** The judge's score. */
export interface JudgeScore {
	groupScores: { group: string; score: number; noData: boolean }[];
	/** 0–100, rounded to two decimals. */
	summaryScore: number;
	/** Why the score was forced to 0, if it was. */
	reason: string | null;
}

/** WeightedSumScorer.score: group scores, weights (unweighted groups share the rest of 100). */
export function scoreMetrics(
	results: readonly ScoredMetric[],
	groupWeights: Record<string, number> = {},
): JudgeScore {
	const byGroup = new Map<string, MetricClassification[]>();
	for (const r of results) {
		for (const g of r.groups) byGroup.set(g, [...(byGroup.get(g) ?? []), r.classification]);
	}
	const groupScores = [...byGroup].map(([group, labels]) => {
		const count = (l: MetricClassification) => labels.filter((x) => x === l).length;
		const total = count('Pass') + count('High') + count('Low') + count('NodataFailMetric');
		return { group, score: total === 0 ? 0 : (count('Pass') / total) * 100, noData: total === 0 };
	});
	const criticalFailure = results.find((r) => r.critical && r.classification !== 'Pass');
	if (criticalFailure) {
		return { groupScores, summaryScore: 0, reason: 'Canary Failed: a critical metric failed' };
	}
	const nodata = results.filter((r) => r.classification === 'Nodata').length;
	if (results.length > 0 && (nodata / results.length) * 100 >= 50) {
		return {
			groupScores,
			summaryScore: 0,
			reason: 'Canary Failed: 50% or more metrics returned NODATA',
		};
	}
	const weighted = Object.values(groupWeights).reduce((s, w) => s + w, 0);
	const unweighted = groupScores.filter((g) => groupWeights[g.group] === undefined).length;
	const share = unweighted > 0 ? (100 - weighted) / unweighted : 0;
	let summary = 0;
	for (const g of groupScores) {
		summary += (g.noData ? 100 : g.score) * ((groupWeights[g.group] ?? share) / 100);
	}
	return { groupScores, summaryScore: Math.round(summary * 100) / 100, reason: null };
}

/** ThresholdScoreClassifier: Pass at or above `pass`, Marginal at or above `marginal`, else Fail. */
export function classifyScore(
	score: number,
	thresholds: { pass: number; marginal: number },
): 'Pass' | 'Marginal' | 'Fail' {
	if (score >= thresholds.pass) return 'Pass';
	if (score >= thresholds.marginal) return 'Marginal';
	return 'Fail';
}

/**
 * A canary stage's verdict over its intervals' scores: Failed at the first score below marginal;
 * otherwise, after the last interval, Passed only if it reached `pass`; Running before that.
 */
export function judgeStage(
	scores: readonly number[],
	thresholds: { pass: number; marginal: number },
	intervals: number,
): { verdict: 'Running' | 'Passed' | 'Failed'; atInterval: number } {
	for (const [i, score] of scores.entries()) {
		if (score < thresholds.marginal) return { verdict: 'Failed', atInterval: i };
	}
	if (scores.length < intervals) return { verdict: 'Running', atInterval: scores.length };
	const last = scores[intervals - 1] as number;
	return { verdict: last >= thresholds.pass ? 'Passed' : 'Failed', atInterval: intervals - 1 };
}

/** One interval's judgement of the candidate against stable over a window of traffic. */
export interface TrafficJudgement {
	metrics: { name: string; group: string; judgement: MetricJudgement }[];
	score: JudgeScore;
	classification: 'Pass' | 'Marginal' | 'Fail';
}

/**
 * Judges ticks [fromTick, toTick] as Kayenta judges a canary interval: each metric is a time
 * series (one point per tick: error rate, p99 latency) for the canary and for its control,
 * compared by the Mann–Whitney classifier at the judge's settings (98 % confidence, tolerance
 * 0.25), then scored and classified. Here the control is stable serving alongside; Kayenta
 * advises a baseline started at the same time as the canary, which the lab's stable stands in for.
 */
export function judgeTrafficInterval(
	ticks: readonly TrafficTick[],
	fromTick: number,
	toTick: number,
	thresholds: { pass: number; marginal: number },
): TrafficJudgement {
	const window = ticks.filter((t) => t.tick >= fromTick && t.tick <= toTick);
	const series = (side: 'stable' | 'candidate', value: (v: VersionTick) => number) =>
		window.filter((t) => t[side].served > 0).map((t) => value(t[side]));
	const errorRate = (v: VersionTick) => v.errors / v.served;
	const p99 = (v: VersionTick) => nearestRankPercentile(v.latenciesMs, 99);
	const config = { direction: 'increase', tolerance: 0.25, confidenceLevel: 0.98 } as const;
	const metrics = [
		{
			name: 'error-rate',
			group: 'errors',
			judgement: classifyMetric(
				series('stable', errorRate),
				series('candidate', errorRate),
				config,
			),
		},
		{
			name: 'latency-p99',
			group: 'latency',
			judgement: classifyMetric(series('stable', p99), series('candidate', p99), config),
		},
	];
	const score = scoreMetrics(
		metrics.map((m) => ({
			classification: m.judgement.classification,
			groups: [m.group],
			critical: m.judgement.critical,
		})),
	);
	return { metrics, score, classification: classifyScore(score.summaryScore, thresholds) };
}
