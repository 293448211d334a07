/**
 * The playback wiring every lab island hands to LabShell: which controls the snapshot enables,
 * the callbacks that send the shared `playback.*` commands, the speeds the lab's pace offers (a
 * chosen speed becomes a `playback.setSpeed` delay), and the machine's graph with its active
 * states for the statechart. Every lab wrote these lines out by hand, identically but for the
 * machine and the pace; now an island writes `<LabShell {...controls} …>`, and names only its own
events for the statechart's "what can happen next" (`acceptedWithPlayback`).
 *
 * Key decision: the controls read the snapshot through getters rather than holding copies, so
 * they stay as reactive as the actor adapter they read (Svelte's spread reads a prop when the
 * child reads it) and no island keeps a `speed` state that nothing else reads. A lab whose own
 * rules disable a control (an invalid spec, say) passes its own `can` after the spread.
 */
import type { AnyStateMachine } from 'xstate';
import {
	acceptedEvents,
	delayForSpeed,
	playbackControls,
	type Pace,
	type PlaybackControls,
	type PlaybackEvent,
} from '@sim/runtime/playback';
import { activePaths, machineGraph, type MachineGraph } from '@/lib/xstate/machine-graph';

/** What the controls need of the island's actor adapter (an `ActorState`). */
export interface ControlledActor {
	/** The current snapshot (reactive in an `ActorState`). */
	readonly snapshot: { readonly value: unknown; can(event: PlaybackEvent): boolean };
	send(event: PlaybackEvent): void;
}

/** LabShell's playback and statechart props, for one lab. */
export interface LabControls {
	readonly can: PlaybackControls;
	readonly onplay: () => void;
	readonly onpause: () => void;
	readonly onstep: () => void;
	readonly onreset: () => void;
	readonly speeds: readonly number[];
	readonly onspeed: (speed: number) => void;
	readonly graph: MachineGraph;
	readonly active: readonly string[];
}

/** The four commands every lab's toolbar gives, in the order the statechart lists them. */
const playbackCommands: readonly PlaybackEvent[] = [
	{ type: 'playback.start' },
	{ type: 'playback.pause' },
	{ type: 'playback.step' },
	{ type: 'playback.reset' },
];

/** The playback controls of `machine`, run by `sim` at `pace`. */
export function labControls(
	sim: ControlledActor,
	machine: AnyStateMachine,
	pace: Pace,
): LabControls {
	const graph = machineGraph(machine);
	return {
		get can() {
			return playbackControls(sim.snapshot);
		},
		onplay: () => sim.send({ type: 'playback.start' }),
		onpause: () => sim.send({ type: 'playback.pause' }),
		onstep: () => sim.send({ type: 'playback.step' }),
		onreset: () => sim.send({ type: 'playback.reset' }),
		speeds: pace.speeds,
		onspeed: (speed) =>
			sim.send({ type: 'playback.setSpeed', delayMs: delayForSpeed(pace, speed) }),
		graph,
		get active() {
			return activePaths(sim.snapshot.value);
		},
	};
}

/**
 * The types of the four playback commands and of the lab's own `extra` events that `snapshot`
 * accepts now: what the statechart lists as able to happen next.
 */
export function acceptedWithPlayback<E extends { type: string }>(
	snapshot: { can(event: E | PlaybackEvent): boolean },
	extra: readonly E[],
): (E | PlaybackEvent)['type'][] {
	return acceptedEvents<E | PlaybackEvent>(snapshot, [...playbackCommands, ...extra]);
}
