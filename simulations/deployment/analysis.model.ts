/**
 * Argo Rollouts' analysis rules as pure functions: how a metric's ordered measurements become
 * counters, how the counters and the metric's limits become the metric's phase, and how the
 * metrics' phases become the run's phase. The source is Argo's controller
 * (`analysis/analysis.go`: runMeasurements, assessMetricStatus,
 * assessMetricFailureInconclusiveOrError, assessRunStatus, generateMetricTasks) and
 * `utils/analysis` (phase ranking, ValidateMetric), not its docs, because the details live there:
 * Error measurements do not count towards `count`; limits are strict (`failed > failureLimit`);
 * the three limit checks run in the order failed, inconclusive, consecutive errors and the last
 * one that trips wins; a metric with only an `interval` runs until the run is terminated, and a
 * terminated metric that broke no limit is Successful.
 *
 * Key decision: a metric's phase is sticky, as in the controller, which stops measuring a metric
 * once it completes. `assessMetricStatus` therefore returns the phase of the first prefix of the
 * measurements that completes the metric; later measurements cannot change it. Dry-run metrics
 * are out of scope. Measurements are instantaneous here, so a run never has one in flight except
 * when a caller passes a trailing Pending or Running measurement.
 */
import { parseGoDuration, tryParseGoDuration } from './duration.model';

/** A measurement's phase (Argo's AnalysisPhase values as they apply to one measurement). */
export type MeasurementPhase =
	'Pending' | 'Running' | 'Successful' | 'Failed' | 'Inconclusive' | 'Error';

/** A metric's or a run's phase: the same six values. */
export type AnalysisPhase = MeasurementPhase;

/** The limits of one metric, as in an AnalysisTemplate's `metrics[]` entry. */
export interface MetricSpec {
	/** Go duration between measurements, e.g. "30s". */
	interval?: string;
	/** Go duration to wait before the first measurement. */
	initialDelay?: string;
	/** Measurements to take; 0 or absent with an interval means "until the run is stopped". */
	count?: number;
	/** Failed measurements tolerated (default 0; -1 disables the limit). */
	failureLimit?: number;
	/** Inconclusive measurements tolerated (default 0). */
	inconclusiveLimit?: number;
	/** Errors in a row tolerated (default 4). */
	consecutiveErrorLimit?: number;
	/** Successes in a row that complete the metric (default 0 = disabled). */
	consecutiveSuccessLimit?: number;
}

/** Argo's default for `consecutiveErrorLimit` (utils/defaults). */
export const DEFAULT_CONSECUTIVE_ERROR_LIMIT = 4;
/** After an Error measurement Argo retries after this long, whatever the interval (analysis.go). */
export const ERROR_RETRY_INTERVAL_MS = 10_000;

/** The counters Argo keeps on a MetricResult, updated once per completed measurement. */
export interface MetricCounters {
	/** Completed measurements other than errors. */
	count: number;
	successful: number;
	failed: number;
	inconclusive: number;
	error: number;
	consecutiveError: number;
	consecutiveSuccess: number;
}

const completedPhases: ReadonlySet<AnalysisPhase> = new Set([
	'Successful',
	'Failed',
	'Inconclusive',
	'Error',
]);

/** True for the four phases that end a measurement, a metric or a run. */
export function isCompletedPhase(phase: AnalysisPhase): boolean {
	return completedPhases.has(phase);
}

/** Argo's ranking of phases from best to worst (utils/analysis/helpers.go). */
export const PHASE_ORDER: readonly AnalysisPhase[] = [
	'Successful',
	'Running',
	'Pending',
	'Inconclusive',
	'Error',
	'Failed',
];

/** True when `next` ranks worse than `current` (Argo's IsWorse). */
export function isWorsePhase(current: AnalysisPhase, next: AnalysisPhase): boolean {
	return PHASE_ORDER.indexOf(next) > PHASE_ORDER.indexOf(current);
}

/** The worse of two phases (Argo's Worst). */
export function worstPhase(left: AnalysisPhase, right: AnalysisPhase): AnalysisPhase {
	return isWorsePhase(left, right) ? right : left;
}

