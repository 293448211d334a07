/**
 * Every strategy the lab runs live, behind one small interface: an engine starts a rollout of
 * v2 over a stable v1, reconciles it at each tick's end (reading the traffic through a
 * measurer), takes the learner's commands, and reports a `RolloutStatus` — the phase in Argo's
 * words, the traffic split it wants for the next tick, the commands it accepts now, its
 * analysis runs and its log. The service and the lab machine only ever see this status, so a
 * strategy is added by writing an engine, not by teaching the page a new shape.
 *
 * Key decision: the phases are Argo Rollouts' (Healthy, Progressing, Paused, Degraded) for every
 * strategy, including the Kubernetes Deployment ones (recreate, rolling), whose conditions map
 * onto them (Progressing while a ReplicaSet is updated, Healthy once the rollout is complete);
 * each engine decides which commands make sense, as kubectl and the Argo plugin do.
 */
import {
	advanceAnalysisRun,
	isCompletedPhase,
	startAnalysisRun,
	terminateAnalysisRun,
	validateMetrics,
} from './analysis.model';
import type { RolloutMetric } from './metrics.model';
import {
	canaryCommandSteps,
	reconcileRollout,
	type CanaryState,
	type RolloutAnalysisRun,
	type RolloutLogEntry,
	type RolloutMeasurer,
	type RolloutPhase,
} from './canary.model';

/** The strategies the lab runs live. */
export type LiveStrategy = 'canary' | 'recreate' | 'rolling' | 'shadow' | 'blueGreen';

/** The learner's commands (kubectl argo rollouts promote, promote --full, abort, retry, undo). */
export type RolloutCommand = 'promote' | 'promoteFull' | 'abort' | 'retry' | 'rollback';

/** Why a rollout waits: Argo's pause reasons, and the end of a shadow test. */
export type LivePauseReason =
	'CanaryPauseStep' | 'InconclusiveAnalysisRun' | 'BlueGreenPause' | 'ShadowComplete';

/** Pod counts of each version, where the strategy has replicas to show. */
export interface ReplicaCounts {
	readonly stable: number;
	readonly stableAvailable: number;
	readonly candidate: number;
	readonly candidateAvailable: number;
}

/** What every engine reports after each reconcile and command. */
export interface RolloutStatus {
	readonly strategy: LiveStrategy;
	readonly phase: RolloutPhase;
	readonly pauseReason: LivePauseReason | null;
	/** Share of user requests v2 answers in the next tick, 0–100. */
	readonly weightPercent: number;
	/** Share of requests copied to v2 with the answer thrown away (shadow, preview), 0–100. */
	readonly mirrorPercent: number;
	/** Share of requests no running pod answers in the next tick, 0–100. */
	readonly droppedPercent: number;
	/** The revision users are served by when the rollout settles: 1 or 2. */
	readonly stableRevision: number;
	/** Where the rollout is, in the tool's words (a step, pods updated, a service selector). */
	readonly progress: string;
	readonly replicas: ReplicaCounts | null;
	/** Blue/green: which version each Service selects. */
	readonly services: { readonly active: number; readonly preview: number | null } | null;
	readonly commands: readonly RolloutCommand[];
	/** Every analysis run, oldest first, running ones last. */
	readonly analysisRuns: readonly RolloutAnalysisRun[];
	readonly message: string;
	readonly log: readonly RolloutLogEntry[];
}

/** Which traffic a measurement reads: what v2 answered users, or its mirrored copies. */
export type MeasuredSide = 'candidate' | 'shadow';

/** A measurer for each side of the traffic. */
export type SideMeasurer = (side: MeasuredSide) => RolloutMeasurer;

/** A live strategy. */
export interface LiveEngine<S> {
	readonly strategy: LiveStrategy;
	/** v1 stable and serving, v2 just deployed, at time 0 (before the first reconcile). */
	start(): S;
	reconcile(state: S, nowMs: number, measure: SideMeasurer): S;
	command(state: S, command: RolloutCommand): S;
	status(state: S): RolloutStatus;
}

/** Appends a log line and sets the message. */
export function logged<S extends { log: readonly RolloutLogEntry[]; message: string }>(
	state: S,
	atMs: number,
	message: string,
): S {
	return { ...state, message, log: [...state.log, { atMs, message }] };
}

