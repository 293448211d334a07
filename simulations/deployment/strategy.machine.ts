/**
 * Any live strategy (recreate, rolling update, shadow, blue/green — or the canary through its
 * engine) as an XState v5 machine, for tests and for anyone building on the library. The states
 * are the phases every engine reports in Argo's words — Progressing, Paused (on a step, a
 * blue/green preview or a finished shadow test, or on an inconclusive analysis), Healthy,
 * Degraded — and a transient `routing` state picks the phase the engine arrived at after each
 * event. A command is accepted only when the engine lists it in its status, so the machine never
 * holds rules of its own about which tool allows what.
 *
 * Key decision: as in the canary machine, no clock and no timers inside; `clock.tick` events
 * carry the simulated time and, if they like, their own measurer (one per traffic side).
 */
import { assign, setup } from 'xstate';
import type { MeasureResult } from './analysis.model';
import type { LiveEngine, RolloutCommand, RolloutStatus, SideMeasurer } from './live.model';
import { pausedPhase, phaseGuards, phaseRouting } from './phase.machine';

/** What the machine starts from: an engine, and a measurer for ticks that bring none. */
export interface StrategyMachineInput {
	engine: LiveEngine<unknown>;
	measure?: SideMeasurer;
}

/** The machine's context: the engine, its state, and the default measurer. */
export interface StrategyMachineContext {
	engine: LiveEngine<unknown>;
	state: unknown;
	measure: SideMeasurer;
}

/** Events: the learner's commands (`rollout.*`) and the clock's ticks. */
export type StrategyMachineEvent =
	| { type: 'rollout.promote' }
	| { type: 'rollout.promoteFull' }
	| { type: 'rollout.abort' }
	| { type: 'rollout.retry' }
	| { type: 'rollout.rollback' }
	| { type: 'clock.tick'; nowMs: number; measure?: SideMeasurer };

// With no measurer a metric finds no data: an Error measurement, as Argo's provider would give.
const noData: SideMeasurer = () => (): MeasureResult => 'Error';

/** The status of the machine's engine state. */
export function strategyStatus(context: StrategyMachineContext): RolloutStatus {
	return context.engine.status(context.state);
}

const commandOf = (type: string) => type.slice('rollout.'.length) as RolloutCommand;
const toRouting = { target: '#strategy.routing' } as const;
const command = { ...toRouting, guard: 'accepts', actions: 'command' } as const;
const commands = {
	'rollout.promote': command,
	'rollout.promoteFull': command,
	'rollout.abort': command,
	'rollout.retry': command,
	'rollout.rollback': command,
	'clock.tick': { ...toRouting, actions: 'reconcile' },
} as const;

/** The live strategy machine. */
export const strategyMachine = setup({
	types: {
		context: {} as StrategyMachineContext,
		events: {} as StrategyMachineEvent,
		input: {} as StrategyMachineInput,
	},
	guards: {
		accepts: ({ context, event }) =>
			event.type !== 'clock.tick' &&
			strategyStatus(context).commands.includes(commandOf(event.type)),
		...phaseGuards(strategyStatus),
	},
	actions: {
		command: assign({
			state: ({ context, event }) =>
				event.type === 'clock.tick'
					? context.state
					: context.engine.command(context.state, commandOf(event.type)),
		}),
		reconcile: assign({
			state: ({ context, event }) =>
				event.type === 'clock.tick'
					? context.engine.reconcile(context.state, event.nowMs, event.measure ?? context.measure)
					: context.state,
		}),
	},
}).createMachine({
	id: 'strategy',
	context: ({ input }) => ({
		engine: input.engine,
		state: input.engine.start(),
		measure: input.measure ?? noData,
	}),
	initial: 'routing',
	states: {
		routing: {
			always: phaseRouting('paused.waiting', 'paused.inconclusive'),
		},
		progressing: {
			description: 'Progressing: pods, weights, switches or analysis runs are moving.',
			on: commands,
		},
		paused: pausedPhase(
			'waiting',
			'A pause step, a blue/green preview, a finished shadow test.',
			commands,
		),
		healthy: {
			description: 'Healthy: one version serves everyone; undo may still be offered.',
			on: commands,
		},
		degraded: {
			description: 'Degraded: aborted or failed, users on stable, until retry or rollback.',
			on: commands,
		},
	},
});
