/**
 * Kubernetes' RollingUpdate, as its deployment controller computes it
 * (pkg/controller/deployment/rolling.go and util/deployment_util.go): maxSurge and maxUnavailable
 * are ints or percentages of the desired replicas; surge rounds up and unavailability rounds down
 * (so 25 %/25 % of 10 replicas is 3 and 2); if both resolve to 0, unavailability becomes 1 so the
 * rollout cannot stall (explicit 0/0 is rejected by validation). Each sync scales the new
 * ReplicaSet up as far as the surge allows (NewRSNewReplicas), otherwise scales old ReplicaSets
 * down as far as availability allows (reconcileOldReplicaSets); new pods become available only
 * after they start, so the timeline shows the wave the learner sees in `kubectl rollout status`.
 *
 * Key decision: time is counted in ticks and a pod takes `startupTicks` to become available; the
 * controller syncs until nothing changes within a tick, as it would react to each pod event.
 */

/** An int-or-percent value, as in `maxSurge: 25%` or `maxSurge: 1`. */
export type IntOrPercent = number | string;

/** Kubernetes' defaults for both fenceposts. */
export const DEFAULT_MAX_SURGE: IntOrPercent = '25%';
export const DEFAULT_MAX_UNAVAILABLE: IntOrPercent = '25%';

/**
 * apimachinery's GetScaledValueFromIntOrPercent: an int as is; a percentage of `total`, rounded
 * up or down. Throws with apimachinery's message for a string that is not a percentage.
 */
