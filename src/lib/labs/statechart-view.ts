/**
 * What the browser needs to draw a statechart laid out at build time: the layout's JSON shape,
 * the font metrics the layout assumed, and the rule that finds the arrow just taken. Key
 * decision: this module imports nothing at run time, so the StateChart island can use it
 * without pulling in xstate/graph or elkjs; `statechart-layout.ts` (build time) fills these
 * shapes in.
 */
import type { StatechartEdge, StatechartEdgeKind, StatechartNodeKind } from './statechart-graph';

/** Font sizes and spacing the layout assumes; the view draws with the same numbers. */
export const statechartMetrics = {
	/** Font size of state names, in SVG units. */
	stateFontSize: 13,
	/** Font size of transition labels. */
	edgeFontSize: 11,
	/** Width of one monospace character per unit of font size (≥ most monospace fonts' 0.6). */
	charWidthEm: 0.62,
	/** Line height of transition labels, in units of their font size. */
	lineHeightEm: 1.3,
	/** Height of an atomic state's box. */
	stateHeight: 32,
	/** Horizontal padding inside an atomic state's box, each side. */
	statePaddingX: 14,
	/** Space above a compound state's children, for its name. */
	compoundHeader: 28,
	/** Padding inside a compound state around its children. */
	compoundPadding: 14,
} as const;

/** A state's box, in absolute SVG coordinates (top-left origin). */
export interface LaidOutState {
	/** Dotted path, as in the graph ("" is the root). */
	id: string;
	label: string;
	kind: StatechartNodeKind;
	initial: boolean;
	parent: string | null;
	/** Nesting depth: the root is 0. */
	depth: number;
	x: number;
	y: number;
	width: number;
	height: number;
}

/** One transition drawn on an arrow. */
export interface LaidOutTransition {
	/** The graph edge's id. */
	id: string;
	label: string;
	event: string;
	guard: string | null;
	kind: StatechartEdgeKind;
}

/**
 * One drawn arrow. Transitions that share a source and a target (reset and configure both
 * leading back to idle) share an arrow and stack their labels, which halves the clutter.
 */
export interface LaidOutEdge {
	/** Stable id: "source->target". */
	id: string;
	source: string;
	target: string;
	transitions: LaidOutTransition[];
	/** The polyline from the source's border to the target's border, as [x, y] pairs. */
	points: [number, number][];
	/** Where the stacked labels go: their top-left corner and size. */
	label: { x: number; y: number; width: number; height: number };
}

/** The chart's geometry: where every box, arrow and label goes. */
export interface StatechartGeometry {
	machineId: string;
	width: number;
	height: number;
	/** Parents before their children, so drawing in order puts children on top. */
	states: LaidOutState[];
	edges: LaidOutEdge[];
}

/** Everything the view needs to draw the chart: plain JSON, safe to pass as an island prop. */
export interface StatechartLayout extends StatechartGeometry {
	/** The drawing (inside its `<svg>`) and its table's rows as markup, written at build time by
	 * statechart-markup.ts and lit for the machine's initial state: the browser only lights them,
	 * so it ships none of the code that writes them. */
	markup: string;
	rows: string;
}

/**
 * What the lab island receives: the size and the build-time markup, and of each arrow only what
 * the live view reads (which transitions it carries, for the arrow just taken and the next
 * events in words). The boxes' and arrows' geometry is already in the markup, so it stays out
 * of the island's props: less HTML per lab page and less JSON to parse at hydration.
 */
export interface StatechartView extends Pick<
	StatechartLayout,
	'machineId' | 'width' | 'height' | 'markup' | 'rows'
> {
	edges: StatechartViewEdge[];
}

/** An arrow as the island sees it: its ends and its transitions' ids, labels and events. */
export interface StatechartViewEdge extends Pick<LaidOutEdge, 'id' | 'source' | 'target'> {
	transitions: Pick<LaidOutTransition, 'id' | 'label' | 'event'>[];
}

/**
 * The edges most likely taken when the active states went from `before` to `after` (both lists
 * of dotted paths, as `activePaths` gives; the root, "", is always active). An edge counts when
 * its source was active before and its target is active now but was not before. When the event
 * is known, only edges for that event count. More than one edge can remain when two events lead
 * the same way (reset and configure both return to idle): the view then marks all of them.
 */
export function takenEdges<E extends Pick<StatechartEdge, 'source' | 'target' | 'event'>>(
	edges: readonly E[],
	before: readonly string[],
	after: readonly string[],
	event?: string,
): E[] {
	const was = new Set(['', ...before]);
	const now = new Set(after);
	// A transition that re-enters the same states leaves no trace in the active paths.
	if (before.length === after.length && before.every((p) => now.has(p))) return [];
	return edges.filter(
		(edge) =>
			was.has(edge.source) &&
			now.has(edge.target) &&
			!was.has(edge.target) &&
			(event === undefined || edge.event === event),
	);
}

/** The arrows just taken, as the view marks them. */
export interface TakenTransitions {
	/** Ids of the transitions (graph edge ids) just taken. */
	ids: ReadonlySet<string>;
	/** Ids of the arrows they sit on ("source->target"). */
	routes: ReadonlySet<string>;
	/** Their labels, for words ("after training.step"). */
	labels: readonly string[];
	/** Counts state changes, so the view can restart its highlight animation on each one. */
	serial: number;
}

/**
 * Remembers the active paths between snapshots and reports the arrows taken by the last change
 * of state; they stay reported until the machine next changes state (snapshots that only change
 * context, such as a new epoch, keep them). The first call only records where the machine is.
 */
export function transitionTracker(
	layout: Pick<StatechartView, 'edges'> | undefined,
): (active: readonly string[], event?: string) => TakenTransitions {
	const transitions = (layout?.edges ?? []).flatMap((edge) =>
		edge.transitions.map((t) => ({
			...t,
			route: edge.id,
			source: edge.source,
			target: edge.target,
		})),
	);
	let previous: readonly string[] | null = null;
	let last: TakenTransitions = { ids: new Set(), routes: new Set(), labels: [], serial: 0 };
	return (active, event) => {
		const before = previous;
		previous = active;
		if (before === null) return last;
		const changed = before.length !== active.length || before.some((p) => !active.includes(p));
		if (!changed) return last;
		const found = takenEdges(transitions, before, active, event);
		last = {
			ids: new Set(found.map((t) => t.id)),
			routes: new Set(found.map((t) => t.route)),
			labels: [...new Set(found.map((t) => t.label))],
			serial: last.serial + 1,
		};
		return last;
	};
}

/** One calm sentence for the live region: where the machine is now and what moved it there. */
export function stateAnnouncement(
	title: string,
	active: readonly string[],
	takenLabels: readonly string[],
): string {
	const leaves = active.filter((path) => !active.some((other) => other.startsWith(`${path}.`)));
	const where = leaves.map((path) => path.split('.').join(' › ')).join(' and ');
	const why = takenLabels.length > 0 ? `, after ${takenLabels.join(' or ')}` : '';
	return `${title}: now in ${where}${why}.`;
}
