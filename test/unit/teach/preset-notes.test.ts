import { describe, expect, test } from 'vitest';
import { labPresetLinks, presetKey } from '../../../src/lib/teach/lab-presets';
import { presetNotes } from '../../../src/lib/teach/preset-notes';

describe('presetNotes', () => {
	const keys = labPresetLinks.map(presetKey);

	test('covers the labs’ presets, ten of them today', () => {
		expect(keys).toEqual([
			'training/diverge',
			'training/thrash',
			'training/overfit',
			'training/earlyStop',
			'drift/false-alarms',
			'drift/false-alarms-corrected',
			'drift/tiny-shift',
			'drift/harmless-shift',
			'drift/concept-drift',
			'drift/label-delay',
		]);
	});

	test('has facilitator text for every preset', () => {
		expect(keys.filter((key) => !(key in presetNotes))).toEqual([]);
	});

	test('names no preset that does not exist', () => {
		expect(Object.keys(presetNotes).filter((key) => !keys.includes(key))).toEqual([]);
	});

	test('each note asks a question and says what to notice', () => {
		for (const [key, note] of Object.entries(presetNotes)) {
			expect(note.ask, key).toMatch(/\?$/);
			expect(note.notice.length, key).toBeGreaterThan(30);
		}
	});
});

describe('labPresetLinks', () => {
	test('each link is a site-relative lab URL that states its seed', () => {
		for (const preset of labPresetLinks) {
			const url = new URL(preset.href, 'https://example.org');
			expect(url.pathname).toBe(`/labs/${preset.lab}/`);
			expect(url.searchParams.get('seed'), presetKey(preset)).toMatch(/^\d+$/);
		}
	});

	test('the drift links name their preset and the training links their settings', () => {
		const concept = labPresetLinks.find((p) => presetKey(p) === 'drift/concept-drift');
		expect(new URL(concept?.href ?? '', 'https://example.org').searchParams.get('preset')).toBe(
			'concept-drift',
		);
		const diverge = labPresetLinks.find((p) => presetKey(p) === 'training/diverge');
		expect(diverge?.href).toBe('/labs/training/?model=mlp&learningRate=100&seed=42#lab');
	});
});
