/**
 * Logistic regression trained with mini-batch SGD on plain typed arrays, no tfjs. It is the
 * yardstick for the tfjs model: the same maths (mean sigmoid cross-entropy, gradient
 * Xᵀ(p − y) / batch) so a test can check tfjs against it step by step, and a benchmark can
 * report how much the tensor machinery costs for a model this small.
 */
import type { EncodedData } from '../world/encoding.model';

/** Weights of a plain logistic model: `cols` coefficients followed by the bias. */
export type PlainLogistic = Float64Array;

/** One SGD step on the rows `indices` of `data`; returns nothing, updates `model` in place. */
export function plainLogisticStep(
	model: PlainLogistic,
	data: EncodedData,
	indices: ArrayLike<number>,
	learningRate: number,
): void {
	const { cols } = data;
	const gradient = new Float64Array(cols + 1);
	for (let k = 0; k < indices.length; k++) {
		const row = indices[k] ?? 0;
		const offset = row * cols;
		let z = model[cols] ?? 0;
		for (let c = 0; c < cols; c++) z += (model[c] ?? 0) * (data.x[offset + c] ?? 0);
		const error = 1 / (1 + Math.exp(-z)) - (data.y[row] ?? 0);
		for (let c = 0; c < cols; c++)
			gradient[c] = (gradient[c] ?? 0) + error * (data.x[offset + c] ?? 0);
		gradient[cols] = (gradient[cols] ?? 0) + error;
	}
	const scale = learningRate / indices.length;
	for (let c = 0; c <= cols; c++) model[c] = (model[c] ?? 0) - scale * (gradient[c] ?? 0);
}
