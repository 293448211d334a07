/**
 * The drift lab's statechart: idle → running (streaming ⇄ paused, the shared playback pair) →
 * finished. A run invokes the lab's clock (`runtime/clock.actor`), which owns the stream service
 * and asks it for one simulated day per tick (`clock.dayComputed`); leaving `running` stops the
 * clock by construction, so reset and finish can never leave a timer or a worker behind. Each
 * day's results also pass through the monitoring machine's own transition function, so the lab
 * shows exactly the healthy → warning → alerting → acknowledged logic that is tested on its own.
 *
 * Key design decision: the stream (with its cache of recent days) lives in the service, not in
 * the context, so the context holds only plain results and every transition stays a pure
 * function that tests can drive without timers.
 */
import { assign, initialTransition, sendTo, setup, transition, type SnapshotFrom } from 'xstate';
import type { ClockCommand, ClockInput, ReplyReading } from '../runtime/clock.actor';
import { isValidDelay, type Pace, type PlaybackEvent } from '../runtime/playback';
import * as kit from '../runtime/playback.machine';
import type { ModelArtifact } from '../training/artifact';
import type { TrainingReference } from '../training/training.data';
import type { FeatureHistogram } from '../monitoring/histogram.model';
import { monitoringMachine } from '../monitoring/monitoring.machine';
import { dayObservedEvent } from '../monitoring/observation.model';
import {
	accuracyThresholdOn,
	defaultStreamConfig,
	type StreamConfig,
} from '../monitoring/stream.config';
import type { DayResult, ReferenceInfo } from '../monitoring/stream.model';
import type { DriftScenario } from './scenario.model';
import type { StreamDay, StreamReply, StreamRequest } from './drift.protocol';
import { openStreamPort } from './drift.port';

/** The lab's pace: 400 ms per simulated day at speed 1. */
export const driftPace: Pace = { baseDelayMs: 400, speeds: [0.5, 1, 2, 4, 8], maxDelayMs: 10_000 };

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
	/** The registered model's lineage (its training data is the reference), or null. */
	readonly training: TrainingReference | null;
	/** Where the served model came from, once a run has started. */
	readonly modelSource: 'registry' | 'default' | null;
	/** The data the run's windows are compared with, once a run has started. */
	readonly reference: ReferenceInfo | null;
	readonly results: readonly DayResult[];
	/** Reference and current-window histograms of every feature, as of the last day. */
	readonly histograms: readonly FeatureHistogram[];
	/** Scenario changes made during the run (day from which they apply). */
	readonly injections: readonly { readonly day: number; readonly scenario: DriftScenario }[];
	/** Models swapped in during the run (version, and the day from which it serves). */
	readonly swaps: readonly { readonly version: string; readonly fromDay: number }[];
	readonly monitoring: MonitoringSnapshot;
	readonly error: string | null;
}

/**
 * Facts the clock reports (past tense): the stream's day (a test may leave out its reference), or
 * the failure.
 */
export type ClockFact =
	| ({ readonly type: 'clock.dayComputed' } & Omit<StreamDay, 'reference'> &
			Partial<Pick<StreamDay, 'reference'>>)
	| { readonly type: 'clock.failed'; readonly message: string };

/** Events the lab sends, and the clock's facts. */
export type DriftLabEvent =
	| PlaybackEvent
	| {
			readonly type: 'stream.configure';
			readonly config: StreamConfig;
			readonly horizonDays: number;
	  }
	| {
			readonly type: 'model.use';
			readonly artifact: ModelArtifact | null;
			/** The model's lineage, when known: the run then compares with its training data. */
			readonly training?: TrainingReference | null;
	  }
	/** Serve another model from `fromDay` on, during a run (a retrained or promoted version). */
	| {
			readonly type: 'model.swap';
			readonly artifact: ModelArtifact;
			readonly version: string;
			readonly fromDay: number;
	  }
	| { readonly type: 'drift.inject'; readonly scenario: DriftScenario }
	/** Acknowledges one alert group (by id), or every firing one. */
	| { readonly type: 'alert.acknowledge'; readonly groupId?: string }
	/**
	 * Changes the accuracy threshold from the next day on: during a run it joins the config's
	 * schedule (so the link replays it) and earlier days keep their verdicts.
	 */
	| { readonly type: 'monitor.setAccuracyThreshold'; readonly accuracyThreshold: number }
	| ClockFact;

