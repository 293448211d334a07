/**
 * Lays out a statechart graph (from `statechartGraph`) at build time with ELK's layered
 * algorithm: states become nested boxes (a compound or parallel state encloses its children),
 * transitions become orthogonal polylines with their labels placed beside them. Key decision:
 * this runs only in Astro frontmatter, in Node, and returns plain JSON (absolute coordinates,
 * label text and ids) that the page passes to the island, so elkjs (1.5 MB) never reaches the
 * browser and the diagram costs the page no layout work. Never import this module from a
 * `.svelte` file or anything a client bundle reaches.
 *
 * Text cannot be measured in Node, so every label is set in the monospace font and sized as
 * characters × a per-character width that is at least as wide as common monospace fonts
 * (0.6 em); the view uses the same font sizes, so labels always fit their boxes.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkLabel, ElkNode } from 'elkjs/lib/elk-api';
import type { AnyStateMachine } from 'xstate';
import { statechartGraph, type StatechartGraph, type StatechartNode } from './statechart-graph';
import {
	initialStates,
	markerPrefix,
	statechartMarkup,
	statechartRowsMarkup,
} from './statechart-markup';
import {
	statechartMetrics,
	type LaidOutEdge,
	type LaidOutState,
	type StatechartLayout,
} from './statechart-view';

export type { StatechartLayout } from './statechart-view';

const elkId = (path: string): string => `s:${path}`;
const pathFromElkId = (id: string): string => id.slice(2);

function textWidth(text: string, fontSize: number): number {
	return Math.ceil(text.length * fontSize * statechartMetrics.charWidthEm);
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** Groups a graph's edges by (source, target), keeping the first-seen order. */
function routes(graph: StatechartGraph): Map<string, StatechartGraph['edges']> {
	const grouped = new Map<string, StatechartGraph['edges']>();
	for (const edge of graph.edges) {
		const key = `${edge.source}->${edge.target}`;
		const list = grouped.get(key) ?? [];
		list.push(edge);
		grouped.set(key, list);
	}
	return grouped;
}

/** Options for the ELK layered algorithm; see the ELK reference for each key. */
const layoutOptions: Record<string, string> = {
	'elk.algorithm': 'layered',
	'elk.direction': 'RIGHT',
	'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
	'elk.edgeRouting': 'ORTHOGONAL',
	'elk.edgeLabels.placement': 'CENTER',
	'elk.layered.edgeLabels.sideSelection': 'SMART_DOWN',
	'elk.spacing.nodeNode': '22',
	'elk.spacing.edgeEdge': '10',
	'elk.spacing.edgeNode': '14',
	'elk.spacing.edgeLabel': '2',
	'elk.layered.spacing.nodeNodeBetweenLayers': '30',
	'elk.layered.spacing.edgeNodeBetweenLayers': '14',
	'elk.layered.spacing.edgeEdgeBetweenLayers': '10',
	'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
	'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
	'elk.json.shapeCoords': 'ROOT',
	'elk.json.edgeCoords': 'ROOT',
};

/**
 * What a compound state's own subgraph reads: ELK takes spacing from each parent. The model-order
 * options stay on the root only; set on a compound state they crash elkjs 0.12's hierarchical
 * layering.
 */
const subgraphOptions = Object.fromEntries(
	Object.entries(layoutOptions).filter(
		([key]) => key.includes('.spacing.') || key.startsWith('elk.edgeLabels.'),
	),
);

/** An initial state opens its parent's story, so it goes in the first layer. */
function initialOptions(node: StatechartNode): { layoutOptions: Record<string, string> } {
	return {
		layoutOptions: node.initial ? { 'elk.layered.layering.layerConstraint': 'FIRST' } : {},
	};
}

function toElkNode(node: StatechartNode, byId: ReadonlyMap<string, StatechartNode>): ElkNode {
	const m = statechartMetrics;
	const labelWidth = textWidth(node.label, m.stateFontSize);
	if (node.children.length === 0) {
		return {
			id: elkId(node.id),
			...initialOptions(node),
			width: labelWidth + 2 * m.statePaddingX + (node.initial ? 10 : 0),
			height: m.stateHeight,
		};
	}
	return {
		id: elkId(node.id),
		layoutOptions: {
			...initialOptions(node).layoutOptions,
			...subgraphOptions,
			'elk.padding': `[top=${m.compoundHeader + m.compoundPadding},left=${m.compoundPadding},bottom=${m.compoundPadding},right=${m.compoundPadding}]`,
			'elk.nodeSize.constraints': 'MINIMUM_SIZE',
			'elk.nodeSize.minimum': `(${labelWidth + 2 * m.compoundPadding + 10}, ${m.stateHeight})`,
		},
		children: node.children.map((child) => {
			const childNode = byId.get(child);
			if (!childNode) throw new Error(`The graph names a child state "${child}" it does not list.`);
			return toElkNode(childNode, byId);
		}),
	};
}

