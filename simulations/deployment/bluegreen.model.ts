/**
 * Argo Rollouts' blueGreen strategy, live (rollout/bluegreen.go, service.go, defaults.go): the
 * new ReplicaSet starts beside stable and the previewService selects it while the activeService
 * keeps users on stable; with autoPromotionEnabled: false the rollout pauses (BlueGreenPause)
 * until promoted, with autoPromotionSeconds it promotes itself after that long, otherwise it
 * switches as soon as the new pods are ready. The switch moves every user at once (the
 * activeService's selector), then the postPromotionAnalysis runs; success makes v2 stable and the
 * old pods are scaled down after scaleDownDelaySeconds (default 30); failure aborts, and the
 * activeService goes straight back to stable, whose pods are still running — the instant switch
 * back. After an abort the new pods go after abortScaleDownDelaySeconds (default 30), so a retry
 * may have to start them again. A rollback within scaleDownDelaySeconds of completion is instant
 * (Argo's fast rollback); later, v1's pods must start again first, and the switch back is then
 * fast-tracked (no pause, no analysis) as a return to the revision that was stable before.
 *
 * Key decision: Argo's sync loop is a reconcile at each tick's end; the preview Service's own
 * traffic (testers, smoke tests) is shown as a small mirrored share that no user sees.
 */
import type { RolloutAnalysisRun, RolloutLogEntry, RolloutPhase } from './canary.model';
import {
	advanceLiveRun,
	canaryCommands,
	liveRunReport,
	logged,
	settleLiveRun,
	startLiveRun,
	type LiveEngine,
	type LivePauseReason,
	type RolloutCommand,
	type RolloutStatus,
} from './live.model';
import type { RolloutMetric } from './metrics.model';

/** Argo's default delays, in seconds (utils/defaults). */
export const DEFAULT_SCALE_DOWN_DELAY_SECONDS = 30;
export const DEFAULT_ABORT_SCALE_DOWN_DELAY_SECONDS = 30;

/** The blueGreen fields the lab honours. */
export interface BlueGreenSpec {
	/** Default true: switch as soon as the new pods are ready. */
	readonly autoPromotionEnabled?: boolean;
	/** Promote automatically this long after pausing (0 = never by itself). */
	readonly autoPromotionSeconds?: number;
	readonly scaleDownDelaySeconds?: number;
	readonly abortScaleDownDelaySeconds?: number;
	/** The postPromotionAnalysis metrics (empty: none). */
	readonly postPromotionMetrics: readonly RolloutMetric[];
}

/** How the lab's world runs the pods. */
export interface BlueGreenWorld {
	readonly replicas: number;
	/** Time a pod takes from creation to ready. */
	readonly startupMs: number;
	/** Share of requests the preview Service receives from testers (copies, never users). */
	readonly previewPercent: number;
}

type Revision = 1 | 2;
type PerRevision<T> = { readonly 1: T; readonly 2: T };

/** A live blue/green rollout. */
export interface BlueGreenState {
	readonly phase: RolloutPhase;
	readonly pauseReason: LivePauseReason | null;
	readonly stableRevision: Revision;
	/** The revision being rolled out, or null when none. */
	readonly newRevision: Revision | null;
	readonly activeRevision: Revision;
	/** When each revision's pods are ready; null when it has no pods. */
	readonly readyAtMs: PerRevision<number | null>;
	/** When each revision's pods are scaled down; null when not scheduled. */
	readonly scaleDownAtMs: PerRevision<number | null>;
	readonly pauseStartedAtMs: number | null;
	/** The learner promoted past BlueGreenPause. */
	readonly promoted: boolean;
	/** promote --full: switch without waiting and skip the analysis. */
	readonly promoteFull: boolean;
	readonly aborted: boolean;
	readonly run: RolloutAnalysisRun | null;
	readonly finishedRuns: readonly RolloutAnalysisRun[];
	readonly nowMs: number;
	readonly message: string;
	readonly log: readonly RolloutLogEntry[];
}

const otherRevision = (r: Revision): Revision => (r === 1 ? 2 : 1);

const withRevision = <T>(per: PerRevision<T>, revision: Revision, value: T): PerRevision<T> =>
	revision === 1 ? { 1: value, 2: per[2] } : { 1: per[1], 2: value };

/** The post-promotion metrics measure after one lookback of traffic on the new version. */
export function postPromotionMetrics(metrics: readonly RolloutMetric[]): RolloutMetric[] {
	return metrics.map((m) => ({ ...m, initialDelay: m.initialDelay ?? m.lookback ?? '1m' }));
}