/** Zero counters. */
export function emptyCounters(): MetricCounters {
	return {
		count: 0,
		successful: 0,
		failed: 0,
		inconclusive: 0,
		error: 0,
		consecutiveError: 0,
		consecutiveSuccess: 0,
	};
}

/** The counter each completed measurement phase raises. */
const phaseCounter = {
	Successful: 'successful',
	Failed: 'failed',
	Inconclusive: 'inconclusive',
	Error: 'error',
} as const satisfies Record<string, keyof MetricCounters>;

/**
 * Adds one measurement to the counters exactly as the controller's runMeasurements does:
 * only completed measurements count; an Error raises `error` and `consecutiveError` but not
 * `count`; anything but Error clears `consecutiveError`; anything but Successful clears
 * `consecutiveSuccess`.
 */
export function addMeasurement(counters: MetricCounters, phase: MeasurementPhase): MetricCounters {
	// Pending and Running measurements are still in flight: nothing to count yet.
	if (phase === 'Pending' || phase === 'Running') return { ...counters };
	const tally = phaseCounter[phase];
	return {
		...counters,
		[tally]: counters[tally] + 1,
		count: phase === 'Error' ? counters.count : counters.count + 1,
		consecutiveError: phase === 'Error' ? counters.consecutiveError + 1 : 0,
		consecutiveSuccess: phase === 'Successful' ? counters.consecutiveSuccess + 1 : 0,
	};
}

/** The counters after an ordered list of measurements. */
export function countMeasurements(measurements: readonly MeasurementPhase[]): MetricCounters {
	return measurements.reduce(addMeasurement, emptyCounters());
}

/**
 * The number of measurements after which a metric is complete (Argo's EffectiveCount): the
 * count if set and non-zero; otherwise 1 without an interval, or null (run until stopped) with one.
 */
export function effectiveCount(metric: MetricSpec): number | null {
	if (metric.count === undefined || metric.count === 0) {
		return metric.interval ? null : 1;
	}
	return metric.count;
}

/** A limit a metric has broken: the phase it forces and Argo's reason text. */
export interface LimitBreach {
	phase: 'Failed' | 'Inconclusive' | 'Error';
	message: string;
}

/**
 * Argo's assessMetricFailureInconclusiveOrError: the three limit checks, in Argo's order, each
 * overriding the one before, so consecutive errors beat inconclusive, which beats failed.
 */
export function metricLimitBreach(
	metric: MetricSpec,
	counters: MetricCounters,
): LimitBreach | null {
	let breach: LimitBreach | null = null;
	const failureLimit = metric.failureLimit ?? 0;
	// A negative failureLimit switches the failure check off.
	if (failureLimit >= 0 && counters.failed > failureLimit) {
		breach = {
			phase: 'Failed',
			message: `failed (${counters.failed}) > failureLimit (${failureLimit})`,
		};
	}
	const inconclusiveLimit = metric.inconclusiveLimit ?? 0;
	if (counters.inconclusive > inconclusiveLimit) {
		breach = {
			phase: 'Inconclusive',
			message: `inconclusive (${counters.inconclusive}) > inconclusiveLimit (${inconclusiveLimit})`,
		};
	}
	const errorLimit = metric.consecutiveErrorLimit ?? DEFAULT_CONSECUTIVE_ERROR_LIMIT;
	if (counters.consecutiveError > errorLimit) {
		breach = {
			phase: 'Error',
			message: `consecutiveErrors (${counters.consecutiveError}) > consecutiveErrorLimit (${errorLimit})`,
		};
	}
	return breach;
}

/** What assessMetricResult reads of a metric's result besides its counters. */
export interface MetricResultView extends MetricCounters {
	/** How many measurements exist (0 means none taken yet). */
	measurementCount: number;
	/** The last measurement's phase, if any. */
	lastPhase?: MeasurementPhase | undefined;
}

/**
 * Argo's assessMetricStatus over a result whose phase is not yet complete: in order, no
 * measurement yet, a measurement in flight, a broken limit, the consecutive-success limit, the
 * count reached, and otherwise a metric that runs until stopped. Exposed so Argo's own test
 * cases, which set counters directly, translate one to one.
 */
