/**
 * Training churn models with TensorFlow.js: logistic regression (no hidden layer) or a small
 * MLP (one tanh hidden layer), written against tfjs-core alone — variables, a sigmoid
 * cross-entropy loss with L2 on the weights, and plain mini-batch SGD — so no layers bundle
 * is needed and every step is visible. Determinism: weights start from our own seeded
 * Glorot-uniform draw, each epoch's order comes from our seeded shuffle, and the cpu backend
 * is used, so one seed gives identical metrics every time.
 *
 * Speed: a step runs `training.step.ts`, the textbook gradient of the sigmoid cross-entropy
 * written out without the tape, in 5 kernels for the logistic model (17 for the MLP) where
 * autodiff runs about 60 (80). Logistic regression keeps its bias as the last row of one
 * weight variable and trains on batches with a column of ones, so the bias costs no kernel of
 * its own; `exportLayers` and `importLayers` still speak separate weights and bias. `trainBatchByAutodiff` keeps the taped step
 * (`optimizer.minimize`) as the oracle the tests hold it to (same weights to float32 rounding)
 * and the benchmark's "taped" loop.
 *
 * Memory: every synchronous block is wrapped in `tf.tidy`; the only long-lived tensors are the
 * model's variables and a few scalars, which `dispose()` frees. A run is driven one epoch at a
 * time by the caller (worker, in-page runner or test), which is what makes pause and step
 * possible.
 */
import { tf } from '../shared/tf-backend';
import { createRng, type Rng } from '../shared/rng';
import { classificationMetrics, type ClassificationMetrics } from './metrics';
import type { EncodedData } from '../world/encoding.model';
import type { DenseLayer, ModelArtifact } from './artifact';
import { logisticStep, sgdStep, type LayerVariables, type StepScalars } from './training.step';
import {
	prepareData,
	type ModelKind,
	type PreparedData,
	type TrainingParams,
} from './training.data';

function glorotUniform(inputs: number, outputs: number, rng: Rng): Float32Array {
	const limit = Math.sqrt(6 / (inputs + outputs));
	return Float32Array.from({ length: inputs * outputs }, () => rng.uniform(-limit, limit));
}

/** A tfjs model and what its SGD steps need. Call `dispose()` when done. */
export class ChurnModel {
	/** Number of input columns. */
	readonly inputs: number;
	readonly kind: ModelKind;
	/** The MLP's layers; empty for logistic regression, which keeps `#weightsAndBias`. */
	readonly #variables: LayerVariables[];
	/**
	 * Logistic regression's weights with the bias as a last row, [inputs + 1 × 1], so a step
	 * updates both with one matMul (`logisticStep`); null for the MLP.
	 */
	readonly #weightsAndBias: tf.Variable | null;
	/** `trainBatch`'s batch with a column of ones appended, reused from step to step. */
	#withOnes = new Float32Array(0);
	/** The logistic step's decay column (`1 − 2·lr·l2` per weight, 1 for the bias). */
	#decayColumn: tf.Tensor | null = null;
	readonly #l2: number;
	readonly #scalars: StepScalars;
	/** The step's `−lr/n` per batch size and `1 − 2·lr·l2`, made on first use for the current rate. */
	readonly #scales = new Map<number, tf.Scalar>();
	#decay: tf.Scalar | null = null;
	/** The taped step's optimizer, made on first use. */
	#optimizer: tf.SGDOptimizer | null = null;
	#learningRate: number;

