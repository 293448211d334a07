import { describe, expect, test } from 'vitest';
import {
	findRetrainingPreset,
	policyParamSpecs,
	simulateContinuousTraining,
	type ContinuousTrainingConfig,
	type RunSummary,
} from '@sim/index';
import {
	ctParamsSpec,
	ctQuery,
	presetParams,
	readCtParams,
	toPolicies,
} from '@/lib/labs/continuous-training/ct-params';
import {
	ctStatus,
	formatStepValue,
	newestLabelledDay,
	policyText,
	policyTotals,
	runHeadline,
	runLabel,
	stepRows,
} from '@/lib/labs/continuous-training/ct-view';
import { maturityLink, maturityRows, readLevel } from '@/lib/labs/continuous-training/ct-maturity';
import { defaultParams } from '@/lib/url-params';
import { contextAfterYear } from './year-context';

const defaults = defaultParams(ctParamsSpec);
const preset = findRetrainingPreset('gate-rejects-corrupted');
if (preset === undefined) throw new Error('preset missing');

describe('URL parameters', () => {
	test('number fields take their ranges from the library’s policy specs', () => {
		expect(ctParamsSpec.everyDays).toMatchObject({ kind: 'integer', min: 1, max: 365 });
		expect(ctParamsSpec.driftThreshold).toMatchObject({
			kind: 'number',
			min: policyParamSpecs.driftThreshold.min,
			max: policyParamSpecs.driftThreshold.max,
		});
		expect(ctParamsSpec.cooldownDays.label).toBe('Cooldown (days)');
	});

	test('a preset link gives back the preset’s two policies on its world', () => {
		const query = ctQuery(presetParams(preset, defaults));
		expect(query).toBe('preset=gate-rejects-corrupted&compare=gate-rejects-corrupted&seed=42');
		const { params, problems } = readCtParams(query);
		expect(problems).toEqual([]);
		const { a, b } = toPolicies(params);
		expect(a).toEqual({ ...preset.params.config, recencyHalfLifeDays: null });
		expect(b).toEqual({ ...preset.params.compareWith, recencyHalfLifeDays: null });
	});

	test('a bare preset id applies the preset; stated values win over it', () => {
		const bare = readCtParams('preset=schedule-misses-shift');
		expect(bare.params).toMatchObject({
			trigger: 'schedule',
			everyDays: 90,
			scenario: 'sudden-concept',
		});
		expect(readCtParams('preset=schedule-misses-shift&everyDays=45').params.everyDays).toBe(45);
	});

	test('bad values in a link are reported and replaced by defaults; `level` is not a problem', () => {
		const { params, problems } = readCtParams('cooldownDays=-3&trigger=magic&level=1');
		expect(params.cooldownDays).toBe(0);
		expect(params.trigger).toBe('schedule');
		expect(problems).toHaveLength(2);
		expect(problems.join(' ')).not.toContain('level');
	});

	test('window and retraining mode map onto the headless config', () => {
		const recency = toPolicies({
			...defaults,
			window: 'recency',
			recencyHalfLifeDays: 30,
			training: 'warm',
		}).a;
		expect(recency).toMatchObject({ windowDays: null, recencyHalfLifeDays: 30, warmStart: true });
		const last = toPolicies({ ...defaults, window: 'last', windowDays: 45 }).a;
		expect(last).toMatchObject({ windowDays: 45, recencyHalfLifeDays: null, warmStart: false });
		expect(toPolicies({ ...defaults, trigger: 'volume', rows: 5000 }).a.trigger).toEqual({
			kind: 'volume',
			rows: 5000,
		});
		// With no preset to compare with, B is the same world without retraining.
		expect(toPolicies(defaults).b?.trigger).toEqual({ kind: 'none' });
	});
});

