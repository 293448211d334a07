import { describe, expect, test } from 'vitest';
import type { EpochMetrics } from '@sim/labs/training';
import { learningCurveCharts } from '@/lib/labs/training/learning-curves';

const epoch = (n: number, train: number, validation: number): EpochMetrics => ({
	epoch: n,
	trainLoss: train,
	validationLoss: validation,
	trainAccuracy: 1 - train / 2,
	validationAccuracy: 1 - validation / 2,
	learningRate: 0.01,
	epochDurationMs: 5,
});

describe('learningCurveCharts', () => {
	const [loss, accuracy] = learningCurveCharts([epoch(1, 0.7, 0.72), epoch(2, 0.5, 0.6)]);

	test('loss: training solid, validation dashed, the axis fitted to the data', () => {
		expect(loss).toEqual({
			title: 'Loss per epoch',
			yLabel: 'Cross-entropy loss',
			series: [
				{ label: 'Training loss', values: [0.7, 0.5], color: 'var(--chart-1)' },
				{ label: 'Validation loss', values: [0.72, 0.6], color: 'var(--chart-2)', dashed: true },
			],
		});
	});

	test('accuracy: the same pairing on a fixed 0 to 1 axis', () => {
		expect(accuracy?.title).toBe('Accuracy per epoch');
		expect(accuracy?.yDomain).toEqual([0, 1]);
		expect(accuracy?.series.map((s) => [s.label, s.values, s.dashed ?? false])).toEqual([
			['Training accuracy', [0.65, 0.75], false],
			['Validation accuracy', [0.64, 0.7], true],
		]);
	});

	test('no epochs, two empty charts', () => {
		const charts = learningCurveCharts([]);
		expect(charts.flatMap((c) => c.series.map((s) => s.values))).toEqual([[], [], [], []]);
	});
});
