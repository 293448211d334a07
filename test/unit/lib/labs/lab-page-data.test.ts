import { describe, expect, test } from 'vitest';
import { labPageData, statechartView } from '@/lib/labs/lab-page-data';
import { layoutMachine } from '@/lib/labs/statechart-layout';
import { transitionTracker } from '@/lib/labs/statechart-view';
import type { ParamsOf, ParamsSpec } from '@/lib/url-params';
import { playerMachine } from './statechart-fixture';

// A lab page in miniature: one preset, one parameter besides the preset.
const spec = {
	preset: { kind: 'enum', default: 'custom', values: ['custom', 'calm'], label: 'Preset' },
	volume: { kind: 'integer', default: 5, min: 0, max: 10, label: 'Volume' },
} as const satisfies ParamsSpec;
type Params = ParamsOf<typeof spec>;
const presets = [{ id: 'calm', title: 'Calm', notice: 'Quiet.', volume: 2 }];

describe('labPageData', () => {
	test('gives the page its preset links and the island its laid-out statechart', async () => {
		const data = await labPageData('/labs/player/', playerMachine, presets, {
			spec,
			presetParams: (p, base: Params): Params => ({ ...base, preset: 'calm', volume: p.volume }),
			query: (p) => `preset=${p.preset}&volume=${p.volume}`,
		});
		expect(data.presets).toEqual([
			{ title: 'Calm', notice: 'Quiet.', href: '/labs/player/?preset=calm&volume=2' },
		]);
		expect(data.statechart.machineId).toBe(playerMachine.id);
		expect(data.statechart).toEqual(statechartView(await layoutMachine(playerMachine)));
	});

	test('the island gets the markup and the arrows’ transitions, not the geometry', async () => {
		const layout = await layoutMachine(playerMachine);
		const view = statechartView(layout);
		expect(Object.keys(view).sort()).toEqual(
			['edges', 'height', 'machineId', 'markup', 'rows', 'width'].sort(),
		);
		expect(view.markup).toBe(layout.markup);
		expect(view.rows).toBe(layout.rows);
		expect(view.edges.map((e) => e.id)).toEqual(layout.edges.map((e) => e.id));
		for (const edge of view.edges) {
			expect(Object.keys(edge).sort()).toEqual(['id', 'source', 'target', 'transitions']);
			for (const t of edge.transitions)
				expect(Object.keys(t).sort()).toEqual(['event', 'id', 'label']);
		}
		expect(JSON.stringify(view).length).toBeLessThan(JSON.stringify(layout).length);
		// The live view reads the same arrows from either: the one just taken is found alike.
		const fromView = transitionTracker(view);
		const fromLayout = transitionTracker(layout);
		fromView(['stopped']);
		fromLayout(['stopped']);
		const taken = fromView(['loading']);
		expect(taken.ids.size).toBeGreaterThan(0);
		expect(taken).toEqual(fromLayout(['loading']));
	});
});
