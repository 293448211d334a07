import { describe, expect, test } from 'vitest';
import { driftPresets } from '@sim/index';
import {
	driftParamsSpec,
	driftQuery,
	presetParams,
	readDriftParams,
	toStreamConfig,
} from '@/lib/labs/drift/drift-params';
import { defaultParams } from '@/lib/url-params';

const defaults = defaultParams(driftParamsSpec);

describe('drift lab parameters', () => {
	test('a bare link gives the simulation defaults', () => {
		const { params, problems } = readDriftParams('');
		expect(problems).toEqual([]);
		expect(params).toEqual(defaults);
		expect(toStreamConfig(params).horizonDays).toBe(120);
	});

	test('every preset link round-trips to exactly the preset’s configuration', () => {
		for (const preset of driftPresets) {
			const query = driftQuery(presetParams(preset, defaults));
			expect(query).toContain(`preset=${preset.id}`);
			const { params, problems } = readDriftParams(`?${query}`);
			expect(problems).toEqual([]);
			expect(toStreamConfig(params)).toEqual({ config: preset.config, horizonDays: preset.days });
			// The same story in every browser: presets never serve a learner's own production model.
			expect(params.model).toBe('default');
		}
	});

	test('a bare ?preset=id applies the preset, and explicit values override it', () => {
		const { params } = readDriftParams('?preset=concept-drift&delay=3');
		const { config } = toStreamConfig(params);
		expect(config.scenario.kind).toBe('concept');
		expect(config.scenario.startDay).toBe(20);
		expect(config.labelDelayDays).toBe(3);
	});

	test('bad values are reported in plain words and replaced by defaults', () => {
		const { params, problems } = readDriftParams('?window=0&scenario=tsunami&accuracy=abc');
		expect(params.window).toBe(1);
		expect(params.scenario).toBe('none');
		expect(params.accuracy).toBe(0.75);
		expect(problems).toEqual([
			'Scenario “tsunami” is not one of none, sudden, gradual, recurring, concept, prior, missing, unit, unseen, so the default (none) is used.',
			'Window (days) 0 is outside 1–20, so the default (1) is used.',
			'Accuracy threshold “abc” is not a number, so the default (0.75) is used.',
		]);
	});
});
