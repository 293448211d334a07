/**
 * The two strategies of a plain Kubernetes Deployment, live: Recreate (every old pod is killed
 * before any new pod is created, so nobody is served until the new pods start) and
 * RollingUpdate (new pods are added within maxSurge and old ones removed while at most
 * maxUnavailable are missing, as rolling.model computes). Traffic follows the available pods,
 * as a Service spreads requests over its ready endpoints. Neither strategy looks at metrics: a
 * broken v2 rolls out in full unless the learner runs `kubectl rollout undo` (the `rollback`
 * command), which rolls back with the same strategy — a second outage for Recreate, a reverse
 * wave for RollingUpdate.
 *
 * Key decision: messages are `kubectl rollout status`'s sentences, and a Deployment has no
 * Paused or Degraded phase here (no analysis can fail it), so only rollback is offered.
 */
import type { RolloutLogEntry, RolloutPhase } from './canary.model';
import { logged, type LiveEngine, type RolloutStatus } from './live.model';
import {
	availablePods,
	syncRollingSets,
	type IntOrPercent,
	type RollingSets,
} from './rolling.model';

/** What a Deployment in the lab is made of. */
export interface WorkloadOptions {
	readonly name: string;
	readonly replicas: number;
	readonly tickMs: number;
	/** Ticks a pod takes from creation to ready. */
	readonly startupTicks: number;
	readonly maxSurge?: IntOrPercent;
	readonly maxUnavailable?: IntOrPercent;
}

/** A live Deployment, either strategy. */
export interface WorkloadState {
	readonly strategy: 'recreate' | 'rolling';
	readonly sets: RollingSets;
	/** The revision the Deployment's template asks for. */
	readonly desiredRevision: number;
	readonly phase: RolloutPhase;
	readonly tick: number;
	readonly message: string;
	readonly log: readonly RolloutLogEntry[];
}

const other = (revision: number) => (revision === 1 ? 2 : 1);

function pods(revision: number, count: number, readyAt: number) {
	return { revision, readyAtTick: Array.from({ length: count }, () => readyAt) };
}

function counts(state: WorkloadState) {
	const { newRS, oldRS } = state.sets;
	const of = (revision: number) => (newRS.revision === revision ? newRS : oldRS);
	return {
		v1: of(1).readyAtTick.length,
		v1Available: availablePods(of(1), state.tick),
		v2: of(2).readyAtTick.length,
		v2Available: availablePods(of(2), state.tick),
	};
}

function rolloutStatusLine(state: WorkloadState, name: string): string {
	const { newRS, oldRS } = state.sets;
	const updated = newRS.readyAtTick.length;
	const available = availablePods(newRS, state.tick);
	const desired = state.sets.replicas;
	if (updated < desired) {
		return `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${desired} new replicas have been updated...`;
	}
	if (oldRS.readyAtTick.length > 0) {
		return `Waiting for deployment "${name}" rollout to finish: ${oldRS.readyAtTick.length} old replicas are pending termination...`;
	}
	if (available < desired) {
		return `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...`;
	}
	return `deployment "${name}" successfully rolled out`;
}

function complete(state: WorkloadState): boolean {
	const { newRS, oldRS, replicas } = state.sets;
	return oldRS.readyAtTick.length === 0 && availablePods(newRS, state.tick) === replicas;
}

/** Starts the update to `revision` at `tick`: the new set becomes the one scaled up. */
function update(state: WorkloadState, revision: number, tick: number, atMs: number, name: string) {
	const { newRS, oldRS } = state.sets;
	const next = newRS.revision === revision ? newRS : oldRS;
	const previous = newRS.revision === revision ? oldRS : newRS;
	let sets: RollingSets = { ...state.sets, newRS: next, oldRS: previous };
	if (state.strategy === 'recreate') {
		// Recreate: scale every old pod to zero first; the new set is created only once they are
		// gone (here, within the same tick), so nothing is available until its pods start.
		sets = {
			...sets,
			oldRS: { ...previous, readyAtTick: [] },
			newRS: pods(revision, sets.replicas, tick + sets.startupTicks),
		};
	}
	const started: WorkloadState = {
		...state,
		sets,
		desiredRevision: revision,
		phase: 'Progressing',
		tick,
	};
	return logged(
		started,
		atMs,
		`deployment.apps/${name} ${revision === 2 ? 'image updated to v2' : 'rolled back to v1'} (strategy ${state.strategy === 'recreate' ? 'Recreate' : 'RollingUpdate'})`,
	);
}

/** A Deployment engine: Recreate or RollingUpdate over `replicas` pods of v1. */
export function workloadEngine(
	strategy: 'recreate' | 'rolling',
	options: WorkloadOptions,
): LiveEngine<WorkloadState> {
	const { name, tickMs } = options;
	const reconcileAt = (state: WorkloadState, tick: number): WorkloadState => {
		let next: WorkloadState = { ...state, tick };
		if (strategy === 'rolling') next = { ...next, sets: syncRollingSets(next.sets, tick) };
		if (next.phase === 'Progressing' && complete(next)) {
			return logged({ ...next, phase: 'Healthy' }, tick * tickMs, rolloutStatusLine(next, name));
		}
		return next.phase === 'Progressing'
			? { ...next, message: rolloutStatusLine(next, name) }
			: next;
	};
	const engine: LiveEngine<WorkloadState> = {
		strategy,
		start() {
			const initial: WorkloadState = {
				strategy,
				sets: {
					replicas: options.replicas,
					maxSurge: options.maxSurge ?? '25%',
					maxUnavailable: options.maxUnavailable ?? '25%',
					startupTicks: options.startupTicks,
					newRS: pods(1, options.replicas, 0),
					oldRS: pods(2, 0, 0),
				},
				desiredRevision: 1,
				phase: 'Healthy',
				tick: 0,
				message: '',
				log: [],
			};
			// The controller acts on the new template at once (tick 0), before any traffic.
			return reconcileAt(update(initial, 2, 0, 0, name), 0);
		},
		// The state at the end of tick n is what serves tick n + 1 (which starts at n · tickMs).
		reconcile: (state, nowMs) => reconcileAt(state, Math.round(nowMs / tickMs)),
		command(state, command) {
			if (command !== 'rollback') return state;
			const atMs = state.tick * tickMs;
			return reconcileAt(
				update(state, other(state.desiredRevision), state.tick, atMs, name),
				state.tick,
			);
		},
		status(state): RolloutStatus {
			const c = counts(state);
			const available = c.v1Available + c.v2Available;
			return {
				strategy,
				phase: state.phase,
				pauseReason: null,
				weightPercent: available === 0 ? 0 : (100 * c.v2Available) / available,
				mirrorPercent: 0,
				droppedPercent: available === 0 ? 100 : 0,
				stableRevision:
					state.phase === 'Healthy' ? state.desiredRevision : other(state.desiredRevision),
				// Ready pods of each version over the pods it has, as `kubectl get rs` shows them.
				progress: `v2 ${c.v2Available}/${c.v2} · v1 ${c.v1Available}/${c.v1} pods`,
				replicas: {
					stable: c.v1,
					stableAvailable: c.v1Available,
					candidate: c.v2,
					candidateAvailable: c.v2Available,
				},
				services: null,
				commands: ['rollback'],
				analysisRuns: [],
				message: state.message,
				log: state.log,
			};
		},
	};
	return engine;
}
