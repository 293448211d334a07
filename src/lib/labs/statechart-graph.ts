/**
 * Reads an XState 5 machine's definition into a plain graph for the lab's statechart diagram:
 * every state node (nested, with its kind) and every transition that leads somewhere, labelled
 * the way Stately's visualiser labels it ("event [guard]", "after 1000ms", "always"). The walk
 * is `xstate/graph`'s `toDirectedGraph`, so the drawing comes from the machine itself and follows
 * any renamed state or event without anyone touching the view. Key decision: the output is plain
 * JSON (ids are the states' dotted paths, the same paths `activePaths` gives for a snapshot), so
 * it can be laid out at build time and handed to the browser as a prop; nothing here may import
 * a layout library or the DOM. Transitions without a target (actions only, such as recording an
 * epoch's metrics) change no state and are left out, as they would only draw loops on every box.
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { toDirectedGraph, type DirectedGraphNode } from 'xstate/graph';

/** What kind of box a state is drawn as. */
export type StatechartNodeKind = 'atomic' | 'compound' | 'parallel' | 'final' | 'history';

/** One state of the machine. */
export interface StatechartNode {
	/** Dotted path from the root, e.g. "session.paused"; the root's path is "". */
	id: string;
	/** The state's own key, e.g. "paused"; the root shows the machine's id. */
	label: string;
	/** Path of the parent state, or null for the root. */
	parent: string | null;
	kind: StatechartNodeKind;
	/** True when this state is its parent's initial state (drawn with an entry arrow). */
	initial: boolean;
	/** Paths of the child states, in definition order. */
	children: string[];
}

/** How a transition is triggered. */
export type StatechartEdgeKind = 'event' | 'delayed' | 'eventless' | 'done' | 'error';

/** One transition from a state to a target (a transition with two targets gives two edges). */
export interface StatechartEdge {
	/** Unique and stable: source path, event and position in the definition. */
	id: string;
	/** Path of the state that declares the transition. */
	source: string;
	/** Path of the state it targets. */
	target: string;
	/** The event type the machine reacts to ("" for an eventless transition). */
	event: string;
	/** The guard's name, or null when unguarded. */
	guard: string | null;
	kind: StatechartEdgeKind;
	/** What the diagram writes on the arrow, e.g. "worker.finished [hasDiverged]". */
	label: string;
}

/** A machine as states and transitions. */
export interface StatechartGraph {
	/** The machine's id, shown on the root box. */
	machineId: string;
	/** Every state, parents before their children; the root first. */
	nodes: StatechartNode[];
	edges: StatechartEdge[];
}

/** A state node's path relative to the root, as `snapshot.value` spells it. */
function pathOf(node: AnyStateNode): string {
	return node.path.join('.');
}

/**
 * The readable name of a guard as written in the machine: a string, a `{ type }` object, a
 * named function, or XState's `not`/`and`/`or` combinators spelled as `!a`, `a && b`, `a || b`.
 */
export function guardName(guard: unknown): string | null {
	if (guard === undefined || guard === null) return null;
	if (typeof guard === 'string') return guard;
	if (typeof guard === 'function') {
		const parts = 'guards' in guard && Array.isArray(guard.guards) ? guard.guards : null;
		if (parts) {
			const names = parts.map((part: unknown) => guardName(part) ?? 'guard');
			if (guard.name === 'not') return `!${names.join('')}`;
			if (guard.name === 'and') return `(${names.join(' && ')})`;
			if (guard.name === 'or') return `(${names.join(' || ')})`;
		}
		return guard.name || 'guard';
	}
	if (typeof guard === 'object' && 'type' in guard && typeof guard.type === 'string') {
		return guard.type;
	}
	return 'guard';
}

/** "1000" → "1000ms"; a named delay ("epochDelay") is shown by its name. */
function delayText(delay: string | number): string {
	return typeof delay === 'number' || /^\d+$/.test(delay) ? `${delay}ms` : delay;
}

/**
 * What triggers a transition, in words and as a kind. XState spells built-in events with an
 * `xstate.` prefix; the labels use the config keys a reader sees in the machine instead
 * (`onDone`, `onError`, `after`).
 */
function describeTrigger(
	eventType: string,
	delays: ReadonlyMap<string, string | number>,
): { kind: StatechartEdgeKind; text: string } {
	const delay = delays.get(eventType);
	if (delay !== undefined) return { kind: 'delayed', text: `after ${delayText(delay)}` };
	const actor = /^xstate\.(done|error)\.actor\.(.+)$/.exec(eventType);
	if (actor) {
		const [, outcome, id] = actor;
		return {
			kind: outcome === 'done' ? 'done' : 'error',
			text: `${outcome === 'done' ? 'onDone' : 'onError'} (${id})`,
		};
	}
	if (eventType.startsWith('xstate.done.state.')) return { kind: 'done', text: 'onDone' };
	if (eventType === '') return { kind: 'eventless', text: 'always' };
	return { kind: 'event', text: eventType };
}

interface TransitionLike {
	eventType: string;
	guard?: unknown;
	target?: readonly AnyStateNode[] | undefined;
}

/** Builds the diagram's graph of `machine`: every state and every targeted transition. */
export function statechartGraph(machine: AnyStateMachine): StatechartGraph {
	const nodes: StatechartNode[] = [];
	const edges: StatechartEdge[] = [];

	function visit(graphNode: DirectedGraphNode, parent: string | null): void {
		const state = graphNode.stateNode;
		const id = pathOf(state);
		const parentNode = state.parent;
		const initialTargets = parentNode?.initial?.target ?? [];
		nodes.push({
			id,
			label: parent === null ? machine.id : state.key,
			parent,
			kind: state.type as StatechartNodeKind,
			initial:
				parentNode !== undefined &&
				parentNode.type === 'compound' &&
				initialTargets.some((t: AnyStateNode) => t === state),
			children: graphNode.children.map((child) => pathOf(child.stateNode)),
		});

		const delays = new Map<string, string | number>(
			// A delay given as a function is computed at run time; it is shown by its name.
			state.after.map(({ eventType, delay }): [string, string | number] => [
				eventType,
				typeof delay === 'function' ? delay.name || 'delay' : delay,
			]),
		);
		// toDirectedGraph gives one edge per target and sends targetless transitions back to their
		// own state; always-transitions are not in its list, so they are added from the node.
		const transitions: TransitionLike[] = [
			...[...new Set(graphNode.edges.map((edge) => edge.transition))],
			...(state.always ?? []),
		];
		const counts = new Map<string, number>();
		for (const transition of transitions) {
			if (!transition.target || transition.target.length === 0) continue;
			const { kind, text } = describeTrigger(transition.eventType, delays);
			const guard = guardName(transition.guard);
			const label = guard === null ? text : `${text} [${guard}]`;
			const index = counts.get(transition.eventType) ?? 0;
			counts.set(transition.eventType, index + 1);
			transition.target.forEach((target, targetIndex) => {
				edges.push({
					id: `${id || machine.id}:${transition.eventType || 'always'}:${index}:${targetIndex}`,
					source: id,
					target: pathOf(target),
					event: kind === 'eventless' ? '' : transition.eventType,
					guard,
					kind,
					label,
				});
			});
		}
		for (const child of graphNode.children) visit(child, id);
	}

	visit(toDirectedGraph(machine), null);
	return { machineId: machine.id, nodes, edges };
}
