import { describe, expect, test } from 'vitest';
import {
	checkParam,
	decideTrigger,
	policyParamSpecs,
	recencyWeight,
	triggerCondition,
	validateContinuousTrainingConfig,
	windowBounds,
	type ContinuousTrainingConfig,
	type PolicySignals,
} from '@sim/index';

const quiet: PolicySignals = {
	day: 10,
	onDemand: false,
	labelledAccuracy: null,
	driftScore: null,
	newLabelledRows: 0,
};

describe('trigger conditions', () => {
	test('a schedule fires on multiples of its period only', () => {
		const fired = Array.from({ length: 40 }, (_, i) => i + 1).filter(
			(day) => triggerCondition({ kind: 'schedule', everyDays: 7 }, { ...quiet, day }).holds,
		);
		expect(fired).toEqual([7, 14, 21, 28, 35]);
	});

	test('performance fires strictly below its threshold, and never without labels', () => {
		const t = { kind: 'performance', threshold: 0.8 } as const;
		expect(triggerCondition(t, { ...quiet, labelledAccuracy: 0.79 }).holds).toBe(true);
		expect(triggerCondition(t, { ...quiet, labelledAccuracy: 0.8 }).holds).toBe(false);
		expect(triggerCondition(t, { ...quiet, labelledAccuracy: null })).toEqual({
			holds: false,
			detail: 'too few labelled rows yet',
		});
	});

	test('drift fires strictly above its PSI threshold; volume at or above its row count', () => {
		const drift = { kind: 'drift', threshold: 0.2 } as const;
		expect(triggerCondition(drift, { ...quiet, driftScore: 0.21 }).holds).toBe(true);
		expect(triggerCondition(drift, { ...quiet, driftScore: 0.2 }).holds).toBe(false);
		const volume = { kind: 'volume', rows: 1000 } as const;
		expect(triggerCondition(volume, { ...quiet, newLabelledRows: 999 }).holds).toBe(false);
		expect(triggerCondition(volume, { ...quiet, newLabelledRows: 1000 }).holds).toBe(true);
	});

	test('defaults fill a missing parameter (a monthly schedule)', () => {
		expect(triggerCondition({ kind: 'schedule' }, { ...quiet, day: 30 }).holds).toBe(true);
		expect(triggerCondition({ kind: 'schedule' }, { ...quiet, day: 29 }).holds).toBe(false);
	});
});

describe('decideTrigger: cooldown and on-demand runs', () => {
	const schedule = { kind: 'schedule', everyDays: 1 } as const;
	test('no run starts within the cooldown of the previous one', () => {
		expect(decideTrigger(schedule, 5, 10, { ...quiet, day: 14 })).toMatchObject({
			fire: null,
			suppressedByCooldown: true,
		});
		expect(decideTrigger(schedule, 5, 10, { ...quiet, day: 15 }).fire).toBe('schedule');
	});

	test('a cooldown of zero still allows only one run a day', () => {
		expect(decideTrigger(schedule, 0, 10, { ...quiet, day: 10 }).fire).toBeNull();
		expect(decideTrigger(schedule, 0, 10, { ...quiet, day: 11 }).fire).toBe('schedule');
	});

	test('a person can start a run with no automatic trigger, but not during the cooldown', () => {
		expect(decideTrigger({ kind: 'none' }, 3, null, { ...quiet, onDemand: true }).fire).toBe(
			'on-demand',
		);
		expect(decideTrigger({ kind: 'none' }, 3, 9, { ...quiet, onDemand: true })).toMatchObject({
			fire: null,
			suppressedByCooldown: true,
			detail: 'no automatic trigger; cooling down until day 12',
		});
	});
});

describe('training windows', () => {
	test('the newest labelled days are held out and the window ends before them', () => {
		// Day 100 with a 30-day label delay: days up to 70 are labelled; 64–70 are the holdout.
		expect(windowBounds(100, 30, 7, { windowDays: 30, recencyHalfLifeDays: null })).toEqual({
			fromDay: 34,
			toDay: 63,
			holdoutFromDay: 64,
			holdoutToDay: 70,
		});
		expect(windowBounds(100, 30, 7, { windowDays: null, recencyHalfLifeDays: null }).fromDay).toBe(
			0,
		);
	});

	test('recency weights halve every half-life and are 1 when unweighted', () => {
		expect(recencyWeight(70, 100, 30)).toBe(0.5);
		expect(recencyWeight(40, 100, 30)).toBe(0.25);
		expect(recencyWeight(40, 100, null)).toBe(1);
	});
});

describe('parameter validation, one message per field', () => {
	test('every spec has a label, a unit-bearing message and a consistent range', () => {
		for (const [key, spec] of Object.entries(policyParamSpecs)) {
			expect(spec.min, key).toBeLessThan(spec.max);
			expect(spec.message, key).toContain(String(spec.min));
			expect(spec.message, key).toContain(spec.label);
		}
	});

	test('out of range, fractional and non-numeric values get the field’s message', () => {
		expect(checkParam('everyDays', 0)).toBe(
			'Schedule period must be a whole number from 1 to 365 days.',
		);
		expect(checkParam('everyDays', 2.5)).toBe(policyParamSpecs.everyDays.message);
		expect(checkParam('performanceThreshold', Number.NaN)).toBe(
			'Accuracy threshold must be a number from 0.5 to 0.99.',
		);
		expect(checkParam('cooldownDays', 0)).toBeNull();
	});

	test('a config with several bad fields reports each of them', () => {
		const config: ContinuousTrainingConfig = {
			seed: -1,
			scenario: 'no-such-world' as never,
			days: 365,
			trigger: { kind: 'schedule', everyDays: 0 },
			cooldownDays: 400,
			windowDays: 3,
			warmStart: false,
			maturityLevel: 3 as never,
		};
		const errors = validateContinuousTrainingConfig(config);
		expect(Object.keys(errors).sort()).toEqual([
			'cooldownDays',
			'maturityLevel',
			'scenario',
			'seed',
			'trigger.everyDays',
			'windowDays',
		]);
		expect(errors['trigger.everyDays']).toBe(policyParamSpecs.everyDays.message);
		expect(errors['scenario']).toContain('Unknown scenario "no-such-world"');
	});
});
