/**
 * The machine parts every lab's statechart shares, so a lab's machine states only its own
 * domain: a clock factory whose port and time source tests can replace, the transitions that
 * start a run (running, or one tick and then paused), the actions that record how a run starts
 * and at what speed, the commands a machine passes to its clock, and the speed guard.
 *
 * Key decision: parts, not a machine factory. Each lab keeps its own `setup()`, state names,
 * context and events; the parts are typed by the lab's context and events where they are used,
 * so XState still checks every action and guard a configuration names. Action names are shared
 * (`startRunning`, `startStepping`, `recordSpeed`, `commandRun`…), so the transitions below can
 * name them.
 */
import { assign, sendTo, type AnyActorRef, type EventObject, type MachineContext } from 'xstate';
import {
	clockActor,
	type ClockCommand,
	type ClockInput,
	type ClockSpec,
	type Schedule,
} from './clock.actor';
import { isValidDelay, playbackStates, type Pace, type PlaybackEvent } from './playback';
import type { PortOpener } from './worker.port';

/**
 * A lab's clock factory: called with nothing, the clock on the lab's own port and real timers;
 * tests pass any port and a manual time source.
 */
export function labClock<Request, Reply, Event extends EventObject, Input extends ClockInput>(
	openPort: PortOpener<Request, Reply>,
	spec: Omit<ClockSpec<Request, Reply, Event, Input>, 'open' | 'schedule'>,
) {
	return (open: PortOpener<Request, Reply> = openPort, schedule?: Schedule) =>
		clockActor<Request, Reply, Event, Input>({ ...spec, open, schedule });
}

/**
 * From a state at rest into the live state `live`: start runs from its playing child, step
 * takes one tick and waits in `paused`.
 */
export function startTransitions<Live extends string, Playing extends string>(
	live: Live,
	playing: Playing,
) {
	return {
		'playback.start': { target: `${live}.${playing}`, actions: 'startRunning' },
		'playback.step': { target: `${live}.paused`, actions: 'startStepping' },
	} as const;
}

/** What a lab's context keeps for its runs' playback. */
export interface PlaybackContext extends MachineContext {
	/** How the next run starts: running, or one tick then paused. */
	readonly startMode: 'run' | 'step';
}

/** The keys of a context that hold numbers (where a lab keeps its delay). */
type NumberKey<Context> = {
	[Key in keyof Context]: Context[Key] extends number ? Key : never;
}[keyof Context];

type SetSpeed = Extract<PlaybackEvent, { type: 'playback.setSpeed' }>;

/**
 * The playback actions of a lab whose clock is invoked with id `clock` and whose context keeps
 * the delay between ticks under `delayKey`.
 */
export function playbackActions<Context extends PlaybackContext, Event extends EventObject>(
	clock: string,
	delayKey: NumberKey<Context>,
) {
	const startMode = (mode: 'run' | 'step') =>
		assign<Context, Event, undefined, Event, never>(
			() => ({ startMode: mode }) as Partial<Context>,
		);
	const command = (type: 'clock.run' | 'clock.pause' | 'clock.step') =>
		sendTo<Context, Event, undefined, AnyActorRef, Event>(clock, { type } as ClockCommand<never>);
	return {
		startRunning: startMode('run'),
		startStepping: startMode('step'),
		recordSpeed: assign<Context, Event, undefined, Event, never>(({ event }) =>
			event.type === 'playback.setSpeed'
				? ({ [delayKey]: (event as EventObject as SetSpeed).delayMs } as Partial<Context>)
				: {},
		),
		commandRun: command('clock.run'),
		commandPause: command('clock.pause'),
		commandStep: command('clock.step'),
		commandSpeed: sendTo<Context, Event, undefined, AnyActorRef, Event>(
			clock,
			({ context }: { context: Context }) =>
				({ type: 'clock.setSpeed', delayMs: context[delayKey] as number }) as ClockCommand<never>,
		),
	};
}

/** The guard on speeds from the view: a delay the lab's pace accepts. */
export const speedGuard =
	(pace: Pace) =>
	({ event }: { event: EventObject }): boolean =>
		event.type === 'playback.setSpeed' && isValidDelay(pace, (event as SetSpeed).delayMs);

/** A speed set outside a run: the next run's pace. */
export const speedSetting = { guard: 'isValidSpeed', actions: 'recordSpeed' } as const;

/** A speed set during a run: recorded, and passed on to the clock. */
export const speedChange = {
	guard: 'isValidSpeed',
	actions: ['recordSpeed', 'commandSpeed'],
} as const;

/**
 * How a live run of simulated days takes its clock's facts: every day is recorded
 * (`recordDay`) and the last one (`isLastDay`) moves to the sibling `finished`; a failure is
 * recorded (`recordError`) and pauses the run, so the learner can read it or reset.
 */
export const dayClockFacts = {
	'clock.dayComputed': [
		{ guard: 'isLastDay', target: 'finished', actions: 'recordDay' },
		{ actions: 'recordDay' },
	],
	'clock.failed': { target: '.paused', actions: ['recordError', 'commandPause'] },
} as const;

/**
 * The live state of a lab that runs simulated days: each run starts clean (`clearRun`), invokes
 * the clock (id `clock`) with `input`, takes the clock's day facts before the lab's own events
 * (`on`), and plays in `streaming` ⇄ `paused`.
 */
export function dayRunState<const Input, const On extends object>(input: Input, on: On) {
	return {
		entry: 'clearRun',
		initial: 'streaming',
		invoke: { id: 'clock', src: 'clock', input },
		on: { ...dayClockFacts, ...on },
		states: playbackStates('streaming'),
	} as const;
}
