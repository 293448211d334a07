/**
 * The training lab's URL parameters: ranges, defaults and labels for every setting, read and
 * written with `url-params`. The defaults are the simulation's own, so a bare /labs/training/
 * link and the lab's first run agree.
 */
import { defaultTrainingParams as d, type TrainingParams } from '@sim/labs/training';
import type { ParamsSpec } from '@/lib/url-params';

/** Learning rates offered in the lab, on a roughly logarithmic ladder. */
export const learningRates = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100] as const;

/** URL spec of the training lab. */
export const trainingParamsSpec = {
	model: { kind: 'enum', default: d.model, values: ['logistic', 'mlp'], label: 'Model' },
	hiddenUnits: { kind: 'integer', default: d.hiddenUnits, min: 1, max: 64, label: 'Hidden units' },
	learningRate: {
		kind: 'number',
		default: d.learningRate,
		min: 0.0001,
		max: 100,
		label: 'Learning rate',
	},
	epochs: { kind: 'integer', default: d.epochs, min: 1, max: 300, label: 'Epochs' },
	batchSize: { kind: 'integer', default: d.batchSize, min: 1, max: 512, label: 'Batch size' },
	l2: { kind: 'number', default: d.l2, min: 0, max: 1, step: 0.001, label: 'L2 penalty' },
	validationFraction: {
		kind: 'number',
		default: d.validationFraction,
		min: 0.05,
		max: 0.4,
		step: 0.05,
		label: 'Validation share',
	},
	testFraction: {
		kind: 'number',
		default: d.testFraction,
		min: 0.05,
		max: 0.4,
		step: 0.05,
		label: 'Test share',
	},
	labelNoise: {
		kind: 'number',
		default: d.labelNoise,
		min: 0,
		max: 0.5,
		step: 0.01,
		label: 'Label noise',
	},
	datasetSize: {
		kind: 'integer',
		default: d.datasetSize,
		min: 100,
		max: 10000,
		step: 100,
		label: 'Dataset size',
	},
	seed: { kind: 'integer', default: d.seed, min: 0, max: 2147483647, label: 'Seed' },
	patience: {
		kind: 'integer',
		default: d.patience,
		min: 0,
		max: 50,
		label: 'Early-stopping patience',
	},
} as const satisfies ParamsSpec;

/** Converts parsed URL values to simulation parameters (the shapes match; this checks it). */
export const toTrainingParams = (values: TrainingParams): TrainingParams => ({ ...values });
