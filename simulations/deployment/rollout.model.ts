/**
 * Runs a canary rollout against the traffic world, headless: each tick the router splits that
 * tick's requests by the rollout's current weight, then the rollout reconciles at the tick's end
 * and its analysis metrics read the candidate's traffic over their lookback. This is what the
 * lab's clock will drive one tick at a time; here it runs to the end in one call, for tests and
 * the benchmark.
 *
 * Key decision: a tick covers (t·tickMs, (t+1)·tickMs], its traffic uses the weight in force when
 * it began, and a measurement at time T reads the ticks that ended in (T − lookback, T], as a
 * Prometheus range query would. A small weight therefore means few candidate requests in that
 * window, which is why thin canaries give noisy metrics.
 */
import {
	createCanaryState,
	deployRevision,
	promoteRollout,
	reconcileRollout,
	type CanarySpec,
	type CanaryState,
	type RolloutMeasurer,
} from './canary.model';
import { judgeTrafficInterval } from './kayenta.model';
import { evaluateMeasurement, kayentaPhase, lookbackMs, metricValue } from './metrics.model';
import {
	blueGreenStrategy,
	flaggerStrategy,
	recreateStrategy,
	rollingStrategy,
	runStrategy,
	shadowStrategy,
	type StrategyRun,
} from './strategies.model';
import {
	blastRadius,
	createTrafficConfig,
	simulateTick,
	trafficRng,
	windowStats,
	type BlastRadius,
	type CandidatePresetId,
	type ServingVersion,
	type TrafficTick,
} from './traffic.model';

/** What a headless canary run needs. */
export interface CanaryRunOptions {
	spec: CanarySpec;
	seed: number | string;
	candidate: CandidatePresetId | ServingVersion;
	/** Subscribers in the population (default 2,000). */
	populationSize?: number;
	/** Simulated time per tick, in ms. */
	tickMs: number;
	requestsPerTick: number;
	/** Ticks before labels arrive (for the accuracy metric). */
	labelDelayTicks?: number;
	/** Stop after this many ticks at most. */
	maxTicks?: number;
	/** Promote through indefinite and inconclusive pauses, as a hurried human would. */
	autoPromote?: boolean;
}

/** One tick of a run: the traffic and the rollout after it. */
export interface CanaryRunFrame {
	traffic: TrafficTick;
	state: CanaryState;
}

/** The outcome of a headless run. */
export interface CanaryRunResult {
	frames: CanaryRunFrame[];
	final: CanaryState;
	blastRadius: BlastRadius;
	/** Requests simulated in all. */
	requests: number;
}

/**
 * A measurer that reads one side of the traffic recorded so far: what the candidate answered
 * users (the default), or its answers to mirrored copies (shadow).
 */
export function trafficMeasurer(
	ticks: readonly TrafficTick[],
	tickMs: number,
	labelDelayTicks: number,
	side: 'candidate' | 'shadow' = 'candidate',
): RolloutMeasurer {
	return (metric, atMs) => {
		const lastTick = Math.floor(atMs / tickMs) - 1;
		const firstTick = Math.floor((atMs - lookbackMs(metric)) / tickMs);
		if (metric.kayenta) {
			// Kayenta judges v2 against stable over the window; the score is the measurement.
			const judged = judgeTrafficInterval(ticks, firstTick, lastTick, metric.kayenta);
			const score = Math.trunc(judged.score.summaryScore);
			return { phase: kayentaPhase(score, metric.kayenta), value: score };
		}
		const stats = windowStats(ticks, side, firstTick, lastTick, labelDelayTicks);
		const value = metricValue(metric, stats);
		return { phase: evaluateMeasurement(metric, value), value };
	};
}

/**
 * Deploys revision 1 (the first deployment: straight to stable), then revision 2 with the
 * candidate preset, and runs ticks until the rollout is Healthy or Degraded, or waits for a
 * human (unless autoPromote), or maxTicks pass.
 */
