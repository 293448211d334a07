import { describe, expect, test } from 'vitest';
import { classificationMetrics, confusionMatrix, logLoss, rocAuc } from '@sim/training/metrics';

const p = Float32Array.from([0.9, 0.8, 0.3, 0.6, 0.2, 0.1]);
const y = Float32Array.from([1, 1, 1, 0, 0, 0]);

describe('confusionMatrix', () => {
	test('counts each cell at the threshold', () => {
		expect(confusionMatrix(p, y)).toEqual({
			truePositive: 2,
			falsePositive: 1,
			trueNegative: 2,
			falseNegative: 1,
		});
		expect(confusionMatrix(p, y, 0.25).truePositive).toBe(3);
	});
});

describe('classificationMetrics', () => {
	test('returns exact values for a hand-checked example', () => {
		const m = classificationMetrics(p, y);
		expect(m.accuracy).toBeCloseTo(4 / 6, 12);
		expect(m.precision).toBeCloseTo(2 / 3, 12);
		expect(m.recall).toBeCloseTo(2 / 3, 12);
		expect(m.f1).toBeCloseTo(2 / 3, 12);
		// Pairs (pos, neg) ordered correctly: 0.9, 0.8 beat all 3; 0.3 beats 0.2 and 0.1 → 8 of 9.
		expect(m.auc).toBeCloseTo(8 / 9, 12);
		const expectedLoss =
			-(
				Math.log(0.9) +
				Math.log(0.8) +
				Math.log(0.3) +
				Math.log(0.4) +
				Math.log(0.8) +
				Math.log(0.9)
			) / 6;
		expect(m.loss).toBeCloseTo(expectedLoss, 6);
	});

	test('defines the awkward cases instead of dividing by zero', () => {
		const m = classificationMetrics([0.1, 0.2], [0, 0]);
		expect(m.precision).toBe(0);
		expect(m.recall).toBe(0);
		expect(m.f1).toBe(0);
		expect(m.accuracy).toBe(1);
		expect(m.auc).toBeNaN();
	});
});

describe('rocAuc', () => {
	test('counts ties as half', () => {
		expect(rocAuc([0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0])).toBe(0.5);
		expect(rocAuc([0.2, 0.5, 0.5, 0.9], [0, 1, 0, 1])).toBe(0.875);
		expect(rocAuc([0.9, 0.1], [0, 1])).toBe(0);
	});
});

describe('logLoss', () => {
	test('clips certain mistakes and turns non-finite predictions into NaN', () => {
		expect(logLoss([0], [1])).toBeCloseTo(-Math.log(1e-7), 6);
		expect(logLoss([Number.NaN, 0.5], [1, 0])).toBeNaN();
		expect(logLoss([], [])).toBeNaN();
	});
});
