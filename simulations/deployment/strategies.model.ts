/**
 * The other deployment strategies as pure models over the same traffic world, so the lab can put
 * their blast radii side by side for one bad candidate: recreate (everything switches at once,
 * with downtime while the new pods start), Kubernetes' rolling update (traffic follows available
 * pods), shadow (every request mirrored, answers discarded), blue/green (Argo's preview, instant
 * switch, post-promotion analysis and instant switch back within scaleDownDelaySeconds) and
 * Flagger's canary loop (stepWeight up to maxWeight, failed checks counted across the analysis
 * until the threshold rolls back).
 *
 * Key decision: each strategy is a controller that, once per tick, reads the traffic so far and
 * returns that tick's split; one runner feeds them the same seeded requests, so differences in
 * blast radius come from the strategy alone. Requests that reach no running pod (recreate's
 * downtime) are counted as dropped.
 */
import { rollingUpdateTimeline, type RollingUpdateOptions } from './rolling.model';
import {
	blastRadius,
	createTrafficConfig,
	simulateTick,
	trafficRng,
	windowStats,
	type BlastRadius,
	type TrafficOptions,
	type TrafficSplit,
	type TrafficTick,
} from './traffic.model';

/** A strategy's decision for one tick. */
export interface StrategyDecision {
	split: TrafficSplit;
	/** Share of requests nobody answers this tick (pods down), 0–100. */
	droppedPercent?: number;
	/** A phase label for the view (e.g. "Preview", "Promoted", "Rolled back"). */
	phase: string;
}

/** A strategy: decides each tick's split from the traffic seen so far. */
export type StrategyController = (
	tick: number,
	history: readonly TrafficTick[],
) => StrategyDecision;

/** A tick of a strategy run. */
export interface StrategyFrame {
	decision: StrategyDecision;
	traffic: TrafficTick;
	dropped: number;
}

/** The outcome of a strategy run. */
export interface StrategyRun {
	frames: StrategyFrame[];
	blastRadius: BlastRadius & { dropped: number };
}

/** What every strategy run shares. */
export interface StrategyRunOptions extends TrafficOptions {
	ticks: number;
}

/**
 * Removes the share of a tick's requests that reached no running pod, from whichever side would
 * have answered them, stable first (its pods went first); returns how many were lost.
 */
export function dropRequests(traffic: TrafficTick, droppedPercent: number): number {
	const lost = Math.round((traffic.requests * droppedPercent) / 100);
	const fromStable = Math.min(lost, traffic.stable.served);
	traffic.stable.served -= fromStable;
	traffic.candidate.served -= lost - fromStable;
	return lost;
}

/** Runs a strategy controller over the traffic world. */
export function runStrategy(
	controller: StrategyController,
	options: StrategyRunOptions,
): StrategyRun {
	const config = createTrafficConfig(options);
	const rng = trafficRng(options.seed);
	const history: TrafficTick[] = [];
	const frames: StrategyFrame[] = [];
	let dropped = 0;
	for (let tick = 0; tick < options.ticks; tick++) {
		const decision = controller(tick, history);
		const traffic = simulateTick(config, decision.split, tick, rng);
		const lost = dropRequests(traffic, decision.droppedPercent ?? 0);
		dropped += lost;
		history.push(traffic);
		frames.push({ decision, traffic, dropped: lost });
	}
	return { frames, blastRadius: { ...blastRadius(history), dropped } };
}

/** Recreate: stable until `deployTick`, nothing while new pods start, then the candidate. */
export function recreateStrategy(deployTick: number, startupTicks: number): StrategyController {
	return (tick) => {
		if (tick < deployTick) return { split: { candidatePercent: 0 }, phase: 'Stable' };
		if (tick < deployTick + startupTicks) {
			return { split: { candidatePercent: 0 }, droppedPercent: 100, phase: 'Recreating (down)' };
		}
		return { split: { candidatePercent: 100 }, phase: 'Switched' };
	};
}

