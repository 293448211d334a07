/**
 * The parts of a statechart whose states are Argo Rollouts' phases (Healthy, Progressing,
 * Paused on a step or on an inconclusive analysis, Degraded), shared by the canary machine, the
 * strategy machine and the deployment lab's machine: the guards that read the phase a rollout
 * reports, the `routing` choices that enter the state for it, and the command transitions a
 * phase state lists by name.
 *
 * Key decision: the phase is read, never decided, here. Each machine says where its status
 * lives (`statusOf`) and what it checks before the phase (nothing deployed, the horizon); the
 * engines alone decide phases and which commands their tool accepts.
 */
import type { RolloutPhase } from './canary.model';

/** What the guards read of a rollout's status. */
interface PhaseReport {
	readonly phase: RolloutPhase;
	readonly pauseReason: string | null;
}

/** Guards on the reported phase; `statusOf` reads it from the context (null before a report). */
export function phaseGuards<Context>(statusOf: (context: Context) => PhaseReport | null) {
	const phaseIs =
		(phase: RolloutPhase) =>
		({ context }: { context: Context }): boolean =>
			statusOf(context)?.phase === phase;
	return {
		isHealthy: phaseIs('Healthy'),
		isDegraded: phaseIs('Degraded'),
		isInconclusive: ({ context }: { context: Context }): boolean => {
			const status = statusOf(context);
			return status?.phase === 'Paused' && status.pauseReason === 'InconclusiveAnalysisRun';
		},
		isPaused: phaseIs('Paused'),
	};
}

/**
 * The routing choices by phase, after what the machine checks first (`first`: nothing deployed
 * yet, the run's horizon), into the `paused` children named here.
 */
export function phaseRouting<
	const Paused extends string,
	const Inconclusive extends string,
	const First extends readonly object[] = [],
>(paused: Paused, inconclusive: Inconclusive, ...first: First) {
	return [
		...first,
		{ guard: 'isHealthy', target: 'healthy' },
		{ guard: 'isDegraded', target: 'degraded' },
		{ guard: 'isInconclusive', target: inconclusive },
		{ guard: 'isPaused', target: paused },
		{ target: 'progressing' },
	] as const;
}

/**
 * The Paused phase of a machine that waits for time or a human: its `waiting` child (a pause
 * step, a preview) and `inconclusive` (an analysis a human must judge), with the state's `on`.
 */
export function pausedPhase<const Waiting extends string, const On extends object>(
	waiting: Waiting,
	description: string,
	on: On,
) {
	return {
		description: 'Paused: waiting for time to pass or for a human.',
		initial: waiting,
		states: {
			[waiting]: { description },
			inconclusive: { description: 'An analysis was inconclusive (InconclusiveAnalysisRun).' },
		} as Record<Waiting | 'inconclusive', { readonly description: string }>,
		on,
	};
}

/**
 * The transitions of the learner's commands `names` (`rollout.<name>`), each made by
 * `transition` from its command's name.
 */
export function commandTransitions<const Name extends string, const Transition>(
	names: readonly Name[],
	transition: (name: Name) => Transition,
) {
	return Object.fromEntries(names.map((name) => [`rollout.${name}`, transition(name)])) as {
		[Key in Name as `rollout.${Key}`]: Transition;
	};
}
