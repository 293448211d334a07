/**
 * Reads a machine's definition into a small graph for the lab's statechart view: its
 * top-level states (with their child states) and the events that lead from one to another.
 * Derived from the machine itself, so the picture can never disagree with the behaviour.
 */
import type { AnyStateMachine } from 'xstate';

/** A state in the drawn chart. */
export interface ChartState {
	/** Dotted path, e.g. "training" or "training.paused". */
	id: string;
	/** The state's own key, e.g. "paused". */
	label: string;
	/** Child states, one level down. */
	children: ChartState[];
}

/** An edge between top-level states. */
export interface ChartTransition {
	from: string;
	to: string;
	event: string;
}

/** The drawable graph of a machine. */
export interface MachineGraph {
	states: ChartState[];
	transitions: ChartTransition[];
}

function topLevel(path: string): string {
	return path.split('.')[0] ?? path;
}

/** Builds the graph of `machine` (two levels deep). */
export function machineGraph(machine: AnyStateMachine): MachineGraph {
	const states: ChartState[] = [];
	const transitions: ChartTransition[] = [];
	const seen = new Set<string>();
	for (const [key, node] of Object.entries(machine.root.states)) {
		states.push({
			id: key,
			label: key,
			children: Object.keys(node.states).map((child) => ({
				id: `${key}.${child}`,
				label: child,
				children: [],
			})),
		});
		const nodes = [node, ...Object.values(node.states)];
		for (const source of nodes) {
			for (const [event, definitions] of source.transitions) {
				for (const definition of definitions) {
					for (const target of definition.target ?? []) {
						const to = topLevel(target.path.join('.'));
						if (to === key || event.startsWith('xstate.')) continue;
						const id = `${key}→${to}:${event}`;
						if (seen.has(id)) continue;
						seen.add(id);
						transitions.push({ from: key, to, event });
					}
				}
			}
		}
	}
	return { states, transitions };
}

/** The active state paths of a snapshot value, e.g. { training: 'paused' } → ["training", "training.paused"]. */
export function activePaths(value: unknown, prefix = ''): string[] {
	if (typeof value === 'string') return [prefix ? `${prefix}.${value}` : value];
	if (typeof value !== 'object' || value === null) return [];
	return Object.entries(value).flatMap(([key, child]) => {
		const path = prefix ? `${prefix}.${key}` : key;
		return [path, ...activePaths(child, path)];
	});
}
