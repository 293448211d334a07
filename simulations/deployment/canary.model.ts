/**
 * Argo Rollouts' canary strategy as a pure step engine. The state is plain data; commands
 * (deploy, promote, promote --full, abort, retry, roll back) change what the rollout wants, and a
 * `reconcile` at a simulated time does what Argo's controller does on a reconcile: start or
 * advance the step's and the background analysis runs, honour pauses, set weights, and move
 * through the steps until something blocks (a pause, a running analysis) or the rollout ends.
 *
 * Semantics kept from Argo (rollout/canary.go, the analysis controller, types.go): the first
 * deployment, with no stable revision yet, skips every step; `setWeight` is exact (a traffic
 * router); timed and indefinite pauses both put the rollout in phase Paused (reason
 * CanaryPauseStep); a step analysis blocks, moves on when Successful, aborts on Failed or Error
 * and pauses for a human on Inconclusive (reason InconclusiveAnalysisRun); a background analysis
 * starts at `startingStep`, is never waited for, aborts the rollout on Failed or Error, and is
 * stopped when the rollout completes; abort sends all traffic back to stable and leaves the
 * rollout Degraded until retried (from step 0), rolled back (stable re-applied: no steps) or
 * replaced by a newer revision; promote --full skips the remaining steps and analysis.
 *
 * Key decision: no clock inside. Time arrives with each `reconcileRollout(nowMs)`, so the lab kit's
 * clock (or a test) decides the pace; a reconcile takes every measurement that fell due since
 * the last one at the moment it fell due. Commands that need no measurement (abort, promote
 * --full, roll back) act at once; the others take effect on the next reconcile, as Argo's
 * controller acts on the next sync after `kubectl argo rollouts promote`.
 */
import {
	advanceAnalysisRun,
	isCompletedPhase,
	startAnalysisRun,
	terminateAnalysisRun,
	validateMetrics,
	type AnalysisRun,
	type MeasureResult,
} from './analysis.model';
import { pauseDurationSeconds } from './duration.model';
import type { RolloutCommand } from './live.model';
import type { RolloutMetric } from './metrics.model';

/** One canary step, as in `spec.strategy.canary.steps[]`. */
export type CanaryStep =
	| { setWeight: number }
	| { pause: { duration?: number | string } }
	| { analysis: { templates: string[] } };

/** An AnalysisTemplate: a name and its metrics. */
export interface AnalysisTemplate {
	name: string;
	metrics: RolloutMetric[];
}

/** The canary part of a Rollout spec the lab edits. */
export interface CanarySpec {
	steps: CanaryStep[];
	/** Background analysis: templates run alongside the steps from `startingStep` (default 0). */
	analysis?: { templates: string[]; startingStep?: number };
	templates: AnalysisTemplate[];
}

/** Argo's Rollout phases (types.go). */
export type RolloutPhase = 'Healthy' | 'Progressing' | 'Paused' | 'Degraded';

/** Why a rollout is paused (Argo's PauseReason values). */
export type PauseReason = 'CanaryPauseStep' | 'InconclusiveAnalysisRun';

/** An analysis run the rollout started, with what started it. */
export interface RolloutAnalysisRun {
	/** Canary step or background runs; blue/green's post-promotion run; a shadow test's run. */
	kind: 'step' | 'background' | 'postPromotion' | 'shadow';
	/** The step index it belongs to (for background runs, the step it started at). */
	stepIndex: number;
	revision: number;
	metrics: RolloutMetric[];
	run: AnalysisRun;
}

/** One line of the rollout's history, for the view's event list. */
export interface RolloutLogEntry {
	atMs: number;
	message: string;
}

/** The whole state of a canary rollout. */
export interface CanaryState {
	spec: CanarySpec;
	/** The revision serving production; null before the first deployment. */
	stableRevision: number | null;
	/** The revision being rolled out; null when none. */
	canaryRevision: number | null;
	phase: RolloutPhase;
	/** Index of the step being executed (equal to steps.length when all are done). */
	stepIndex: number;
	/** Share of traffic the canary gets, 0–100. */
	weightPercent: number;
	pauseReason: PauseReason | null;
	/** When the current timed pause began, or null. */
	pauseStartedAtMs: number | null;
	/** True between an abort and the retry, rollback or next revision that ends it. */
	aborted: boolean;
	/** Argo's condition message for the latest change. */
	message: string;
	stepRun: RolloutAnalysisRun | null;
	backgroundRun: RolloutAnalysisRun | null;
	/** Finished analysis runs, oldest first. */
	finishedRuns: RolloutAnalysisRun[];
	nowMs: number;
	log: RolloutLogEntry[];
}

