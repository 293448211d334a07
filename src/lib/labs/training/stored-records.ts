/**
 * Validation of the training lab's stored records (runs and registry versions) as they are read
 * back from IndexedDB or an imported file: anything that does not match is reported with a
 * message naming the field and left where it was, never thrown. The records' types and rules live
 * in simulations/registry; the readers here rebuild exactly those types, keeping known fields
 * only.
 *
 * The readers themselves are in stored-readers, the registry's in stored-versions.
 */
import { runStatuses, type RunRecord } from '@sim/registry/experiment.model';
import type { ClassificationMetrics } from '@sim/training/metrics';
import type { EpochMetrics } from '@sim/training/training.model';
import type { TrainingParams } from '@sim/training/training.data';
import {
	array,
	boolean,
	integer,
	nonEmpty,
	nullable,
	number,
	numberOrNaN,
	object,
	oneOf,
	parse,
	string,
} from './stored-readers';

export { parseModelVersion } from './stored-versions';

const readParams = object<TrainingParams>({
	model: oneOf(['logistic', 'mlp'] as const),
	hiddenUnits: number,
	learningRate: number,
	epochs: number,
	batchSize: number,
	l2: number,
	validationFraction: number,
	testFraction: number,
	labelNoise: number,
	datasetSize: number,
	seed: number,
	patience: number,
});

const readEpoch = object<EpochMetrics>({
	epoch: number,
	trainLoss: numberOrNaN,
	trainAccuracy: number,
	validationLoss: numberOrNaN,
	validationAccuracy: number,
	learningRate: number,
	epochDurationMs: number,
});

const readMetrics = object<ClassificationMetrics>({
	loss: numberOrNaN,
	accuracy: number,
	precision: number,
	recall: number,
	f1: number,
	auc: numberOrNaN,
	confusion: object({
		truePositive: number,
		falsePositive: number,
		trueNegative: number,
		falseNegative: number,
	}),
});

const readRun = object<RunRecord>({
	id: nonEmpty,
	number: integer,
	startedAt: string,
	status: oneOf(runStatuses),
	params: readParams,
	dataVersion: string,
	codeVersion: string,
	epochs: array(readEpoch),
	final: nullable(readMetrics),
	bestEpoch: nullable(number),
	durationMs: number,
	learningRateChanges: array(object({ epoch: number, learningRate: number })),
	error: nullable(string),
	reproducedFrom: nullable(string),
	hasArtifact: boolean,
});

/** Validates a stored or imported run; returns a message instead of throwing. */
export function parseRunRecord(value: unknown): { run: RunRecord } | { error: string } {
	const parsed = parse(readRun, value, 'Run record');
	return 'value' in parsed ? { run: parsed.value } : parsed;
}
