import { beforeAll, describe, expect, test } from 'vitest';
import { driftLabMachine, trainingMachine } from '@sim/index';
import { statechartGraph } from '@/lib/labs/statechart-graph';
import { layoutMachine, layoutStatechart } from '@/lib/labs/statechart-layout';
import type { LaidOutState, StatechartLayout } from '@/lib/labs/statechart-view';
import { playerMachine } from './statechart-fixture';

type Box = Pick<LaidOutState, 'x' | 'y' | 'width' | 'height'>;

const inside = (inner: Box, outer: Box): boolean =>
	inner.x >= outer.x &&
	inner.y >= outer.y &&
	inner.x + inner.width <= outer.x + outer.width &&
	inner.y + inner.height <= outer.y + outer.height;

const overlap = (a: Box, b: Box): boolean =>
	a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Distance from a point to a box's border (0 when the point lies on it). */
function distanceToBorder([px, py]: [number, number], box: Box): number {
	const dx = Math.max(box.x - px, 0, px - (box.x + box.width));
	const dy = Math.max(box.y - py, 0, py - (box.y + box.height));
	if (dx > 0 || dy > 0) return Math.hypot(dx, dy);
	return Math.min(px - box.x, box.x + box.width - px, py - box.y, box.y + box.height - py);
}

/** The invariants every laid-out chart must hold, whatever the machine. */
function checkInvariants(layout: StatechartLayout): void {
	const byId = new Map(layout.states.map((s) => [s.id, s]));
	const root = byId.get('');
	expect(root).toBeDefined();
	if (!root) return;
	for (const state of layout.states) {
		expect(state.width, state.id).toBeGreaterThan(0);
		expect(state.height, state.id).toBeGreaterThan(0);
		expect(inside(state, { x: 0, y: 0, width: layout.width, height: layout.height })).toBe(true);
		if (state.parent === null) continue;
		const parent = byId.get(state.parent);
		expect(parent, `${state.id}'s parent`).toBeDefined();
		if (parent) expect(inside(state, parent), `${state.id} inside ${parent.id}`).toBe(true);
		expect(state.depth).toBe((parent?.depth ?? -1) + 1);
	}
	const siblings = Map.groupBy(layout.states, (s) => s.parent);
	for (const group of siblings.values()) {
		for (const [i, a] of group.entries()) {
			for (const b of group.slice(i + 1)) {
				expect(overlap(a, b), `${a.id} and ${b.id} overlap`).toBe(false);
			}
		}
	}
	const leaves = layout.states.filter((s) => !layout.states.some((c) => c.parent === s.id));
	for (const edge of layout.edges) {
		const source = byId.get(edge.source);
		const target = byId.get(edge.target);
		expect(source && target, edge.id).toBeTruthy();
		if (!source || !target) continue;
		expect(edge.points.length).toBeGreaterThanOrEqual(2);
		const first = edge.points[0];
		const last = edge.points.at(-1);
		if (first)
			expect(distanceToBorder(first, source), `${edge.id} starts on its source`).toBeLessThan(1.5);
		if (last)
			expect(distanceToBorder(last, target), `${edge.id} ends on its target`).toBeLessThan(1.5);
		expect(inside(edge.label, root), `${edge.id}'s label inside the chart`).toBe(true);
		for (const leaf of leaves) {
			expect(overlap(edge.label, leaf), `${edge.id}'s label covers ${leaf.id}`).toBe(false);
		}
	}
}

describe('layoutStatechart', () => {
	const graph = statechartGraph(playerMachine);
	let layout: StatechartLayout;
	beforeAll(async () => {
		layout = await layoutStatechart(graph);
	});

	test('places every state once, the root first and parents before their children', () => {
		expect(layout.states.map((s) => s.id).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
		expect(layout.states[0]?.id).toBe('');
		const seen = new Set<string>();
		for (const state of layout.states) {
			if (state.parent !== null) expect(seen.has(state.parent)).toBe(true);
			seen.add(state.id);
		}
	});

	test('keeps children inside parents, siblings apart and arrows on their states', () => {
		checkInvariants(layout);
	});

	test('draws every transition exactly once, sharing an arrow only with the same ends', () => {
		const drawn = layout.edges.flatMap((e) => e.transitions.map((t) => t.id));
		expect(drawn.sort()).toEqual(graph.edges.map((e) => e.id).sort());
		// loading → failed is reached by onError and by "after 1000ms": one arrow, two labels.
		const toFailed = layout.edges.find((e) => e.id === 'loading->failed');
		expect(toFailed?.transitions.map((t) => t.label)).toEqual([
			'onError (fetcher)',
			'after 1000ms',
		]);
		for (const edge of layout.edges) {
			expect(edge.id).toBe(`${edge.source}->${edge.target}`);
		}
	});

	test('sizes each label box to hold its longest line in the monospace font', () => {
		for (const edge of layout.edges) {
			const longest = Math.max(...edge.transitions.map((t) => t.label.length));
			expect(edge.label.width).toBeGreaterThanOrEqual(longest * 11 * 0.6);
			expect(edge.label.height).toBeGreaterThanOrEqual(edge.transitions.length * 11 * 1.2);
		}
	});

	test('puts the initial state first: stopped is left of everything it leads to', () => {
		const x = (id: string) => layout.states.find((s) => s.id === id)?.x ?? NaN;
		expect(x('stopped')).toBeLessThan(x('loading'));
		expect(x('stopped')).toBeLessThan(x('playing'));
	});

	test('is plain, deterministic JSON', async () => {
		expect(JSON.parse(JSON.stringify(layout))).toEqual(layout);
		expect(await layoutStatechart(graph)).toEqual(layout);
	});

	test('rejects a graph without a root with a message naming the machine', async () => {
		await expect(layoutStatechart({ machineId: 'broken', nodes: [], edges: [] })).rejects.toThrow(
			'"broken" has no root state',
		);
	});
});

describe('the labs’ machines', () => {
	test.each([
		['training', trainingMachine],
		['drift', driftLabMachine],
	] as const)('the %s lab’s chart holds the invariants', async (_name, machine) => {
		const layout = await layoutMachine(machine);
		checkInvariants(layout);
		expect(layout.machineId).toBe(machine.id);
	});
});
