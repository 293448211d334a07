/**
 * One mini-batch SGD step of the churn models with the gradient written out, instead of asking
 * tfjs's autodiff for it. For models this small a tfjs step costs per kernel, not per
 * arithmetic operation: each kernel allocates its output and passes through the engine's
 * bookkeeping (a few microseconds), while the plain typed-array step of the whole logistic
 * model takes about six. A taped step runs about 60 kernels for the logistic model (80 for the
 * MLP); this one runs 17 for the MLP and `logisticStep` 5 for logistic regression, with no
 * tape.
 *
 * Key decision: the textbook gradient, not autodiff's. For the mean sigmoid cross-entropy the
 * gradient with respect to the logits is `(sigmoid(z) − y) / n`, which autodiff reaches through
 * a dozen kernels (relu, abs, log1p, exp and their derivatives). Here the SGD scale `−lr/n` is
 * folded into it once, so every later product is already the update: `w ← w + Xᵀ·d` with
 * `d = (sigmoid(z) − y)·(−lr/n)`, and the L2 penalty `l2·Σw²` becomes a decay `w·(1 − 2·lr·l2)`.
 * On the cpu backend a layer's matMul, bias and sigmoid run as tfjs's fused matMul kernel (one
 * kernel; the counts above are cpu's, wasm runs 1 (3) more), and the MLP's output bias
 * gradient is a full sum (a sum along an axis makes the cpu backend transpose first). Float32
 * rounding differs from autodiff's, so weights agree with the taped step to about 1e-6, not
 * bit for bit: the unit tests hold it to a stated tolerance against the taped step
 * (`ChurnModel.trainBatchByAutodiff`) and the plain typed-array reference, and the seeded
 * goldens were regenerated when this step replaced the bit-identical one, and again when the
 * logistic bias moved into the weights (it now enters the matMul's sum instead of being added
 * to its float32 result: validation losses moved in their ninth digit). The kernels are called through the engine (`run`), not through the ops: the same kernels
 * on the same inputs, so the same bits, without an engine scope and argument checks per op.
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
 * Runs one registered kernel through the engine, as tfjs's own ops do once they have checked
 * and converted their arguments. The ops (`tf.add`, `tf.matMul`, ...) are that call wrapped in
 * a named engine scope plus argument conversion; for a step of 7 kernels on 32 rows the wrapper
 * cost about a tenth of the step in Chromium. The inputs here are already tensors of matching
 * dtype and shape, so the same kernel runs on the same inputs: results are bit for bit the ops'.
 */
function run<T extends tf.Tensor>(
	kernel: string,
	inputs: tf.NamedTensorMap,
	attrs?: tf.NamedAttrMap,
): T {
	return tf.engine().runKernel<T>(kernel, inputs, attrs);
}

/**
 * `act(a·b + bias)`. On the cpu backend, as one kernel: tfjs's fused matMul. The wasm backend's
 * fused kernel takes only rank-3 inputs, so there it is the three plain kernels (reshaping
 * would cost as many).
 */
function denseForward(
	a: tf.Tensor2D,
	{ w, b }: LayerVariables,
	activation: 'linear' | 'sigmoid',
): tf.Tensor2D {
	if (tf.getBackend() !== 'cpu') {
		const z = run<tf.Tensor2D>(tf.Add, {
			a: run(tf.BatchMatMul, { a, b: w }, { transposeA: false, transposeB: false }),
			b,
		});
		return activation === 'sigmoid' ? run(tf.Sigmoid, { x: z }) : z;
	}
	return run(
		tf._FusedMatMul,
		{ a, b: w, bias: b },
		{ transposeA: false, transposeB: false, activation },
	);
}

/** `a·b` with either side transposed. */
function matMul(a: tf.Tensor, b: tf.Tensor, transposeA: boolean, transposeB: boolean): tf.Tensor {
	return run(tf.BatchMatMul, { a, b }, { transposeA, transposeB });
}

/** `w·decay + update` (the decay only when there is an L2 penalty). */
function decayed(w: tf.Variable, update: tf.Tensor, decay: tf.Scalar | null): tf.Tensor {
	return run(tf.Add, { a: decay ? run(tf.Multiply, { a: w, b: decay }) : w, b: update });
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
	const hidden = hiddenLayer
		? run<tf.Tensor2D>(tf.Tanh, { x: denseForward(xs, hiddenLayer, 'linear') })
		: xs;
	const p = denseForward(hidden, output, 'sigmoid');
	// d loss / d logits, already multiplied by −lr/n: the output layer's update per row.
	const d = run(tf.Multiply, { a: run(tf.Sub, { a: p, b: ys }), b: scale });
	const updates: [tf.Variable, tf.Tensor][] = [
		[output.w, decayed(output.w, matMul(hidden, d, true, false), decay)],
		// One output: the bias gradient is the whole sum (no transpose), broadcast to [1].
		[
			output.b,
			run(tf.Add, { a: output.b, b: run(tf.Sum, { x: d }, { axis: [0, 1], keepDims: false }) }),
		],
	];
	if (hiddenLayer) {
		// Back through the output weights (old values) and tanh: (1 − h²) · d·wᵀ.
		const dh = matMul(d, output.w, false, true);
		const dz = run(tf.Multiply, {
			a: run(tf.Sub, { a: scalars.one, b: run(tf.Square, { x: hidden }) }),
			b: dh,
		});
		updates.push(
			[hiddenLayer.w, decayed(hiddenLayer.w, matMul(xs, dz, true, false), decay)],
			[
				hiddenLayer.b,
				run(tf.Add, { a: hiddenLayer.b, b: run(tf.Sum, { x: dz }, { axis: 0, keepDims: false }) }),
			],
		);
	}
	for (const [variable, value] of updates) variable.assign(value);
}

/**
 * One SGD step of logistic regression with the bias stored as the last weight: `wb` is
 * [inputs + 1 × 1] and `xs` carries a column of ones after the inputs ([n × inputs + 1]), so
 * the bias needs no kernel of its own. Forward is one fused kernel (matMul, sigmoid; no bias
 * add), and `Xᵀ·d` gives the weights' and the bias's update at once, where the two-variable
 * step ran a sum and a second add and assign: 5 kernels a step instead of 7 (cpu; wasm runs
 * 6). `decay` is [inputs + 1 × 1]: `1 − 2·lr·l2` for the weights and 1 for the bias, which the
 * L2 penalty leaves alone. Call inside `tf.tidy`.
 */
export function logisticStep(
	wb: tf.Variable,
	xs: tf.Tensor2D,
	ys: tf.Tensor2D,
	scale: tf.Scalar,
	decay: tf.Tensor | null,
): void {
	const p =
		tf.getBackend() === 'cpu'
			? run(
					tf._FusedMatMul,
					{ a: xs, b: wb },
					{ transposeA: false, transposeB: false, activation: 'sigmoid' },
				)
			: run(tf.Sigmoid, { x: matMul(xs, wb, false, false) });
	const d = run(tf.Multiply, { a: run(tf.Sub, { a: p, b: ys }), b: scale });
	const kept = decay ? run(tf.Multiply, { a: wb, b: decay }) : wb;
	wb.assign(run(tf.Add, { a: kept, b: matMul(xs, d, true, false) }));
}
