/**
 * The headless trainer for the continuous-training year: logistic regression by mini-batch SGD
 * on plain typed arrays (the training code's `plainLogisticStep`, the reference the tfjs model
 * is tested against), with the training lab's default learning rate, batch size and epochs. A
 * year holds up to two dozen retrains, and the typed-array path keeps that to milliseconds each
 * without loading TensorFlow.js; the lab's view can inject the tfjs trainer in its worker
 * through the same `TrainFunction` port.
 *
 * Key decision: a warm start keeps the champion's encoder and starts from its weights, because
 * weights only mean something under the standardisation they were learned with; a full retrain
 * fits a fresh encoder on the window, so a shifted population is re-standardised.
 */
import { plainLogisticStep } from '../training/plain-logistic';
import { accuracyOf, confusionMatrix } from '../training/metrics';
import type { ModelArtifact } from '../training/artifact';
import { encodeRecords, fitEncoder, type EncodedData } from '../world/encoding.model';
import { logisticArtifact } from '../serving/serving.model';
import type { TrainFunction } from './pipeline.model';

function predictPlain(model: Float64Array, data: EncodedData): Float32Array {
	const out = new Float32Array(data.rows);
	for (let row = 0; row < data.rows; row++) {
		let z = model[data.cols] ?? 0;
		const offset = row * data.cols;
		for (let c = 0; c < data.cols; c++) z += (model[c] ?? 0) * (data.x[offset + c] ?? 0);
		out[row] = 1 / (1 + Math.exp(-z));
	}
	return out;
}

/** True when an artifact is a plain logistic model whose weights can seed a warm start. */
export function canWarmStart(artifact: ModelArtifact): boolean {
	return artifact.kind === 'logistic' && artifact.layers.length === 1;
}

/** Trains a logistic challenger with the plain typed-array SGD. */
export const plainLogisticTrainer: TrainFunction = ({ records, params, warmStartFrom, rng }) => {
	const shuffled = rng.split('split').shuffle(records);
	const nValidation = Math.round(shuffled.length * params.validationFraction);
	const validationRecords = shuffled.slice(0, nValidation);
	const trainRecords = shuffled.slice(nValidation);
	const warm = warmStartFrom !== null && canWarmStart(warmStartFrom) ? warmStartFrom : null;
	const encoder = warm ? warm.encoder : fitEncoder(trainRecords);
	const train = encodeRecords(encoder, trainRecords);
	const validation = encodeRecords(encoder, validationRecords);
	const model = new Float64Array(train.cols + 1);
	if (warm) {
		const layer = warm.layers[0];
		layer?.weights.forEach((w, i) => (model[i] = w));
		model[train.cols] = layer?.bias[0] ?? 0;
	}
	const epochs = warm ? params.warmStartEpochs : params.epochs;
	const order = Uint32Array.from({ length: train.rows }, (_, i) => i);
	const shuffleRng = rng.split('shuffle');
	const batch = Math.max(1, Math.min(params.batchSize, train.rows));
	for (let epoch = 0; epoch < epochs && train.rows > 0; epoch++) {
		shuffleRng.shuffleInPlace(order);
		for (let start = 0; start < train.rows; start += batch) {
			plainLogisticStep(model, train, order.subarray(start, start + batch), params.learningRate);
			if (params.l2 > 0) {
				// Gradient of l2·Σw² on the weights only, as the tfjs model applies it.
				const decay = 1 - 2 * params.l2 * params.learningRate;
				for (let c = 0; c < train.cols; c++) model[c] = (model[c] ?? 0) * decay;
			}
		}
	}
	const finite = model.every(Number.isFinite);
	const validationAccuracy =
		validation.rows > 0
			? accuracyOf(confusionMatrix(predictPlain(model, validation), validation.y))
			: Number.NaN;
	return {
		artifact: logisticArtifact(encoder, model),
		rowEpochs: train.rows * epochs,
		validationAccuracy,
		finite,
	};
};
