/**
 * The training lab's two learning-curve charts, loss and accuracy per epoch, as data for
 * LineChart. Both draw one metric twice: on the data the model learns from (solid) and on the
 * validation data it never trains on (dashed), so the gap between the two lines is what the
 * learner reads as overfitting. Written once here, the two charts cannot drift apart in colours,
 * dashes or labels.
 */
import type { EpochMetrics } from '@sim/labs/training';

/** One line of a chart (LineChart's series shape). */
export interface CurveSeries {
	label: string;
	values: readonly number[];
	color: string;
	dashed?: boolean;
}

/** One learning-curve chart. */
export interface CurveChart {
	title: string;
	yLabel: string;
	/** Fixed for accuracy (0 to 1); loss is fitted to the data. */
	yDomain?: [number, number];
	series: readonly [CurveSeries, CurveSeries];
}

type EpochMetric = 'trainLoss' | 'validationLoss' | 'trainAccuracy' | 'validationAccuracy';

interface CurveMetric {
	/** The metric's name in the legend, e.g. "Training loss". */
	name: string;
	title: string;
	yLabel: string;
	yDomain?: [number, number];
	train: EpochMetric;
	validation: EpochMetric;
}

const curveMetrics: readonly CurveMetric[] = [
	{
		name: 'loss',
		title: 'Loss per epoch',
		yLabel: 'Cross-entropy loss',
		train: 'trainLoss',
		validation: 'validationLoss',
	},
	{
		name: 'accuracy',
		title: 'Accuracy per epoch',
		yLabel: 'Accuracy',
		yDomain: [0, 1],
		train: 'trainAccuracy',
		validation: 'validationAccuracy',
	},
];

/** The loss and accuracy charts of `epochs`, training solid and validation dashed. */
export function learningCurveCharts(epochs: readonly EpochMetrics[]): CurveChart[] {
	return curveMetrics.map(({ name, train, validation, ...chart }) => ({
		...chart,
		series: [
			{
				label: `Training ${name}`,
				values: epochs.map((e) => e[train]),
				color: 'var(--chart-1)',
			},
			{
				label: `Validation ${name}`,
				values: epochs.map((e) => e[validation]),
				color: 'var(--chart-2)',
				dashed: true,
			},
		],
	}));
}
