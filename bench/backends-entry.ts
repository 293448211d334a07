/**
 * Shared half of `npm run bench:backends`: trains the training lab's two models (logistic
 * regression and the tanh MLP) with tfjs on a given backend, at several batch sizes, with both
 * tfjs loops (the taped step, `optimizer.minimize`, and the written-out step the labs use), and
 * the same maths written on plain typed arrays, reporting samples per second for each. The same
 * code runs in Node (bundled for Node) and in Chromium (bundled as a script for a page or a
 * worker), so the figures compare like with like. The plain MLP lives here, not in
 * simulations/, because only the benchmark needs it: it is the yardstick, not a lab model.
 */
import { tf, useTfBackend, type TfBackendName } from '../simulations/shared/tf-backend';
import { createRng } from '../simulations/shared/rng';
import { ChurnModel } from '../simulations/training/training.model';
import { defaultTrainingParams, prepareData } from '../simulations/training/training.data';
import { plainLogisticStep } from '../simulations/training/plain-logistic';
import type { EncodedData } from '../simulations/world/encoding.model';

/** One measured configuration. */
export interface BackendFigure {
	model: 'logistic' | 'mlp';
	/** 'plain' for the typed-array reference. */
	backend: TfBackendName | 'plain';
	/** tfjs's step: 'taped' (autodiff and optimizer) or 'written' (training.step.ts, the labs'). */
	loop: TfjsLoop | null;
	batchSize: number;
	/** Batches of `batchSize` in one epoch of the training set. */
	stepsPerEpoch: number;
	samplesPerSecond: number;
	/** Mean training loss after `epochs` epochs from the same start (equal for the two tfjs
	 * loops and across tfjs backends within float32 rounding; the plain MLP starts from other
	 * weights). */
	finalLoss: number;
}

/** The two ways the bench trains with tfjs. */
export type TfjsLoop = 'taped' | 'written';

/** Figures plus what tfjs reported about itself. */
export interface BackendBenchResult {
	backend: TfBackendName;
	trainRows: number;
	figures: BackendFigure[];
	/** Tensors alive after 10 and 1,000 steps of each loop (MLP with L2). */
	tensors: Record<TfjsLoop, { tensorsAfter10Steps: number; tensorsAfter1000Steps: number }>;
}

/** Plain two-layer model: `hidden × cols` weights, hidden biases, `hidden` output weights, bias. */
interface PlainMlp {
	w1: Float64Array;
	b1: Float64Array;
	w2: Float64Array;
	b2: Float64Array;
}

function plainMlp(cols: number, hidden: number): PlainMlp {
	const rng = createRng(3);
	const limit1 = Math.sqrt(6 / (cols + hidden));
	const limit2 = Math.sqrt(6 / (hidden + 1));
	return {
		w1: Float64Array.from({ length: cols * hidden }, () => rng.uniform(-limit1, limit1)),
		b1: new Float64Array(hidden),
		w2: Float64Array.from({ length: hidden }, () => rng.uniform(-limit2, limit2)),
		b2: new Float64Array(1),
	};
}

/** One SGD step of the tanh MLP on rows `indices`, mean sigmoid cross-entropy, as tfjs does. */
function plainMlpStep(m: PlainMlp, data: EncodedData, indices: number[], learningRate: number) {
	const { cols } = data;
	const hidden = m.b1.length;
	const g1 = new Float64Array(m.w1.length);
	const gb1 = new Float64Array(hidden);
	const g2 = new Float64Array(hidden);
	let gb2 = 0;
	const h = new Float64Array(hidden);
	for (const row of indices) {
		const offset = row * cols;
		let z = m.b2[0] ?? 0;
		for (let j = 0; j < hidden; j++) {
			let a = m.b1[j] ?? 0;
			for (let c = 0; c < cols; c++) a += (data.x[offset + c] ?? 0) * (m.w1[c * hidden + j] ?? 0);
			h[j] = Math.tanh(a);
			z += (h[j] ?? 0) * (m.w2[j] ?? 0);
		}
		const error = 1 / (1 + Math.exp(-z)) - (data.y[row] ?? 0);
		gb2 += error;
		for (let j = 0; j < hidden; j++) {
			const hj = h[j] ?? 0;
			g2[j] = (g2[j] ?? 0) + error * hj;
			const back = error * (m.w2[j] ?? 0) * (1 - hj * hj);
			gb1[j] = (gb1[j] ?? 0) + back;
			for (let c = 0; c < cols; c++)
				g1[c * hidden + j] = (g1[c * hidden + j] ?? 0) + back * (data.x[offset + c] ?? 0);
		}
	}
	const scale = learningRate / indices.length;
	for (let i = 0; i < m.w1.length; i++) m.w1[i] = (m.w1[i] ?? 0) - scale * (g1[i] ?? 0);
	for (let j = 0; j < hidden; j++) {
		m.b1[j] = (m.b1[j] ?? 0) - scale * (gb1[j] ?? 0);
		m.w2[j] = (m.w2[j] ?? 0) - scale * (g2[j] ?? 0);
	}
	m.b2[0] = (m.b2[0] ?? 0) - scale * gb2;
}