/** What the stream's clock starts from. */
export interface StreamClockInput extends ClockInput {
	readonly config: StreamConfig;
	readonly artifact: ModelArtifact | null;
	readonly training: TrainingReference | null;
}

/** Reads a stream reply into machine facts and its effect on the clock. */
export function readStreamReply(reply: StreamReply): ReplyReading<ClockFact> {
	return reply.type === 'error'
		? {
				events: [{ type: 'clock.failed', message: reply.message }] as ClockFact[],
				answersTick: true,
				halts: true,
			}
		: {
				events: [{ ...reply, type: 'clock.dayComputed' }] as ClockFact[],
				answersTick: true,
			};
}

/** The stream's clock around any port (the real one opens a worker) and time source. */
export const streamClock = /* @__PURE__ */ kit.labClock<
	StreamRequest,
	StreamReply,
	DriftLabEvent,
	StreamClockInput
>(openStreamPort, {
	opening: (input) => [
		{ type: 'open', config: input.config, artifact: input.artifact, training: input.training },
	],
	tick: (day) => ({ type: 'day', day }),
	read: readStreamReply,
});

type Command = ClockCommand<StreamRequest>;

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
		dayDelayMs: driftPace.baseDelayMs,
		startMode: 'run',
		artifact: null,
		training: null,
		modelSource: null,
		reference: null,
		results: [],
		histograms: [],
		injections: [],
		swaps: [],
		monitoring: monitoringFor(config),
		error: null,
	};
}

/** Validates speeds from the UI: from 0 (as fast as possible) to 10 s per day. */
export const isValidDayDelay = (ms: number): boolean => isValidDelay(driftPace, ms);

const start = kit.startTransitions('running', 'streaming');

