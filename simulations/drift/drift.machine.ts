/**
 * The drift lab's statechart: idle → running (streaming ⇄ paused) → finished. A run invokes the
 * `clock` callback actor, which owns the monitoring stream and produces one simulated day per tick
 * (`clock.day`); leaving `running` stops the clock by construction, so reset and finish can never
 * leave a timer behind. Each day's results also pass through the monitoring machine's own
 * transition function, so the lab shows exactly the healthy → warning → alerting → acknowledged
 * logic that is tested on its own, rather than a copy of it.
 *
 * Key design decision: the stream (with its cache of recent days) lives inside the clock actor,
 * not in the context, so the context holds only plain results and every transition stays a pure
 * function that tests can drive without timers.
 */
import {
	assign,
	fromCallback,
	initialTransition,
	sendTo,
	setup,
	transition,
	type SnapshotFrom,
} from 'xstate';
import type { ModelArtifact } from '../training/artifact';
import {
	dayObservedEvent,
	defaultStreamConfig,
	type DayResult,
	type DriftScenario,
	type FeatureHistogram,
	type StreamConfig,
} from './drift.model';
import { monitoringMachine } from './monitoring.machine';
import { openStream, type StreamPort, type StreamReply } from './drift.port';

/** The monitoring machine's snapshot, kept inside the lab's context. */
export type MonitoringSnapshot = SnapshotFrom<typeof monitoringMachine>;

/** The lab machine's context. */
export interface DriftLabContext {
	readonly config: StreamConfig;
	/** Days to run before the lab finishes. */
	readonly horizonDays: number;
	/** Real time between simulated days while streaming. */
	readonly dayDelayMs: number;
	/** How a run starts: streaming, or one day then paused. */
	readonly startMode: 'run' | 'step';
	/** A registered model to serve, or null for the default model. */
	readonly artifact: ModelArtifact | null;
	/** Where the served model came from, once a run has started. */
	readonly modelSource: 'registry' | 'default' | null;
	readonly results: readonly DayResult[];
	/** Reference and current-window histograms of every feature, as of the last day. */
	readonly histograms: readonly FeatureHistogram[];
	/** Scenario changes made during the run (day from which they apply). */
	readonly injections: readonly { readonly day: number; readonly scenario: DriftScenario }[];
	readonly monitoring: MonitoringSnapshot;
	readonly error: string | null;
}

/** Events the lab sends. */
export type DriftLabEvent =
	| { readonly type: 'stream.start' }
	| { readonly type: 'stream.pause' }
	| { readonly type: 'stream.step' }
	| { readonly type: 'stream.reset' }
	| {
			readonly type: 'stream.configure';
			readonly config: StreamConfig;
			readonly horizonDays: number;
	  }
	| { readonly type: 'stream.setSpeed'; readonly dayDelayMs: number }
	| { readonly type: 'model.use'; readonly artifact: ModelArtifact | null }
	| { readonly type: 'drift.inject'; readonly scenario: DriftScenario }
	| { readonly type: 'alert.acknowledge' }
	| {
			readonly type: 'clock.day';
			readonly result: DayResult;
			readonly histograms: readonly FeatureHistogram[];
			readonly modelSource: 'registry' | 'default';
	  }
	| { readonly type: 'clock.error'; readonly message: string };

/** Commands the machine sends to the clock. */
export type ClockCommand =
	| { readonly type: 'run' }
	| { readonly type: 'pause' }
	| { readonly type: 'step' }
	| { readonly type: 'speed'; readonly dayDelayMs: number }
	| { readonly type: 'inject'; readonly scenario: DriftScenario };

/** What the clock starts from. */
export interface ClockInput {
	readonly config: StreamConfig;
	readonly artifact: ModelArtifact | null;
	readonly dayDelayMs: number;
	readonly horizonDays: number;
	readonly startMode: 'run' | 'step';
}

/**
 * Builds the simulated clock around a stream port (the real one opens a worker): it asks for a
 * day per tick, `dayDelayMs` apart while running, and never has more than one day in flight, so
 * a slow day delays the next tick instead of piling requests up.
 */
