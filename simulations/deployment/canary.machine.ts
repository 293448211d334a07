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
	abortRollout,
	createCanaryState,
	deployRevision,
	promoteRollout,
	promoteRolloutFull,
	reconcileRollout,
	retryRollout,
	rollbackRollout,
	type CanarySpec,
	type CanaryState,
	type RolloutMeasurer,
} from './canary.model';

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

/** The canary rollout machine. */
export const canaryMachine = setup({
	types: {
		context: {} as CanaryMachineContext,
		events: {} as CanaryMachineEvent,
		input: {} as CanaryMachineInput,
	},
	guards: {
		nothingDeployed: ({ context }) => context.rollout.stableRevision === null,
		isHealthy: ({ context }) => context.rollout.phase === 'Healthy',
		isDegraded: ({ context }) => context.rollout.phase === 'Degraded',
		isInconclusive: ({ context }) =>
			context.rollout.phase === 'Paused' &&
			context.rollout.pauseReason === 'InconclusiveAnalysisRun',
		isPaused: ({ context }) => context.rollout.phase === 'Paused',
	},
	actions: {
		deploy: assign({
			rollout: ({ context, event }) =>
				event.type === 'rollout.deploy'
					? deployRevision(context.rollout, event.revision)
					: context.rollout,
		}),
		promote: assign({ rollout: ({ context }) => promoteRollout(context.rollout) }),
		promoteFull: assign({ rollout: ({ context }) => promoteRolloutFull(context.rollout) }),
		abort: assign({ rollout: ({ context }) => abortRollout(context.rollout) }),
		retry: assign({ rollout: ({ context }) => retryRollout(context.rollout) }),
		rollback: assign({ rollout: ({ context }) => rollbackRollout(context.rollout) }),
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
			always: [
				{ guard: 'nothingDeployed', target: 'idle' },
				{ guard: 'isHealthy', target: 'healthy' },
				{ guard: 'isDegraded', target: 'degraded' },
				{ guard: 'isInconclusive', target: '#canary.paused.inconclusive' },
				{ guard: 'isPaused', target: '#canary.paused.pauseStep' },
				{ target: 'progressing' },
			],
		},
		idle: {
			description: 'Nothing deployed yet: the first deployment will skip the steps.',
			on: { 'rollout.deploy': { ...toRouting, actions: 'deploy' } },
		},
		healthy: {
			description: 'Healthy: the stable revision takes all traffic.',
			on: { 'rollout.deploy': { ...toRouting, actions: 'deploy' } },
		},
		progressing: {
			description: 'Progressing: steps are running (weights, analysis).',
			on: {
				'clock.tick': { ...toRouting, actions: 'reconcile' },
				'rollout.deploy': { ...toRouting, actions: 'deploy' },
				'rollout.promoteFull': { ...toRouting, actions: 'promoteFull' },
				'rollout.abort': { ...toRouting, actions: 'abort' },
				'rollout.rollback': { ...toRouting, actions: 'rollback' },
			},
		},
		paused: {
			description: 'Paused: waiting for time to pass or for a human.',
			initial: 'pauseStep',
			states: {
				pauseStep: { description: 'A pause step (CanaryPauseStep), timed or indefinite.' },
				inconclusive: { description: 'An analysis was inconclusive (InconclusiveAnalysisRun).' },
			},
			on: {
				'clock.tick': { ...toRouting, actions: 'reconcile' },
				'rollout.promote': { ...toRouting, actions: 'promote' },
				'rollout.deploy': { ...toRouting, actions: 'deploy' },
				'rollout.promoteFull': { ...toRouting, actions: 'promoteFull' },
				'rollout.abort': { ...toRouting, actions: 'abort' },
				'rollout.rollback': { ...toRouting, actions: 'rollback' },
			},
		},
		degraded: {
			description: 'Degraded: aborted, all traffic on stable, until retry or rollback.',
			on: {
				'rollout.retry': { ...toRouting, actions: 'retry' },
				'rollout.rollback': { ...toRouting, actions: 'rollback' },
				'rollout.deploy': { ...toRouting, actions: 'deploy' },
			},
		},
	},
});
