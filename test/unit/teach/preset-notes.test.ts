import { describe, expect, test } from 'vitest';
import { labPresetLinks, presetKey } from '../../../src/lib/teach/lab-presets';
import { presetNotes } from '../../../src/lib/teach/preset-notes';
import { readCtParams } from '../../../src/lib/labs/continuous-training/ct-params';
import { readDeploymentParams } from '../../../src/lib/labs/deployment/deployment-params';
import { retrainingPresets } from '../../../simulations/labs/continuous-training';
import { deploymentPresets } from '../../../simulations/labs/deployment';

describe('presetNotes', () => {
	const keys = labPresetLinks.map(presetKey);

	test('covers the labs’ presets, twenty-six of them today', () => {
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
			'continuous-training/schedule-misses-shift',
			'continuous-training/harmless-drift',
			'continuous-training/gate-rejects-corrupted',
			'continuous-training/short-window-seasonal',
			'deployment/broken-canary',
			'deployment/good-canary',
			'deployment/slow-canary',
			'deployment/thin-canary',
			'deployment/inconclusive-canary',
			'deployment/broken-recreate',
			'deployment/broken-rolling',
			'deployment/broken-shadow',
			'deployment/broken-bluegreen',
			'deployment/preview-bluegreen',
			'deployment/kayenta-canary',
			'deployment/flagger-canary',
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

	test('the continuous-training and deployment links open the preset they name', () => {
		const byKey = new Map(labPresetLinks.map((p) => [presetKey(p), p.href]));
		expect(byKey.get('deployment/thin-canary')).toBe(
			'/labs/deployment/?preset=thin-canary&candidate=worseOnSegment&firstWeightPercent=1&secondWeightPercent=100&seed=1',
		);
		expect(byKey.get('continuous-training/schedule-misses-shift')).toBe(
			'/labs/continuous-training/?preset=schedule-misses-shift&everyDays=90&compare=schedule-misses-shift&seed=42',
		);
	});

	test('each link reads back in its lab as the preset’s own settings', () => {
		for (const preset of labPresetLinks.filter((p) => p.lab === 'continuous-training')) {
			const search = new URL(preset.href, 'https://example.org').search;
			const { params, problems } = readCtParams(search);
			expect(problems, preset.id).toEqual([]);
			const p = retrainingPresets.find((q) => q.id === preset.id);
			expect(params.seed).toBe(p?.params.config.seed);
			expect(params.scenario).toBe(p?.params.config.scenario);
		}
		for (const preset of labPresetLinks.filter((p) => p.lab === 'deployment')) {
			const search = new URL(preset.href, 'https://example.org').search;
			const { params, problems } = readDeploymentParams(search);
			expect(problems, preset.id).toEqual([]);
			const p = deploymentPresets.find((q) => q.id === preset.id);
			expect([params.candidate, params.seed]).toEqual([p?.params.candidate, p?.params.seed]);
		}
	});
});