export function assessMetricResult(
	metric: MetricSpec,
	result: MetricResultView,
	terminating = false,
): AnalysisPhase {
	if (result.measurementCount === 0) {
		// Told to stop before measuring anything: nothing went wrong.
		return terminating ? 'Successful' : 'Pending';
	}
	if (result.lastPhase === undefined || !isCompletedPhase(result.lastPhase)) return 'Running';
	const breach = metricLimitBreach(metric, result);
	if (breach) return breach.phase;
	const successLimit = metric.consecutiveSuccessLimit ?? 0;
	if (successLimit > 0 && result.consecutiveSuccess >= successLimit) return 'Successful';
	const target = effectiveCount(metric);
	if (target !== null && result.count >= target) {
		const failureApplies = (metric.failureLimit ?? 0) >= 0;
		const successApplies = successLimit > 0;
		// Both limits set and neither tripped: the evidence is mixed, so a human decides.
		if (failureApplies && successApplies) return 'Inconclusive';
		// Only the success streak counts, and it was never reached.
		if (successApplies) return 'Failed';
		return 'Successful';
	}
	// An open-ended metric: stopping it early is not a failure.
	return terminating ? 'Successful' : 'Running';
}

/**
 * A metric's phase after its ordered measurements. Sticky: the first prefix that completes the
 * metric decides, because the controller takes no further measurements of a completed metric.
 * `terminating` (the run is being stopped) applies only to the full list.
 */
export function assessMetricStatus(
	metric: MetricSpec,
	measurements: readonly MeasurementPhase[],
	options: { terminating?: boolean } = {},
): AnalysisPhase {
	let counters = emptyCounters();
	for (let i = 0; i < measurements.length; i++) {
		const phase = measurements[i] as MeasurementPhase;
		counters = addMeasurement(counters, phase);
		const view = { ...counters, measurementCount: i + 1, lastPhase: phase };
		const isLast = i === measurements.length - 1;
		const assessed = assessMetricResult(metric, view, isLast && (options.terminating ?? false));
		if (isCompletedPhase(assessed)) return assessed;
	}
	if (measurements.length === 0) return options.terminating ? 'Successful' : 'Pending';
	return assessMetricResult(
		metric,
		{ ...counters, measurementCount: measurements.length, lastPhase: measurements.at(-1) },
		options.terminating ?? false,
	);
}

/** True when a run must stop early: a metric already Failed, Errored or was Inconclusive. */
export function isTerminatingRun(metricPhases: readonly AnalysisPhase[]): boolean {
	return metricPhases.some((p) => p === 'Failed' || p === 'Error' || p === 'Inconclusive');
}

/**
 * Argo's assessRunStatus over the metrics' phases: Running while any metric is incomplete,
 * then the worst completed phase. When the run is terminating, the worst phase so far is the
 * result even if some metric is still open, and a run with nothing completed is Successful.
 */
export function assessRunStatus(
	metricPhases: readonly AnalysisPhase[],
	options: { terminating?: boolean } = {},
): AnalysisPhase {
	let worst: AnalysisPhase | null = null;
	let everythingCompleted = true;
	for (const phase of metricPhases) {
		if (!isCompletedPhase(phase)) {
			everythingCompleted = false;
			continue;
		}
		if (worst === null || isWorsePhase(worst, phase)) worst = phase;
	}
	if (options.terminating) return worst ?? 'Successful';
	if (!everythingCompleted || worst === null) return 'Running';
	return worst;
}

/**
 * Argo's ValidateMetric (utils/analysis/factory.go), without the provider checks: the message
 * for the first problem, or null. Messages are Argo's own wording.
 */
