import { describe, expect, test } from 'vitest';
import {
	ContinuousTrainingConfigError,
	createRng,
	sampleIndices,
	simulateContinuousTraining,
	type ContinuousTrainingResult,
	type VersionRecord,
} from '@sim/index';
import { plainPolicy } from './policy-fixture';

const base = plainPolicy({ days: 120 });

/** servedVersion changes only the day after a promoted run, to that run's version. */
function expectSwapsFollowPromotions(result: ContinuousTrainingResult) {
	const promotions = new Map(
		result.runs.filter((r) => r.outcome === 'promoted').map((r) => [r.day, r.version]),
	);
	for (let i = 1; i < result.daily.length; i++) {
		const today = result.daily[i];
		const yesterday = result.daily[i - 1];
		if (!today || !yesterday) continue;
		if (today.servedVersion !== yesterday.servedVersion) {
			expect(promotions.get(yesterday.day), `day ${today.day}`).toBe(today.servedVersion);
		} else {
			expect(promotions.has(yesterday.day), `day ${today.day}`).toBe(false);
		}
	}
}

describe('simulateContinuousTraining: the issue’s rules', () => {
	test('a schedule of every N days with no cooldown starts runs exactly on days N, 2N, …', () => {
		const result = simulateContinuousTraining({
			...base,
			trigger: { kind: 'schedule', everyDays: 20 },
		});
		expect(result.runs.map((r) => r.day)).toEqual([20, 40, 60, 80, 100, 120]);
		expect(result.runs.every((r) => r.trigger === 'schedule')).toBe(true);
		expectSwapsFollowPromotions(result);
	});

	test('no run starts within cooldownDays of the previous one', () => {
		const result = simulateContinuousTraining({
			...base,
			trigger: { kind: 'schedule', everyDays: 5 },
			cooldownDays: 12,
		});
		// 5, then not before 17 → 20, not before 32 → 35, …
		expect(result.runs.map((r) => r.day)).toEqual([5, 20, 35, 50, 65, 80, 95, 110]);
		expect(result.daily.filter((d) => d.suppressedByCooldown).map((d) => d.day)).toEqual([
			10, 15, 25, 30, 40, 45, 55, 60, 70, 75, 85, 90, 100, 105, 115, 120,
		]);
	});

	test('servedVersion changes only the day after a promoted run (performance trigger, shift)', () => {
		const result = simulateContinuousTraining({
			...base,
			scenario: 'sudden-concept',
			days: 200,
			trigger: { kind: 'performance', threshold: 0.78 },
			cooldownDays: 14,
			windowDays: 60,
		});
		expect(result.summary.promoted).toBeGreaterThan(0);
		expectSwapsFollowPromotions(result);
		const promoted = result.runs.find((r) => r.outcome === 'promoted');
		expect(promoted?.servedFromDay).toBe((promoted?.day ?? 0) + 1);
	});

	test('the same config gives the same year; another seed a different one', () => {
		const config = { ...base, days: 60, trigger: { kind: 'schedule', everyDays: 30 } } as const;
		const a = simulateContinuousTraining(config);
		const b = simulateContinuousTraining(config);
		expect(b.daily).toEqual(a.daily);
		expect(b.runs.map((r) => r.reason)).toEqual(a.runs.map((r) => r.reason));
		const c = simulateContinuousTraining({ ...config, seed: 43 });
		expect(c.daily.map((d) => d.policyAccuracy)).not.toEqual(a.daily.map((d) => d.policyAccuracy));
	});

	test('an impossible config throws one message per field and simulates nothing', () => {
		const run = () =>
			simulateContinuousTraining({ ...base, days: 0, trigger: { kind: 'volume', rows: 10 } });
		expect(run).toThrow(ContinuousTrainingConfigError);
		try {
			run();
		} catch (error) {
			expect((error as ContinuousTrainingConfigError).fields).toEqual({
				days: 'Days to simulate must be a whole number from 30 to 730 days.',
				'trigger.rows': 'New labelled rows must be a whole number from 500 to 200000 rows.',
			});
		}
	});
});