/** The canary's commands by phase, as Argo's plugin accepts them (blue/green's too, but Healthy). */
export function canaryCommands(state: { readonly phase: RolloutPhase }): RolloutCommand[] {
	switch (state.phase) {
		case 'Progressing':
			return ['promoteFull', 'abort'];
		case 'Paused':
			return ['promote', 'promoteFull', 'abort'];
		case 'Degraded':
			return ['retry', 'rollback'];
		default:
			return [];
	}
}

/** The canary run's analysis runs, finished first. */
export function canaryRuns(state: CanaryState): RolloutAnalysisRun[] {
	const runs = [...state.finishedRuns];
	for (const live of [state.stepRun, state.backgroundRun]) {
		if (live && !runs.includes(live)) runs.push(live);
	}
	return runs;
}

/** The canary's status. */
export function canaryStatus(state: CanaryState): RolloutStatus {
	const steps = state.spec.steps.length;
	return {
		strategy: 'canary',
		phase: state.phase,
		pauseReason: state.pauseReason,
		// Once v2 is stable it takes every request, although Argo's canary weight is back to 0.
		weightPercent:
			state.canaryRevision === null && state.stableRevision === 2 ? 100 : state.weightPercent,
		mirrorPercent: 0,
		droppedPercent: 0,
		stableRevision: state.stableRevision ?? 1,
		progress: `Step ${Math.min(state.stepIndex + 1, steps)} of ${steps}`,
		replicas: null,
		services: null,
		commands: canaryCommands(state),
		analysisRuns: canaryRuns(state),
		message: state.message,
		log: state.log,
	};
}

/** The canary engine around canary.model (the state is built by the caller with its spec). */
export function canaryEngine(start: () => CanaryState): LiveEngine<CanaryState> {
	return {
		strategy: 'canary',
		start,
		reconcile: (state, nowMs, measure) => reconcileRollout(state, nowMs, measure('candidate')),
		command: (state, command) =>
			canaryCommands(state).includes(command) ? canaryCommandSteps[command](state) : state,
		status: canaryStatus,
	};
}

/** What a strategy with analysis runs of its own keeps, and reports alike. */
interface LiveRunState {
	readonly run: RolloutAnalysisRun | null;
	readonly finishedRuns: readonly RolloutAnalysisRun[];
	readonly message: string;
	readonly log: readonly RolloutLogEntry[];
}

/** The end of such a strategy's status: its runs (finished first, the live one last) and log. */
export function liveRunReport(
	state: LiveRunState,
): Pick<RolloutStatus, 'analysisRuns' | 'message' | 'log'> {
	return {
		analysisRuns: state.run ? [...state.finishedRuns, state.run] : [...state.finishedRuns],
		message: state.message,
		log: state.log,
	};
}

/**
 * Starts an analysis run for a strategy other than the canary's steps; an invalid spec ends it
 * in Error at once, as Argo's analysis controller does ("Analysis spec invalid: …").
 */
export function startLiveRun(
	kind: RolloutAnalysisRun['kind'],
	metrics: RolloutMetric[],
	nowMs: number,
	revision: number,
): RolloutAnalysisRun {
	const run = startAnalysisRun(metrics, nowMs);
	const problem = validateMetrics(metrics);
	return {
		kind,
		stepIndex: 0,
		revision,
		metrics,
		run: problem
			? { ...run, phase: 'Error', message: `Analysis spec invalid: ${problem}`, terminated: true }
			: run,
	};
}

/** Takes every measurement of a run that fell due by `nowMs`. */
export function advanceLiveRun(
	r: RolloutAnalysisRun,
	nowMs: number,
	measure: RolloutMeasurer,
	weightPercent: number,
): RolloutAnalysisRun {
	if (isCompletedPhase(r.run.phase)) return r;
	const context = { revision: r.revision, weightPercent };
	return {
		...r,
		run: advanceAnalysisRun(r.metrics, r.run, nowMs, (metric, atMs) =>
			measure(metric as RolloutMetric, atMs, context),
		),
	};
}

/** Stops a run that is still going (the rollout moved on). */
export function stopLiveRun(r: RolloutAnalysisRun): RolloutAnalysisRun {
	return { ...r, run: terminateAnalysisRun(r.metrics, r.run) };
}

/** Stops a strategy's live run, if any, and files it with the finished ones. */
export function settleLiveRun<S extends LiveRunState>(state: S): S {
	if (!state.run) return state;
	return { ...state, run: null, finishedRuns: [...state.finishedRuns, stopLiveRun(state.run)] };
}