export function validateMetric(metric: MetricSpec): string | null {
	const count = metric.count ?? 0;
	const failureLimit = metric.failureLimit ?? 0;
	const successLimit = metric.consecutiveSuccessLimit ?? 0;
	const inconclusiveLimit = metric.inconclusiveLimit ?? 0;
	if (successLimit < 0) return 'consecutiveSuccessLimit must be >= 0';
	if (failureLimit < -1) return 'failureLimit must be >= 0, or -1 to be disabled';
	if (successLimit === 0 && failureLimit === -1) {
		return 'failureLimit and consecutiveSuccessLimit cannot both be disabled';
	}
	if (inconclusiveLimit < 0) return 'inconclusiveLimit must be >= 0';
	if (metric.consecutiveErrorLimit !== undefined && metric.consecutiveErrorLimit < 0) {
		return 'consecutiveErrorLimit must be >= 0';
	}
	if (count > 0) {
		if (failureLimit >= 0) {
			if (count < failureLimit + successLimit) {
				return `count (${count}) must be >= failureLimit + consecutiveSuccessLimit (${failureLimit} + ${successLimit}) if both >= 0`;
			}
		} else if (count < successLimit) {
			return 'count must be >= consecutiveSuccessLimit';
		}
		if (count < inconclusiveLimit) return 'count must be >= inconclusiveLimit';
	}
	if (count > 1 && !metric.interval) return 'interval must be specified when count > 1';
	if (metric.interval) {
		const parsed = tryParseGoDuration(metric.interval);
		if (!parsed.ok) return `invalid interval string: ${parsed.message}`;
	}
	if (metric.initialDelay) {
		const parsed = tryParseGoDuration(metric.initialDelay);
		if (!parsed.ok) return `invalid startDelay string: ${parsed.message}`;
	}
	return null;
}

/** Argo's ValidateMetrics: none, duplicate names, then each metric, prefixed `metrics[i]: `. */
export function validateMetrics(
	metrics: readonly (MetricSpec & { name: string })[],
): string | null {
	if (metrics.length === 0) return 'no metrics specified';
	const seen = new Set<string>();
	for (const [i, metric] of metrics.entries()) {
		if (seen.has(metric.name)) return `metrics[${i}]: duplicate name '${metric.name}'`;
		seen.add(metric.name);
		const problem = validateMetric(metric);
		if (problem) return `metrics[${i}]: ${problem}`;
	}
	return null;
}

// ---------------------------------------------------------------------------------------------
// Running an analysis over simulated time.

/** One taken measurement. */
export interface Measurement {
	phase: MeasurementPhase;
	/** Simulated time it was taken, in ms since the simulation began. */
	atMs: number;
	/** The value measured, if the measurer reports one (e.g. a success rate). */
	value?: number;
}

/** One metric's progress inside a run. */
export interface MetricRun {
	name: string;
	measurements: Measurement[];
	counters: MetricCounters;
	phase: AnalysisPhase;
	/** Argo's reason when a limit decided the phase, e.g. "failed (1) > failureLimit (0)". */
	message: string;
}

/** An AnalysisRun in progress or finished. */
export interface AnalysisRun {
	startedAtMs: number;
	metrics: MetricRun[];
	phase: AnalysisPhase;
	/** Argo's run message, e.g. `Metric "success-rate" assessed Failed due to failed (1) > failureLimit (0)`. */
	message: string;
	/** True once the run was told to stop (the rollout finished, or a metric ended it). */
	terminated: boolean;
}

/** A metric of a run: its limits plus the name the run knows it by. */
export type NamedMetric = MetricSpec & { name: string };

/** The result of measuring a metric once: its phase and, optionally, the value behind it. */
export type MeasureResult = MeasurementPhase | { phase: MeasurementPhase; value?: number };

/** Takes one measurement of a metric at a simulated time. */
export type Measurer = (metric: NamedMetric, atMs: number) => MeasureResult;

/** Starts a run at `nowMs`; nothing is measured until the run is advanced. */
export function startAnalysisRun(metrics: readonly NamedMetric[], nowMs: number): AnalysisRun {
	return {
		startedAtMs: nowMs,
		metrics: metrics.map((m) => ({
			name: m.name,
			measurements: [],
			counters: emptyCounters(),
			phase: 'Pending',
			message: '',
		})),
		phase: 'Running',
		message: '',
		terminated: false,
	};
}

/**
 * When a metric next needs measuring (Argo's generateMetricTasks and calculateNextReconcileTime):
 * the first one after `initialDelay`; after an Error, 10 s later whatever the interval; otherwise
 * one interval after the last; never once complete or once the count is reached.
 */
