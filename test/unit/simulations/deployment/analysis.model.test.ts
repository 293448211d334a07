// Argo Rollouts' analysis rules. Cases marked "argo:" are translated from
// argoproj/argo-rollouts analysis/analysis_test.go or utils/analysis/factory_test.go (test name
// given). Argo's tests set a MetricResult's counters directly; those translate one to one
// through assessMetricResult. The public API takes ordered measurements, so each is also
// checked through assessMetricStatus with a measurement sequence that yields the same counters.
import { describe, expect, test } from 'vitest';
import {
	advanceAnalysisRun,
	assessMetricResult,
	assessMetricStatus,
	assessRunStatus,
	countMeasurements,
	effectiveCount,
	emptyCounters,
	isWorsePhase,
	nextMeasurementDueMs,
	startAnalysisRun,
	terminateAnalysisRun,
	validateMetrics,
	worstPhase,
	type MeasurementPhase,
	type MetricCounters,
	type MetricSpec,
	type NamedMetric,
} from '@sim/deployment/analysis.model';

const S: MeasurementPhase = 'Successful';
const F: MeasurementPhase = 'Failed';
const I: MeasurementPhase = 'Inconclusive';
const E: MeasurementPhase = 'Error';

function result(
	counters: Partial<MetricCounters>,
	lastPhase: MeasurementPhase,
	measurementCount = 1,
) {
	return {
		...emptyCounters(),
		...counters,
		measurementCount,
		lastPhase,
	};
}

const both = (metric: MetricSpec, r: ReturnType<typeof result>) => [
	assessMetricResult(metric, r, false),
	assessMetricResult(metric, r, true),
];
const bothSeq = (metric: MetricSpec, seq: MeasurementPhase[]) => [
	assessMetricStatus(metric, seq),
	assessMetricStatus(metric, seq, { terminating: true }),
];

describe('counters follow the controller (analysis.go runMeasurements)', () => {
	test('errors do not count towards count; a non-error clears the error streak', () => {
		expect(countMeasurements([S, E, E, F, S, S, I, E])).toEqual({
			count: 5,
			successful: 3,
			failed: 1,
			inconclusive: 1,
			error: 3,
			consecutiveError: 1,
			consecutiveSuccess: 0,
		});
	});
	test('in-flight measurements are not counted', () => {
		expect(countMeasurements([S, 'Running'])).toMatchObject({ count: 1, consecutiveSuccess: 1 });
	});
	// argo: TestRunMeasurementsResetConsecutiveErrorCounter
	test('a successful measurement resets consecutive errors', () => {
		expect(countMeasurements([E, E, S]).consecutiveError).toBe(0);
	});
});

