import { describe, expect, test } from 'vitest';
import { applyNamedPreset, presetLinks } from '@/lib/labs/lab-params';
import { readParams, type ParamsOf, type ParamsSpec } from '@/lib/url-params';

// A lab of its own, so the rule is checked apart from any real lab's presets.
const spec = {
	preset: { kind: 'enum', default: 'custom', values: ['custom', 'fast', 'slow'], label: 'Preset' },
	speed: { kind: 'integer', default: 1, min: 1, max: 10, label: 'Speed', aliases: ['s'] },
	seed: { kind: 'integer', default: 42, min: 0, max: 100, label: 'Seed' },
} as const satisfies ParamsSpec;
type Params = ParamsOf<typeof spec>;
const presets = [
	{
		id: 'fast',
		title: 'Fast',
		notice: 'Goes fast.',
		speed: 9,
		seed: 7,
		lesson: '/lessons/x/#fast',
	},
	{ id: 'slow', title: 'Slow', notice: 'Goes slow.', speed: 2, seed: 8 },
];
const apply = (p: (typeof presets)[number], base: Params): Params => ({
	...base,
	preset: p.id as Params['preset'],
	speed: p.speed,
	seed: p.seed,
});
const read = (search: string) =>
	applyNamedPreset(spec, search, readParams(spec, search), presets, apply);

describe('a lab link that names a preset', () => {
	test('with no preset named, the link is read as it stands', () => {
		expect(read('?speed=3')).toEqual({
			params: { preset: 'custom', speed: 3, seed: 42 },
			problems: [],
		});
	});

	test('a bare ?preset=id gives the preset’s settings', () => {
		expect(read('?preset=fast').params).toEqual({ preset: 'fast', speed: 9, seed: 7 });
	});

	test('values the link states win over the preset’s, under current keys and older ones', () => {
		expect(read('?preset=fast&seed=3').params).toEqual({ preset: 'fast', speed: 9, seed: 3 });
		expect(read('?preset=fast&s=4').params).toEqual({ preset: 'fast', speed: 4, seed: 7 });
	});

	test('a bad stated value gets the default its message names, over the preset’s', () => {
		const { params, problems } = read('?preset=slow&speed=99');
		expect(params).toEqual({ preset: 'slow', speed: 1, seed: 8 });
		expect(problems).toEqual(['Speed 99 is outside 1–10, so the default (1) is used.']);
	});
});

describe('preset links on a lab page', () => {
	test('each link carries the title, notice, the preset over the defaults, and its lesson', () => {
		const query = (p: Params) =>
			new URLSearchParams(Object.entries(p).map(([k, v]) => [k, String(v)])).toString();
		expect(presetLinks('/labs/x/', presets, { spec, presetParams: apply, query })).toEqual([
			{
				title: 'Fast',
				notice: 'Goes fast.',
				href: '/labs/x/?preset=fast&speed=9&seed=7',
				lesson: '/lessons/x/#fast',
			},
			{ title: 'Slow', notice: 'Goes slow.', href: '/labs/x/?preset=slow&speed=2&seed=8' },
		]);
	});
});
