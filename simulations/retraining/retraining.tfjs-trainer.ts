/**
 * The continuous-training trainer on the training lab's real tfjs model (`ChurnModel`: logistic
 * regression or the lab's small MLP), behind the same `TrainFunction` port as the typed-array
 * trainer. The lab's worker runs it on the run the learner watches (`ct-lab.service`); headless
 * it serves the agreement and leak tests and the benchmark. Not exported from the public index,
 * so pages that only show a year never load TensorFlow.js.
 *
 * Key decisions: the algorithm is the typed-array trainer's step for step — the same split, the
 * same encoder, the same seeded order of rows each epoch, a cold logistic model starting from
 * zero weights — so with equal batches the two agree to float32 rounding, and the batch size is
 * the one knob that differs: a tfjs step costs a fixed overhead of tens of kernel launches
 * whatever its size (a tenth of a millisecond or more, even with the written-out step of
 * training.step.ts), so the worker uses large batches (`replayBatchSize`) and tests may use
 * full-batch steps. Every tensor a run
 * makes is freed before it returns (the model's variables and optimizer by `dispose()`, the rest
 * inside `tf.tidy`), so tensors stay flat across retrains. A warm start imports the champion's
 * layers when the architecture matches.
 */
import { createRng } from '../shared/rng';
import { ChurnModel } from '../training/training.model';
import { accuracyOf, confusionMatrix } from '../training/metrics';
import { encodeRecords, fitEncoder } from '../world/encoding.model';
import type { ModelKind } from '../training/training.data';
import type { TrainFunction } from './pipeline.model';

/**
 * The batch the lab's worker trains the watched run with: 256 rows, so a 1,600-row sample is 7
 * steps an epoch (280 for 40 epochs, a few tenths of a second on the cpu backend) instead of the
 * reference's 50 at 32.
 */
export const replayBatchSize = 256;

/** Builds a tfjs trainer for a model kind and batch size ('full': one step per epoch). */
export function tfjsTrainer(
	options: { kind?: ModelKind; hiddenUnits?: number; batchSize?: number | 'full' } = {},
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
			warmStartFrom.layers.length === (kind === 'mlp' ? 2 : 1) &&
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
			else if (kind === 'logistic') {
				// The typed-array reference starts from zero weights; so does this.
				model.importLayers([
					{
						weights: new Array<number>(train.cols).fill(0),
						bias: [0],
						inputs: train.cols,
						outputs: 1,
						activation: 'sigmoid',
					},
				]);
			}
			const epochs = warm ? params.warmStartEpochs : params.epochs;
			const requested = options.batchSize ?? 'full';
			const batch = Math.max(
				1,
				Math.min(requested === 'full' ? train.rows : requested, train.rows),
			);
			const order = Uint32Array.from({ length: train.rows }, (_, i) => i);
			const shuffleRng = rng.split('shuffle');
			const x = new Float32Array(batch * train.cols);
			const y = new Float32Array(batch);
			for (let epoch = 0; epoch < epochs && train.rows > 0; epoch++) {
				shuffleRng.shuffleInPlace(order);
				for (let start = 0; start < train.rows; start += batch) {
					const rows = Math.min(batch, train.rows - start);
					for (let k = 0; k < rows; k++) {
						const row = order[start + k] ?? 0;
						x.set(train.x.subarray(row * train.cols, (row + 1) * train.cols), k * train.cols);
						y[k] = train.y[row] ?? 0;
					}
					model.trainBatch(x.subarray(0, rows * train.cols), y.subarray(0, rows));
				}
			}
			const layers = model.exportLayers();
			const finite = layers.every(
				(l) => l.weights.every(Number.isFinite) && l.bias.every(Number.isFinite),
			);
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