/** Takes one measurement of a metric at a time, knowing which revision it measures. */
export type RolloutMeasurer = (
	metric: RolloutMetric,
	atMs: number,
	context: { revision: number; weightPercent: number },
) => MeasureResult;

/** The state before anything is deployed. */
export function createCanaryState(spec: CanarySpec): CanaryState {
	return {
		spec,
		stableRevision: null,
		canaryRevision: null,
		phase: 'Healthy',
		stepIndex: 0,
		weightPercent: 0,
		pauseReason: null,
		pauseStartedAtMs: null,
		aborted: false,
		message: '',
		stepRun: null,
		backgroundRun: null,
		finishedRuns: [],
		nowMs: 0,
		log: [],
	};
}

/** The metrics of a list of templates; unknown names are a spec error validation reports. */
export function templateMetrics(spec: CanarySpec, names: readonly string[]): RolloutMetric[] {
	return names.flatMap((name) => spec.templates.find((t) => t.name === name)?.metrics ?? []);
}

const note = (state: CanaryState, message: string): CanaryState => ({
	...state,
	message,
	log: [...state.log, { atMs: state.nowMs, message }],
});

function finishRuns(state: CanaryState): CanaryState {
	const finished = [state.stepRun, state.backgroundRun]
		.filter((r): r is RolloutAnalysisRun => r !== null)
		.map((r) => ({ ...r, run: terminateAnalysisRun(r.metrics, r.run) }));
	return {
		...state,
		stepRun: null,
		backgroundRun: null,
		finishedRuns: [...state.finishedRuns, ...finished],
	};
}

function restart(state: CanaryState, revision: number): CanaryState {
	return {
		...finishRuns(state),
		canaryRevision: revision,
		phase: 'Progressing',
		stepIndex: 0,
		weightPercent: 0,
		pauseReason: null,
		pauseStartedAtMs: null,
		aborted: false,
	};
}

/**
 * Deploys a revision (a change to the pod template). With no stable revision yet it becomes
 * stable at once; re-applying the stable revision is a rollback, fast-tracked with no steps; any
 * other revision starts (or supersedes) a rollout from step 0.
 */
export function deployRevision(state: CanaryState, revision: number): CanaryState {
	if (state.stableRevision === null) {
		return note(
			{ ...finishRuns(state), stableRevision: revision, canaryRevision: null, phase: 'Healthy' },
			`Revision ${revision} is the first deployment: it skips the steps and takes all traffic`,
		);
	}
	if (revision === state.stableRevision) return rollbackRollout(state);
	return note(restart(state, revision), `Rollout is progressing to revision ${revision}`);
}

/** Resumes a paused rollout: past a pause step, or past an inconclusive analysis. */
export function promoteRollout(state: CanaryState): CanaryState {
	if (state.phase !== 'Paused') return state;
	let next: CanaryState = {
		...state,
		phase: 'Progressing',
		pauseReason: null,
		pauseStartedAtMs: null,
	};
	if (state.pauseReason === 'CanaryPauseStep') {
		next = { ...next, stepIndex: state.stepIndex + 1 };
	} else {
		// The inconclusive run is set aside; a step run's step counts as passed, and a background
		// run starts afresh on the next reconcile.
		const archived = [state.stepRun, state.backgroundRun].filter(
			(r): r is RolloutAnalysisRun => r !== null && r.run.phase === 'Inconclusive',
		);
		next = {
			...next,
			stepIndex:
				state.stepRun?.run.phase === 'Inconclusive' ? state.stepIndex + 1 : state.stepIndex,
			stepRun: state.stepRun?.run.phase === 'Inconclusive' ? null : state.stepRun,
			backgroundRun: state.backgroundRun?.run.phase === 'Inconclusive' ? null : state.backgroundRun,
			finishedRuns: [...state.finishedRuns, ...archived],
		};
	}
	return note(next, 'Rollout is resumed');
}

function complete(state: CanaryState, how: string): CanaryState {
	const revision = state.canaryRevision as number;
	return note(
		{
			...finishRuns(state),
			stableRevision: revision,
			canaryRevision: null,
			phase: 'Healthy',
			stepIndex: state.spec.steps.length,
			weightPercent: 0,
			pauseReason: null,
			pauseStartedAtMs: null,
		},
		`Rollout completed update to revision ${revision}: ${how}`,
	);
}

/** `promote --full`: skips the remaining steps and analysis and makes the canary stable. */
export function promoteRolloutFull(state: CanaryState): CanaryState {
	if (state.phase !== 'Progressing' && state.phase !== 'Paused') return state;
	if (state.aborted || state.canaryRevision === null) return state;
	return complete(state, 'promoted in full, remaining steps skipped');
}