/** Rolling update: from `deployTick`, traffic follows the available pods of each version. */
export function rollingStrategy(
	deployTick: number,
	options: Omit<RollingUpdateOptions, 'maxTicks'>,
): StrategyController {
	const frames = rollingUpdateTimeline(options);
	return (tick) => {
		if (tick < deployTick) return { split: { candidatePercent: 0 }, phase: 'Stable' };
		const f = frames[Math.min(tick - deployTick, frames.length - 1)];
		if (!f) return { split: { candidatePercent: 0 }, phase: 'Stable' };
		const available = f.oldAvailable + f.newAvailable;
		const candidatePercent = available === 0 ? 0 : (100 * f.newAvailable) / available;
		const done = f.oldReplicas === 0 && f.newAvailable === options.replicas;
		return { split: { candidatePercent }, phase: done ? 'Complete' : 'Rolling' };
	};
}

/** Shadow: from `deployTick` every request is mirrored to the candidate; users see stable only. */
export function shadowStrategy(deployTick: number, mirrorPercent = 100): StrategyController {
	return (tick) =>
		tick < deployTick
			? { split: { candidatePercent: 0 }, phase: 'Stable' }
			: { split: { candidatePercent: 0, mirrorPercent }, phase: 'Shadowing' };
}

/** Argo blue/green options the model honours. */
export interface BlueGreenOptions {
	deployTick: number;
	/** Ticks the candidate is previewed (no user traffic) before an automatic switch. */
	previewTicks: number;
	/** Argo's autoPromotionEnabled (default true); false waits for `promoteTick`. */
	autoPromotionEnabled?: boolean;
	/** When a human promotes, if auto-promotion is off. */
	promoteTick?: number;
	/** Post-promotion analysis: the candidate's success rate over this many ticks after the switch. */
	postPromotionTicks: number;
	minSuccessRate: number;
	/** Argo's scaleDownDelaySeconds in ticks (default 30 s ≈ 3 ticks of 10 s): old pods kept for an instant switch back. */
	scaleDownDelayTicks?: number;
	/** Ticks old pods take to start again once scaled down. */
	startupTicks: number;
}

/**
 * Blue/green: preview, then an instant switch of all traffic; a failed post-promotion analysis
 * switches straight back while the old pods are still up (within scaleDownDelay), otherwise
 * users wait for them to start again.
 */
export function blueGreenStrategy(options: BlueGreenOptions): StrategyController {
	const auto = options.autoPromotionEnabled ?? true;
	const switchTick = auto
		? options.deployTick + options.previewTicks
		: (options.promoteTick ?? Number.POSITIVE_INFINITY);
	const scaleDownDelayTicks = options.scaleDownDelayTicks ?? 3;
	let rolledBackAt: number | null = null;
	return (tick, history) => {
		if (tick < options.deployTick) return { split: { candidatePercent: 0 }, phase: 'Stable' };
		if (tick < switchTick) return { split: { candidatePercent: 0 }, phase: 'Preview' };
		if (rolledBackAt === null && tick >= switchTick + options.postPromotionTicks) {
			const stats = windowStats(history, 'candidate', switchTick, tick - 1, 0);
			const analysed = tick === switchTick + options.postPromotionTicks;
			if (analysed && !(stats.successRate >= options.minSuccessRate)) rolledBackAt = tick;
		}
		if (rolledBackAt === null) {
			const analysing = tick < switchTick + options.postPromotionTicks;
			return {
				split: { candidatePercent: 100 },
				phase: analysing ? 'Promoted (post-promotion analysis)' : 'Promoted',
			};
		}
		// Old pods still running within the delay: the switch back is instant.
		const oldPodsUp = rolledBackAt - switchTick <= scaleDownDelayTicks;
		if (oldPodsUp || tick >= rolledBackAt + options.startupTicks) {
			return { split: { candidatePercent: 0 }, phase: 'Rolled back' };
		}
		return { split: { candidatePercent: 100 }, phase: 'Rolling back (old pods starting)' };
	};
}

