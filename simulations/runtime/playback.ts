/**
 * The playback vocabulary every lab shares: the five controls a learner has over a run (start or
 * resume, pause, step, speed, reset), the shape of a lab's pace (a base delay and the speed
 * multipliers offered), and `playbackControls`, which asks a machine snapshot which controls are
 * enabled, so views never restate a machine's rules.
 *
 * Key decision: one `playback.start` both starts and resumes. Whether a run is new or paused is
 * the machine's business; a view that had to pick between two events would be re-implementing it.
 * Labs keep their own state names (a training "session", a monitoring "running" state), but every
 * live run has the same two children, a playing state and `paused`.
 */

/** Commands a learner gives any lab. */
export type PlaybackEvent =
	| { readonly type: 'playback.start' }
	| { readonly type: 'playback.pause' }
	| { readonly type: 'playback.step' }
	| { readonly type: 'playback.setSpeed'; readonly delayMs: number }
	| { readonly type: 'playback.reset' };

/** A lab's pace: the delay between ticks at speed 1, and the speeds it offers. */
export interface Pace {
	readonly baseDelayMs: number;
	readonly speeds: readonly number[];
	/** The slowest delay the lab accepts (a guard against absurd input). */
	readonly maxDelayMs: number;
}

/** The delay between ticks at `speed` (a multiplier of the base pace). */
export const delayForSpeed = (pace: Pace, speed: number): number =>
	Math.round(pace.baseDelayMs / speed);

/** True for a delay a lab accepts: a finite number of milliseconds from 0 to the pace's maximum. */
export const isValidDelay = (pace: Pace, delayMs: number): boolean =>
	Number.isFinite(delayMs) && delayMs >= 0 && delayMs <= pace.maxDelayMs;

/** Which playback controls a snapshot enables. */
export interface PlaybackControls {
	readonly play: boolean;
	readonly pause: boolean;
	readonly step: boolean;
	readonly reset: boolean;
}

/** Anything that can say whether it accepts an event (an XState snapshot). */
export interface EventChecker {
	can(event: PlaybackEvent): boolean;
}

/** The enabled controls, read from the machine itself. */
export function playbackControls(snapshot: EventChecker): PlaybackControls {
	return {
		play: snapshot.can({ type: 'playback.start' }),
		pause: snapshot.can({ type: 'playback.pause' }),
		step: snapshot.can({ type: 'playback.step' }),
		reset: snapshot.can({ type: 'playback.reset' }),
	};
}

/** The types of `events` the snapshot accepts now (for the statechart's "what can happen next"). */
export function acceptedEvents<E extends { type: string }>(
	snapshot: { can(event: E): boolean },
	events: readonly E[],
): E['type'][] {
	return events.filter((event) => snapshot.can(event)).map((event) => event.type);
}

/**
 * The two children every live run has: `playing` (named by the lab: `training`, `streaming`) and
 * `paused`. Pause and step go to `paused`; start resumes; step while paused takes one more tick.
 * The lab's machine supplies the actions `commandRun`, `commandPause` and `commandStep`, which
 * pass the command on to its clock.
 */
export function playbackStates<Playing extends string>(playing: Playing) {
	return {
		[playing]: {
			on: {
				'playback.pause': { target: 'paused', actions: 'commandPause' },
				'playback.step': { target: 'paused', actions: 'commandStep' },
			},
		},
		paused: {
			on: {
				'playback.start': { target: playing, actions: 'commandRun' },
				'playback.step': { actions: 'commandStep' },
			},
		},
	} as const;
}
