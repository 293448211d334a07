import { describe, expect, test } from 'vitest';
import { encodeRecords, fitEncoder } from '@sim/world/encoding.model';
import type { ChurnRecord, Features } from '@sim/world/world.model';

const features = (overrides: Partial<Features>): Features => ({
	tenureMonths: 10,
	monthlyCharge: 40,
	supportTickets: 1,
	usageHoursPerWeek: 5,
	daysSinceLastLogin: 3,
	discountPercent: 0,
	seats: 1,
	latePayments: 0,
	plan: 'basic',
	region: 'north',
	paymentMethod: 'card',
	...overrides,
});
const record = (overrides: Partial<Features>, churned: 0 | 1 = 0): ChurnRecord => ({
	day: 0,
	features: features(overrides),
	churned,
	churnProbability: 0.5,
});

describe('fitEncoder', () => {
	test('fits mean and sample standard deviation, ignoring missing values', () => {
		const encoder = fitEncoder([
			record({ tenureMonths: 2 }),
			record({ tenureMonths: 4 }),
			record({ tenureMonths: Number.NaN }),
			record({ tenureMonths: 6 }),
		]);
		expect(encoder.numeric[0]).toEqual({ feature: 'tenureMonths', mean: 4, std: 2 });
		// A constant column is left unscaled instead of dividing by zero.
		expect(encoder.numeric[1]).toEqual({ feature: 'monthlyCharge', mean: 40, std: 1 });
		expect(encoder.columns).toHaveLength(8 + 3 + 4 + 3);
		expect(encoder.columns.slice(8, 11)).toEqual(['plan=basic', 'plan=standard', 'plan=premium']);
	});
});

describe('encodeRecords', () => {
	test('standardises with training statistics, one-hots categories and tolerates faults', () => {
		const encoder = fitEncoder([record({ tenureMonths: 2 }), record({ tenureMonths: 6 })]);
		const data = encodeRecords(encoder, [
			record({ tenureMonths: 8, plan: 'premium', region: 'west' }, 1),
			record({ tenureMonths: Number.NaN, plan: null, paymentMethod: 'crypto' }),
		]);
		expect(data.rows).toBe(2);
		expect(data.cols).toBe(18);
		expect([...data.y]).toEqual([1, 0]);
		const row = (i: number) => [...data.x.slice(i * 18, i * 18 + 18)];
		// mean 4, sample std √8: (8 − 4) / √8 = √2, stored as float32.
		expect(row(0).slice(0, 2)).toEqual([Math.fround(Math.SQRT2), 0]);
		// plan = premium, region = west, paymentMethod = card.
		expect(row(0).slice(8)).toEqual([0, 0, 1, 0, 0, 0, 1, 1, 0, 0]);
		// Missing number → the training mean (0); missing or unseen category → all zeros.
		expect(row(1)[0]).toBe(0);
		expect(row(1).slice(8, 11)).toEqual([0, 0, 0]);
		expect(row(1).slice(15, 18)).toEqual([0, 0, 0]);
	});
});
