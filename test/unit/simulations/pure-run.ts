/**
 * The snapshot a machine reaches from its initial state through a list of events, computed with
 * XState's pure transition functions: no actor, no clock, no worker. The machine suites use it to
 * check a machine's own rules one event at a time, each with the input its machine takes.
 */
import {
	initialTransition,
	transition,
	type AnyStateMachine,
	type EventFromLogic,
	type InputFrom,
	type SnapshotFrom,
} from 'xstate';

export function runPure<Machine extends AnyStateMachine>(
	machine: Machine,
	input: InputFrom<Machine>,
	events: readonly EventFromLogic<Machine>[],
): SnapshotFrom<Machine> {
	let [snapshot] = initialTransition(machine, input);
	for (const event of events) [snapshot] = transition(machine, snapshot, event);
	return snapshot;
}