describe('golden seeded years (seed 42)', () => {
	test('a monthly schedule on the stable world', () => {
		const result = simulateContinuousTraining({
			...base,
			days: 365,
			trigger: { kind: 'schedule', everyDays: 30 },
		});
		expect(result.runs.map((r) => [r.day, r.outcome])).toEqual([
			[30, 'failed'],
			[60, 'rejected'],
			[90, 'rejected'],
			[120, 'rejected'],
			[150, 'promoted'],
			[180, 'rejected'],
			[210, 'rejected'],
			[240, 'rejected'],
			[270, 'rejected'],
			[300, 'rejected'],
			[330, 'rejected'],
			[360, 'rejected'],
		]);
		expect(result.runs[0]?.reason).toBe(
			'data validation: DATASET_LOW_NUM_EXAMPLES on the dataset: The dataset has 0 examples, which is fewer than expected: min = 200.',
		);
		expect(result.runs[4]?.reason).toBe(
			'blessed: accuracy 83.5 % vs champion 82.7 % (+0.8 points), every slice above its floor',
		);
		expect(result.summary.computeMinutes).toBe(35.2);
		expect(result.summary.meanStaticAccuracy).toBeCloseTo(0.8147178, 6);
		expect(result.summary.meanPolicyAccuracy).toBeCloseTo(0.8156822, 6);
	});

	test('a volume trigger fires on a month of new labelled rows', () => {
		const result = simulateContinuousTraining({
			...base,
			days: 200,
			trigger: { kind: 'volume', rows: 15_000 },
		});
		// The first labels arrive on day 31; 30 labelled days (15,000 rows) exist on day 60.
		expect(result.runs.map((r) => r.day)).toEqual([60, 90, 120, 150, 180]);
	});
});

describe('lineage, ports and options', () => {
	test('a registered version records its parent, trigger, window, parameters and seed', () => {
		const registered: Omit<VersionRecord, 'version'>[] = [];
		const result = simulateContinuousTraining(
			{
				...base,
				scenario: 'sudden-concept',
				days: 150,
				trigger: { kind: 'performance', threshold: 0.78 },
				cooldownDays: 14,
				windowDays: 60,
			},
			{
				register: (record) => {
					registered.push(record);
					return 100 + registered.length;
				},
			},
		);
		expect(registered.map((r) => [r.trigger, r.parentVersion, r.dataWindow])).toEqual([
			['initial', null, { fromDay: 0, toDay: 0, rows: 2000 }],
			['performance', 101, { fromDay: 46, toDay: 105, rows: 30_000 }],
		]);
		expect(registered[1]?.seed).toBe('42/run-day-142');
		expect(registered[1]?.params.epochs).toBe(40);
		expect(result.daily.at(-1)?.servedVersion).toBe(102);
	});

	test('a warm start keeps the champion’s encoder and runs a quarter of the epochs', () => {
		const result = simulateContinuousTraining({
			...base,
			days: 90,
			trigger: { kind: 'schedule', everyDays: 60 },
			warmStart: true,
		});
		const run = result.runs[0];
		expect(run?.steps.find((s) => s.id === 'training')?.inputs.warmStartFrom).toBe('v1');
		expect(run?.rowEpochs).toBe(1600 * 10);
	});

	test('level 0 retrains only after a review notices, then hands off for weeks, with no gate', () => {
		const result = simulateContinuousTraining({
			...base,
			scenario: 'sudden-concept',
			days: 365,
			trigger: { kind: 'schedule', everyDays: 10 },
			maturityLevel: 0,
		});
		expect(result.events.map((e) => [e.day, e.kind])).toEqual([
			[180, 'noticed'],
			[180, 'hand-off-started'],
		]);
		expect(result.runs.map((r) => [r.day, r.trigger, r.outcome])).toEqual([
			[208, 'noticed', 'promoted'],
		]);
		const statuses = Object.fromEntries(result.runs[0]?.steps.map((s) => [s.id, s.status]) ?? []);
		expect(statuses).toMatchObject({ validation: 'Skipped', gate: 'Skipped' });
	});

	test('recency-weighted sampling favours recent rows; uniform sampling has no repeats', () => {
		const uniform = sampleIndices(10_000, 2000, createRng(1));
		expect(new Set(uniform).size).toBe(2000);
		const weighted = sampleIndices(10_000, 2000, createRng(1), (i) => 0.5 ** ((9999 - i) / 1000));
		const mean = (xs: Uint32Array) => xs.reduce((s, x) => s + x, 0) / xs.length;
		expect(mean(uniform)).toBeGreaterThan(4500);
		expect(mean(uniform)).toBeLessThan(5500);
		expect(mean(weighted)).toBeGreaterThan(7500);
	});
});