/** The blue/green engine. */
export function blueGreenEngine(
	spec: BlueGreenSpec,
	world: BlueGreenWorld,
): LiveEngine<BlueGreenState> {
	const auto = spec.autoPromotionEnabled ?? true;
	const autoSeconds = spec.autoPromotionSeconds ?? 0;
	const needsPause = !auto || autoSeconds > 0;
	const scaleDownMs = (spec.scaleDownDelaySeconds ?? DEFAULT_SCALE_DOWN_DELAY_SECONDS) * 1000;
	const abortScaleDownMs =
		(spec.abortScaleDownDelaySeconds ?? DEFAULT_ABORT_SCALE_DOWN_DELAY_SECONDS) * 1000;
	const metrics = postPromotionMetrics(spec.postPromotionMetrics);

	const podsReady = (state: BlueGreenState, r: Revision) => {
		const at = state.readyAtMs[r];
		return at !== null && at <= state.nowMs;
	};

	/** Starts rolling out `revision`: its pods are created (unless running) for the preview. */
	const deploy = (state: BlueGreenState, revision: Revision): BlueGreenState =>
		logged(
			{
				...settleLiveRun(state),
				phase: 'Progressing',
				pauseReason: null,
				newRevision: revision,
				readyAtMs:
					state.readyAtMs[revision] === null
						? withRevision(state.readyAtMs, revision, state.nowMs + world.startupMs)
						: state.readyAtMs,
				scaleDownAtMs: withRevision(state.scaleDownAtMs, revision, null),
				pauseStartedAtMs: null,
				promoted: false,
				promoteFull: false,
				aborted: false,
			},
			state.nowMs,
			`Rollout is progressing to v${revision}: its pods start behind the previewService`,
		);

	const complete = (state: BlueGreenState, how: string): BlueGreenState => {
		const revision = state.newRevision as Revision;
		const old = otherRevision(revision);
		return logged(
			{
				...settleLiveRun(state),
				phase: 'Healthy',
				pauseReason: null,
				stableRevision: revision,
				activeRevision: revision,
				newRevision: null,
				scaleDownAtMs: withRevision(state.scaleDownAtMs, old, state.nowMs + scaleDownMs),
				pauseStartedAtMs: null,
			},
			state.nowMs,
			`Rollout completed update to v${revision} (${how}); v${old}'s pods scale down in ${scaleDownMs / 1000} s`,
		);
	};

	const abort = (state: BlueGreenState, why: string): BlueGreenState => {
		const revision = state.newRevision as Revision;
		return logged(
			{
				...settleLiveRun(state),
				phase: 'Degraded',
				pauseReason: null,
				activeRevision: state.stableRevision,
				aborted: true,
				pauseStartedAtMs: null,
				scaleDownAtMs: withRevision(state.scaleDownAtMs, revision, state.nowMs + abortScaleDownMs),
			},
			state.nowMs,
			`Rollout aborted update to v${revision}: ${why}; the activeService switched back to v${state.stableRevision}`,
		);
	};

	const switchActive = (state: BlueGreenState): BlueGreenState => {
		const revision = state.newRevision as Revision;
		const switched = logged(
			{ ...state, activeRevision: revision, phase: 'Progressing' as const, pauseReason: null },
			state.nowMs,
			`activeService switched to v${revision}: every user is on it now`,
		);
		if (state.promoteFull) return complete(switched, 'promoted in full, analysis skipped');
		if (metrics.length === 0) return complete(switched, 'no postPromotionAnalysis');
		return { ...switched, run: startLiveRun('postPromotion', metrics, state.nowMs, revision) };
	};

	// The canary's commands by phase; Healthy after a switch also offers the switch back.
	const commands = (state: BlueGreenState): RolloutCommand[] =>
		state.phase !== 'Healthy'
			? canaryCommands(state)
			: state.stableRevision === 2
				? ['rollback']
				: [];

	const scaleDown = (state: BlueGreenState): BlueGreenState => {
		let s = state;
		for (const r of [1, 2] as const) {
			const at = s.scaleDownAtMs[r];
			if (at === null || s.nowMs < at) continue;
			s = logged(
				{
					...s,
					readyAtMs: withRevision(s.readyAtMs, r, null),
					scaleDownAtMs: withRevision(s.scaleDownAtMs, r, null),
				},
				at,
				`v${r}'s ReplicaSet scaled down to 0`,
			);
		}
		return s;
	};

	return {
		strategy: 'blueGreen',
		start: () =>
			deploy(
				{
					phase: 'Healthy',
					pauseReason: null,
					stableRevision: 1,
					newRevision: null,
					activeRevision: 1,
					readyAtMs: { 1: 0, 2: null },
					scaleDownAtMs: { 1: null, 2: null },
					pauseStartedAtMs: null,
					promoted: false,
					promoteFull: false,
					aborted: false,
					run: null,
					finishedRuns: [],
					nowMs: 0,
					message: '',
					log: [],
				},
				2,
			),
		reconcile(state, nowMs, measure) {
			let s = scaleDown({ ...state, nowMs: Math.max(state.nowMs, nowMs) });
			if (s.phase !== 'Progressing' && s.phase !== 'Paused') return s;
			const revision = s.newRevision as Revision;
			if (s.activeRevision !== revision) {
				if (!podsReady(s, revision)) {
					return { ...s, message: `Waiting for v${revision}'s pods to become ready` };
				}
				if (needsPause && !s.promoted && !s.promoteFull) {
					if (s.pauseStartedAtMs === null) {
						return logged(
							{ ...s, phase: 'Paused', pauseReason: 'BlueGreenPause', pauseStartedAtMs: s.nowMs },
							s.nowMs,
							`Rollout is paused (BlueGreenPause): v${revision} is on the previewService; promote to switch`,
						);
					}
					if (autoSeconds <= 0 || s.nowMs < s.pauseStartedAtMs + autoSeconds * 1000) return s;
					s = logged(s, s.nowMs, `autoPromotionSeconds (${autoSeconds}) passed`);
				}
				s = switchActive(s);
				if (s.phase === 'Healthy') return s;
			} else if (s.promoteFull) {
				return complete(s, 'promoted in full, analysis skipped');
			}
			if (!s.run) return s;
			const run = advanceLiveRun(s.run, s.nowMs, measure('candidate'), 100);
			s = { ...s, run };
			switch (run.run.phase) {
				case 'Successful':
					return complete(s, 'postPromotionAnalysis Successful');
				case 'Failed':
				case 'Error':
					return abort(s, run.run.message || `postPromotionAnalysis ${run.run.phase}`);
				case 'Inconclusive':
					return s.phase === 'Paused'
						? s
						: logged(
								{ ...s, phase: 'Paused', pauseReason: 'InconclusiveAnalysisRun' },
								s.nowMs,
								'Rollout is paused: postPromotionAnalysis was inconclusive',
							);
				default:
					return s;
			}
		},
		command(state, command) {
			if (!commands(state).includes(command)) return state;
			switch (command) {
				case 'promote':
					if (state.pauseReason === 'InconclusiveAnalysisRun') {
						return complete(state, 'promoted past an inconclusive analysis');
					}
					return logged(
						{ ...state, phase: 'Progressing', pauseReason: null, promoted: true },
						state.nowMs,
						'Rollout is resumed: the switch happens on the next sync',
					);
				case 'promoteFull':
					return logged(
						{ ...state, phase: 'Progressing', pauseReason: null, promoteFull: true },
						state.nowMs,
						'promote --full: switch as soon as the pods are ready, analysis skipped',
					);
				case 'abort':
					return abort(state, 'aborted by a human');
				case 'retry':
					return deploy(state, state.newRevision as Revision);
				case 'rollback': {
					if (state.phase === 'Degraded') {
						return logged(
							{ ...state, phase: 'Healthy', newRevision: null, aborted: false },
							state.nowMs,
							`Rolled back: v${state.stableRevision} stays stable, no steps run`,
						);
					}
					const back = otherRevision(state.stableRevision);
					if (state.readyAtMs[back] !== null && state.readyAtMs[back] <= state.nowMs) {
						// Fast rollback: the old pods are still up, so the switch back is immediate.
						return complete(
							logged(
								{ ...state, newRevision: back, activeRevision: back },
								state.nowMs,
								`Fast rollback within scaleDownDelaySeconds: activeService switched back to v${back}`,
							),
							'fast rollback, no analysis',
						);
					}
					// Too late for the fast path: v1's pods start again, then the switch, with no pause
					// and no analysis for the version that was stable before.
					return { ...deploy(state, back), promoteFull: true };
				}
			}
		},
		status(state): RolloutStatus {
			const previewing =
				state.newRevision !== null &&
				state.activeRevision !== state.newRevision &&
				podsReady(state, state.newRevision) &&
				!state.aborted;
			const count = (r: Revision) => (state.readyAtMs[r] === null ? 0 : world.replicas);
			const ready = (r: Revision) => (podsReady(state, r) ? world.replicas : 0);
			return {
				strategy: 'blueGreen',
				phase: state.phase,
				pauseReason: state.pauseReason,
				weightPercent: state.activeRevision === 2 ? 100 : 0,
				mirrorPercent: previewing && state.newRevision === 2 ? world.previewPercent : 0,
				droppedPercent: 0,
				stableRevision: state.stableRevision,
				progress: `active v${state.activeRevision} · preview ${
					state.newRevision === null ? '–' : `v${state.newRevision}`
				}`,
				replicas: {
					stable: count(1),
					stableAvailable: ready(1),
					candidate: count(2),
					candidateAvailable: ready(2),
				},
				services: { active: state.activeRevision, preview: state.newRevision },
				commands: commands(state),
				...liveRunReport(state),
			};
		},
	};
}
