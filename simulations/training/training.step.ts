/**
 * One mini-batch SGD step of the churn models with the gradient written out, instead of asking
 * tfjs's autodiff for it. Counted with `tf.profile`, a taped step of these tiny models
 * spends nearly all its time on bookkeeping rather than arithmetic: about 60 kernels for the
 * logistic model (80 for the MLP), a third of them copies the tape keeps for the backward pass,
 * plus the tape itself and the optimizer's scopes. Written out, the step runs 21 kernels for
 * the logistic model (34 for the MLP) and records no tape.
 *
 * Key decision: the written-out gradient is not the textbook `(sigmoid(z) − y) / n`; it runs,
 * kernel for kernel and in the same order of additions, what tfjs's autodiff runs for
 * `tf.losses.sigmoidCrossEntropy` (relu(z) − z·y + log1p(exp(−|z|)), mean over the batch),
 * the L2 penalty `l2·Σw²` on the weights and `tf.train.sgd`'s update `w + (−lr)·g`. Float32
 * rounding is therefore identical, so the lab's seeded runs (goldens, shared links, even the
 * chaotic "learning rate 10" preset) give the same numbers bit for bit as the taped step, on
 * either backend; a unit test trains both side by side and compares every weight exactly.
 * The comments name the tfjs gradient each line mirrors.
 */
import { tf } from '../shared/tf-backend';

/** A dense layer's variables: weights [inputs × outputs] and bias [outputs]. */
export interface LayerVariables {
	w: tf.Variable;
	b: tf.Variable;
}

/**
 * Scalars a step reuses, kept alive by their owner so no step converts numbers to tensors:
 * `negLearningRate` is SGD's `c = −lr` (replaced when the rate changes); `l2` is the penalty as
 * float32 (null when 0).
 */
export interface StepScalars {
	negLearningRate: tf.Scalar;
	readonly l2: tf.Scalar | null;
	readonly one: tf.Scalar;
	readonly two: tf.Scalar;
	/** 1/n and −1/n for a batch of n rows (the mean's gradient), built once per batch size. */
	mean(rows: number): { inv: tf.Scalar; negInv: tf.Scalar };
}

/**
 * d loss / d logits of tfjs's mean sigmoid cross-entropy, as its autodiff computes it. The
 * loss per row is `add(sub(relu(z), mul(z, y)), log1p(exp(neg(abs(z)))))` summed and divided by
 * n, so every row's upstream gradient is 1/n (`inv`), and the tape reaches z three times, in
 * reverse order of recording: through abs, then the product with the labels, then relu; the
 * three contributions are summed in that order.
 */
function logitGradient(z: tf.Tensor2D, ys: tf.Tensor2D, scalars: StepScalars, rows: number) {
	const { inv, negInv } = scalars.mean(rows);
	const e = tf.exp(tf.neg(tf.abs(z)));
	// log1p: dy / (x + 1); exp: · y. With −1/n upstream instead of 1/n this is the negation the
	// neg node would apply next, exactly (float rounding is symmetric in sign).
	const negR = tf.mul(tf.div(negInv, tf.add(e, scalars.one)), e);
	// abs: dy · step(x, −1).
	const throughAbs = tf.mul(negR, tf.step(z, -1));
	// sub's second input gets −dy, then mul: dy · y.
	const throughLabels = tf.mul(negInv, ys);
	// relu: dy · step(x).
	const throughRelu = tf.mul(inv, tf.step(z));
	return tf.add(tf.add(throughAbs, throughLabels), throughRelu);
}

/**
 * Updates `layers` in place by one SGD step on the batch (`xs` [n × inputs], `ys` [n × 1]).
 * Hidden layers are tanh, the last is linear (its logits feed the loss). Call inside `tf.tidy`.
 */
export function sgdStep(
	layers: readonly LayerVariables[],
	xs: tf.Tensor2D,
	ys: tf.Tensor2D,
	scalars: StepScalars,
): void {
	const rows = xs.shape[0];
	// Forward pass, keeping each layer's input for its weights' gradient.
	const inputs: tf.Tensor2D[] = [];
	let h = xs;
	layers.forEach(({ w, b }, i) => {
		inputs.push(h);
		h = tf.add(tf.matMul(h, w as tf.Tensor2D), b);
		if (i < layers.length - 1) h = tf.tanh(h);
	});
	let dz = logitGradient(h, ys, scalars, rows);
	const updates: [tf.Variable, tf.Tensor][] = [];
	for (let i = layers.length - 1; i >= 0; i--) {
		const { w, b } = layers[i] as LayerVariables;
		const input = inputs[i] as tf.Tensor2D;
		// matMul's gradient for its second input: aᵀ · dy.
		let dw: tf.Tensor = tf.matMul(input, dz, true, false);
		// square's gradient dy · (w · 2), with dy = l2 from the penalty's sum and product; the tape
		// meets the penalty first, and two-term float sums do not depend on order.
		if (scalars.l2) dw = tf.add(tf.mul(scalars.l2, tf.mul(w, scalars.two)), dw);
		// add's gradient for the broadcast bias: dy summed over the batch.
		updates.push([w, dw], [b, tf.sum(dz, [0])]);
		if (i > 0) {
			// matMul's gradient for its first input, dy · wᵀ; then tanh's, (1 − y²) · dy.
			const dh = tf.matMul(dz, w as tf.Tensor2D, false, true);
			dz = tf.mul(tf.sub(scalars.one, tf.square(input)), dh);
		}
	}
	// tf.train.sgd: w ← add(mul(−lr, g), w).
	for (const [variable, gradient] of updates) {
		variable.assign(tf.add(tf.mul(scalars.negLearningRate, gradient), variable));
	}
}
