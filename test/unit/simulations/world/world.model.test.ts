import { describe, expect, test } from 'vitest';
import { createRng } from '@sim/shared/rng';
import {
	churnLogit,
	createWorld,
	dataVersion,
	generateDataset,
	generateDay,
	noDrift,
	scaleDrift,
	splitRecords,
	type ChurnRecord,
} from '@sim/world/world.model';

const world = createWorld();
const churnShare = (records: readonly ChurnRecord[]) =>
	records.reduce((sum, r) => sum + r.churned, 0) / records.length;
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('generateDataset', () => {
	test('returns the golden records and version for seed 1', () => {
		const dataset = generateDataset(world, { size: 3, seed: 1 });
		expect(dataset.version).toMatchInlineSnapshot(`"7f7912c6"`);
		expect(dataset.records).toMatchInlineSnapshot(`
			[
			  {
			    "churnProbability": 0.019617443804077556,
			    "churned": 1,
			    "day": 0,
			    "features": {
			      "daysSinceLastLogin": 13,
			      "discountPercent": 5,
			      "latePayments": 0,
			      "monthlyCharge": 5,
			      "paymentMethod": "card",
			      "plan": "basic",
			      "region": "north",
			      "seats": 1,
			      "supportTickets": 1,
			      "tenureMonths": 44,
			      "usageHoursPerWeek": 5.47,
			    },
			  },
			  {
			    "churnProbability": 0.9101498685519155,
			    "churned": 1,
			    "day": 0,
			    "features": {
			      "daysSinceLastLogin": 12,
			      "discountPercent": 5,
			      "latePayments": 1,
			      "monthlyCharge": 39.5,
			      "paymentMethod": "card",
			      "plan": "basic",
			      "region": "west",
			      "seats": 1,
			      "supportTickets": 3,
			      "tenureMonths": 12,
			      "usageHoursPerWeek": 8.62,
			    },
			  },
			  {
			    "churnProbability": 0.0072962114241806215,
			    "churned": 0,
			    "day": 0,
			    "features": {
			      "daysSinceLastLogin": 4,
			      "discountPercent": 5,
			      "latePayments": 1,
			      "monthlyCharge": 59.07,
			      "paymentMethod": "invoice",
			      "plan": "standard",
			      "region": "west",
			      "seats": 1,
			      "supportTickets": 1,
			      "tenureMonths": 72,
			      "usageHoursPerWeek": 6.94,
			    },
			  },
			]
		`);
	});

	test('is reproducible, and its version changes with seed, size, noise or drift', () => {
		const a = generateDataset(world, { size: 200, seed: 9 });
		expect(generateDataset(world, { size: 200, seed: 9 })).toEqual(a);
		expect(generateDataset(world, { size: 200, seed: 10 }).version).not.toBe(a.version);
		expect(generateDataset(world, { size: 201, seed: 9 }).version).not.toBe(a.version);
		expect(dataVersion(createWorld({ labelNoise: 0.2 }), noDrift, 9, 200)).not.toBe(a.version);
		expect(dataVersion(world, { interceptChange: 1 }, 9, 200)).not.toBe(a.version);
	});

	test('has a realistic churn share and a label the features explain', () => {
		const { records } = generateDataset(world, { size: 5000, seed: 1 });
		expect(churnShare(records)).toBeCloseTo(0.269, 3);
		const bayesAccuracy = mean(
			records.map((r) => ((r.churnProbability > 0.5 ? 1 : 0) === r.churned ? 1 : 0)),
		);
		expect(bayesAccuracy).toBeGreaterThan(0.8);
	});
});

