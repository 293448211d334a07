/**
 * Transition coverage for the model-based machine suites: the shortest path to each state of the
 * specification (the traversal may list a state once per incoming event; one path per state is
 * kept), then each event that state accepts. Every transition of the specification is then
 * exercised once, by the shortest way to reach it.
 */
import type { EventObject, MachineSnapshot } from 'xstate';
import type { TestModel } from 'xstate/graph';

/** The event sequences (without xstate.init) that end in each transition of the model. */
export function transitionSequences<TEvent extends EventObject>(
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any machine's snapshot.
	model: TestModel<MachineSnapshot<any, TEvent, any, any, any, any, any, any>, TEvent, unknown>,
	events: readonly TEvent[],
): TEvent[][] {
	const toEachState = new Map<string, (typeof shortest)[number]>();
	const shortest = model.getShortestPaths({ allowDuplicatePaths: true });
	for (const path of shortest) {
		const key = JSON.stringify(path.state.value);
		const known = toEachState.get(key);
		if (!known || known.steps.length > path.steps.length) toEachState.set(key, path);
	}
	return [...toEachState.values()].flatMap((toState) =>
		events
			.filter((event) => toState.state.can(event))
			// steps[0] is xstate.init.
			.map((event) => [...toState.steps.slice(1).map((step) => step.event), event]),
	);
}
