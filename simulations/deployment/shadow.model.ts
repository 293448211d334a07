/**
 * Shadow (dark) deployment, live: every request stable answers is also copied to v2 — Istio's
 * `mirror` with `mirrorPercentage`, which Flagger uses for its mirroring — and v2's answers are
 * thrown away, so no user is ever served by it. An analysis run over the mirrored traffic
 * compares v2 with the thresholds (measured after a minute of mirroring, once a minute, three
 * times); when it passes the test is over and a human decides: promote switches users to v2,
 * abort stops the mirror. A failing v2 costs nothing but the mirror's capacity.
 *
 * Key decision: shadow is not an Argo strategy, so its states borrow Argo's phases (Progressing
 * while mirroring and measuring, Paused once there is a verdict to act on, Degraded when the
 * test failed or was aborted) and its pause is named ShadowComplete.
 */
import type { RolloutAnalysisRun, RolloutLogEntry, RolloutPhase } from './canary.model';
import {
	advanceLiveRun,
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

/** A live shadow test. */
export interface ShadowState {
	readonly phase: RolloutPhase;
	readonly pauseReason: LivePauseReason | null;
	readonly mirrorPercent: number;
	/** 2 once users were switched to v2. */
	readonly stableRevision: number;
	readonly run: RolloutAnalysisRun | null;
	readonly finishedRuns: readonly RolloutAnalysisRun[];
	readonly nowMs: number;
	readonly message: string;
	readonly log: readonly RolloutLogEntry[];
}

/** The shadow test's metrics: the template's, measured on mirrored traffic a minute at a time. */
export function shadowMetrics(metrics: readonly RolloutMetric[]): RolloutMetric[] {
	return metrics.map((m) => ({
		...m,
		initialDelay: '1m',
		interval: '1m',
		count: 3,
		lookback: '1m',
	}));
}

/** The live run is over, and so is any pause. */
function settle(state: ShadowState): ShadowState {
	return { ...settleLiveRun(state), pauseReason: null };
}

function mirror(state: ShadowState, metrics: RolloutMetric[], mirrorPercent: number): ShadowState {
	return logged(
		{
			...settle(state),
			phase: 'Progressing',
			mirrorPercent,
			run: startLiveRun('shadow', metrics, state.nowMs, 2),
		},
		state.nowMs,
		`Mirroring ${mirrorPercent} % of requests to v2; its answers are discarded`,
	);
}

/** A shadow engine for the template's metrics. */
export function shadowEngine(
	templateMetrics: readonly RolloutMetric[],
	mirrorPercent = 100,
): LiveEngine<ShadowState> {
	const metrics = shadowMetrics(templateMetrics);
	const commands = (state: ShadowState): RolloutCommand[] => {
		if (state.stableRevision === 2) return [];
		switch (state.phase) {
			case 'Progressing':
				return ['promoteFull', 'abort'];
			case 'Paused':
				return ['promote', 'abort'];
			case 'Degraded':
				return ['retry', 'rollback'];
			default:
				return [];
		}
	};
	const switchUsers = (state: ShadowState, how: string) =>
		logged(
			{ ...settle(state), phase: 'Healthy' as const, mirrorPercent: 0, stableRevision: 2 },
			state.nowMs,
			`Users switched to v2 (${how}); the mirror is removed`,
		);
	const stop = (state: ShadowState, why: string) =>
		logged(
			{ ...settle(state), phase: 'Degraded' as const, mirrorPercent: 0 },
			state.nowMs,
			`Shadow test stopped: ${why}; no user was served by v2`,
		);
	return {
		strategy: 'shadow',
		start: () =>
			mirror(
				{
					phase: 'Healthy',
					pauseReason: null,
					mirrorPercent: 0,
					stableRevision: 1,
					run: null,
					finishedRuns: [],
					nowMs: 0,
					message: '',
					log: [],
				},
				metrics,
				mirrorPercent,
			),
		reconcile(state, nowMs, measure) {
			const now = { ...state, nowMs: Math.max(state.nowMs, nowMs) };
			if (now.phase !== 'Progressing' || now.run === null) return now;
			const run = advanceLiveRun(now.run, now.nowMs, measure('shadow'), 0);
			const next = { ...now, run };
			switch (run.run.phase) {
				case 'Successful':
					return logged(
						{ ...next, phase: 'Paused', pauseReason: 'ShadowComplete' },
						now.nowMs,
						'Shadow analysis Successful: promote to switch users to v2, or abort',
					);
				case 'Inconclusive':
					return logged(
						{ ...next, phase: 'Paused', pauseReason: 'InconclusiveAnalysisRun' },
						now.nowMs,
						'Shadow analysis Inconclusive: a human decides (promote or abort)',
					);
				case 'Failed':
				case 'Error':
					return stop(next, run.run.message || `shadow analysis ${run.run.phase}`);
				default:
					return next;
			}
		},
		command(state, command) {
			if (!commands(state).includes(command)) return state;
			switch (command) {
				case 'promote':
					return switchUsers(state, 'promoted after the shadow test');
				case 'promoteFull':
					return switchUsers(state, 'promoted in full, shadow test skipped');
				case 'abort':
					return stop(state, 'aborted');
				case 'retry':
					return mirror(state, metrics, mirrorPercent);
				case 'rollback':
					return logged(
						{ ...settle(state), phase: 'Healthy', mirrorPercent: 0 },
						state.nowMs,
						'v2 removed; v1 serves every request',
					);
			}
		},
		status(state): RolloutStatus {
			return {
				strategy: 'shadow',
				phase: state.phase,
				pauseReason: state.pauseReason,
				weightPercent: state.stableRevision === 2 ? 100 : 0,
				mirrorPercent: state.mirrorPercent,
				droppedPercent: 0,
				stableRevision: state.stableRevision,
				progress:
					state.mirrorPercent > 0
						? `Mirror ${state.mirrorPercent} %`
						: state.stableRevision === 2
							? 'v2 serves users'
							: 'No mirror',
				replicas: null,
				services: null,
				commands: commands(state),
				...liveRunReport(state),
			};
		},
	};
}
