/**
 * What a training run is made of: its parameters and the data they generate. Kept apart from
 * the tfjs code so pages can validate parameters, regenerate a run's test set or compute a
 * data version without loading TensorFlow.js.
 */
import { createRng } from '../shared/rng';
import { encodeRecords, fitEncoder, type EncodedData, type Encoder } from '../world/encoding.model';
import {
	createWorld,
	dataVersion,
	generateDataset,
	noDrift,
	splitRecords,
	type ChurnRecord,
} from '../world/world.model';

/** Names the code that produced a run, stored with every run for reproducibility. */
export const trainingCodeVersion = 'churn-world/1 churn-model/1 sgd/1';

/** The model families the lab offers. */
export type ModelKind = 'logistic' | 'mlp';

/** Everything that defines a training run (all of it goes into the URL and the run log). */
export interface TrainingParams {
	model: ModelKind;
	/** Units in the MLP's hidden layer (ignored for logistic regression). */
	hiddenUnits: number;
	learningRate: number;
	epochs: number;
	batchSize: number;
	/** L2 penalty on weights (not biases). */
	l2: number;
	validationFraction: number;
	testFraction: number;
	/** Share of labels flipped in the generated data. */
	labelNoise: number;
	datasetSize: number;
	seed: number;
	/** Epochs without a better validation loss before stopping early; 0 turns it off. */
	patience: number;
}

/** Sensible defaults: a small MLP that trains well in a few seconds. */
export const defaultTrainingParams: TrainingParams = {
	model: 'mlp',
	hiddenUnits: 8,
	learningRate: 0.1,
	epochs: 40,
	batchSize: 32,
	l2: 0,
	validationFraction: 0.2,
	testFraction: 0.2,
	labelNoise: 0.05,
	datasetSize: 2000,
	seed: 42,
	patience: 0,
};

/** Train, validation and test data encoded with train-only statistics. */
export interface PreparedData {
	dataVersion: string;
	encoder: Encoder;
	train: EncodedData;
	validation: EncodedData;
	test: EncodedData;
}

/** Generates, splits and encodes the data a run trains on. */
export function prepareData(params: TrainingParams): PreparedData {
	const world = createWorld({ labelNoise: params.labelNoise });
	const dataset = generateDataset(world, { size: params.datasetSize, seed: params.seed });
	const split = splitRecords(
		dataset.records,
		{ validation: params.validationFraction, test: params.testFraction },
		createRng(params.seed).split('split'),
	);
	const encoder = fitEncoder(split.train);
	return {
		dataVersion: dataset.version,
		encoder,
		train: encodeRecords(encoder, split.train),
		validation: encodeRecords(encoder, split.validation),
		test: encodeRecords(encoder, split.test),
	};
}

/** The data version `prepareData` would report, without generating anything. */
export function trainingDataVersion(params: TrainingParams): string {
	return dataVersion(
		createWorld({ labelNoise: params.labelNoise }),
		noDrift,
		params.seed,
		params.datasetSize,
	);
}

/**
 * What a monitor needs to rebuild the data a registered model was trained on: the registry
 * version, its run and data version (the lineage), and the training parameters that generate the
 * data. The training lab's data is the world's simulated day 0, so its window is that one day.
 */
export interface TrainingReference {
	readonly version: number;
	readonly runId: string;
	readonly dataVersion: string;
	readonly seed: number;
	readonly datasetSize: number;
	readonly labelNoise: number;
	readonly validationFraction: number;
	readonly testFraction: number;
}

/** The reference of a registered model, from its registry version and its run record. */
export function trainingReferenceOf(
	version: { readonly version: number; readonly runId: string },
	run: { readonly dataVersion: string; readonly params: TrainingParams },
): TrainingReference {
	return {
		version: version.version,
		runId: version.runId,
		dataVersion: run.dataVersion,
		seed: run.params.seed,
		datasetSize: run.params.datasetSize,
		labelNoise: run.params.labelNoise,
		validationFraction: run.params.validationFraction,
		testFraction: run.params.testFraction,
	};
}

/** How many rows the training split of `reference` has (as `splitRecords` cuts it). */
export function trainingRowCount(reference: TrainingReference): number {
	const size = reference.datasetSize;
	return (
		size -
		Math.round(size * reference.validationFraction) -
		Math.round(size * reference.testFraction)
	);
}

/**
 * The rows a registered model was fitted on: its run's dataset regenerated from the lineage and
 * split exactly as `prepareData` splits it, training part only. Regenerated data whose version is
 * not the one the run logged is refused: the model was trained on something else (another
 * generator), and monitoring against a look-alike would be a lie.
 */
export function trainingRecords(reference: TrainingReference): ChurnRecord[] {
	const world = createWorld({ labelNoise: reference.labelNoise });
	const dataset = generateDataset(world, { size: reference.datasetSize, seed: reference.seed });
	if (dataset.version !== reference.dataVersion) {
		throw new RangeError(
			`The training data of version ${reference.version} cannot be rebuilt: its run logged data version ${reference.dataVersion}, and its parameters now generate ${dataset.version}.`,
		);
	}
	const split = splitRecords(
		dataset.records,
		{ validation: reference.validationFraction, test: reference.testFraction },
		createRng(reference.seed).split('split'),
	);
	return split.train;
}
