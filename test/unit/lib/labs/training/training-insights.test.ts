import { describe, expect, test } from 'vitest';
import type { EpochMetrics } from '@sim/index';
import { runInsights } from '@/lib/labs/training/training-insights';

const curve = (train: number[], validation: number[]): EpochMetrics[] =>
	train.map((trainLoss, i) => ({
		epoch: i + 1,
		trainLoss,
		trainAccuracy: 0.8,
		validationLoss: validation[i] ?? 0,
		validationAccuracy: 0.8,
		learningRate: 0.1,
		epochDurationMs: 1,
	}));

describe('runInsights', () => {
	test('says nothing about fewer than five epochs', () => {
		expect(runInsights(curve([0.6, 0.5, 0.4, 0.3], [0.6, 0.5, 0.4, 0.3]))).toEqual([]);
	});

	test('names over-fitting with the best epoch and both losses', () => {
		const [insight, ...rest] = runInsights(
			curve([0.6, 0.5, 0.4, 0.3, 0.2, 0.1], [0.6, 0.5, 0.45, 0.5, 0.55, 0.6]),
		);
		expect(rest).toEqual([]);
		expect(insight?.kind).toBe('overfitting');
		expect(insight?.text).toContain('lowest at epoch 3 (0.450)');
		expect(insight?.text).toContain('risen to 0.600');
		expect(insight?.text).toContain('falling to 0.100');
	});

	test('a small rise in validation loss is not over-fitting', () => {
		const insights = runInsights(
			curve([0.6, 0.5, 0.4, 0.35, 0.33, 0.32], [0.6, 0.5, 0.45, 0.46, 0.47, 0.48]),
		);
		expect(insights.map((i) => i.kind)).toEqual(['healthy']);
		expect(insights[0]?.text).toContain('ended 0.160 apart');
	});

	test('a loss that keeps jumping up reads as bumpy; flicker near zero does not', () => {
		const bumpy = curve([1, 0.6, 0.9, 0.5, 0.8, 0.4], [1, 0.6, 0.9, 0.5, 0.8, 0.4]);
		expect(runInsights(bumpy).map((i) => i.kind)).toEqual(['bumpy']);
		const flicker = curve([1, 0.5, 0.02, 0.03, 0.02, 0.03], [1, 0.5, 0.3, 0.3, 0.3, 0.3]);
		expect(runInsights(flicker).map((i) => i.kind)).toEqual(['healthy']);
	});

	test('after early stopping it explains the stop instead of calling the upturn over-fitting', () => {
		const epochs = curve([0.6, 0.5, 0.4, 0.3, 0.2, 0.1], [0.6, 0.5, 0.45, 0.5, 0.55, 0.6]);
		const insights = runInsights(epochs, 3);
		expect(insights.map((i) => i.kind)).toEqual(['earlyStopped']);
		expect(insights[0]?.text).toContain(
			'lowest at epoch 3 (0.450) and did not improve for 3 epochs',
		);
	});
});
