/**
 * Transition coverage for the model-based machine suites: the shortest path to each state of the
 * specification (the traversal may list a state once per incoming event; one path per state is
 * kept), then each event that state accepts. Every transition of the specification is then
 * exercised once, by the shortest way to reach it, and replayed on the specification beside the
 * real machine.
 */
import { expect, test } from 'vitest';
import {
	initialTransition,
	transition,
	type AnyStateMachine,
	type EventObject,
	type MachineSnapshot,
} from 'xstate';
import { createTestModel, type TestModel } from 'xstate/graph';

/**
 * How many states of the model the traversal reached, and the event sequences (without
 * xstate.init) that end in each transition of the model.
 */
export function transitionCoverage<TEvent extends EventObject>(
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any machine's snapshot.
	model: TestModel<MachineSnapshot<any, TEvent, any, any, any, any, any, any>, TEvent, unknown>,
	events: readonly TEvent[],
): { states: number; sequences: TEvent[][] } {
	const toEachState = new Map<string, (typeof shortest)[number]>();
	const shortest = model.getShortestPaths({ allowDuplicatePaths: true });
	for (const path of shortest) {
		const key = JSON.stringify(path.state.value);
		const known = toEachState.get(key);
		if (!known || known.steps.length > path.steps.length) toEachState.set(key, path);
	}
	const sequences = [...toEachState.values()].flatMap((toState) =>
		events
			.filter((event) => toState.state.can(event))
			// steps[0] is xstate.init.
			.map((event) => [...toState.steps.slice(1).map((step) => step.event), event]),
	);
	return { states: toEachState.size, sequences };
}

/** The event sequences (without xstate.init) that end in each transition of the model. */
export function transitionSequences<TEvent extends EventObject>(
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any machine's snapshot.
	model: TestModel<MachineSnapshot<any, TEvent, any, any, any, any, any, any>, TEvent, unknown>,
	events: readonly TEvent[],
): TEvent[][] {
	return transitionCoverage(model, events).sequences;
}

/**
 * Replays `sequence` on the specification; after each event, `step` sends it to the real machine
 * and checks it against the specification's state (named as in `expected` tables), with a
 * `where` that names the event and that state for the failure message.
 */
export function replayOnSpecification<TEvent extends EventObject>(
	specification: AnyStateMachine,
	sequence: readonly TEvent[],
	step: (event: TEvent, specState: string, where: string) => void,
): void {
	let [specState] = initialTransition(specification);
	for (const event of sequence) {
		[specState] = transition(specification, specState, event);
		const state = String(specState.value);
		step(event, state, `${event.type} → ${state}`);
	}
}

/**
 * Declares the model-based tests: one that the traversal reached `counts.states` states and
 * `counts.transitions` transitions, then one test per transition, named by its events, that
 * `replay`s its sequence.
 */
export function testEachTransition<TEvent extends EventObject>(
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any machine's snapshot.
	model: TestModel<MachineSnapshot<any, TEvent, any, any, any, any, any, any>, TEvent, unknown>,
	events: readonly TEvent[],
	counts: { states: number; transitions: number },
	replay: (sequence: readonly TEvent[]) => void,
): void {
	const { states, sequences } = transitionCoverage(model, events);
	test('covers every state and transition of the specification', () => {
		expect(states).toBe(counts.states);
		expect(sequences).toHaveLength(counts.transitions);
	});
	for (const sequence of sequences) {
		test(sequence.map((e) => e.type).join(' → '), () => replay(sequence));
	}
}

/**
 * The model-based suite of a machine against its specification: `testEachTransition` over the
 * specification's model, each sequence replayed on the specification and on a machine that
 * `open` starts afresh for it. `open` returns the step that sends an event to that machine and
 * checks it against the specification's state.
 */
export function testAgainstSpecification<TEvent extends EventObject>(
	specification: AnyStateMachine,
	events: readonly TEvent[],
	counts: { states: number; transitions: number },
	open: () => (event: TEvent, specState: string, where: string) => void,
): void {
	const model = createTestModel(specification, { events: [...events] });
	testEachTransition(model, events, counts, (sequence) =>
		replayOnSpecification(specification, sequence, open()),
	);
}