export function runCanaryRollout(options: CanaryRunOptions): CanaryRunResult {
	const config = createTrafficConfig(options);
	const labelDelayTicks = config.labelDelayTicks;
	const rng = trafficRng(options.seed);
	const ticks: TrafficTick[] = [];
	const frames: CanaryRunFrame[] = [];
	const measure = trafficMeasurer(ticks, options.tickMs, labelDelayTicks);
	let state = deployRevision(deployRevision(createCanaryState(options.spec), 1), 2);
	// The rollout's first reconcile happens before any traffic, at time 0.
	state = reconcileRollout(state, 0, measure);
	const maxTicks = options.maxTicks ?? 1000;
	for (let t = 0; t < maxTicks; t++) {
		if (state.phase === 'Healthy' || state.phase === 'Degraded') break;
		if (state.phase === 'Paused' && state.pauseStartedAtMs === null) {
			if (!options.autoPromote) break;
			state = promoteRollout(state);
		} else if (
			state.phase === 'Paused' &&
			state.pauseReason === 'CanaryPauseStep' &&
			!hasDuration(state) &&
			options.autoPromote
		) {
			state = promoteRollout(state);
		}
		const traffic = simulateTick(config, { candidatePercent: state.weightPercent }, t, rng);
		ticks.push(traffic);
		state = reconcileRollout(state, (t + 1) * options.tickMs, measure);
		frames.push({ traffic, state });
	}
	return {
		frames,
		final: state,
		blastRadius: blastRadius(ticks),
		requests: ticks.reduce((n, t) => n + t.requests, 0),
	};
}

function hasDuration(state: CanaryState): boolean {
	const step = state.spec.steps[state.stepIndex];
	return step !== undefined && 'pause' in step && step.pause.duration !== undefined;
}

/** The lab's default canary: two weights, each held a minute, each checked by an analysis. */
export const defaultCanarySpec: CanarySpec = {
	steps: [
		{ setWeight: 10 },
		{ pause: { duration: '1m' } },
		{ analysis: { templates: ['success-rate'] } },
		{ setWeight: 50 },
		{ pause: { duration: '1m' } },
		{ analysis: { templates: ['success-rate'] } },
	],
	templates: [
		{
			name: 'success-rate',
			metrics: [
				{
					name: 'success-rate',
					source: 'successRate',
					lookback: '1m',
					successCondition: { op: '>=', value: 0.98 },
				},
			],
		},
	],
};

/** One strategy's blast radius in the side-by-side comparison. */
export interface StrategyComparison {
	strategy: 'recreate' | 'rolling' | 'blueGreen' | 'canary' | 'flagger' | 'shadow';
	blastRadius: BlastRadius & { dropped: number };
	/** How the strategy ended, in its tool's words. */
	outcome: string;
}

/**
 * Every strategy on the same candidate, seed and request stream for `ticks` ticks of 10 s: the
 * users each version served and how many the candidate failed. Recreate and rolling update have
 * no analysis, so a bad candidate keeps serving; blue/green switches back after its
 * post-promotion analysis; canary and Flagger stop at a small weight; shadow never answers users.
 */
export function compareStrategies(options: ComparisonOptions): StrategyComparison[] {
	return strategyComparisons(options).map((compare) => compare());
}

/** What a comparison runs on. */
export interface ComparisonOptions {
	seed: number | string;
	candidate: CandidatePresetId | ServingVersion;
	ticks?: number;
	requestsPerTick?: number;
}

/**
 * The comparison as one computation per strategy, in `compareStrategies`' order, so a service can
 * run them a task apart and answer other requests (the rollout's ticks) in between.
 */
export function strategyComparisons(options: ComparisonOptions): (() => StrategyComparison)[] {
	const run = {
		seed: options.seed,
		candidate: options.candidate,
		ticks: options.ticks ?? 30,
		requestsPerTick: options.requestsPerTick ?? 200,
	};
	const of =
		(strategy: StrategyComparison['strategy'], simulate: () => StrategyRun) =>
		(): StrategyComparison => {
			const r = simulate();
			return {
				strategy,
				blastRadius: r.blastRadius,
				outcome: r.frames.at(-1)?.decision.phase ?? '',
			};
		};
	return [
		of('recreate', () => runStrategy(recreateStrategy(0, 2), run)),
		of('rolling', () => runStrategy(rollingStrategy(0, { replicas: 10, startupTicks: 2 }), run)),
		of('blueGreen', () =>
			runStrategy(
				blueGreenStrategy({
					deployTick: 0,
					previewTicks: 3,
					postPromotionTicks: 3,
					minSuccessRate: 0.98,
					startupTicks: 2,
				}),
				run,
			),
		),
		() => {
			const canary = runCanaryRollout({
				spec: defaultCanarySpec,
				seed: run.seed,
				candidate: run.candidate,
				tickMs: 10_000,
				requestsPerTick: run.requestsPerTick,
				maxTicks: run.ticks,
			});
			return {
				strategy: 'canary',
				blastRadius: { ...canary.blastRadius, dropped: 0 },
				outcome: canary.final.phase,
			};
		},
		of('flagger', () =>
			runStrategy(
				flaggerStrategy(
					0,
					{ stepWeight: 10, maxWeight: 50, threshold: 2 },
					{ intervalTicks: 6, minSuccessRate: 0.98 },
				),
				run,
			),
		),
		of('shadow', () => runStrategy(shadowStrategy(0), run)),
	];
}
