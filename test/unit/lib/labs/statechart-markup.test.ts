import { beforeAll, describe, expect, test } from 'vitest';
import { statechartGraph } from '@/lib/labs/statechart-graph';
import { layoutStatechart } from '@/lib/labs/statechart-layout';
import {
	edgeTone,
	initialStates,
	markerPrefix,
	statechartMarkup,
	statechartRowsMarkup,
} from '@/lib/labs/statechart-markup';
import type { StatechartLayout, TakenTransitions } from '@/lib/labs/statechart-view';
import { playerMachine } from './statechart-fixture';

const nothingTaken: TakenTransitions = { ids: new Set(), routes: new Set(), labels: [], serial: 0 };
/** The attribute `name` of every element matching `tag` in `markup`. */
const attributes = (markup: string, tag: string, name: string) =>
	[...markup.matchAll(new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`, 'g'))].map((m) => m[1]);
/** `id` as it is written in an attribute ("->" becomes "-&#62;"). */
const written = (id: string) => id.replaceAll('>', '&#62;');
/** The class list of the group `<g data-…="id">`. */
const groupClass = (markup: string, attribute: string, id: string) =>
	markup.match(new RegExp(`<g class="([^"]*)" ${attribute}="${written(id)}"`))?.[1]?.split(' ');

describe('statechartMarkup', () => {
	let layout: StatechartLayout;
	beforeAll(async () => {
		layout = await layoutStatechart(statechartGraph(playerMachine));
	});

	test('draws every state as one group and every arrow as one group, parents first', () => {
		const markup = statechartMarkup(layout, 'u1', new Set(['stopped']), nothingTaken);
		expect(attributes(markup, 'g', 'data-state')).toEqual(layout.states.map((s) => s.id));
		expect(attributes(markup, 'g', 'data-edge')).toEqual(layout.edges.map((e) => written(e.id)));
		expect(attributes(markup, 'marker', 'id')).toEqual([
			'u1-arrow-idle',
			'u1-arrow-open',
			'u1-arrow-taken',
		]);
	});

	test('lights only the active states, and regions of a parallel state are marked', () => {
		const active = new Set(['playing', 'playing.audio', 'playing.audio.muted']);
		const markup = statechartMarkup(layout, 'u1', active, nothingTaken);
		expect(groupClass(markup, 'data-state', 'playing')).toContain('active');
		expect(groupClass(markup, 'data-state', 'stopped')).not.toContain('active');
		// The root is always "active" for its arrows but never lit as a box.
		expect(groupClass(markup, 'data-state', '')).toEqual(['state', 'compound', 'root']);
		expect(groupClass(markup, 'data-state', 'playing.audio')).toContain('region');
		expect(groupClass(markup, 'data-state', 'playing.audio.muted')).not.toContain('region');
	});

	test('arrows from active states are open, the one just taken pulses with its serial', () => {
		const route = layout.edges.find((e) => e.source === 'stopped' && e.target === 'loading');
		expect(route).toBeDefined();
		const transition = route?.transitions[0]?.id ?? '';
		const taken: TakenTransitions = {
			ids: new Set([transition]),
			routes: new Set([route?.id ?? '']),
			labels: [],
			serial: 4,
		};
		const markup = statechartMarkup(layout, 'u1', new Set(['loading']), taken);
		const group = markup.slice(markup.indexOf(`data-edge="${written(route?.id ?? '')}"`));
		const own = group.slice(0, group.indexOf('</g>'));
		expect(groupClass(markup, 'data-edge', route?.id ?? '')).toEqual(['edge', 'taken']);
		expect(own).toContain('marker-end="url(#u1-arrow-taken)"');
		expect(own).toContain('class="pulse"');
		expect(own).toContain('data-serial="4"');
		expect(own).toContain(`class="edge-label taken" data-transition="${transition}"`);
		const fromLoading = layout.edges.filter((e) => e.source === 'loading');
		for (const edge of fromLoading) {
			expect(groupClass(markup, 'data-edge', edge.id)).toEqual(['edge', 'open']);
		}
		expect(markup.match(/class="pulse"/g)).toHaveLength(1);
	});

	test('escapes names, so a label cannot open a tag', () => {
		const odd: StatechartLayout = {
			...layout,
			states: [{ ...layout.states[1]!, id: 'a"b', label: '<b>&' }],
			edges: [],
		};
		const markup = statechartMarkup(odd, 'u', new Set(), nothingTaken);
		expect(markup).toContain('data-state="a&#34;b"');
		expect(markup).toContain('&#60;b&#62;&#38;</text>');
		expect(markup).not.toContain('<b>');
	});
});

