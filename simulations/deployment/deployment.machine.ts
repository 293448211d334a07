/**
 * The deployment lab's statechart: setup → live → finished. While live, two regions run side by
 * side: `playback` (rolling ⇄ paused, the shared playback pair) and `rollout`, which mirrors the
 * phases every strategy reports in Argo's words (Progressing, Paused on a step or on an
 * inconclusive analysis, Healthy, Degraded) and accepts a command only where the strategy's
 * engine says its tool would: promote while paused, retry only when degraded, undo for a plain
 * Deployment at any time. A run invokes the lab's clock, which owns the rollout service and asks
 * it for one tick of traffic at a time (`clock.tickComputed`). After an abort the clock keeps
 * running (stable serves everyone) so the learner can retry or roll back; a run ends at its
 * horizon, an hour of simulated time.
 *
 * Key decision: the rollout engine and the traffic live in the service, not in the context. The
 * context holds only what the service reported (the rollout's state after each tick, each tick's
 * summary), so every transition here is a pure function a test drives without timers, and the
 * page's main thread never routes a request or takes a measurement.
 */
import { assign, sendTo, setup } from 'xstate';
import type { ClockCommand, ClockInput, ReplyReading } from '../runtime/clock.actor';
import { playbackStates, type Pace, type PlaybackEvent } from '../runtime/playback';
import * as kit from '../runtime/playback.machine';
import { commandTransitions, phaseGuards, phaseRouting } from './phase.machine';
import { canarySpecFrom, defaultCanaryShape } from './deployment.presets';
import type {
	DeploymentReply,
	DeploymentRequest,
	DeploymentRunConfig,
	RolloutCommand,
	RolloutStatus,
	TickSummary,
} from './deployment.protocol';
import { openDeploymentPort } from './deployment.port';

/** The lab's pace: 500 ms per 10-second tick at speed 1. */
export const deploymentPace: Pace = {
	baseDelayMs: 500,
	speeds: [0.5, 1, 2, 4, 8],
	maxDelayMs: 10_000,
};

/**
 * The run the lab starts with: the default canary on a broken candidate. (Built from the shape,
 * not rollout.model's default spec, so the page never imports the traffic world.)
 */
export const defaultRunConfig: DeploymentRunConfig = {
	seed: 7,
	candidate: 'broken',
	strategy: 'canary',
	spec: canarySpecFrom(defaultCanaryShape),
	maxSurgePercent: 25,
	maxUnavailablePercent: 25,
	autoPromotionEnabled: true,
	scaleDownDelaySeconds: 30,
	requestsPerTick: 200,
	tickMs: 10_000,
	horizonTicks: 360,
};

/** The lab machine's context. */
export interface DeploymentLabContext {
	readonly config: DeploymentRunConfig;
	readonly delayMs: number;
	readonly startMode: 'run' | 'step';
	/** The rollout as the service last reported it; null before the first report. */
	readonly rollout: RolloutStatus | null;
	readonly ticks: readonly TickSummary[];
	readonly error: string | null;
}

/** Facts the clock reports (past tense). */
export type DeploymentClockFact =
	| {
			readonly type: 'clock.tickComputed';
			readonly summary: TickSummary;
			readonly rollout: RolloutStatus;
	  }
	| { readonly type: 'clock.commandApplied'; readonly rollout: RolloutStatus }
	| { readonly type: 'clock.failed'; readonly message: string };

/** The learner's commands on the rollout, as Argo names them. */
export type RolloutCommandEvent =
	| { readonly type: 'rollout.promote' }
	| { readonly type: 'rollout.promoteFull' }
	| { readonly type: 'rollout.abort' }
	| { readonly type: 'rollout.retry' }
	| { readonly type: 'rollout.rollback' };

/** Events the lab accepts. */
export type DeploymentLabEvent =
	| PlaybackEvent
	| { readonly type: 'deployment.configure'; readonly config: DeploymentRunConfig }
	| RolloutCommandEvent
	| DeploymentClockFact;

/** The rollout commands, for views asking which are enabled. */
export const rolloutCommandEvents: readonly RolloutCommandEvent[] = [
	{ type: 'rollout.promote' },
	{ type: 'rollout.promoteFull' },
	{ type: 'rollout.abort' },
	{ type: 'rollout.retry' },
	{ type: 'rollout.rollback' },
];

/** What the rollout's clock starts from. */
export interface RolloutClockInput extends ClockInput {
	readonly config: DeploymentRunConfig;
}

/** Reads a service reply into machine facts and its effect on the clock. */
export function readDeploymentReply(reply: DeploymentReply): ReplyReading<DeploymentClockFact> {
	switch (reply.type) {
		case 'tick':
			return {
				events: [{ type: 'clock.tickComputed', summary: reply.summary, rollout: reply.rollout }],
				answersTick: true,
			};
		case 'commanded':
			return {
				events: [{ type: 'clock.commandApplied', rollout: reply.rollout }],
				answersTick: false,
			};
		case 'compared':
			return { events: [], answersTick: false };
		case 'error':
			return {
				events: [{ type: 'clock.failed', message: reply.message }],
				answersTick: true,
				halts: true,
			};
	}
}

/** The rollout's clock around any port (the real one opens a worker) and time source. */
export const rolloutClock = /* @__PURE__ */ kit.labClock<
	DeploymentRequest,
	DeploymentReply,
	DeploymentLabEvent,
	RolloutClockInput