export function scaledValue(value: IntOrPercent, total: number, roundUp: boolean): number {
	if (typeof value === 'number') return value;
	if (!value.endsWith('%')) throw new Error('invalid type: string is not a percentage');
	const digits = value.slice(0, -1);
	if (!/^[+-]?\d+$/.test(digits)) {
		throw new Error(
			`invalid value for IntOrString: invalid value ${JSON.stringify(value)}: strconv.Atoi: parsing ${JSON.stringify(digits)}: invalid syntax`,
		);
	}
	const scaled = (Number.parseInt(digits, 10) * total) / 100;
	return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/** The resolved surge and unavailability for `desired` replicas (ResolveFenceposts). */
export function resolveFenceposts(
	maxSurge: IntOrPercent,
	maxUnavailable: IntOrPercent,
	desired: number,
): { surge: number; unavailable: number } {
	const surge = scaledValue(maxSurge, desired, true);
	let unavailable = scaledValue(maxUnavailable, desired, false);
	// Rounding down can make both zero; a rollout must be able to move, so allow one.
	if (surge === 0 && unavailable === 0) unavailable = 1;
	return { surge, unavailable };
}

/**
 * The replica count the new ReplicaSet may scale to (NewRSNewReplicas, rolling update):
 * up to desired + surge pods in all, never more than desired for the new set.
 */
export function newReplicaSetReplicas(
	desired: number,
	maxSurge: IntOrPercent,
	allReplicas: number,
	newReplicas: number,
): number {
	const surge = scaledValue(maxSurge, desired, true);
	const maxTotal = desired + surge;
	if (allReplicas >= maxTotal) return newReplicas;
	const scaleUp = Math.min(maxTotal - allReplicas, desired - newReplicas);
	return newReplicas + scaleUp;
}

/**
 * Validation of the fenceposts, with the messages of Kubernetes' apps validation
 * (ValidateRollingUpdateDeployment); null when valid.
 */
export function validateRollingUpdate(
	maxSurge: IntOrPercent,
	maxUnavailable: IntOrPercent,
): string | null {
	for (const [field, value] of [
		['maxUnavailable', maxUnavailable],
		['maxSurge', maxSurge],
	] as const) {
		if (typeof value === 'number') {
			if (value < 0)
				return `spec.strategy.rollingUpdate.${field}: Invalid value: ${value}: must be greater than or equal to 0`;
			continue;
		}
		if (!/^\d+%$/.test(value)) {
			return `spec.strategy.rollingUpdate.${field}: Invalid value: ${JSON.stringify(value)}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`;
		}
	}
	const isZero = (v: IntOrPercent) =>
		typeof v === 'number' ? v === 0 : Number.parseInt(v, 10) === 0;
	if (isZero(maxSurge) && isZero(maxUnavailable)) {
		return `spec.strategy.rollingUpdate.maxUnavailable: Invalid value: ${JSON.stringify(maxUnavailable)}: may not be 0 when \`maxSurge\` is 0`;
	}
	if (typeof maxUnavailable === 'string' && Number.parseInt(maxUnavailable, 10) > 100) {
		return `spec.strategy.rollingUpdate.maxUnavailable: Invalid value: ${JSON.stringify(maxUnavailable)}: must not be greater than 100%`;
	}
	return null;
}

/** One tick of a rolling update. */
export interface ReplicaFrame {
	tick: number;
	oldReplicas: number;
	oldAvailable: number;
	newReplicas: number;
	newAvailable: number;
}

/** A rolling update's inputs. */
export interface RollingUpdateOptions {
	replicas: number;
	maxSurge?: IntOrPercent;
	maxUnavailable?: IntOrPercent;
	/** Ticks a new pod takes to become available. */
	startupTicks: number;
	/** Stop after this many ticks at most. */
	maxTicks?: number;
}

/**
 * The replica timeline of a rolling update from `replicas` old pods to `replicas` new ones, one
 * frame per tick (after that tick's syncs), until the old set is gone and every new pod is up.
 */
export function rollingUpdateTimeline(options: RollingUpdateOptions): ReplicaFrame[] {
	const desired = options.replicas;
	const maxSurge = options.maxSurge ?? DEFAULT_MAX_SURGE;
	const { unavailable } = resolveFenceposts(
		maxSurge,
		options.maxUnavailable ?? DEFAULT_MAX_UNAVAILABLE,
		desired,
	);
	const maxUnavailable = Math.min(unavailable, desired);
	let oldReplicas = desired;
	// Ready times of the new set's pods, oldest first.
	const newPods: number[] = [];
	const frames: ReplicaFrame[] = [];
	const limit = options.maxTicks ?? 1000;
	for (let tick = 0; tick < limit; tick++) {
		const newAvailable = () => newPods.filter((readyAt) => readyAt <= tick).length;
		for (let changed = true; changed;) {
			changed = false;
			// Scale up, if we can.
			const target = newReplicaSetReplicas(
				desired,
				maxSurge,
				oldReplicas + newPods.length,
				newPods.length,
			);
			while (newPods.length < target) {
				newPods.push(tick + options.startupTicks);
				changed = true;
			}
			if (changed) continue;
			// Scale down, if we can: old pods are all healthy, so only availability limits it.
			if (oldReplicas === 0) break;
			const minAvailable = desired - maxUnavailable;
			const all = oldReplicas + newPods.length;
			const newUnavailable = newPods.length - newAvailable();
			if (all - minAvailable - newUnavailable <= 0) break;
			const available = oldReplicas + newAvailable();
			if (available <= minAvailable) break;
			const down = Math.min(oldReplicas, available - minAvailable);
			oldReplicas -= down;
			changed = down > 0;
		}
		frames.push({
			tick,
			oldReplicas,
			oldAvailable: oldReplicas,
			newReplicas: newPods.length,
			newAvailable: newAvailable(),
		});
		if (oldReplicas === 0 && newAvailable() === desired) break;
	}
	return frames;
}

/** A ReplicaSet of a Deployment in the live lab: its revision and when each pod is (or was) ready. */
export interface LiveReplicaSet {
	readonly revision: number;
	/** The tick each pod becomes available, oldest pod first. */
	readonly readyAtTick: readonly number[];
}

/** A live rolling update: the desired count, the fenceposts, and the new and old ReplicaSets. */
export interface RollingSets {
	readonly replicas: number;
	readonly maxSurge: IntOrPercent;
	readonly maxUnavailable: IntOrPercent;
	readonly startupTicks: number;
	readonly newRS: LiveReplicaSet;
	readonly oldRS: LiveReplicaSet;
}

/** Pods of a set that are available at `tick`. */
export function availablePods(set: LiveReplicaSet, tick: number): number {
	return set.readyAtTick.filter((readyAt) => readyAt <= tick).length;
}

/**
 * One tick of the deployment controller on live ReplicaSets (rolling.go reconcileNewReplicaSet
 * and reconcileOldReplicaSets): scale the new set up within the surge; otherwise clean up old
 * pods that are not available (they cost no availability), then scale old available pods down
 * to the minimum available. Unlike `rollingUpdateTimeline`, the old set may hold pods still
 * starting, which is what an undo half-way through leaves: the sets swap roles and the
 * controller rolls back with the same rules.
 */
export function syncRollingSets(sets: RollingSets, tick: number): RollingSets {
	const desired = sets.replicas;
	const { unavailable } = resolveFenceposts(sets.maxSurge, sets.maxUnavailable, desired);
	const minAvailable = desired - Math.min(unavailable, desired);
	const newPods = [...sets.newRS.readyAtTick];
	let oldPods = [...sets.oldRS.readyAtTick];
	for (let changed = true; changed;) {
		changed = false;
		const target = newReplicaSetReplicas(
			desired,
			sets.maxSurge,
			oldPods.length + newPods.length,
			newPods.length,
		);
		while (newPods.length < target) {
			newPods.push(tick + sets.startupTicks);
			changed = true;
		}
		if (changed) continue;
		if (oldPods.length === 0) break;
		const newUnavailable = newPods.filter((r) => r > tick).length;
		const maxScaledDown = oldPods.length + newPods.length - minAvailable - newUnavailable;
		if (maxScaledDown <= 0) break;
		// cleanupUnhealthyReplicas: old pods that are not available go first; they cost nothing.
		const unhealthy = oldPods.filter((r) => r > tick).length;
		const cleanup = Math.min(unhealthy, maxScaledDown);
		if (cleanup > 0) {
			let left = cleanup;
			oldPods = oldPods.filter((r) => !(r > tick && left-- > 0));
			changed = true;
		}
		const available = oldPods.filter((r) => r <= tick).length + newPods.length - newUnavailable;
		if (available > minAvailable) {
			const down = Math.min(oldPods.length, available - minAvailable);
			oldPods = oldPods.slice(0, oldPods.length - down);
			changed = changed || down > 0;
		}
	}
	return {
		...sets,
		newRS: { ...sets.newRS, readyAtTick: newPods },
		oldRS: { ...sets.oldRS, readyAtTick: oldPods },
	};
}
