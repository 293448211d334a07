/**
 * The continuous-training trainer on the training lab's real tfjs model (`ChurnModel`: the
 * lab's default small MLP, or logistic regression), behind the same `TrainFunction` port as the
 * typed-array trainer. It is what the lab's worker will run; headless it serves the leak test
 * and the benchmark. Not exported from the public index, so pages that only show a year never
 * load TensorFlow.js.
 *
 * Key decisions: full-batch steps (each epoch one step on the whole sample), which the issue
 * allows for speed — a year's two dozen retrains cost a few hundred tfjs steps instead of tens of
 * thousands; and every tensor the run makes is freed before it returns (the model's variables
 * and optimizer by `dispose()`, the rest inside `tf.tidy`), so tensors stay flat across
 * retrains. A warm start imports the champion's layers when the architecture matches.
 */
import { createRng } from '../shared/rng';
import { ChurnModel } from '../training/training.model';
import { accuracyOf, confusionMatrix } from '../training/metrics';
import { encodeRecords, fitEncoder } from '../world/encoding.model';
import type { ModelKind } from '../training/training.data';
import type { TrainFunction } from './pipeline.model';

/** Builds a tfjs trainer for a model kind (the training lab's default is an 8-unit MLP). */
export function tfjsTrainer(
	options: { kind?: ModelKind; hiddenUnits?: number } = {},
): TrainFunction {
	const kind = options.kind ?? 'mlp';
	const hiddenUnits = options.hiddenUnits ?? 8;
	return ({ records, params, warmStartFrom, rng }) => {
		const shuffled = rng.split('split').shuffle(records);
		const nValidation = Math.round(shuffled.length * params.validationFraction);
		const trainRecords = shuffled.slice(nValidation);
		const validationRecords = shuffled.slice(0, nValidation);
		const warm =
			warmStartFrom !== null &&
			warmStartFrom.kind === kind &&
			warmStartFrom.layers[0]?.outputs === (kind === 'mlp' ? hiddenUnits : 1)
				? warmStartFrom
				: null;
		const encoder = warm ? warm.encoder : fitEncoder(trainRecords);
		const train = encodeRecords(encoder, trainRecords);
		const validation = encodeRecords(encoder, validationRecords);
		const model = new ChurnModel({
			kind,
			inputs: train.cols,
			hiddenUnits,
			l2: params.l2,
			learningRate: params.learningRate,
			rng: createRng(rng.key).split('weights'),
		});
		try {
			if (warm) model.importLayers(warm.layers);
			const epochs = warm ? params.warmStartEpochs : params.epochs;
			for (let epoch = 0; epoch < epochs && train.rows > 0; epoch++) {
				model.trainBatch(train.x, train.y);
			}
			const layers = model.exportLayers();
			const finite = layers.every((l) => l.weights.every(Number.isFinite));
			const validationAccuracy =
				validation.rows > 0
					? accuracyOf(confusionMatrix(model.predict(validation), validation.y))
					: Number.NaN;
			return {
				artifact: { format: 'churn-model/1', kind, layers, encoder },
				rowEpochs: train.rows * epochs,
				validationAccuracy,
				finite,
			};
		} finally {
			model.dispose();
		}
	};
}