function meanLoss(p: ArrayLike<number>, y: ArrayLike<number>): number {
	let sum = 0;
	for (let i = 0; i < y.length; i++) {
		const q = Math.min(Math.max(p[i] ?? 0, 1e-7), 1 - 1e-7);
		sum -= (y[i] ?? 0) * Math.log(q) + (1 - (y[i] ?? 0)) * Math.log(1 - q);
	}
	return sum / y.length;
}

function plainLogit(model: Float64Array | PlainMlp, data: EncodedData, row: number): number {
	const offset = row * data.cols;
	if (model instanceof Float64Array) {
		let z = model[data.cols] ?? 0;
		for (let c = 0; c < data.cols; c++) z += (model[c] ?? 0) * (data.x[offset + c] ?? 0);
		return z;
	}
	const hidden = model.b1.length;
	let z = model.b2[0] ?? 0;
	for (let j = 0; j < hidden; j++) {
		let a = model.b1[j] ?? 0;
		for (let c = 0; c < data.cols; c++)
			a += (data.x[offset + c] ?? 0) * (model.w1[c * hidden + j] ?? 0);
		z += Math.tanh(a) * (model.w2[j] ?? 0);
	}
	return z;
}

function plainPredict(model: Float64Array | PlainMlp, data: EncodedData): Float64Array {
	return Float64Array.from(
		{ length: data.rows },
		(_, r) => 1 / (1 + Math.exp(-plainLogit(model, data, r))),
	);
}

/** Row-major batches of a fixed shuffled order, built once so only training is timed. */
export function batchesOf(train: EncodedData, batchSize: number) {
	const order = createRng(1).shuffle(Array.from({ length: train.rows }, (_, i) => i));
	const batches: { x: Float32Array; y: Float32Array; indices: number[] }[] = [];
	for (let start = 0; start < order.length; start += batchSize) {
		const indices = order.slice(start, start + batchSize);
		const x = new Float32Array(indices.length * train.cols);
		indices.forEach((row, k) =>
			x.set(train.x.subarray(row * train.cols, (row + 1) * train.cols), k * train.cols),
		);
		batches.push({ x, y: Float32Array.from(indices.map((row) => train.y[row] ?? 0)), indices });
	}
	return batches;
}

/** One step of `model` with the given loop. */
function step(model: ChurnModel, loop: TfjsLoop, x: Float32Array, y: Float32Array): void {
	if (loop === 'taped') model.trainBatchByAutodiff(x, y);
	else model.trainBatch(x, y);
}

/** tfjs tensors alive after 10 and after 1,000 steps on one batch: equal means no leak. */
export function tensorsAfterSteps(
	model: ChurnModel,
	batch: { x: Float32Array; y: Float32Array } | undefined,
	loop: TfjsLoop = 'written',
): { tensorsAfter10Steps: number; tensorsAfter1000Steps: number } {
	const steps = (n: number) => {
		for (let i = 0; i < n; i++) if (batch) step(model, loop, batch.x, batch.y);
	};
	steps(10);
	const tensorsAfter10Steps = tf.memory().numTensors;
	steps(990);
	return { tensorsAfter10Steps, tensorsAfter1000Steps: tf.memory().numTensors };
}

/**
 * Times `epochs`-epoch runs of every model × batch size on `backend`, with each tfjs loop and
 * the plain reference of the same model and batches, over at least `minSeconds` each, so fast
 * configurations are not timed on a handful of milliseconds.
 */