describe('assessMetricStatus', () => {
	// argo: TestAssessMetricStatusNoMeasurements
	test('no measurements: Pending, or Successful when terminating', () => {
		expect(bothSeq({}, [])).toEqual(['Pending', 'Successful']);
	});

	// argo: TestAssessMetricStatusInFlightMeasurement
	test('an in-flight measurement keeps the metric Running even when terminating', () => {
		expect(both({}, result({ count: 1, successful: 1 }, 'Running', 2))).toEqual([
			'Running',
			'Running',
		]);
		// As a sequence: a metric without an interval completes on its first measurement, so the
		// in-flight case needs either a first measurement still running or an open-ended metric.
		expect(bothSeq({}, ['Running'])).toEqual(['Running', 'Running']);
		expect(bothSeq({ interval: '60s' }, [S, 'Running'])).toEqual(['Running', 'Running']);
	});

	// argo: TestAssessMetricStatusFailureLimit
	test('failureLimit is strict: 3 failures fail a limit of 2 but not a limit of 3', () => {
		const r = result({ failed: 3, count: 3 }, F);
		expect(both({ failureLimit: 2, interval: '60s' }, r)).toEqual(['Failed', 'Failed']);
		expect(both({ failureLimit: 3, interval: '60s' }, r)).toEqual(['Running', 'Successful']);
		expect(bothSeq({ failureLimit: 2, interval: '60s' }, [F, F, F])).toEqual(['Failed', 'Failed']);
		expect(bothSeq({ failureLimit: 3, interval: '60s' }, [F, F, F])).toEqual([
			'Running',
			'Successful',
		]);
	});

	// argo: TestAssessMetricStatusConsecutiveSuccessLimit
	test('consecutiveSuccessLimit with and without a count', () => {
		const metric: MetricSpec = { consecutiveSuccessLimit: 3, failureLimit: -1, interval: '60s' };
		const r = result({ failed: 3, successful: 4, consecutiveSuccess: 3, count: 7 }, F);
		const seq = [S, F, F, F, S, S, S];
		// Indefinite (no count): limit met.
		expect(both(metric, r)).toEqual(['Successful', 'Successful']);
		expect(bothSeq(metric, seq)).toEqual(['Successful', 'Successful']);
		// Indefinite: streak 3 < limit 5.
		const five = { ...metric, consecutiveSuccessLimit: 5 };
		expect(both(five, r)).toEqual(['Running', 'Successful']);
		expect(bothSeq(five, seq)).toEqual(['Running', 'Successful']);
		// Count 7 reached, streak 3 < 5: only the success limit applies, so Failed.
		expect(both({ ...five, count: 7 }, r)).toEqual(['Failed', 'Failed']);
		expect(bothSeq({ ...five, count: 7 }, seq)).toEqual(['Failed', 'Failed']);
		// Count 7 reached, streak = limit 3.
		expect(both({ ...metric, count: 7 }, r)).toEqual(['Successful', 'Successful']);
		// Count 9 not reached, streak = limit 3.
		expect(both({ ...metric, count: 9 }, r)).toEqual(['Successful', 'Successful']);
		// Count 9 not reached, streak 3 < 5.
		expect(both({ ...five, count: 9 }, r)).toEqual(['Running', 'Successful']);
		expect(bothSeq({ ...five, count: 9 }, seq)).toEqual(['Running', 'Successful']);
	});

	// argo: TestAssessMetricStatusFailureLimitAndConsecutiveSuccessLimit
	test('failureLimit and consecutiveSuccessLimit together', () => {
		const open: MetricSpec = { consecutiveSuccessLimit: 4, failureLimit: 4, interval: '60s' };
		const counted: MetricSpec = { ...open, count: 10 };
		// Counters as Argo's table gives them: failed, successful, count, consecutiveSuccess.
		const c = (failed: number, successful: number, count: number, consecutiveSuccess: number) =>
			({ failed, successful, count, consecutiveSuccess }) satisfies Partial<MetricCounters>;
		const cases: [MetricSpec, Partial<MetricCounters>, [string, string]][] = [
			// Indefinite analysis.
			[open, c(3, 4, 7, 3), ['Running', 'Successful']],
			[open, c(5, 9, 9, 0), ['Failed', 'Failed']],
			[open, c(3, 5, 8, 4), ['Successful', 'Successful']],
			[open, c(5, 5, 10, 4), ['Failed', 'Failed']],
			// Count 10 reached.
			[counted, c(4, 6, 10, 3), ['Inconclusive', 'Inconclusive']],
			[counted, c(5, 5, 10, 3), ['Failed', 'Failed']],
			[counted, c(4, 6, 10, 4), ['Successful', 'Successful']],
			[counted, c(5, 5, 10, 4), ['Failed', 'Failed']],
			// Count 10 not reached.
			[counted, c(3, 5, 8, 3), ['Running', 'Successful']],
			[counted, c(5, 3, 8, 3), ['Failed', 'Failed']],
			[counted, c(3, 5, 8, 4), ['Successful', 'Successful']],
			[counted, c(5, 4, 9, 4), ['Failed', 'Failed']],
		];
		for (const [metric, counters, expected] of cases) {
			expect(both(metric, result(counters, F)), JSON.stringify([metric, counters])).toEqual(
				expected,
			);
		}
		// The count-reached Inconclusive case as a real sequence: 4 failures, then 3 successes
		// after the last failure, 10 in all.
		expect(bothSeq(counted, [S, S, S, F, F, F, F, S, S, S])).toEqual([
			'Inconclusive',
			'Inconclusive',
		]);
		// Sticky: a success streak of 4 completes the metric before later failures could count.
		expect(assessMetricStatus(counted, [S, S, S, S, F, F, F, F, F])).toBe('Successful');
	});

	// argo: TestAssessMetricStatusInconclusiveLimit
	test('inconclusiveLimit is strict', () => {
		const r = result({ inconclusive: 3, count: 3 }, I);
		expect(both({ inconclusiveLimit: 2, interval: '60s' }, r)).toEqual([
			'Inconclusive',
			'Inconclusive',
		]);
		expect(both({ inconclusiveLimit: 3, interval: '60s' }, r)).toEqual(['Running', 'Successful']);
		expect(bothSeq({ inconclusiveLimit: 2, interval: '60s' }, [I, I, I])[0]).toBe('Inconclusive');
	});

	// argo: TestAssessMetricStatusConsecutiveErrors
	test('consecutiveErrorLimit defaults to 4 and is strict', () => {
		const metric = { interval: '60s' };
		expect(both(metric, result({ consecutiveError: 5, count: 5 }, E))).toEqual(['Error', 'Error']);
		const four = result({ consecutiveError: 4, count: 5 }, E);
		expect(assessMetricResult(metric, four, true)).toBe('Successful');
		expect(assessMetricResult(metric, four, false)).toBe('Running');
		expect(bothSeq(metric, [E, E, E, E, E])).toEqual(['Error', 'Error']);
		expect(bothSeq(metric, [E, E, E, E])).toEqual(['Running', 'Successful']);
		// An explicit limit replaces the default.
		expect(assessMetricStatus({ ...metric, consecutiveErrorLimit: 1 }, [E, E])).toBe('Error');
	});

	// argo: TestAssessMetricStatusCountReached
	test('count reached: Successful, unless a limit broke', () => {
		const metric = { count: 10 };
		expect(assessMetricResult(metric, result({ successful: 10, count: 10 }, S))).toBe('Successful');
		expect(
			assessMetricResult(metric, result({ successful: 5, inconclusive: 5, count: 10 }, S)),
		).toBe('Inconclusive');
		expect(assessMetricStatus({ count: 3, interval: '1m' }, [S, S, S])).toBe('Successful');
	});

	test('errors do not advance count: 2 successes and 2 errors leave a count of 3 open', () => {
		expect(assessMetricStatus({ count: 3, interval: '1m' }, [S, E, S, E])).toBe('Running');
	});

	test('order of checks: consecutive errors beat inconclusive, which beats failed', () => {
		// argo: TestAssessMetricFailureInconclusiveOrError
		const metric = {};
		expect(assessMetricResult(metric, result({ failed: 1, inconclusive: 1, count: 2 }, I))).toBe(
			'Inconclusive',
		);
		expect(
			assessMetricResult(
				metric,
				result({ failed: 1, inconclusive: 1, consecutiveError: 5, count: 2 }, E),
			),
		).toBe('Error');
	});

	test('a missing count without an interval means one measurement', () => {
		expect(effectiveCount({})).toBe(1);
		expect(effectiveCount({ count: 0 })).toBe(1);
		expect(effectiveCount({ interval: '30s' })).toBeNull();
		expect(effectiveCount({ interval: '30s', count: 0 })).toBeNull();
		expect(assessMetricStatus({}, [S])).toBe('Successful');
		expect(assessMetricStatus({ interval: '30s' }, [S, S, S, S])).toBe('Running');
	});

	test('failureLimit -1 disables the failure check', () => {
		expect(
			assessMetricStatus({ failureLimit: -1, consecutiveSuccessLimit: 2, interval: '1m' }, [
				F,
				F,
				F,
			]),
		).toBe('Running');
	});
});