/** Aborts: all traffic back to stable; Degraded until retry, rollback or a new revision. */
export function abortRollout(state: CanaryState, reason?: string): CanaryState {
	if (state.canaryRevision === null || state.aborted) return state;
	const base = `Rollout aborted update to revision ${state.canaryRevision}`;
	return note(
		{
			...finishRuns(state),
			phase: 'Degraded',
			aborted: true,
			weightPercent: 0,
			pauseReason: null,
			pauseStartedAtMs: null,
		},
		reason ? `${base}: ${reason}` : base,
	);
}

/** Retries an aborted rollout from step 0. */
export function retryRollout(state: CanaryState): CanaryState {
	if (!state.aborted || state.canaryRevision === null) return state;
	return note(restart(state, state.canaryRevision), 'Retrying Rollout after abort');
}

/** Re-applies the stable revision: the canary is dropped with no steps and the rollout is Healthy. */
export function rollbackRollout(state: CanaryState): CanaryState {
	if (state.canaryRevision === null) return state;
	return note(
		{
			...finishRuns(state),
			canaryRevision: null,
			phase: 'Healthy',
			aborted: false,
			weightPercent: 0,
			pauseReason: null,
			pauseStartedAtMs: null,
		},
		`Rolled back to stable revision ${state.stableRevision}: no steps run`,
	);
}

/**
 * The learner's commands by name (kubectl argo rollouts promote, promote --full, abort, retry,
 * undo): the one table the canary machine and the live canary engine both run.
 */
export const canaryCommandSteps = {
	promote: promoteRollout,
	promoteFull: promoteRolloutFull,
	abort: (state: CanaryState) => abortRollout(state),
	retry: retryRollout,
	rollback: rollbackRollout,
} satisfies Record<RolloutCommand, (state: CanaryState) => CanaryState>;

function startRun(
	state: CanaryState,
	kind: 'step' | 'background',
	templates: readonly string[],
): RolloutAnalysisRun {
	const metrics = templateMetrics(state.spec, templates);
	const run = startAnalysisRun(metrics, state.nowMs);
	// Argo's analysis controller refuses an invalid spec at once: the run ends in Error with
	// "Analysis spec invalid: …", which aborts the rollout like any errored analysis.
	const problem = validateMetrics(metrics);
	return {
		kind,
		stepIndex: state.stepIndex,
		revision: state.canaryRevision as number,
		metrics,
		run: problem
			? { ...run, phase: 'Error', message: `Analysis spec invalid: ${problem}`, terminated: true }
			: run,
	};
}

function advanceRun(
	state: CanaryState,
	r: RolloutAnalysisRun,
	measure: RolloutMeasurer,
): RolloutAnalysisRun {
	const context = { revision: r.revision, weightPercent: state.weightPercent };
	return {
		...r,
		run: advanceAnalysisRun(r.metrics, r.run, state.nowMs, (metric, atMs) =>
			measure(metric as RolloutMetric, atMs, context),
		),
	};
}

/**
 * One reconcile at `nowMs` (not earlier than the last): acts on the steps until blocked. The
 * loop is bounded by the number of steps, since each pass either blocks or moves a step on.
 */