export function clockActor(open: (onReply: (reply: StreamReply) => void) => StreamPort) {
	return fromCallback<ClockCommand, ClockInput, DriftLabEvent>(({ input, sendBack, receive }) => {
		let timer: ReturnType<typeof setTimeout> | undefined;
		let running = input.startMode === 'run';
		let delay = input.dayDelayMs;
		let day = 0;
		let pending = false;
		const schedule = () => {
			if (timer === undefined && !pending && day < input.horizonDays) {
				timer = setTimeout(tick, delay);
			}
		};
		const port = open((reply) => {
			pending = false;
			if (reply.type === 'error') {
				running = false;
				sendBack({ type: 'clock.error', message: reply.message });
				return;
			}
			sendBack({
				type: 'clock.day',
				result: reply.result,
				histograms: reply.histograms,
				modelSource: reply.modelSource,
			});
			if (running) schedule();
		});
		function tick() {
			timer = undefined;
			if (pending || day >= input.horizonDays) return;
			pending = true;
			day++;
			port.post({ type: 'day', day });
		}
		receive((command) => {
			switch (command.type) {
				case 'run':
					running = true;
					schedule();
					break;
				case 'pause':
					running = false;
					clearTimeout(timer);
					timer = undefined;
					break;
				case 'step':
					running = false;
					clearTimeout(timer);
					tick();
					break;
				case 'speed':
					delay = command.dayDelayMs;
					break;
				case 'inject':
					port.post({ type: 'inject', scenario: command.scenario });
					break;
			}
		});
		port.post({ type: 'open', config: input.config, artifact: input.artifact });
		// The first day comes from a timer too, so opening the stream never blocks `start`.
		timer = setTimeout(tick, input.startMode === 'run' ? delay : 0);
		return () => {
			clearTimeout(timer);
			port.terminate();
		};
	});
}

/** The monitoring machine's starting snapshot for a configuration. */
export function monitoringFor(config: StreamConfig): MonitoringSnapshot {
	return initialTransition(monitoringMachine, {
		accuracyThreshold: config.accuracyThreshold,
	})[0];
}

/** The lab's context before any run. */
export function createDriftLabContext(
	config: StreamConfig = defaultStreamConfig,
	horizonDays = 120,
): DriftLabContext {
	return {
		config,
		horizonDays,
		dayDelayMs: 400,
		startMode: 'run',
		artifact: null,
		modelSource: null,
		results: [],
		histograms: [],
		injections: [],
		monitoring: monitoringFor(config),
		error: null,
	};
}

/** Validates speeds from the UI: from 0 (as fast as possible) to 10 s per day. */
export const isValidDayDelay = (ms: number): boolean =>
	Number.isFinite(ms) && ms >= 0 && ms <= 10_000;