describe('words', () => {
	const config: ContinuousTrainingConfig = preset.params.config;
	const year = simulateContinuousTraining({ ...config, days: 95 });
	const day90 = year.runs[2] as RunSummary;

	test('policies in one phrase', () => {
		expect(policyText(config)).toBe('Retrain every 30 days, last 60 days, full retrain');
		expect(policyText(preset.params.compareWith)).toBe(
			'Retrain every 30 days, last 60 days, full retrain, no gate',
		);
		expect(policyText({ ...config, trigger: { kind: 'none' } })).toBe(
			'No retraining: the first model serves all year',
		);
		expect(
			policyText({
				...config,
				trigger: { kind: 'drift', threshold: 0.3 },
				cooldownDays: 14,
				windowDays: null,
				recencyHalfLifeDays: 20,
				warmStart: true,
			}),
		).toBe(
			'Retrain when PSI > 0.3, cooldown 14 days, recency-weighted (half-life 20 days), warm start',
		);
	});

	test('a rejected run: label, headline with its reason, and the step graph', () => {
		expect(runLabel('a', day90)).toBe('A3, day 90: rejected by the gate');
		expect(runHeadline('a', day90)).toBe(
			'Policy A, run 3 on day 90 (schedule trigger), trained on days 0–53: rejected by the gate. Not blessed: accuracy 74.5 % vs champion 81.3 % (−6.8 points) misses the required change of +0.5 points',
		);
		const rows = stepRows(day90);
		expect(rows.map((r) => [r.label, r.status])).toEqual([
			['Data extraction', 'Succeeded'],
			['Data validation', 'Succeeded'],
			['Training', 'Succeeded'],
			['Evaluation', 'Succeeded'],
			['Gate', 'Failed'],
			['Registration', 'Skipped'],
			['Deployment', 'Skipped'],
		]);
		expect(rows[5]?.duration).toBe('–');
		expect(rows[2]?.duration).toBe('3.2 min');
	});

	test('step values', () => {
		expect(formatStepValue(null)).toBe('–');
		expect(formatStepValue(true)).toBe('yes');
		expect(formatStepValue(12000)).toBe('12,000');
		expect(formatStepValue(0.81234)).toBe('0.812');
		expect(formatStepValue('days 1–40')).toBe('days 1–40');
	});

	test('status lines and totals', () => {
		const context = contextAfterYear(config, year);
		expect(ctStatus('idle', context)).toBe(
			'Ready. Choose a preset or a policy, then press Run the year.',
		);
		expect(ctStatus('running.streaming', context)).toBe(
			'Day 95 of 365: policy A has started 3 runs.',
		);
		expect(ctStatus('running.paused', { ...context, error: 'boom' })).toBe('Paused: boom');
		const totals = policyTotals(context, 'a');
		expect(totals).toMatchObject({ runs: 3, promoted: 0, rejected: 2, failed: 1 });
		expect(totals.computeMinutes).toBe(Math.round(year.summary.computeMinutes * 10) / 10);
		expect(totals.meanAccuracy).toBeCloseTo(year.summary.meanPolicyAccuracy, 12);
		expect(policyTotals(context, 'b')).toMatchObject({ runs: 0, meanAccuracy: null });
		expect(newestLabelledDay(95)).toBe(65);
		expect(newestLabelledDay(30)).toBeNull();
	});
});

describe('maturity comparison', () => {
	test('?level= reads 0, 1 or 2 and explains anything else', () => {
		expect(readLevel('?level=2')).toEqual({ level: 2, problem: null });
		expect(readLevel('')).toEqual({ level: null, problem: null });
		expect(readLevel('?level=3').problem).toBe(
			'The link asks for maturity level “3”; levels are 0, 1 and 2, so all three are shown.',
		);
		expect(readLevel(`?level=${'9'.repeat(50)}`).problem).toContain(`“${'9'.repeat(19)}…”`);
		expect(maturityLink(1)).toBe('/labs/continuous-training/?level=1#maturity');
	});

	test('rows say "never detected" and "not within the year" rather than a number', () => {
		const rows = maturityRows([
			{
				level: 0,
				label: 'Level 0: manual process',
				baselineAccuracy: 0.8,
				incidents: [{ startDay: 10, recoveredDay: null, detectedDay: null, accuracyLost: 1 }],
				meanTimeToDetectDays: null,
				meanTimeToRecoverDays: null,
				accuracyLost: 1.234,
				runs: 0,
				computeMinutes: 0,
				meanAccuracy: 0.7512,
				result: year0,
			},
		]);
		expect(rows).toEqual([
			{
				level: 0,
				label: 'Level 0: manual process',
				incidents: '1',
				timeToDetect: 'never detected',
				timeToRecover: 'not within the year',
				accuracyLost: '1.2 accuracy-days',
				runs: '0',
				meanAccuracy: '75.1 %',
			},
		]);
	});
});

const year0 = simulateContinuousTraining({ ...preset.params.config, days: 30 });
