/**
 * One mini-batch SGD step of the churn models with the gradient written out, instead of asking
 * tfjs's autodiff for it. For models this small a tfjs step costs per kernel, not per
 * arithmetic operation: each kernel allocates its output and passes through the engine's
 * bookkeeping (a few microseconds), while the plain typed-array step of the whole logistic
 * model takes about six. A taped step runs about 60 kernels for the logistic model (80 for the
 * MLP); this one runs 7 (17 for the MLP), with no tape.
 *
 * Key decision: the textbook gradient, not autodiff's. For the mean sigmoid cross-entropy the
 * gradient with respect to the logits is `(sigmoid(z) − y) / n`, which autodiff reaches through
 * a dozen kernels (relu, abs, log1p, exp and their derivatives). Here the SGD scale `−lr/n` is
 * folded into it once, so every later product is already the update: `w ← w + Xᵀ·d` with
 * `d = (sigmoid(z) − y)·(−lr/n)`, and the L2 penalty `l2·Σw²` becomes a decay `w·(1 − 2·lr·l2)`.
 * On the cpu backend a layer's matMul, bias and sigmoid run as tfjs's fused matMul kernel (one
 * kernel; the counts above are cpu's, wasm runs 2 (4) more), and the bias gradient of the output layer is a full sum (a sum along an axis makes the cpu
 * backend transpose first). Float32 rounding differs from autodiff's, so weights agree with the
 * taped step to about 1e-6, not bit for bit: the unit tests hold it to a stated tolerance
 * against the taped step (`ChurnModel.trainBatchByAutodiff`) and the plain typed-array
 * reference, and the seeded goldens were regenerated when this step replaced the bit-identical
 * one.
 */
import { tf } from '../shared/tf-backend';

/** A dense layer's variables: weights [inputs × outputs] and bias [outputs]. */
export interface LayerVariables {
	w: tf.Variable;
	b: tf.Variable;
}

/** Scalars a step reuses, kept alive by their owner so no step converts numbers to tensors. */
export interface StepScalars {
	readonly one: tf.Scalar;
	/** The SGD scale for a batch of n rows, `−lr/n` (rebuilt when the rate changes). */
	scale(rows: number): tf.Scalar;
	/** The L2 penalty as a weight decay, `1 − 2·lr·l2`; null when l2 is 0. */
	decay(): tf.Scalar | null;
}

/**
 * `act(a·b + bias)`. On the cpu backend, as one kernel: tfjs's fused matMul called directly,
 * without its op's reshapes and gradient wrapper. The wasm backend's fused kernel takes only
 * rank-3 inputs, so there it is the three plain kernels (reshaping would cost as many).
 */
function denseForward(
	a: tf.Tensor2D,
	{ w, b }: LayerVariables,
	activation: 'linear' | 'sigmoid',
): tf.Tensor2D {
	if (tf.getBackend() !== 'cpu') {
		const z = tf.add<tf.Tensor2D>(tf.matMul(a, w as tf.Tensor2D), b);
		return activation === 'sigmoid' ? tf.sigmoid(z) : z;
	}
	return tf
		.engine()
		.runKernel(
			tf._FusedMatMul,
			{ a, b: w, bias: b },
			{ transposeA: false, transposeB: false, activation },
		) as tf.Tensor2D;
}

/** `w·decay + update` (the decay only when there is an L2 penalty). */
function decayed(w: tf.Variable, update: tf.Tensor, decay: tf.Scalar | null): tf.Tensor {
	return tf.add(decay ? tf.mul(w, decay) : w, update);
}

/**
 * Updates `layers` in place by one SGD step on the batch (`xs` [n × inputs], `ys` [n × 1]).
 * One layer is logistic regression; two are the MLP (tanh hidden layer). Call inside `tf.tidy`.
 */
export function sgdStep(
	layers: readonly LayerVariables[],
	xs: tf.Tensor2D,
	ys: tf.Tensor2D,
	scalars: StepScalars,
): void {
	const scale = scalars.scale(xs.shape[0]);
	const decay = scalars.decay();
	const output = layers[layers.length - 1] as LayerVariables;
	const hiddenLayer = layers.length > 1 ? (layers[0] as LayerVariables) : null;
	// Forward. The hidden layer's activation is tanh, which the fused kernel does not offer.
	const hidden = hiddenLayer ? tf.tanh(denseForward(xs, hiddenLayer, 'linear')) : xs;
	const p = denseForward(hidden, output, 'sigmoid');
	// d loss / d logits, already multiplied by −lr/n: the output layer's update per row.
	const d = tf.mul(tf.sub(p, ys), scale);
	const updates: [tf.Variable, tf.Tensor][] = [
		[output.w, decayed(output.w, tf.matMul(hidden, d, true, false), decay)],
		// One output: the bias gradient is the whole sum (no transpose), broadcast to [1].
		[output.b, tf.add(output.b, tf.sum(d))],
	];
	if (hiddenLayer) {
		// Back through the output weights (old values) and tanh: (1 − h²) · d·wᵀ.
		const dh = tf.matMul(d, output.w as tf.Tensor2D, false, true);
		const dz = tf.mul(tf.sub(scalars.one, tf.square(hidden)), dh);
		updates.push(
			[hiddenLayer.w, decayed(hiddenLayer.w, tf.matMul(xs, dz, true, false), decay)],
			[hiddenLayer.b, tf.add(hiddenLayer.b, tf.sum(dz, 0))],
		);
	}
	for (const [variable, value] of updates) variable.assign(value);
}