/** The drift lab machine. */
export const driftLabMachine = setup({
	types: {
		context: {} as DriftLabContext,
		events: {} as DriftLabEvent,
		input: {} as { config?: StreamConfig; horizonDays?: number } | undefined,
	},
	actors: { clock: streamClock() },
	guards: {
		isLastDay: ({ context, event }) =>
			event.type === 'clock.dayComputed' && event.result.day >= context.horizonDays,
		isValidSpeed: kit.speedGuard(driftPace),
	},
	actions: {
		...kit.playbackActions<DriftLabContext, DriftLabEvent>('clock', 'dayDelayMs'),
		clearRun: assign(({ context }) => ({
			results: [],
			histograms: [],
			injections: [],
			swaps: [],
			modelSource: null,
			reference: null,
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
			event.type === 'model.use'
				? { artifact: event.artifact, training: event.artifact ? (event.training ?? null) : null }
				: {},
		),
		// Outside a run an injection sets the next run's scenario and starts a fresh history.
		recordScenario: assign(({ context, event }) =>
			event.type === 'drift.inject'
				? { config: { ...context.config, scenario: event.scenario, injections: [] } }
				: {},
		),
		// The run's base scenario stays in `config.scenario`; the injection joins the schedule, so
		// the config alone (a link) replays the run. The stream's next day confirms the day.
		recordInjection: assign(({ context, event }) => {
			if (event.type !== 'drift.inject') return {};
			const fromDay = (context.results.at(-1)?.day ?? 0) + 1;
			const kept = (context.config.injections ?? []).filter((i) => i.fromDay < fromDay);
			return {
				config: {
					...context.config,
					injections: [...kept, { fromDay, scenario: event.scenario }],
				},
				injections: [...context.injections, { day: fromDay, scenario: event.scenario }],
			};
		}),
		recordDay: assign(({ context, event }) => {
			if (event.type !== 'clock.dayComputed') return {};
			const results = [...context.results, event.result];
			// The threshold in force today (the run's schedule) reaches the monitor before the day.
			const threshold = accuracyThresholdOn(context.config, event.result.day);
			const [judging] =
				threshold === context.monitoring.context.accuracyThreshold
					? [context.monitoring]
					: transition(monitoringMachine, context.monitoring, {
							type: 'monitor.setAccuracyThreshold',
							accuracyThreshold: threshold,
						});
			const [monitoring] = transition(
				monitoringMachine,
				judging,
				dayObservedEvent(results, event.result.day, context.config.labelDelayDays),
			);
			return {
				results,
				histograms: event.histograms,
				modelSource: event.modelSource,
				reference: event.reference ?? context.reference,
				monitoring,
				...(event.injections
					? { config: { ...context.config, injections: event.injections } }
					: {}),
			};
		}),
		// The running monitor keeps its history and judges the next days by the new threshold; the
		// change joins the run's schedule from the next day, so the link replays the run exactly.
		setThreshold: assign(({ context, event }) => {
			if (event.type !== 'monitor.setAccuracyThreshold') return {};
			const value = event.accuracyThreshold;
			if (!Number.isFinite(value) || value < 0 || value > 1) return {};
			const [monitoring] = transition(monitoringMachine, context.monitoring, event);
			const fromDay = (context.results.at(-1)?.day ?? 0) + 1;
			const kept = (context.config.thresholdChanges ?? []).filter((c) => c.fromDay < fromDay);
			const config: StreamConfig =
				fromDay === 1
					? { ...context.config, accuracyThreshold: value, thresholdChanges: [] }
					: {
							...context.config,
							thresholdChanges: [...kept, { fromDay, accuracyThreshold: value }],
						};
			return { monitoring, config };
		}),
		acknowledge: assign(({ context, event }) =>
			event.type === 'alert.acknowledge'
				? {
						monitoring: transition(monitoringMachine, context.monitoring, {
							type: 'alert.acknowledge',
							...(event.groupId === undefined ? {} : { groupId: event.groupId }),
						})[0],
					}
				: {},
		),
		recordError: assign(({ event }) =>
			event.type === 'clock.failed' ? { error: event.message } : {},
		),
		recordSwap: assign(({ context, event }) =>
			event.type === 'model.swap'
				? {
						swaps: [
							...context.swaps,
							{
								version: event.version,
								fromDay: Math.max(event.fromDay, (context.results.at(-1)?.day ?? 0) + 1),
							},
						],
					}
				: {},
		),
		commandInject: sendTo('clock', ({ event }): Command =>
			event.type === 'drift.inject'
				? { type: 'clock.post', request: { type: 'inject', scenario: event.scenario } }
				: { type: 'clock.pause' },
		),
		commandSwap: sendTo('clock', ({ event }): Command =>
			event.type === 'model.swap'
				? {
						type: 'clock.post',
						request: {
							type: 'serve',
							artifact: event.artifact,
							version: event.version,
							fromDay: event.fromDay,
						},
					}
				: { type: 'clock.pause' },
		),
	},
}).createMachine({
	id: 'driftLab',
	context: ({ input }) => createDriftLabContext(input?.config, input?.horizonDays),
	initial: 'idle',
	on: {
		'playback.setSpeed': kit.speedSetting,
		'alert.acknowledge': { actions: 'acknowledge' },
		'playback.reset': { target: '.idle', actions: 'clearRun' },
	},
	states: {
		idle: {
			on: {
				...start,
				'stream.configure': { actions: 'applyConfig' },
				'model.use': { actions: 'applyModel' },
				'drift.inject': { actions: 'recordScenario' },
			},
		},
		running: kit.dayRunState(
			({ context }: { context: DriftLabContext }): StreamClockInput => ({
				config: context.config,
				artifact: context.artifact,
				training: context.training,
				delayMs: context.dayDelayMs,
				horizon: context.horizonDays,
				startMode: context.startMode,
			}),
			{
				'drift.inject': { actions: ['recordInjection', 'commandInject'] },
				'model.swap': { actions: ['recordSwap', 'commandSwap'] },
				'monitor.setAccuracyThreshold': { actions: 'setThreshold' },
				'playback.setSpeed': kit.speedChange,
			},
		),
		finished: {
			on: {
				'playback.start': start['playback.start'],
				'stream.configure': { target: 'idle', actions: ['applyConfig', 'clearRun'] },
				'drift.inject': { target: 'idle', actions: ['recordScenario', 'clearRun'] },
			},
		},
	},
});