/** Lays out `graph`; resolves to the JSON the StateChart view draws. */
export async function layoutStatechart(graph: StatechartGraph): Promise<StatechartLayout> {
	const m = statechartMetrics;
	const byId = new Map(graph.nodes.map((node) => [node.id, node]));
	const root = graph.nodes.find((node) => node.parent === null);
	if (!root) throw new Error(`The machine "${graph.machineId}" has no root state.`);

	const lineHeight = m.edgeFontSize * m.lineHeightEm;
	const grouped = routes(graph);
	const forward = forwardRoutes(graph, grouped);
	const elkEdges: ElkExtendedEdge[] = [...grouped].map(([key, edges]) => {
		const lines = edges.map((edge) => edge.label);
		const label: ElkLabel = {
			id: `l:${key}`,
			text: lines.join('\n'),
			width: Math.max(...lines.map((line) => textWidth(line, m.edgeFontSize))) + 6,
			height: Math.ceil(lines.length * lineHeight) + 2,
		};
		const [first] = edges;
		return {
			id: `e:${key}`,
			layoutOptions: forward.has(key) ? { 'elk.layered.priority.direction': '10' } : {},
			sources: [elkId(first?.source ?? '')],
			targets: [elkId(first?.target ?? '')],
			labels: [label],
		};
	});

	const elk = new ELK();
	const input: ElkNode = {
		id: 'graph',
		layoutOptions,
		children: [toElkNode(root, byId)],
		edges: elkEdges,
	};
	const laidOut: ElkNode = await elk.layout(input);

	const states: LaidOutState[] = [];
	const depthOf = (node: StatechartNode): number => {
		let depth = 0;
		for (let p = node.parent; p !== null; p = byId.get(p)?.parent ?? null) depth += 1;
		return depth;
	};
	const collect = (elkNode: ElkNode): void => {
		const node = byId.get(pathFromElkId(elkNode.id));
		if (!node) throw new Error(`ELK returned an unknown node "${elkNode.id}".`);
		states.push({
			id: node.id,
			label: node.label,
			kind: node.kind,
			initial: node.initial,
			parent: node.parent,
			depth: depthOf(node),
			x: round(elkNode.x ?? 0),
			y: round(elkNode.y ?? 0),
			width: round(elkNode.width ?? 0),
			height: round(elkNode.height ?? 0),
		});
		for (const child of elkNode.children ?? []) collect(child);
	};
	for (const child of laidOut.children ?? []) collect(child);

	const edgesOut: LaidOutEdge[] = [];
	const allElkEdges = collectEdges(laidOut);
	for (const elkEdge of allElkEdges) {
		const key = elkEdge.id.slice(2);
		const transitions = grouped.get(key) ?? [];
		const [first] = transitions;
		const section = elkEdge.sections?.[0];
		const label = elkEdge.labels?.[0];
		if (!first || !section || !label) continue;
		const points: [number, number][] = [
			section.startPoint,
			...(section.bendPoints ?? []),
			section.endPoint,
		].map((p) => [round(p.x), round(p.y)]);
		edgesOut.push({
			id: key,
			source: first.source,
			target: first.target,
			transitions: transitions.map(({ id, label: text, event, guard, kind }) => ({
				id,
				label: text,
				event,
				guard,
				kind,
			})),
			points,
			label: {
				x: round(label.x ?? 0),
				y: round(label.y ?? 0),
				width: round(label.width ?? 0),
				height: round(label.height ?? 0),
			},
		});
	}
	// Keep the graph's order so the output does not depend on where ELK stored each edge.
	const order = [...grouped.keys()];
	edgesOut.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));

	const geometry = {
		machineId: graph.machineId,
		width: Math.ceil(laidOut.width ?? 0),
		height: Math.ceil(laidOut.height ?? 0),
		states,
		edges: edgesOut,
	};
	// Drawn here too, lit as the page first shows the machine: in its initial states.
	const active = initialStates(geometry);
	const none = { ids: new Set<string>(), routes: new Set<string>(), labels: [], serial: 0 };
	return {
		...geometry,
		markup: statechartMarkup(geometry, markerPrefix(geometry.machineId), active, none),
		rows: statechartRowsMarkup(geometry, active),
	};
}

/** ELK may move an edge into the node that contains both its ends; gather them all. */
function collectEdges(node: ElkNode): ElkExtendedEdge[] {
	return [...(node.edges ?? []), ...(node.children ?? []).flatMap(collectEdges)];
}

/**
 * The routes that point "forward": those a depth-first walk from the initial states reaches a
 * state by for the first time, in definition order. ELK is asked to keep these pointing right, so
 * the chart reads like the machine's story (idle, then running, then finished) and the ways back
 * (reset, start again) are the arrows that turn around.
 */
function forwardRoutes(
	graph: StatechartGraph,
	grouped: ReadonlyMap<string, StatechartGraph['edges']>,
): Set<string> {
	const byId = new Map(graph.nodes.map((node) => [node.id, node]));
	const outgoing = new Map<string, string[]>();
	for (const key of grouped.keys()) {
		const [source = ''] = key.split('->');
		outgoing.set(source, [...(outgoing.get(source) ?? []), key]);
	}
	const visited = new Set<string>();
	const forward = new Set<string>();
	// A state is entered through its ancestors, whose transitions also apply to it.
	const lineage = (id: string): string[] => {
		const chain: string[] = [];
		for (let p: string | null = id; p !== null; p = byId.get(p)?.parent ?? null) chain.push(p);
		return chain;
	};
	const enter = (id: string): void => {
		if (visited.has(id)) return;
		visited.add(id);
		const node = byId.get(id);
		for (const child of node?.children ?? []) {
			if (byId.get(child)?.initial || node?.kind === 'parallel') enter(child);
		}
		for (const source of lineage(id)) {
			for (const key of outgoing.get(source) ?? []) {
				const target = key.slice(source.length + 2);
				if (visited.has(target)) continue;
				forward.add(key);
				enter(target);
			}
		}
	};
	enter('');
	return forward;
}

/** A machine's diagram in one call, for a lab page's frontmatter. */
export async function layoutMachine(machine: AnyStateMachine): Promise<StatechartLayout> {
	return layoutStatechart(statechartGraph(machine));
}