describe('assessRunStatus', () => {
	// argo: TestAssessRunStatus
	test('Running while a metric is running; then the worst completed metric', () => {
		expect(assessRunStatus(['Successful', 'Running'])).toBe('Running');
		expect(assessRunStatus(['Successful', 'Failed'])).toBe('Failed');
	});
	// argo: TestAssessRunStatusUpdateResult (the run stays Running while a sibling runs)
	test('a failed metric beside a running one leaves the run Running until it terminates', () => {
		expect(assessRunStatus(['Running', 'Failed'])).toBe('Running');
		expect(assessRunStatus(['Running', 'Failed'], { terminating: true })).toBe('Failed');
	});
	// argo: TestAssessRunStatusMultipleFailures (worst of Failed and Error is Failed)
	test('phase ranking: Successful < Running < Pending < Inconclusive < Error < Failed', () => {
		expect(assessRunStatus(['Error', 'Failed'])).toBe('Failed');
		expect(assessRunStatus(['Inconclusive', 'Error'])).toBe('Error');
		expect(assessRunStatus(['Successful', 'Inconclusive'])).toBe('Inconclusive');
		expect(isWorsePhase('Running', 'Pending')).toBe(true);
		expect(worstPhase('Failed', 'Error')).toBe('Failed');
	});
	// argo: TestTerminateAnalysisRun (terminated before any measurement: Successful)
	test('a terminated run with nothing completed is Successful', () => {
		expect(assessRunStatus(['Pending', 'Running'], { terminating: true })).toBe('Successful');
		expect(assessRunStatus([])).toBe('Running');
	});
});

