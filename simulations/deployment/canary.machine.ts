/**
 * The canary rollout as an XState v5 machine, for the lab's statechart and controls. The
 * machine's states are Argo's Rollout phases (Healthy, Progressing, Paused — split into a pause
 * step and an inconclusive analysis — and Degraded), plus `idle` before anything is deployed.
 * The pure step engine (canary.model.ts) holds the rollout's data; each event runs one engine
 * function and a transient `routing` state picks the phase the engine arrived at, so a state
 * accepts only the events that make sense in it (there is no promote while Healthy).
 *
 * Key decision: no clock and no timers inside. Time arrives in `clock.tick` events carrying the
 * simulated time, so the lab kit's clock actor (playback start, pause, step, speed) drives the
 * rollout, and a test can jump an hour in one event. Measurements come from a measurer given as
 * input or with the tick; with neither, a measurement finds no data and is an Error, as an Argo
 * metric whose provider returns nothing. There is no long work, so there is no actor.
 */
import { assign, setup } from 'xstate';
import {
	canaryCommandSteps as step,
	createCanaryState,
	deployRevision,
	reconcileRollout,
	type CanarySpec,
	type CanaryState,
	type RolloutMeasurer,
} from './canary.model';
import { commandTransitions, pausedPhase, phaseGuards, phaseRouting } from './phase.machine';

/** What the machine starts from. */
export interface CanaryMachineInput {
	spec: CanarySpec;
	/** Takes measurements; ticks may bring their own. */
	measure?: RolloutMeasurer;
}

/** The machine's context: the engine's state and the default measurer. */
export interface CanaryMachineContext {
	rollout: CanaryState;
	measure: RolloutMeasurer;
}

/** Events: the learner's commands (`rollout.*`) and the clock's ticks. */
export type CanaryMachineEvent =
	| { type: 'rollout.deploy'; revision: number }
	| { type: 'rollout.promote' }
	| { type: 'rollout.promoteFull' }
	| { type: 'rollout.abort' }
	| { type: 'rollout.retry' }
	| { type: 'rollout.rollback' }
	| { type: 'clock.tick'; nowMs: number; measure?: RolloutMeasurer };

const noData: RolloutMeasurer = () => 'Error';

const toRouting = { target: 'routing' } as const;
// A state's commands: each runs its engine function, then routing enters the phase reached.
const routed = <const Name extends string>(names: readonly Name[]) =>
	commandTransitions(names, (name) => ({ ...toRouting, actions: name }));

/** The canary rollout machine. */
export const canaryMachine = setup({
	types: {
		context: {} as CanaryMachineContext,
		events: {} as CanaryMachineEvent,
		input: {} as CanaryMachineInput,
	},
	guards: {
		nothingDeployed: ({ context }) => context.rollout.stableRevision === null,
		...phaseGuards((context: CanaryMachineContext) => context.rollout),
	},
	actions: {
		deploy: assign({
			rollout: ({ context, event }) =>
				event.type === 'rollout.deploy'
					? deployRevision(context.rollout, event.revision)
					: context.rollout,
		}),
		promote: assign({ rollout: ({ context }) => step.promote(context.rollout) }),
		promoteFull: assign({ rollout: ({ context }) => step.promoteFull(context.rollout) }),
		abort: assign({ rollout: ({ context }) => step.abort(context.rollout) }),
		retry: assign({ rollout: ({ context }) => step.retry(context.rollout) }),
		rollback: assign({ rollout: ({ context }) => step.rollback(context.rollout) }),
		reconcile: assign({
			rollout: ({ context, event }) =>
				event.type === 'clock.tick'
					? reconcileRollout(context.rollout, event.nowMs, event.measure ?? context.measure)
					: context.rollout,
		}),
	},
}).createMachine({
	id: 'canary',
	context: ({ input }) => ({
		rollout: createCanaryState(input.spec),
		measure: input.measure ?? noData,
	}),
	initial: 'idle',
	states: {
		// Picks the state for the phase the engine reached; entered after every event.
		routing: {
			always: phaseRouting('#canary.paused.pauseStep', '#canary.paused.inconclusive', {
				guard: 'nothingDeployed',
				target: 'idle',
			}),
		},
		idle: {
			description: 'Nothing deployed yet: the first deployment will skip the steps.',
			on: routed(['deploy']),
		},
		healthy: {
			description: 'Healthy: the stable revision takes all traffic.',
			on: routed(['deploy']),
		},
		progressing: {
			description: 'Progressing: steps are running (weights, analysis).',
			on: {
				'clock.tick': { ...toRouting, actions: 'reconcile' },
				...routed(['deploy', 'promoteFull', 'abort', 'rollback']),
			},
		},
		paused: pausedPhase('pauseStep', 'A pause step (CanaryPauseStep), timed or indefinite.', {
			'clock.tick': { ...toRouting, actions: 'reconcile' },
			...routed(['promote', 'deploy', 'promoteFull', 'abort', 'rollback']),
		}),
		degraded: {
			description: 'Degraded: aborted, all traffic on stable, until retry or rollback.',
			on: routed(['retry', 'rollback', 'deploy']),
		},
	},
});