export function reconcileRollout(
	state: CanaryState,
	nowMs: number,
	measure: RolloutMeasurer,
): CanaryState {
	let s: CanaryState = { ...state, nowMs: Math.max(state.nowMs, nowMs) };
	const steps = s.spec.steps;
	for (let guard = 0; guard <= steps.length + 1; guard++) {
		if (s.phase !== 'Progressing' && s.phase !== 'Paused') return s;
		// Background analysis: started once the rollout reaches its starting step.
		const background = s.spec.analysis;
		if (background && !s.backgroundRun && s.stepIndex >= (background.startingStep ?? 0)) {
			s = { ...s, backgroundRun: startRun(s, 'background', background.templates) };
		}
		if (s.backgroundRun && !isCompletedPhase(s.backgroundRun.run.phase)) {
			s = { ...s, backgroundRun: advanceRun(s, s.backgroundRun, measure) };
			const phase = s.backgroundRun?.run.phase;
			if (phase === 'Failed' || phase === 'Error') {
				return abortRollout(s, s.backgroundRun?.run.message || `background analysis ${phase}`);
			}
			if (phase === 'Inconclusive' && s.phase !== 'Paused') {
				return note(
					{ ...s, phase: 'Paused', pauseReason: 'InconclusiveAnalysisRun' },
					'Rollout is paused: background analysis was inconclusive',
				);
			}
		}
		if (s.phase === 'Paused') {
			const step = steps[s.stepIndex];
			const timed =
				s.pauseReason === 'CanaryPauseStep' &&
				step !== undefined &&
				'pause' in step &&
				step.pause.duration !== undefined;
			if (!timed || s.pauseStartedAtMs === null) return s;
			const endsAtMs =
				s.pauseStartedAtMs +
				pauseDurationSeconds((step as { pause: { duration?: number | string } }).pause.duration) *
					1000;
			if (s.nowMs < endsAtMs) return s;
			s = {
				...s,
				phase: 'Progressing',
				pauseReason: null,
				pauseStartedAtMs: null,
				stepIndex: s.stepIndex + 1,
			};
			continue;
		}
		if (s.stepIndex >= steps.length) return complete(s, 'all steps done');
		const step = steps[s.stepIndex] as CanaryStep;
		if ('setWeight' in step) {
			s = note(
				{ ...s, weightPercent: step.setWeight, stepIndex: s.stepIndex + 1 },
				`Canary weight set to ${step.setWeight} %`,
			);
			continue;
		}
		if ('pause' in step) {
			const seconds = pauseDurationSeconds(step.pause.duration);
			if (step.pause.duration !== undefined && seconds <= 0) {
				s = { ...s, stepIndex: s.stepIndex + 1 };
				continue;
			}
			s = note(
				{ ...s, phase: 'Paused', pauseReason: 'CanaryPauseStep', pauseStartedAtMs: s.nowMs },
				step.pause.duration === undefined
					? 'Rollout is paused until promoted'
					: `Rollout is paused for ${seconds} s`,
			);
			continue;
		}
		// An inline analysis step: blocks until its run completes.
		if (!s.stepRun) s = { ...s, stepRun: startRun(s, 'step', step.analysis.templates) };
		const r = advanceRun(s, s.stepRun as RolloutAnalysisRun, measure);
		s = { ...s, stepRun: r };
		switch (r.run.phase) {
			case 'Successful':
				s = {
					...s,
					stepRun: null,
					finishedRuns: [...s.finishedRuns, r],
					stepIndex: s.stepIndex + 1,
				};
				continue;
			case 'Failed':
			case 'Error':
				return abortRollout(s, r.run.message || `step analysis ${r.run.phase}`);
			case 'Inconclusive':
				return note(
					{ ...s, phase: 'Paused', pauseReason: 'InconclusiveAnalysisRun' },
					'Rollout is paused: step analysis was inconclusive',
				);
			default:
				return s;
		}
	}
	return s;
}

/** The step kind the rollout is at, for the view's step list. */
export function currentStepKind(state: CanaryState): 'setWeight' | 'pause' | 'analysis' | 'done' {
	const step = state.spec.steps[state.stepIndex];
	if (!step) return 'done';
	if ('setWeight' in step) return 'setWeight';
	if ('pause' in step) return 'pause';
	return 'analysis';
}

/**
 * Without a traffic router, Argo approximates a canary weight with replica counts
 * (utils/replicaset/canary.go approximateWeightedCanaryStableReplicaCounts): it tries the
 * floor and the ceiling of replicas × weight, and with a surge allowed also one replica more in
 * all, and keeps the option nearest the weight (the first one on a tie). A 1–99 % weight never
 * rounds to zero canary pods once two or more pods are possible, so 5 replicas cannot go below
 * 20 %. Returns [canary, stable] pod counts.
 */
export function approximateCanaryReplicas(
	specReplicas: number,
	desiredWeight: number,
	maxSurge: number,
	maxWeight = 100,
): [number, number] {
	if (specReplicas === 0) return [0, 0];
	const exact = (specReplicas * desiredWeight) / maxWeight;
	const ceil = Math.ceil(exact);
	const floor = Math.floor(exact);
	// Equidistant floor and ceiling (e.g. 50 % of 3): Argo then prefers the larger count.
	const tied = (total: number) => ((total * desiredWeight) / maxWeight) % 1 === 0.5;
	const zeroAllowed =
		desiredWeight === maxWeight || desiredWeight === 0 || (specReplicas === 1 && maxSurge === 0);
	const options: { canary: number; total: number }[] = [];
	if (ceil < specReplicas || zeroAllowed) options.push({ canary: ceil, total: specReplicas });
	if (!tied(specReplicas) && (floor !== 0 || zeroAllowed)) {
		options.push({ canary: floor, total: specReplicas });
	}
	if (maxSurge > 0) {
		options.push({ canary: ceil, total: specReplicas + 1 });
		if (!tied(specReplicas + 1) && (floor !== 0 || zeroAllowed)) {
			options.push({ canary: floor, total: specReplicas + 1 });
		}
	}
	if (options.length === 0) return [0, specReplicas];
	const delta = (o: { canary: number; total: number }) =>
		Math.abs((o.canary * maxWeight) / o.total - desiredWeight);
	let best = options[0] as { canary: number; total: number };
	for (const o of options.slice(1)) if (delta(o) < delta(best)) best = o;
	return [best.canary, best.total - best.canary];
}