export function nextMeasurementDueMs(
	metric: MetricSpec,
	state: MetricRun,
	startedAtMs: number,
): number | null {
	if (isCompletedPhase(state.phase)) return null;
	const last = state.measurements.at(-1);
	if (!last) {
		return startedAtMs + (metric.initialDelay ? parseGoDuration(metric.initialDelay) : 0);
	}
	const target = effectiveCount(metric);
	if (target !== null && state.counters.count >= target) return null;
	if (last.phase === 'Error') return last.atMs + ERROR_RETRY_INTERVAL_MS;
	// Without an interval a metric measures once; reaching here means it only errored so far,
	// which the branch above handles, so an interval exists.
	return metric.interval ? last.atMs + parseGoDuration(metric.interval) : null;
}

function runMessage(metrics: readonly NamedMetric[], states: readonly MetricRun[]): string {
	let worst: AnalysisPhase | null = null;
	let message = '';
	for (const [i, state] of states.entries()) {
		if (!isCompletedPhase(state.phase)) continue;
		if (worst === null || isWorsePhase(worst, state.phase)) {
			worst = state.phase;
			const breach = metricLimitBreach(metrics[i] as NamedMetric, state.counters);
			if (breach)
				message = `Metric "${state.name}" assessed ${state.phase} due to ${breach.message}`;
		}
	}
	return message;
}

function reassess(
	metrics: readonly NamedMetric[],
	run: AnalysisRun,
	states: MetricRun[],
	terminating: boolean,
): AnalysisRun {
	const assessed = states.map((state, i) => {
		if (isCompletedPhase(state.phase)) return state;
		const metric = metrics[i] as NamedMetric;
		const phase = assessMetricStatus(
			metric,
			state.measurements.map((m) => m.phase),
			{ terminating },
		);
		const breach = isCompletedPhase(phase) ? metricLimitBreach(metric, state.counters) : null;
		return { ...state, phase, message: breach?.message ?? '' };
	});
	// A metric that failed, errored or was inconclusive stops its siblings (Argo's IsTerminating);
	// the controller does that on its next reconcile, a moment later; here it is immediate.
	const stopping = terminating || isTerminatingRun(assessed.map((s) => s.phase));
	const final =
		stopping && !terminating ? reassess(metrics, run, assessed, true).metrics : assessed;
	const phase = assessRunStatus(
		final.map((s) => s.phase),
		{ terminating: stopping },
	);
	return {
		...run,
		metrics: final,
		phase,
		message: isCompletedPhase(phase) ? runMessage(metrics, final) : '',
		terminated: run.terminated || stopping,
	};
}

/**
 * Takes every measurement that falls due up to and including `nowMs`, in time order, then
 * re-assesses the run. A coarse clock therefore loses no measurements: each is taken at the
 * moment it was due, and `measure` is asked about that moment.
 */
export function advanceAnalysisRun(
	metrics: readonly NamedMetric[],
	run: AnalysisRun,
	nowMs: number,
	measure: Measurer,
): AnalysisRun {
	if (isCompletedPhase(run.phase)) return run;
	let current = run;
	for (;;) {
		let dueIndex = -1;
		let dueAt = Number.POSITIVE_INFINITY;
		for (const [i, state] of current.metrics.entries()) {
			const at = nextMeasurementDueMs(metrics[i] as NamedMetric, state, current.startedAtMs);
			if (at !== null && at <= nowMs && at < dueAt) {
				dueAt = at;
				dueIndex = i;
			}
		}
		if (dueIndex < 0) break;
		const metric = metrics[dueIndex] as NamedMetric;
		const raw = measure(metric, dueAt);
		const result = typeof raw === 'string' ? { phase: raw } : raw;
		const states = current.metrics.map((state, i) =>
			i === dueIndex
				? {
						...state,
						measurements: [...state.measurements, { ...result, atMs: dueAt }],
						counters: addMeasurement(state.counters, result.phase),
					}
				: state,
		);
		current = reassess(metrics, current, states, false);
		if (isCompletedPhase(current.phase)) return current;
	}
	return current;
}

/** Stops a run (the rollout finished or moved on): open metrics end as Argo ends them. */
export function terminateAnalysisRun(
	metrics: readonly NamedMetric[],
	run: AnalysisRun,
): AnalysisRun {
	if (isCompletedPhase(run.phase)) return run;
	return reassess(metrics, { ...run, terminated: true }, run.metrics, true);
}