// ---------------------------------------------------------------------------------------------
// Flagger's canary loop (pkg/controller/scheduler.go advanceCanary, runCanary, nextStepWeight).

/** Flagger's analysis settings. */
export interface FlaggerAnalysis {
	stepWeight: number;
	maxWeight?: number;
	/** Failed checks before rollback; Flagger uses 1 when unset or ≤ 0. */
	threshold?: number;
}

/** Flagger's canary phases (pkg/apis/flagger/v1beta1/status.go). */
export type FlaggerPhase =
	'Initialized' | 'Progressing' | 'Promoting' | 'Finalising' | 'Succeeded' | 'Failed';

/** Flagger's canary status. */
export interface FlaggerState {
	phase: FlaggerPhase;
	canaryWeight: number;
	failedChecks: number;
	iterations: number;
}

/** The effective threshold (GetAnalysisThreshold). */
export function flaggerThreshold(analysis: FlaggerAnalysis): number {
	return analysis.threshold !== undefined && analysis.threshold > 0 ? analysis.threshold : 1;
}

/** A new revision was detected: Progressing from weight 0, counters reset. */
export function startFlagger(): FlaggerState {
	return { phase: 'Progressing', canaryWeight: 0, failedChecks: 0, iterations: 0 };
}

/**
 * One Flagger control-loop tick. `checksPassed` is this interval's metric checks (false also
 * for "no values", which Flagger counts as a failure). In order: roll back once failedChecks
 * reaches the threshold; before any traffic, only the pre-rollout gate runs (no metric check);
 * a failed check counts and holds the weight; otherwise the weight steps up, and at maxWeight
 * the canary is promoted, then finalised, then Succeeded on the following ticks.
 */
export function advanceFlagger(
	state: FlaggerState,
	analysis: FlaggerAnalysis,
	checksPassed: boolean,
): FlaggerState {
	const maxWeight = analysis.maxWeight && analysis.maxWeight > 0 ? analysis.maxWeight : 100;
	switch (state.phase) {
		case 'Promoting':
			return { ...state, phase: 'Finalising' };
		case 'Finalising':
			return { ...state, phase: 'Succeeded', canaryWeight: 0 };
		case 'Progressing':
			break;
		default:
			return state;
	}
	if (state.failedChecks >= flaggerThreshold(analysis)) {
		return { ...state, phase: 'Failed', canaryWeight: 0 };
	}
	const firstTick = state.canaryWeight === 0 && state.iterations === 0;
	if (!firstTick && !checksPassed) return { ...state, failedChecks: state.failedChecks + 1 };
	if (state.canaryWeight < maxWeight) {
		return { ...state, canaryWeight: Math.min(100, state.canaryWeight + analysis.stepWeight) };
	}
	return { ...state, phase: 'Promoting' };
}

/** Flagger as a strategy: one loop tick every `intervalTicks`, checking the candidate's success rate. */
export function flaggerStrategy(
	deployTick: number,
	analysis: FlaggerAnalysis,
	options: { intervalTicks: number; minSuccessRate: number },
): StrategyController {
	let state: FlaggerState | null = null;
	return (tick, history) => {
		if (tick < deployTick) return { split: { candidatePercent: 0 }, phase: 'Initialized' };
		if (state === null) state = startFlagger();
		if ((tick - deployTick) % options.intervalTicks === 0) {
			const stats = windowStats(history, 'candidate', tick - options.intervalTicks, tick - 1, 0);
			// No traffic means no values: Flagger halts and counts a failed check.
			const passed = stats.successRate >= options.minSuccessRate;
			state = advanceFlagger(state, analysis, passed);
		}
		// While promoting, the canary keeps its weight until the primary is updated.
		const promoted = state.phase === 'Succeeded' || state.phase === 'Finalising';
		return {
			split: { candidatePercent: promoted ? 100 : state.canaryWeight },
			phase: state.phase,
		};
	};
}
