import { describe, expect, test } from 'vitest';
import { findRetrainingPreset, gateOff, retrainingPresets } from '@sim/labs/continuous-training';
import {
	ctQuery,
	readCtParams,
	toPolicies,
	type CtParams,
} from '@/lib/labs/continuous-training/ct-params';
import type { ContinuousTrainingConfig } from '@sim/labs/continuous-training';

/** The parts of a policy the form edits. */
const policyOf = (c: ContinuousTrainingConfig | null) => ({
	trigger: c?.trigger,
	cooldownDays: c?.cooldownDays,
	windowDays: c?.windowDays,
	recencyHalfLifeDays: c?.recencyHalfLifeDays ?? null,
	warmStart: c?.warmStart,
	gateOff: c?.gate === gateOff,
});

describe('continuous-training lab parameters', () => {
	test.each(retrainingPresets.map((p) => [p.id]))(
		'the %s link gives both of the preset’s policies, on one world',
		(id) => {
			const preset = findRetrainingPreset(id);
			const { params, problems } = readCtParams(`?preset=${id}`);
			const { a, b } = toPolicies(params);
			expect(problems).toEqual([]);
			expect(policyOf(a)).toEqual(policyOf(preset?.params.config ?? null));
			expect(policyOf(b)).toEqual(policyOf(preset?.params.compareWith ?? null));
			expect([b?.seed, b?.scenario, b?.days]).toEqual([a.seed, a.scenario, a.days]);
		},
	);

	test('policy B round-trips through the link field by field', () => {
		const start = readCtParams('?preset=harmless-drift').params;
		const edited: CtParams = {
			...start,
			preset: 'custom',
			compare: 'custom',
			bTrigger: 'performance',
			bPerformanceThreshold: 0.8,
			bCooldownDays: 21,
			bWindow: 'recency',
			bRecencyHalfLifeDays: 45,
			bTraining: 'warm',
			bGate: 'off',
		};
		const query = ctQuery(edited);
		expect(query).toContain('bTrigger=performance');
		const read = readCtParams(`?${query}`);
		expect(read.params).toEqual(edited);
		expect(policyOf(toPolicies(read.params).b)).toEqual({
			trigger: { kind: 'performance', threshold: 0.8 },
			cooldownDays: 21,
			windowDays: null,
			recencyHalfLifeDays: 45,
			warmStart: true,
			gateOff: true,
		});
		// Policy A is untouched: still the preset's drift trigger.
		expect(toPolicies(read.params).a.trigger).toEqual({ kind: 'drift', threshold: 0.2 });
	});

	test('an older link naming only `compare` still gets that preset’s second policy', () => {
		const { params } = readCtParams('?trigger=schedule&everyDays=30&compare=schedule-misses-shift');
		const preset = findRetrainingPreset('schedule-misses-shift');
		expect(policyOf(toPolicies(params).b)).toEqual(policyOf(preset?.params.compareWith ?? null));
		// A link's stated B field wins over the preset it names.
		const stated = readCtParams('?compare=schedule-misses-shift&bCooldownDays=3').params;
		expect(toPolicies(stated).b?.cooldownDays).toBe(3);
	});

	test('a bad value of B is reported and its default kept', () => {
		const { params, problems } = readCtParams('?bTrigger=schedule&bEveryDays=0');
		expect(params.bEveryDays).toBe(30);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/^Policy B: Schedule period/);
	});
});