describe('validateMetrics (argo: utils/analysis/factory_test.go TestValidateMetrics)', () => {
	const named = (m: MetricSpec) => [{ name: 'success-rate', ...m }];
	test.each([
		[
			{ count: 1, failureLimit: 2 },
			'metrics[0]: count (1) must be >= failureLimit + consecutiveSuccessLimit (2 + 0) if both >= 0',
		],
		[{ count: 0, failureLimit: 2 }, null],
		[{ count: 1, inconclusiveLimit: 2 }, 'metrics[0]: count must be >= inconclusiveLimit'],
		[{ count: 2, interval: '60s', failureLimit: 2 }, null],
		[
			{ count: 2, interval: '60s-typo', failureLimit: 2 },
			'metrics[0]: invalid interval string: time: unknown unit "s-typo" in duration "60s-typo"',
		],
		[
			{ count: 2, interval: '60s', initialDelay: '60s-typo', failureLimit: 2 },
			'metrics[0]: invalid startDelay string: time: unknown unit "s-typo" in duration "60s-typo"',
		],
		[{ count: 2 }, 'metrics[0]: interval must be specified when count > 1'],
		[{ failureLimit: -2 }, 'metrics[0]: failureLimit must be >= 0, or -1 to be disabled'],
		[{ inconclusiveLimit: -1 }, 'metrics[0]: inconclusiveLimit must be >= 0'],
		[{ consecutiveErrorLimit: -1 }, 'metrics[0]: consecutiveErrorLimit must be >= 0'],
		[{ consecutiveSuccessLimit: -1 }, 'metrics[0]: consecutiveSuccessLimit must be >= 0'],
		[
			{ consecutiveSuccessLimit: 0, failureLimit: -1 },
			'metrics[0]: failureLimit and consecutiveSuccessLimit cannot both be disabled',
		],
	])('%j', (metric, message) => {
		expect(validateMetrics(named(metric))).toBe(message);
	});
	test('no metrics, duplicate names', () => {
		expect(validateMetrics([])).toBe('no metrics specified');
		expect(validateMetrics([{ name: 'success-rate' }, { name: 'success-rate' }])).toBe(
			"metrics[1]: duplicate name 'success-rate'",
		);
	});
});