>(openDeploymentPort, {
	opening: (input) => [{ type: 'open', config: input.config }],
	tick: (tick) => ({ type: 'tick', tick }),
	read: readDeploymentReply,
});

type Command = ClockCommand<DeploymentRequest>;

const commandOf = (type: string) => type.slice('rollout.'.length) as RolloutCommand;

/** The lab's context before any run. */
export function createDeploymentLabContext(
	config: DeploymentRunConfig = defaultRunConfig,
): DeploymentLabContext {
	return {
		config,
		delayMs: deploymentPace.baseDelayMs,
		startMode: 'run',
		rollout: null,
		ticks: [],
		error: null,
	};
}

// Reports enter the rollout region's own routing state (a child, hence the leading dot).
const toRouting = { target: '.routing' } as const;

// A phase state's commands, each sent on only when the engine accepts it now.
const accepted = <const Name extends RolloutCommand>(names: readonly Name[]) =>
	commandTransitions(names, () => ({ guard: 'accepts', actions: 'postCommand' }) as const);

/** The deployment lab machine. */
export const deploymentLabMachine = setup({
	types: {
		context: {} as DeploymentLabContext,
		events: {} as DeploymentLabEvent,
		input: {} as { config?: DeploymentRunConfig } | undefined,
	},
	actors: { clock: rolloutClock() },
	guards: {
		horizonReached: ({ context }) => context.ticks.length >= context.config.horizonTicks,
		...phaseGuards((context: DeploymentLabContext) => context.rollout),
		// The engine lists the commands its tool accepts now (kubectl, the Argo plugin).
		accepts: ({ context, event }) =>
			event.type.startsWith('rollout.') &&
			(context.rollout?.commands.includes(commandOf(event.type)) ?? false),
		isValidSpeed: kit.speedGuard(deploymentPace),
	},
	actions: {
		...kit.playbackActions<DeploymentLabContext, DeploymentLabEvent>('clock', 'delayMs'),
		clearRun: assign({ rollout: null, ticks: [], error: null }),
		applyConfig: assign(({ event }) =>
			event.type === 'deployment.configure' ? { config: event.config } : {},
		),
		recordTick: assign(({ context, event }) =>
			event.type === 'clock.tickComputed'
				? { rollout: event.rollout, ticks: [...context.ticks, event.summary] }
				: {},
		),
		recordCommand: assign(({ event }) =>
			event.type === 'clock.commandApplied' ? { rollout: event.rollout } : {},
		),
		recordFailure: assign(({ event }) =>
			event.type === 'clock.failed' ? { error: event.message } : {},
		),
		// The learner's command, named by its event (`rollout.abort` → abort), to the service.
		postCommand: sendTo('clock', ({ event }): Command => ({
			type: 'clock.post',
			request: { type: 'command', command: commandOf(event.type) },
		})),
	},
}).createMachine({
	id: 'deploymentLab',
	context: ({ input }) => createDeploymentLabContext(input?.config),
	initial: 'setup',
	on: {
		'playback.setSpeed': kit.speedSetting,
	},
	states: {
		setup: {
			description: 'Choosing the candidate and the rollout spec; nothing is deployed.',
			on: {
				'deployment.configure': { actions: 'applyConfig' },
				'playback.start': { target: 'live', actions: ['clearRun', 'startRunning'] },
				'playback.step': { target: 'live', actions: ['clearRun', 'startStepping'] },
			},
		},
		live: {
			description: 'Stable (v1) serves; v2 rolls out tick by tick.',
			type: 'parallel',
			invoke: {
				id: 'clock',
				src: 'clock',
				input: ({ context }) => ({
					delayMs: context.delayMs,
					horizon: context.config.horizonTicks,
					startMode: context.startMode,
					config: context.config,
				}),
			},
			on: {
				'playback.reset': { target: 'setup', actions: 'clearRun' },
				'playback.setSpeed': kit.speedChange,
				'clock.failed': { target: 'finished', actions: 'recordFailure' },
			},
			states: {
				playback: { initial: 'rolling', states: playbackStates('rolling') },
				rollout: {
					initial: 'progressing',
					on: {
						'clock.tickComputed': { ...toRouting, actions: 'recordTick' },
						'clock.commandApplied': { ...toRouting, actions: 'recordCommand' },
					},
					states: {
						// Picks the state for the phase the service reported; entered after every report.
						routing: {
							always: phaseRouting('paused.pauseStep', 'paused.inconclusive', {
								guard: 'horizonReached',
								target: '#deploymentLab.finished',
							}),
						},
						progressing: {
							description: 'Progressing: weights, pods, switches and analysis runs are moving.',
							on: accepted(['promoteFull', 'abort', 'rollback']),
						},
						paused: {
							description:
								'Paused: a pause step, a blue/green preview or a finished shadow test, or an inconclusive analysis, waiting for a human.',
							initial: 'pauseStep',
							states: { pauseStep: {}, inconclusive: {} },
							on: accepted(['promote', 'promoteFull', 'abort']),
						},
						healthy: {
							description:
								'Healthy: one version serves everyone; undo or a fast switch back may still be offered.',
							on: accepted(['rollback']),
						},
						degraded: {
							description:
								'Degraded: aborted, all traffic back on stable, until retry or rollback.',
							on: accepted(['retry', 'rollback']),
						},
					},
				},
			},
		},
		finished: {
			description: 'The run reached its horizon (or failed); reset to run again.',
			on: { 'playback.reset': { target: 'setup', actions: 'clearRun' } },
		},
	},
});
