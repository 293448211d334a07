import { describe, expect, test } from 'vitest';
import { driftPresets } from '@sim/index';
import {
	defaultDriftParams,
	driftQuery,
	presetParams,
	readDriftParams,
	runParams,
	toStreamConfig,
} from '@/lib/labs/drift/drift-params';

const defaults = defaultDriftParams();

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
			expect(toStreamConfig(params)).toEqual({
				config: preset.params.config,
				horizonDays: preset.params.days,
			});
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

	test('links written before the keys carried units read the same as new ones', () => {
		const old = readDriftParams(
			'?preset=harmless-shift&start=25&window=3&delay=5&accuracy=0.7&days=40&duration=9&period=14',
		);
		const current = readDriftParams(
			'?preset=harmless-shift&startDay=25&windowDays=3&labelDelayDays=5&accuracyThreshold=0.7&horizonDays=40&durationDays=9&periodDays=14',
		);
		expect(old).toEqual(current);
		expect(old.problems).toEqual([]);
		expect(toStreamConfig(old.params).horizonDays).toBe(40);
		expect(toStreamConfig(old.params).config.scenario.startDay).toBe(25);
		// New links are written with the unit-carrying keys.
		expect(driftQuery(old.params)).toContain('startDay=25');
	});

	test('bad values are reported in plain words and replaced by defaults', () => {
		const { params, problems } = readDriftParams('?window=0&scenario=tsunami&accuracy=abc');
		expect(params.windowDays).toBe(1);
		expect(params.scenario).toBe('none');
		expect(params.accuracyThreshold).toBe(0.75);
		expect(problems).toEqual([
			'Scenario “tsunami” is not one of none, sudden, gradual, recurring, concept, prior, missing, unit, unseen, so the default (none) is used.',
			'Window (days) 0 is outside 1–20, so the default (1) is used.',
			'Accuracy threshold “abc” is not a number, so the default (0.75) is used.',
		]);
	});

	test.each([
		{
			what: 'the injection schedule',
			change: {
				injections: [
					{
						fromDay: 12,
						scenario: {
							kind: 'unit' as const,
							feature: 'monthlyCharge' as const,
							magnitude: 100,
							startDay: 12,
							durationDays: 30,
							periodDays: 28,
						},
					},
				],
			},
			inQuery: 'inject=12_unit_monthlyCharge_100_12_30_28',
		},
		{
			what: 'threshold changes with their days',
			change: {
				thresholdChanges: [
					{ fromDay: 24, accuracyThreshold: 0.9 },
					{ fromDay: 30, accuracyThreshold: 0.6 },
				],
			},
			inQuery: 'thresholds=24_0.9~30_0.6',
		},
	])('a link carries $what and replays it', ({ change, inQuery }) => {
		const preset = driftPresets.find((p) => p.id === 'harmless-shift');
		if (preset === undefined) throw new Error('missing preset');
		const ran = { ...preset.params.config, ...change };
		const shared = runParams(presetParams(preset, defaults), ran);
		// The preset's story had neither change: the link is custom.
		expect(shared.preset).toBe('custom');
		const query = driftQuery(shared);
		expect(query).toContain(inQuery);
		const { params, problems } = readDriftParams(`?${query}`);
		expect(problems).toEqual([]);
		expect(toStreamConfig(params).config).toEqual(ran);
	});

	test('threshold changes out of order or out of range are left out with a message', () => {
		const bad = readDriftParams('?thresholds=5_0.9~4_0.8~9_2~12_0.7');
		expect(bad.params.thresholdChanges).toEqual([
			{ fromDay: 5, accuracyThreshold: 0.9 },
			{ fromDay: 12, accuracyThreshold: 0.7 },
		]);
		expect(bad.problems).toEqual([
			'Threshold change 2 of the link (“4_0.8”) is not a valid day_threshold (a day after 1, in order, and a threshold from 0 to 1), so it was left out.',
			'Threshold change 3 of the link (“9_2”) is not a valid day_threshold (a day after 1, in order, and a threshold from 0 to 1), so it was left out.',
		]);
	});

	test('a bad injection is left out with a message, the rest of the link still applies', () => {
		const { params, problems } = readDriftParams(
			'?inject=5_sudden_seats_2_5_30_28~3_tsunami_seats_1_1_1_2~9_none_seats_0_1_30_28&window=3',
		);
		expect(params.windowDays).toBe(3);
		expect(params.injections.map((i) => i.fromDay)).toEqual([5, 9]);
		expect(problems).toEqual([
			'Injection 2 of the link (“3_tsunami_seats_1_1_1_2”) is not a valid day_scenario_feature_magnitude_start_ramp_season in day order, so it was left out.',
		]);
	});

	test('a preset link whose settings differ from the preset is shown as custom', () => {
		// The example: the tiny-shift story with a magnitude of 999 is not that story.
		expect(readDriftParams('?preset=tiny-shift&magnitude=999&window=1').params.preset).toBe(
			'custom',
		);
		expect(readDriftParams('?preset=tiny-shift').params.preset).toBe('tiny-shift');
		const preset = driftPresets.find((p) => p.id === 'tiny-shift');
		if (preset === undefined) throw new Error('missing preset');
		// Restating the preset's own values keeps it.
		expect(readDriftParams(`?${driftQuery(presetParams(preset, defaults))}`).params.preset).toBe(
			'tiny-shift',
		);
	});
});
