/**
 * The exhaustive walk behind the lab machines' model-based suites: every sequence of moves up to
 * a depth, each move taken on the machine and on the suite's own specification, the two compared
 * after every move. What all labs share is said once here: the playback moves and the clock's
 * failure send the same events in every lab, a running lab's state names its sub-state, and a
 * day can come only from a live clock and never past the horizon. Each suite keeps its own moves and specification.
 */
import { expect } from 'vitest';
import {
	initialTransition,
	transition,
	type AnyMachineSnapshot,
	type AnyStateMachine,
	type EventFromLogic,
	type InputFrom,
	type SnapshotFrom,
} from 'xstate';

/** The states every lab's specification knows. */
export type LabSpecValue = 'idle' | 'streaming' | 'paused' | 'finished';

/** The part of a lab's specification the walk reads. */
export interface LabSpec {
	value: LabSpecValue;
	days: number;
}

/** The lab kit's playback moves, the same in every lab. */
export type PlaybackMove = 'start' | 'pause' | 'step' | 'reset';

/** The moves every lab has: playback, and its clock failing. */
export type SharedMove = PlaybackMove | 'fail';

const sharedMoves: readonly string[] = ['start', 'pause', 'step', 'reset', 'fail'];

/** Whether `move` is one every lab has, so the walk sends `sharedEvent` for it. */
const isSharedMove = (move: string): move is SharedMove => sharedMoves.includes(move);

/** The event a shared move sends: a playback command, or the clock's failure. */
const sharedEvent = (move: SharedMove) =>
	move === 'fail'
		? { type: 'clock.failed' as const, message: 'boom' }
		: { type: `playback.${move}` as const };

/** The specification's name for a lab's state value: a running lab names its sub-state. */
export const labValue = (value: string | { running: string }): LabSpecValue =>
	(typeof value === 'string' ? value : value.running) as LabSpecValue;

/**
 * Walks every sequence of up to `depth` moves from the machine's initial state for `input`,
 * takes each move on the machine (the event it sends from there, through XState's pure
 * `transition`) and on the specification (`specStep`), checks the lab's state value against the
 * specification's and then `check`s the rest; returns how many sequences it checked.
 */
export function walkLab<
	Machine extends AnyStateMachine,
	Spec extends LabSpec,
	Move extends string,
>(walk: {
	machine: Machine;
	input: InputFrom<Machine>;
	spec: NoInfer<Spec>;
	moves: readonly Move[];
	depth: number;
	horizon: number;
	/** The event a lab's own move sends (the shared moves send `sharedEvent`'s). */
	event: (
		snapshot: SnapshotFrom<Machine>,
		move: Exclude<Move, SharedMove>,
	) => EventFromLogic<Machine>;
	specStep: (spec: Spec, move: Move) => Spec;
	check: (next: SnapshotFrom<Machine>, expected: Spec, where: string) => void;
}): number {
	type Snapshot = SnapshotFrom<Machine>;
	let sequences = 0;
	const from = (snapshot: Snapshot, spec: Spec, path: Move[]) => {
		for (const move of walk.moves) {
			// A day comes only from a live clock (streaming or paused), and never past the horizon.
			const live = spec.value === 'streaming' || spec.value === 'paused';
			if (move === 'day' && (spec.days >= walk.horizon || !live)) continue;
			const event = isSharedMove(move)
				? (sharedEvent(move) as EventFromLogic<Machine>)
				: walk.event(snapshot, move as Exclude<Move, SharedMove>);
			const [next] = transition(walk.machine, snapshot, event);
			const expected = walk.specStep(spec, move);
			const where = [...path, move].join(' → ');
			expect(
				labValue((next as AnyMachineSnapshot).value as string | { running: string }),
				where,
			).toBe(expected.value);
			walk.check(next, expected, where);
			sequences++;
			if (path.length + 1 < walk.depth) from(next, expected, [...path, move]);
		}
	};
	from(initialTransition(walk.machine, walk.input)[0], walk.spec, []);
	return sequences;
}