describe('generateDay', () => {
	test('draws each day from its own stream, whatever was generated before', () => {
		const day5 = generateDay(world, 5, noDrift, createRng(3));
		const rng = createRng(3);
		generateDay(world, 4, noDrift, rng);
		expect(generateDay(world, 5, noDrift, rng)).toEqual(day5);
		expect(day5).toHaveLength(500);
		expect(day5.every((r) => r.day === 5)).toBe(true);
		expect(generateDay(world, 6, noDrift, rng)).not.toEqual(day5);
	});

	test('covariate drift moves the feature and, through the same rule, the churn share', () => {
		const base = generateDay(world, 1, { recordCount: 4000 }, createRng(1));
		const drifted = generateDay(
			world,
			1,
			{ recordCount: 4000, features: { daysSinceLastLogin: { shift: 10 } } },
			createRng(1),
		);
		const days = (rs: ChurnRecord[]) => mean(rs.map((r) => r.features.daysSinceLastLogin));
		expect(days(drifted) - days(base)).toBeGreaterThan(9);
		expect(days(drifted) - days(base)).toBeLessThan(11);
		expect(churnShare(drifted)).toBeGreaterThan(churnShare(base) + 0.1);
	});

	test('category drift changes the mix', () => {
		const day = generateDay(
			world,
			1,
			{ recordCount: 2000, categoryMix: { plan: { basic: 0, standard: 0, premium: 1 } } },
			createRng(1),
		);
		expect(day.every((r) => r.features.plan === 'premium')).toBe(true);
	});

	test('concept drift keeps the features and changes who churns', () => {
		const drift = { recordCount: 3000, coefficientChanges: { tenureMonths: 3.2 } };
		const base = generateDay(world, 2, { recordCount: 3000 }, createRng(1));
		const drifted = generateDay(world, 2, drift, createRng(1));
		expect(drifted.map((r) => r.features)).toEqual(base.map((r) => r.features));
		// Tenure used to protect against churn; now it drives it.
		const longTenure = (rs: ChurnRecord[]) => rs.filter((r) => r.features.tenureMonths > 40);
		expect(churnShare(longTenure(base))).toBeLessThan(0.1);
		expect(churnShare(longTenure(drifted))).toBeGreaterThan(0.5);
	});

	test('prior drift reaches the requested churn share exactly', () => {
		const day = generateDay(world, 1, { recordCount: 400, positiveRate: 0.5 }, createRng(1));
		expect(day).toHaveLength(400);
		expect(churnShare(day)).toBe(0.5);
		expect(() =>
			generateDay(world, 1, { recordCount: 50, positiveRate: 1 }, createRng(1)),
		).not.toThrow();
	});

	test('data-quality faults corrupt what is observed, not the truth', () => {
		const drift = {
			recordCount: 2000,
			missingRates: { usageHoursPerWeek: 0.2, plan: 0.1 },
			unitChanges: { monthlyCharge: 100 },
			unseenCategory: { feature: 'paymentMethod' as const, value: 'crypto', rate: 0.05 },
		};
		const clean = generateDay(world, 1, { recordCount: 2000 }, createRng(1));
		const faulty = generateDay(world, 1, drift, createRng(1));
		expect(faulty.map((r) => r.churned)).toEqual(clean.map((r) => r.churned));
		const missingUsage = faulty.filter((r) => Number.isNaN(r.features.usageHoursPerWeek)).length;
		expect(missingUsage / 2000).toBeCloseTo(0.2, 1);
		expect(faulty.filter((r) => r.features.plan === null).length / 2000).toBeCloseTo(0.1, 1);
		expect(faulty.filter((r) => r.features.paymentMethod === 'crypto').length).toBeGreaterThan(50);
		expect(faulty[0]?.features.monthlyCharge).toBeCloseTo(
			(clean[0]?.features.monthlyCharge ?? 0) * 100,
			6,
		);
	});
});

describe('churnLogit', () => {
	test('adds the disengagement interaction only for absent, low-usage subscribers', () => {
		const base = generateDataset(world, { size: 1, seed: 1 }).records[0]?.features;
		if (!base) throw new Error('no record');
		const engaged = { ...base, daysSinceLastLogin: 7, usageHoursPerWeek: 9 };
		const gone = { ...engaged, daysSinceLastLogin: 21, usageHoursPerWeek: 3 };
		const linearPart = 1.2 * 2 + -1.0 * -1;
		expect(churnLogit(world, noDrift, gone) - churnLogit(world, noDrift, engaged)).toBeCloseTo(
			linearPart + 0.8 * 2 * 1,
			10,
		);
	});
});

describe('scaleDrift and splitRecords', () => {
	test('scaleDrift interpolates shifts, scales and coefficient changes', () => {
		const drift = {
			features: { seats: { shift: 4, scale: 3 } },
			coefficientChanges: { seats: 2 },
			interceptChange: -1,
			positiveRate: 0.4,
		};
		expect(scaleDrift(drift, 0.5)).toEqual({
			features: { seats: { shift: 2, scale: 2 } },
			coefficientChanges: { seats: 1 },
			interceptChange: -0.5,
			positiveRate: 0.4,
		});
		expect(scaleDrift(drift, 2).features?.seats).toEqual({ shift: 4, scale: 3 });
	});

	test('splitRecords partitions every record once, in the requested sizes', () => {
		const items = Array.from({ length: 100 }, (_, i) => i);
		const split = splitRecords(items, { validation: 0.2, test: 0.1 }, createRng(1));
		expect([split.train.length, split.validation.length, split.test.length]).toEqual([70, 20, 10]);
		expect([...split.train, ...split.validation, ...split.test].sort((a, b) => a - b)).toEqual(
			items,
		);
	});
});