describe('statechartRowsMarkup', () => {
	test('one row per transition, possible from the active states and the root, names breakable at dots', async () => {
		const layout = await layoutStatechart(statechartGraph(playerMachine));
		const rows = statechartRowsMarkup(layout, new Set(['stopped']));
		const count = layout.edges.reduce((n, e) => n + e.transitions.length, 0);
		expect(rows.match(/<tr\b/g)).toHaveLength(count);
		const possible = [...rows.matchAll(/<tr class="possible" data-source="([^"]*)"/g)].map(
			(m) => m[1],
		);
		expect(new Set(possible)).toEqual(
			new Set(
				layout.edges.filter((e) => e.source === '' || e.source === 'stopped').map((e) => e.source),
			),
		);
		expect(rows).toContain('<td>playing.<wbr>audio.<wbr>muted</td>');
	});
});

describe('the layout written at build time', () => {
	test('carries the drawing and its rows, lit for the states the machine starts in', async () => {
		const layout = await layoutStatechart(statechartGraph(playerMachine));
		expect([...initialStates(layout)]).toEqual(['stopped']);
		expect(layout.markup).toBe(
			statechartMarkup(layout, markerPrefix('player'), new Set(['stopped']), {
				ids: new Set(),
				routes: new Set(),
				labels: [],
				serial: 0,
			}),
		);
		expect(layout.markup).toContain('<g class="state atomic active" data-state="stopped">');
		expect(layout.markup).toContain('id="statechart-player-arrow-open"');
		expect(layout.rows).toBe(statechartRowsMarkup(layout, new Set(['stopped'])));
	});

	test('entering a parallel state enters every region at its initial state', () => {
		const states = [
			{ id: '', parent: null, kind: 'compound', initial: false },
			{ id: 'a', parent: '', kind: 'parallel', initial: true },
			{ id: 'a.x', parent: 'a', kind: 'compound', initial: false },
			{ id: 'a.x.on', parent: 'a.x', kind: 'atomic', initial: true },
			{ id: 'a.x.off', parent: 'a.x', kind: 'atomic', initial: false },
			{ id: 'a.y', parent: 'a', kind: 'atomic', initial: false },
			{ id: 'b', parent: '', kind: 'atomic', initial: false },
		] as const;
		expect(
			[
				...initialStates({
					states: states.map((s) => ({
						...s,
						label: s.id,
						depth: 0,
						x: 0,
						y: 0,
						width: 0,
						height: 0,
					})),
				}),
			].sort(),
		).toEqual(['a', 'a.x', 'a.x.on', 'a.y']);
	});
});

describe('edgeTone', () => {
	test('taken beats open, open needs an active source, the root is always active', () => {
		const taken = { routes: new Set(['a->b']) };
		expect(edgeTone({ id: 'a->b', source: 'a' }, new Set(['a']), taken)).toBe('taken');
		expect(edgeTone({ id: 'a->c', source: 'a' }, new Set(['a']), taken)).toBe('open');
		expect(edgeTone({ id: 'c->a', source: 'c' }, new Set(['a']), taken)).toBe('idle');
		expect(edgeTone({ id: '->a', source: '' }, new Set(), taken)).toBe('open');
	});
});