export async function runBackendBench(
	backend: TfBackendName,
	options: {
		batchSizes?: number[];
		models?: readonly ('logistic' | 'mlp')[];
		epochs?: number;
		minSeconds?: number;
		withPlain?: boolean;
		loops?: readonly TfjsLoop[];
	} = {},
): Promise<BackendBenchResult> {
	await useTfBackend(backend);
	const { train } = prepareData({ ...defaultTrainingParams, model: 'logistic' });
	const batchSizes = options.batchSizes ?? [32, 256, train.rows];
	const minMs = (options.minSeconds ?? 1) * 1000;
	const learningRate = defaultTrainingParams.learningRate;
	const hiddenUnits = defaultTrainingParams.hiddenUnits;
	const figures: BackendFigure[] = [];
	// Each repetition trains a fresh model for a fixed number of epochs, so the final loss is
	// comparable between backends and loops. On a shared machine other processes steal time in
	// bursts, so the contenders of one model × batch (each loop, plain) take turns: five windows,
	// each giving every contender a fifth of `minSeconds`, and each figure is a contender's best
	// window. A burst then lands on all of them alike, and the ratios between them hold better
	// than the absolute figures.
	const epochs = options.epochs ?? 10;
	const timeSideBySide = (runs: (() => number)[]) => {
		for (const run of runs) run(); // burn-in: kernels compile, scalars are created
		const best = runs.map(() => 0);
		const finalLoss = runs.map(() => Number.NaN);
		for (let window = 0; window < 5; window++) {
			runs.forEach((run, i) => {
				let repetitions = 0;
				const start = performance.now();
				while (repetitions === 0 || performance.now() - start < minMs / 5) {
					finalLoss[i] = run();
					repetitions++;
				}
				const seconds = (performance.now() - start) / 1000;
				best[i] = Math.max(best[i] ?? 0, (repetitions * epochs * train.rows) / seconds);
			});
		}
		return runs.map((_, i) => ({
			samplesPerSecond: best[i] ?? 0,
			finalLoss: finalLoss[i] ?? Number.NaN,
		}));
	};
	const loops = options.loops ?? (['taped', 'written'] as const);
	for (const model of options.models ?? (['logistic', 'mlp'] as const)) {
		for (const batchSize of batchSizes) {
			const batches = batchesOf(train, batchSize);
			const stepsPerEpoch = batches.length;
			const tfjsRun = (loop: TfjsLoop) => () => {
				const churn = new ChurnModel({
					kind: model,
					inputs: train.cols,
					hiddenUnits,
					l2: 0,
					learningRate,
					rng: createRng(2),
				});
				for (let e = 0; e < epochs; e++) for (const b of batches) step(churn, loop, b.x, b.y);
				const loss = meanLoss(churn.predict(train), train.y);
				churn.dispose();
				return loss;
			};
			const plainRun = () => {
				const weights =
					model === 'logistic'
						? new Float64Array(train.cols + 1)
						: plainMlp(train.cols, hiddenUnits);
				for (let e = 0; e < epochs; e++) {
					for (const b of batches) {
						if (weights instanceof Float64Array)
							plainLogisticStep(weights, train, b.indices, learningRate);
						else plainMlpStep(weights, train, b.indices, learningRate);
					}
				}
				return meanLoss(plainPredict(weights, train), train.y);
			};
			const withPlain = options.withPlain !== false;
			const timed = timeSideBySide([...loops.map(tfjsRun), ...(withPlain ? [plainRun] : [])]);
			loops.forEach((loop, i) => {
				const figure = timed[i];
				if (figure) figures.push({ model, backend, loop, batchSize, stepsPerEpoch, ...figure });
			});
			const plain = withPlain ? timed[loops.length] : undefined;
			if (plain)
				figures.push({ model, backend: 'plain', loop: null, batchSize, stepsPerEpoch, ...plain });
		}
	}
	// Leak check: tensors alive must not grow with the number of steps, with either loop.
	const leaks = (loop: TfjsLoop) => {
		const churn = new ChurnModel({
			kind: 'mlp',
			inputs: train.cols,
			hiddenUnits,
			l2: 0.001,
			learningRate,
			rng: createRng(2),
		});
		const counts = tensorsAfterSteps(churn, batchesOf(train, 32)[0], loop);
		churn.dispose();
		return counts;
	};
	const tensors = { taped: leaks('taped'), written: leaks('written') };
	return { backend, trainRows: train.rows, figures, tensors };
}
