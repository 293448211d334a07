/**
 * Flagger's canary loop, live (pkg/controller/scheduler.go, on `advanceFlagger` in
 * strategies.model): once per `analysis.interval` Flagger checks its metrics over the last
 * interval — request success rate at least a minimum (in percent), request duration at most a
 * maximum — and either steps the canary weight up by stepWeight, holds it and counts a failed
 * check, or, at maxWeight, promotes (copies the canary's spec to the primary) and finalises.
 * Failed checks are counted across the whole analysis, not per metric run: at `threshold` the
 * canary is rolled back. The first loop only routes traffic; no check runs before any.
 *
 * Key decision: Flagger has no promote or abort command; its manual gates (the rollback webhook)
 * are the lab's abort, and a new revision (the lab's retry) restarts the analysis from weight 0.
 */
import type { RolloutLogEntry, RolloutMeasurer } from './canary.model';
import { logged, type LiveEngine, type RolloutCommand, type RolloutStatus } from './live.model';
import type { RolloutMetric } from './metrics.model';
import {
	advanceFlagger,
	flaggerThreshold,
	startFlagger,
	type FlaggerAnalysis,
	type FlaggerState,
} from './strategies.model';

/** Flagger's analysis as the lab sets it. */
export interface FlaggerSpec extends FlaggerAnalysis {
	intervalSeconds: number;
	/** request-success-rate thresholdRange.min, as a fraction (Flagger writes percent). */
	minSuccessRate: number;
	/** request-duration thresholdRange.max in ms; 0 leaves it out. */
	maxLatencyP99Ms: number;
}

/** A live Flagger canary. */
export interface FlaggerLiveState {
	readonly canary: FlaggerState;
	readonly nextLoopAtMs: number;
	readonly nowMs: number;
	readonly message: string;
	readonly log: readonly RolloutLogEntry[];
}

const name = 'churn-model';

/** Flagger's engine for a spec. */
export function flaggerEngine(spec: FlaggerSpec): LiveEngine<FlaggerLiveState> {
	const intervalMs = spec.intervalSeconds * 1000;
	const lookback = `${spec.intervalSeconds}s`;
	const metrics: RolloutMetric[] = [
		{
			name: 'request-success-rate',
			source: 'successRate',
			lookback,
			successCondition: { op: '>=', value: spec.minSuccessRate },
		},
	];
	if (spec.maxLatencyP99Ms > 0) {
		metrics.push({
			name: 'request-duration',
			source: 'latencyP99Ms',
			lookback,
			successCondition: { op: '<=', value: spec.maxLatencyP99Ms },
		});
	}
	const threshold = flaggerThreshold(spec);

	/** One loop at `atMs`: the checks, then Flagger's decision, each logged as its events are. */
	const loop = (s: FlaggerLiveState, atMs: number, measure: RolloutMeasurer): FlaggerLiveState => {
		const before = s.canary;
		let why = '';
		let passed = true;
		for (const metric of metrics) {
			const result = measure(metric, atMs, { revision: 2, weightPercent: before.canaryWeight });
			const { phase, value } =
				typeof result === 'string' ? { phase: result, value: Number.NaN } : result;
			if (phase === 'Successful') continue;
			passed = false;
			if (value === undefined || !Number.isFinite(value)) {
				why ||= `Halt advancement no values found for metric ${metric.name}: ${name} is not receiving traffic`;
			} else if (metric.source === 'successRate') {
				why ||= `Halt ${name} advancement success rate ${(value * 100).toFixed(2)}% < ${spec.minSuccessRate * 100}%`;
			} else {
				why ||= `Halt ${name} advancement request duration ${Math.round(value)}ms > ${spec.maxLatencyP99Ms}ms`;
			}
		}
		const canary = advanceFlagger(before, spec, passed);
		let next: FlaggerLiveState = { ...s, canary };
		if (canary.phase === 'Failed' && before.phase !== 'Failed') {
			next = logged(
				next,
				atMs,
				`Rolling back ${name} failed checks threshold reached ${before.failedChecks}`,
			);
			return logged(next, atMs, `Canary failed! Scaling down ${name}`);
		}
		if (canary.failedChecks > before.failedChecks) {
			return logged(next, atMs, `${why} (failed checks ${canary.failedChecks} of ${threshold})`);
		}
		if (canary.canaryWeight > before.canaryWeight) {
			return logged(next, atMs, `Advance ${name} canary weight ${canary.canaryWeight}`);
		}
		if (canary.phase === 'Promoting') {
			return logged(next, atMs, `Copying ${name} template spec to ${name}-primary`);
		}
		if (canary.phase === 'Finalising') return logged(next, atMs, 'Routing all traffic to primary');
		if (canary.phase === 'Succeeded' && before.phase !== 'Succeeded') {
			return logged(next, atMs, `Promotion completed! Scaling down ${name}`);
		}
		return next;
	};

	const begin = (s: FlaggerLiveState): FlaggerLiveState =>
		logged(
			logged(
				{ ...s, canary: startFlagger(), nextLoopAtMs: s.nowMs },
				s.nowMs,
				`New revision detected! Scaling up ${name}`,
			),
			s.nowMs,
			`Starting canary analysis for ${name}`,
		);

	const commands = (s: FlaggerLiveState): RolloutCommand[] =>
		s.canary.phase === 'Progressing' ? ['abort'] : s.canary.phase === 'Failed' ? ['retry'] : [];

	return {
		strategy: 'canary',
		start: () =>
			begin({
				canary: { phase: 'Initialized', canaryWeight: 0, failedChecks: 0, iterations: 0 },
				nextLoopAtMs: 0,
				nowMs: 0,
				message: '',
				log: [],
			}),
		reconcile(state, nowMs, measure) {
			let s: FlaggerLiveState = { ...state, nowMs: Math.max(state.nowMs, nowMs) };
			const candidate = measure('candidate');
			while (
				s.nextLoopAtMs <= s.nowMs &&
				s.canary.phase !== 'Succeeded' &&
				s.canary.phase !== 'Failed'
			) {
				s = { ...loop(s, s.nextLoopAtMs, candidate), nextLoopAtMs: s.nextLoopAtMs + intervalMs };
			}
			return s;
		},
		command(state, command) {
			if (!commands(state).includes(command)) return state;
			if (command === 'retry') return begin(state);
			return logged(
				{ ...state, canary: { ...state.canary, phase: 'Failed', canaryWeight: 0 } },
				state.nowMs,
				`Rolling back ${name} manual webhook invoked`,
			);
		},
		status(s): RolloutStatus {
			const { phase, canaryWeight, failedChecks } = s.canary;
			const done = phase === 'Succeeded';
			return {
				strategy: 'canary',
				phase: done
					? 'Healthy'
					: phase === 'Failed'
						? 'Degraded'
						: phase === 'Initialized'
							? 'Healthy'
							: 'Progressing',
				pauseReason: null,
				weightPercent: done || phase === 'Finalising' ? 100 : phase === 'Failed' ? 0 : canaryWeight,
				mirrorPercent: 0,
				droppedPercent: 0,
				stableRevision: done ? 2 : 1,
				progress: `Flagger ${phase}, failed checks ${failedChecks}/${threshold}`,
				replicas: null,
				services: null,
				commands: commands(s),
				analysisRuns: [],
				message: s.message,
				log: s.log,
			};
		},
	};
}