describe('measurement scheduling (argo: TestGenerateMetricTasks*, TestCalculateNextReconcile*)', () => {
	const run = (metric: NamedMetric) => startAnalysisRun([metric], 0);

	// argo: TestGenerateMetricTasksInterval
	test('the next measurement is one interval after the last', () => {
		const metric = { name: 'success-rate', interval: '60s' };
		const state = advanceAnalysisRun([metric], run(metric), 0, () => S);
		expect(nextMeasurementDueMs(metric, state.metrics[0]!, 0)).toBe(60_000);
		expect(
			advanceAnalysisRun([metric], state, 50_000, () => S).metrics[0]!.measurements,
		).toHaveLength(1);
		expect(
			advanceAnalysisRun([metric], state, 61_000, () => S).metrics[0]!.measurements,
		).toHaveLength(2);
	});
	// argo: TestGenerateMetricTasksNoIntervalOrCount
	test('without interval or count, one measurement and done', () => {
		const metric: NamedMetric = { name: 'success-rate' };
		const state = advanceAnalysisRun([metric], run(metric), 0, () => S);
		expect(state.phase).toBe('Successful');
		expect(nextMeasurementDueMs(metric, state.metrics[0]!, 0)).toBeNull();
	});
	// argo: TestGenerateMetricTasksError and TestCalculateNextReconcileUponError
	test('after an error, retry in 10 s whatever the interval', () => {
		const metric = { name: 'success-rate', interval: '5m' };
		const state = advanceAnalysisRun([metric], run(metric), 0, () => E);
		expect(nextMeasurementDueMs(metric, state.metrics[0]!, 0)).toBe(10_000);
		expect(nextMeasurementDueMs({}, state.metrics[0]!, 0)).toBe(10_000);
	});
	// argo: TestGenerateMetricTasksHonorInitialDelay and TestCalculateNextReconcileTimeInitialDelay
	test('the first measurement waits for initialDelay', () => {
		const metric: NamedMetric = { name: 'success-rate', interval: '60s', initialDelay: '30s' };
		expect(nextMeasurementDueMs(metric, run(metric).metrics[0]!, 1_000)).toBe(31_000);
	});
	// argo: TestGenerateMetricTasksFailing and TestReconcileAnalysisRunTerminateSiblingAfterFail
	test('a failing metric stops its sibling, and the run takes the worst phase', () => {
		const metrics = [
			{ name: 'latency', interval: '60s' },
			{ name: 'success-rate', interval: '60s', count: 3 },
		];
		const state = advanceAnalysisRun(metrics, startAnalysisRun(metrics, 0), 0, (m) =>
			m.name === 'latency' ? S : F,
		);
		expect(state.metrics.map((m) => m.phase)).toEqual(['Successful', 'Failed']);
		expect(state.phase).toBe('Failed');
		expect(state.message).toBe(
			'Metric "success-rate" assessed Failed due to failed (1) > failureLimit (0)',
		);
		expect(advanceAnalysisRun(metrics, state, 600_000, () => S)).toBe(state);
	});
	test('a coarse clock still takes every due measurement at its own time', () => {
		const metric = { name: 'success-rate', interval: '10s', count: 5 };
		const times: number[] = [];
		const state = advanceAnalysisRun([metric], run(metric), 60_000, (_, at) => {
			times.push(at);
			return S;
		});
		expect(times).toEqual([0, 10_000, 20_000, 30_000, 40_000]);
		expect(state.phase).toBe('Successful');
	});
	test('terminating an open-ended metric ends it Successful', () => {
		const metric = { name: 'success-rate', interval: '10s' };
		const state = advanceAnalysisRun([metric], run(metric), 30_000, () => S);
		expect(state.phase).toBe('Running');
		expect(terminateAnalysisRun([metric], state).phase).toBe('Successful');
	});
});
