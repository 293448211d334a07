/**
 * What an analysis metric measures in the lab, and how a measured value becomes a measurement
 * phase. Argo metrics query a provider (Prometheus, Datadog…) and test the result with
 * `successCondition` / `failureCondition` expressions; here the provider is the traffic world and
 * a condition is a comparison with a threshold, written back out as the expression Argo would
 * read (`result[0] >= 0.98`). The evaluation follows Argo's `utils/evaluate/evaluate.go`:
 * neither condition → Successful; only a success condition → Failed when it is false; only a
 * failure condition → Successful when it is false; both and neither true → Inconclusive; no
 * data (an empty result) → Error.
 */
import type { MeasurementPhase, NamedMetric } from './analysis.model';
import { parseGoDuration } from './duration.model';
import type { WindowStats } from './traffic.model';

/** A comparison with a threshold, e.g. `{ op: '>=', value: 0.98 }`. */
export interface MetricCondition {
	op: '>=' | '>' | '<=' | '<';
	value: number;
}

/** The figure a metric reads from the candidate's traffic. */
export type MetricSource = 'successRate' | 'latencyP99Ms' | 'accuracy' | 'kayentaScore';

/** Argo's Kayenta provider thresholds: Successful at `pass`, Inconclusive at `marginal`. */
export interface KayentaThreshold {
	pass: number;
	marginal: number;
}

/** An analysis metric of the lab: Argo's limits, what it reads, and its conditions. */
export interface RolloutMetric extends NamedMetric {
	source: MetricSource;
	/**
	 * How far back a measurement looks (a Go duration, like a PromQL range such as `[1m]`); defaults to
	 * the interval, or one minute without one.
	 */
	lookback?: string;
	successCondition?: MetricCondition;
	failureCondition?: MetricCondition;
	/** A Kayenta metric (source kayentaScore): the judge's score decides, not a condition. */
	kayenta?: KayentaThreshold;
}

/**
 * Argo's Kayenta provider (metricproviders/kayenta/kayenta.go evaluateResult): the judge's
 * score, truncated to an integer, is Successful at or above pass, Inconclusive at or above
 * marginal, Failed below.
 */
export function kayentaPhase(score: number, threshold: KayentaThreshold): MeasurementPhase {
	const whole = Math.trunc(score);
	if (whole >= threshold.pass) return 'Successful';
	if (whole >= threshold.marginal) return 'Inconclusive';
	return 'Failed';
}

/** The PromQL-like query the YAML shows for each source (for reading, not for running). */
export const metricQueries: Record<MetricSource, string> = {
	successRate:
		'sum(rate(requests_total{version="{{args.version}}",code!~"5.."}[{{args.lookback}}])) / sum(rate(requests_total{version="{{args.version}}"}[{{args.lookback}}]))',
	latencyP99Ms:
		'histogram_quantile(0.99, sum(rate(request_duration_ms_bucket{version="{{args.version}}"}[{{args.lookback}}])) by (le))',
	accuracy:
		'sum(predictions_correct_total{version="{{args.version}}"}) / sum(predictions_labelled_total{version="{{args.version}}"})',
	kayentaScore: 'canary-config: error-rate, latency-p99',
};

/** The expression Argo would evaluate for a condition. */
export function conditionExpression(condition: MetricCondition): string {
	return `result[0] ${condition.op} ${condition.value}`;
}

function holds(condition: MetricCondition, value: number): boolean {
	switch (condition.op) {
		case '>=':
			return value >= condition.value;
		case '>':
			return value > condition.value;
		case '<=':
			return value <= condition.value;
		case '<':
			return value < condition.value;
	}
}

/** A measurement phase for a measured value, as Argo's EvaluateResult decides it. */
export function evaluateMeasurement(metric: RolloutMetric, value: number): MeasurementPhase {
	const hasSuccess = metric.successCondition !== undefined;
	const hasFailure = metric.failureCondition !== undefined;
	// No data: the expression cannot be evaluated, which Argo reports as an Error measurement.
	if (Number.isNaN(value) && (hasSuccess || hasFailure)) return 'Error';
	if (!hasSuccess && !hasFailure) return 'Successful';
	let success = hasSuccess ? holds(metric.successCondition as MetricCondition, value) : false;
	let failure = hasFailure ? holds(metric.failureCondition as MetricCondition, value) : false;
	if (!hasFailure) failure = !success;
	if (!hasSuccess) success = !failure;
	if (failure) return 'Failed';
	if (!success) return 'Inconclusive';
	return 'Successful';
}

/** A metric's lookback in ms (see RolloutMetric.lookback). */
export function lookbackMs(metric: RolloutMetric): number {
	return parseGoDuration(metric.lookback ?? metric.interval ?? '1m');
}

/** The value a metric reads from a window of the candidate's traffic (not a Kayenta score). */
export function metricValue(metric: RolloutMetric, stats: WindowStats): number {
	return metric.source === 'kayentaScore' ? Number.NaN : stats[metric.source];
}
