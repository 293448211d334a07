import { describe, expect, test } from 'vitest';
import { labPageData } from '@/lib/labs/lab-page-data';
import { layoutMachine } from '@/lib/labs/statechart-layout';
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
		expect(data.statechart).toEqual(await layoutMachine(playerMachine));
	});
});