	constructor(options: {
		kind: ModelKind;
		inputs: number;
		hiddenUnits: number;
		l2: number;
		learningRate: number;
		rng: Rng;
	}) {
		this.inputs = options.inputs;
		this.kind = options.kind;
		this.#l2 = options.l2;
		this.#learningRate = options.learningRate;
		const sizes =
			options.kind === 'mlp' ? [options.inputs, options.hiddenUnits, 1] : [options.inputs, 1];
		const inits = sizes
			.slice(1)
			.map((outputs, i) => glorotUniform(sizes[i] ?? 1, outputs, options.rng.split(`layer-${i}`)));
		// tidy frees the initial-value tensors; variables survive it.
		if (options.kind === 'logistic') {
			const init = new Float32Array(options.inputs + 1); // bias 0 in the last row
			init.set(inits[0] ?? []);
			this.#variables = [];
			this.#weightsAndBias = tf.tidy(() => tf.variable(tf.tensor2d(init, [init.length, 1])));
		} else {
			this.#weightsAndBias = null;
			this.#variables = inits.map((init, i) => {
				const [inputs, outputs] = [sizes[i] ?? 1, sizes[i + 1] ?? 1];
				return tf.tidy(() => ({
					w: tf.variable(tf.tensor2d(init, [inputs, outputs])),
					b: tf.variable(tf.zeros([outputs])),
				}));
			});
		}
		// Kept: a model may be built inside someone's tidy.
		const scalar = (value: number) => tf.keep(tf.scalar(value));
		this.#scalars = {
			one: scalar(1),
			scale: (rows) => {
				let scale = this.#scales.get(rows);
				if (!scale) {
					scale = scalar(-this.#learningRate / rows);
					this.#scales.set(rows, scale);
				}
				return scale;
			},
			decay: () => {
				if (this.#l2 === 0) return null;
				this.#decay ??= scalar(1 - 2 * this.#learningRate * this.#l2);
				return this.#decay;
			},
		};
	}

	/** Frees the scalars that depend on the learning rate; the next step rebuilds them. */
	#disposeRateScalars(): void {
		for (const scale of this.#scales.values()) scale.dispose();
		this.#scales.clear();
		this.#decay?.dispose();
		this.#decay = null;
		this.#decayColumn?.dispose();
		this.#decayColumn = null;
	}

	/** Changes the learning rate from the next batch on (no reset). */
	setLearningRate(learningRate: number): void {
		this.#learningRate = learningRate;
		this.#disposeRateScalars();
		this.#optimizer?.setLearningRate(learningRate);
	}

	/** The layers as (weights, bias) tensors; logistic regression's are slices of one variable. */
	#layers(): { w: tf.Tensor2D; b: tf.Tensor }[] {
		const wb = this.#weightsAndBias;
		if (!wb) return this.#variables.map(({ w, b }) => ({ w: w as tf.Tensor2D, b }));
		return [
			{
				w: tf.slice2d(wb as tf.Tensor2D, [0, 0], [this.inputs, 1]),
				b: tf.slice(wb, [this.inputs, 0], [1, 1]),
			},
		];
	}

	#logits(x: tf.Tensor2D): tf.Tensor2D {
		let h: tf.Tensor2D = x;
		const layers = this.#layers();
		layers.forEach(({ w, b }, i) => {
			h = tf.add(tf.matMul(h, w), b);
			if (i < layers.length - 1) h = tf.tanh(h);
		});
		return h;
	}

	/** One SGD step on a batch of rows (row-major `x`, labels `y`), gradient written out. */
	trainBatch(x: Float32Array, y: Float32Array): void {
		const rows = y.length;
		const wb = this.#weightsAndBias;
		if (wb) {
			const cols = this.inputs + 1;
			if (this.#withOnes.length < rows * cols) this.#withOnes = new Float32Array(rows * cols);
			const withOnes = this.#withOnes.subarray(0, rows * cols);
			for (let r = 0; r < rows; r++) {
				withOnes.set(x.subarray(r * this.inputs, (r + 1) * this.inputs), r * cols);
				withOnes[r * cols + this.inputs] = 1;
			}
			tf.tidy(() =>
				logisticStep(
					wb,
					tf.tensor2d(withOnes, [rows, cols]),
					tf.tensor2d(y, [rows, 1]),
					this.#scalars.scale(rows),
					this.#logisticDecay(),
				),
			);
			return;
		}
		tf.tidy(() => {
			sgdStep(
				this.#variables,
				tf.tensor2d(x, [rows, this.inputs]),
				tf.tensor2d(y, [rows, 1]),
				this.#scalars,
			);
		});
	}

	/** `1 − 2·lr·l2` for each weight and 1 for the bias; null without an L2 penalty. */
	#logisticDecay(): tf.Tensor | null {
		const decay = this.#scalars.decay();
		if (!decay) return null;
		if (!this.#decayColumn) {
			const column = new Float32Array(this.inputs + 1).fill(decay.dataSync()[0] ?? 1);
			column[this.inputs] = 1;
			this.#decayColumn = tf.keep(tf.tensor2d(column, [column.length, 1]));
		}
		return this.#decayColumn;
	}

	/**
	 * The same step through tfjs's autodiff and `tf.train.sgd` (`optimizer.minimize`): the
	 * oracle `trainBatch` must agree with to float32 rounding, and the benchmark's "taped" loop.
	 */
	trainBatchByAutodiff(x: Float32Array, y: Float32Array): void {
		const rows = y.length;
		this.#optimizer ??= tf.train.sgd(this.#learningRate);
		const optimizer = this.#optimizer;
		tf.tidy(() => {
			const xs = tf.tensor2d(x, [rows, this.inputs]);
			const ys = tf.tensor2d(y, [rows, 1]);
			optimizer.minimize(() => {
				const dataLoss = tf.losses.sigmoidCrossEntropy(ys, this.#logits(xs));
				if (this.#l2 === 0) return dataLoss as tf.Scalar;
				const penalty = tf.addN(this.#layers().map(({ w }) => tf.sum(tf.square(w))));
				return tf.add(dataLoss, tf.mul(this.#l2, penalty)) as tf.Scalar;
			});
		});
	}

	/** Churn probabilities for every row of `data`. */
	predict(data: EncodedData): Float32Array {
		return tf.tidy(() => {
			const xs = tf.tensor2d(data.x, [data.rows, this.inputs]);
			return tf.sigmoid(this.#logits(xs)).dataSync() as Float32Array;
		});
	}

	/** The weights as plain arrays. */
	exportLayers(): DenseLayer[] {
		const wb = this.#weightsAndBias;
		if (wb) {
			const values = wb.dataSync();
			return [
				{
					weights: Array.from(values.subarray(0, this.inputs)),
					bias: [values[this.inputs] ?? 0],
					inputs: this.inputs,
					outputs: 1,
					activation: 'sigmoid',
				},
			];
		}
		return this.#variables.map(({ w, b }, i) => {
			const [inputs, outputs] = w.shape as [number, number];
			return {
				weights: Array.from(w.dataSync()),
				bias: Array.from(b.dataSync()),
				inputs,
				outputs,
				activation: i < this.#variables.length - 1 ? 'tanh' : 'sigmoid',
			};
		});
	}

	/** Replaces the weights (e.g. to restore the best epoch). */
	importLayers(layers: readonly DenseLayer[]): void {
		const wb = this.#weightsAndBias;
		const [first] = layers;
		if (wb && first) {
			const values = [...first.weights, ...first.bias];
			tf.tidy(() => wb.assign(tf.tensor2d(values, [values.length, 1])));
			return;
		}
		layers.forEach((layer, i) => {
			const v = this.#variables[i];
			if (!v) return;
			tf.tidy(() => {
				v.w.assign(tf.tensor2d(layer.weights, [layer.inputs, layer.outputs]));
				v.b.assign(tf.tensor1d(layer.bias));
			});
		});
	}

	/** Frees the variables, the step's scalars and the optimizer's. */
	dispose(): void {
		this.#optimizer?.dispose();
		this.#scalars.one.dispose();
		this.#disposeRateScalars();
		for (const { w, b } of this.#variables) tf.dispose([w, b]);
		this.#weightsAndBias?.dispose();
	}
}

/** Loss and accuracy of one epoch. */
export interface EpochMetrics {
	/** 1-based epoch number. */
	epoch: number;
	trainLoss: number;
	trainAccuracy: number;
	validationLoss: number;
	validationAccuracy: number;
	/** Learning rate used during this epoch. */
	learningRate: number;
	/** Wall time of the epoch's training steps and evaluation. */
	epochDurationMs: number;
}

/** Why a run ended. */
export type FinishReason = 'completed' | 'earlyStopped' | 'diverged';

/** The outcome after an epoch: keep going or stop. */
export type EpochOutcome = { metrics: EpochMetrics; finished: FinishReason | null };

/** What a finished run produced. */
export interface RunResult {
	reason: FinishReason;
	/** Test-set metrics of the final (or, after early stopping, the best) weights. */
	test: ClassificationMetrics;
	/** Epoch whose weights the artifact holds. */
	bestEpoch: number;
	artifact: ModelArtifact;
}

/** Training loss above this multiple of the untrained loss counts as divergence. */
export const divergenceFactor = 3;

/** One training run, advanced an epoch at a time by its owner. */
export class TrainingRun {
	readonly params: TrainingParams;
	readonly data: PreparedData;
	readonly model: ChurnModel;
	/** Epochs completed so far. */
	epoch = 0;
	#learningRate: number;
	readonly #initialLoss: number;
	readonly #shuffleRng: Rng;
	#best: { loss: number; epoch: number; layers: DenseLayer[] } | null = null;

	constructor(params: TrainingParams, data: PreparedData = prepareData(params)) {
		if (data.train.rows < 2 || data.validation.rows < 1 || data.test.rows < 1) {
			throw new RangeError(
				'Too little data: every split needs records. Use a larger dataset or smaller validation and test shares.',
			);
		}
		this.params = params;
		this.data = data;
		this.#learningRate = params.learningRate;
		const rng = createRng(params.seed).split('training');
		this.#shuffleRng = rng.split('shuffle');
		this.model = new ChurnModel({
			kind: params.model,
			inputs: data.train.cols,
			hiddenUnits: params.hiddenUnits,
			l2: params.l2,
			learningRate: params.learningRate,
			rng: rng.split('weights'),
		});
		this.#initialLoss = classificationMetrics(this.model.predict(data.train), data.train.y).loss;
	}

	#schedule: readonly number[] | null = null;

	/**
	 * Replays a recorded learning rate per epoch (index 0 = epoch 1), so a run whose rate was
	 * changed by hand can be reproduced exactly: the worker applies hand changes only between
	 * epochs, so the per-epoch rates are the whole story.
	 */
	replayLearningRates(learningRateByEpoch: readonly number[]): void {
		this.#schedule = learningRateByEpoch;
	}

	/** Changes the learning rate for the following epochs. */
	setLearningRate(learningRate: number): void {
		this.#learningRate = learningRate;
		this.model.setLearningRate(learningRate);
	}

	/** Runs one epoch of shuffled mini-batch SGD and evaluates it. */
	runEpoch(now: () => number = () => performance.now()): EpochOutcome {
		const startMs = now();
		const scheduled = this.#schedule?.[this.epoch];
		if (scheduled !== undefined && scheduled !== this.#learningRate)
			this.setLearningRate(scheduled);
		const { train, validation } = this.data;
		const order = this.#shuffleRng.shuffleInPlace(
			Uint32Array.from({ length: train.rows }, (_, i) => i),
		);
		const batchSize = Math.max(1, Math.min(this.params.batchSize, train.rows));
		const xBatch = new Float32Array(batchSize * train.cols);
		const yBatch = new Float32Array(batchSize);
		for (let start = 0; start < train.rows; start += batchSize) {
			const rows = Math.min(batchSize, train.rows - start);
			for (let r = 0; r < rows; r++) {
				const source = order[start + r] ?? 0;
				xBatch.set(
					train.x.subarray(source * train.cols, (source + 1) * train.cols),
					r * train.cols,
				);
				yBatch[r] = train.y[source] ?? 0;
			}
			this.model.trainBatch(xBatch.subarray(0, rows * train.cols), yBatch.subarray(0, rows));
		}
		this.epoch++;
		const trainMetrics = classificationMetrics(this.model.predict(train), train.y);
		const validationMetrics = classificationMetrics(this.model.predict(validation), validation.y);
		const metrics: EpochMetrics = {
			epoch: this.epoch,
			trainLoss: trainMetrics.loss,
			trainAccuracy: trainMetrics.accuracy,
			validationLoss: validationMetrics.loss,
			validationAccuracy: validationMetrics.accuracy,
			learningRate: this.#learningRate,
			epochDurationMs: now() - startMs,
		};
		return { metrics, finished: this.#judge(metrics) };
	}

	#judge(metrics: EpochMetrics): FinishReason | null {
		if (
			!Number.isFinite(metrics.trainLoss) ||
			metrics.trainLoss > divergenceFactor * this.#initialLoss
		) {
			return 'diverged';
		}
		if (!this.#best || metrics.validationLoss < this.#best.loss) {
			this.#best = {
				loss: metrics.validationLoss,
				epoch: metrics.epoch,
				layers: this.model.exportLayers(),
			};
		} else if (
			this.params.patience > 0 &&
			metrics.epoch - this.#best.epoch >= this.params.patience
		) {
			return 'earlyStopped';
		}
		return metrics.epoch >= this.params.epochs ? 'completed' : null;
	}

	/** Scores the test set and packages the model; restores the best weights after early stopping. */
	finish(reason: FinishReason): RunResult {
		let bestEpoch = this.epoch;
		if (reason === 'earlyStopped' && this.#best) {
			this.model.importLayers(this.#best.layers);
			bestEpoch = this.#best.epoch;
		}
		return {
			reason,
			test: classificationMetrics(this.model.predict(this.data.test), this.data.test.y),
			bestEpoch,
			artifact: {
				format: 'churn-model/1',
				kind: this.params.model,
				layers: this.model.exportLayers(),
				encoder: this.data.encoder,
			},
		};
	}

	/** Frees every tensor the run holds. */
	dispose(): void {
		this.model.dispose();
	}
}
