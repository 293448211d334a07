/**
 * A trained model as plain JSON, and prediction from it in plain TypeScript. Registered models
 * are stored and served in this form, so the drift, continuous-training and deployment labs
 * can score traffic with a registered model without loading TensorFlow.js at all.
 */
import type { EncodedData, Encoder } from '../world/encoding.model';
import type { ModelKind } from './training.data';

/** One dense layer of a stored model. */
export interface DenseLayer {
	/** Row-major [inputs × outputs]. */
	weights: number[];
	bias: number[];
	inputs: number;
	outputs: number;
	activation: 'tanh' | 'sigmoid';
}

/** A trained model as plain JSON: enough to predict without tfjs. */
export interface ModelArtifact {
	format: 'churn-model/1';
	kind: ModelKind;
	layers: DenseLayer[];
	/** The encoder fitted on the training data, so serving data is encoded the same way. */
	encoder: Encoder;
}

/** Predicts churn probabilities with a stored artifact, in plain TypeScript (no tfjs). */
export function predictWithArtifact(artifact: ModelArtifact, data: EncodedData): Float32Array {
	const out = new Float32Array(data.rows);
	for (let row = 0; row < data.rows; row++) {
		let h: ArrayLike<number> = data.x.subarray(row * data.cols, (row + 1) * data.cols);
		for (const layer of artifact.layers) {
			const next = new Float64Array(layer.outputs);
			for (let o = 0; o < layer.outputs; o++) {
				let z = layer.bias[o] ?? 0;
				for (let i = 0; i < layer.inputs; i++) {
					z += (h[i] ?? 0) * (layer.weights[i * layer.outputs + o] ?? 0);
				}
				next[o] = layer.activation === 'tanh' ? Math.tanh(z) : 1 / (1 + Math.exp(-z));
			}
			h = next;
		}
		out[row] = h[0] ?? Number.NaN;
	}
	return out;
}