/** The drift lab machine. */
export const driftLabMachine = setup({
	types: {
		context: {} as DriftLabContext,
		events: {} as DriftLabEvent,
		input: {} as { config?: StreamConfig; horizonDays?: number } | undefined,
	},
	actors: { clock: clockActor(openStream) },
	guards: {
		isLastDay: ({ context, event }) =>
			event.type === 'clock.day' && event.result.day >= context.horizonDays,
		isValidSpeed: ({ event }) =>
			event.type === 'stream.setSpeed' && isValidDayDelay(event.dayDelayMs),
	},
	actions: {
		startStreaming: assign({ startMode: 'run' }),
		startStepping: assign({ startMode: 'step' }),
		clearRun: assign(({ context }) => ({
			results: [],
			histograms: [],
			injections: [],
			modelSource: null,
			monitoring: monitoringFor(context.config),
			error: null,
		})),
		applyConfig: assign(({ event }) =>
			event.type === 'stream.configure'
				? {
						config: event.config,
						horizonDays: event.horizonDays,
						monitoring: monitoringFor(event.config),
					}
				: {},
		),
		applyModel: assign(({ event }) =>
			event.type === 'model.use' ? { artifact: event.artifact } : {},
		),
		recordSpeed: assign(({ event }) =>
			event.type === 'stream.setSpeed' ? { dayDelayMs: event.dayDelayMs } : {},
		),
		recordScenario: assign(({ context, event }) =>
			event.type === 'drift.inject'
				? { config: { ...context.config, scenario: event.scenario } }
				: {},
		),
		recordInjection: assign(({ context, event }) =>
			event.type === 'drift.inject'
				? {
						config: { ...context.config, scenario: event.scenario },
						injections: [
							...context.injections,
							{ day: (context.results.at(-1)?.day ?? 0) + 1, scenario: event.scenario },
						],
					}
				: {},
		),
		recordDay: assign(({ context, event }) => {
			if (event.type !== 'clock.day') return {};
			const results = [...context.results, event.result];
			const [monitoring] = transition(
				monitoringMachine,
				context.monitoring,
				dayObservedEvent(results, event.result.day, context.config.labelDelayDays),
			);
			return { results, histograms: event.histograms, modelSource: event.modelSource, monitoring };
		}),
		acknowledge: assign(({ context }) => ({
			monitoring: transition(monitoringMachine, context.monitoring, {
				type: 'alert.acknowledge',
			})[0],
		})),
		recordError: assign(({ event }) =>
			event.type === 'clock.error' ? { error: event.message } : {},
		),
		commandRun: sendTo('clock', { type: 'run' }),
		commandPause: sendTo('clock', { type: 'pause' }),
		commandStep: sendTo('clock', { type: 'step' }),
		commandSpeed: sendTo('clock', ({ context }) => ({
			type: 'speed',
			dayDelayMs: context.dayDelayMs,
		})),
		commandInject: sendTo('clock', ({ event }) =>
			event.type === 'drift.inject'
				? { type: 'inject', scenario: event.scenario }
				: { type: 'pause' },
		),
	},
}).createMachine({
	id: 'driftLab',
	context: ({ input }) => createDriftLabContext(input?.config, input?.horizonDays),
	initial: 'idle',
	on: {
		'stream.setSpeed': { guard: 'isValidSpeed', actions: 'recordSpeed' },
		'alert.acknowledge': { actions: 'acknowledge' },
		'stream.reset': { target: '.idle', actions: 'clearRun' },
	},
	states: {
		idle: {
			on: {
				'stream.start': { target: 'running.streaming', actions: 'startStreaming' },
				'stream.step': { target: 'running.paused', actions: 'startStepping' },
				'stream.configure': { actions: 'applyConfig' },
				'model.use': { actions: 'applyModel' },
				'drift.inject': { actions: 'recordScenario' },
			},
		},
		running: {
			entry: 'clearRun',
			initial: 'streaming',
			invoke: {
				id: 'clock',
				src: 'clock',
				input: ({ context }) => ({
					config: context.config,
					artifact: context.artifact,
					dayDelayMs: context.dayDelayMs,
					horizonDays: context.horizonDays,
					startMode: context.startMode,
				}),
			},
			on: {
				'clock.day': [
					{ guard: 'isLastDay', target: 'finished', actions: 'recordDay' },
					{ actions: 'recordDay' },
				],
				'clock.error': { target: '.paused', actions: ['recordError', 'commandPause'] },
				'drift.inject': { actions: ['recordInjection', 'commandInject'] },
				'stream.setSpeed': { guard: 'isValidSpeed', actions: ['recordSpeed', 'commandSpeed'] },
			},
			states: {
				streaming: {
					on: {
						'stream.pause': { target: 'paused', actions: 'commandPause' },
						'stream.step': { target: 'paused', actions: 'commandStep' },
					},
				},
				paused: {
					on: {
						'stream.start': { target: 'streaming', actions: 'commandRun' },
						'stream.step': { actions: 'commandStep' },
					},
				},
			},
		},
		finished: {
			on: {
				'stream.start': { target: 'running.streaming', actions: 'startStreaming' },
				'stream.configure': { target: 'idle', actions: ['applyConfig', 'clearRun'] },
				'drift.inject': { target: 'idle', actions: ['recordScenario', 'clearRun'] },
			},
		},
	},
});
