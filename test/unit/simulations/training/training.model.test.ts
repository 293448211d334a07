import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tf, useCpuBackend } from '@sim/shared/tf-backend';
import { createRng } from '@sim/shared/rng';
import { ChurnModel, TrainingRun, type EpochOutcome } from '@sim/training/training.model';
import {
	defaultTrainingParams,
	prepareData,
	trainingDataVersion,
	type TrainingParams,
} from '@sim/training/training.data';
import { predictWithArtifact } from '@sim/training/artifact';
import { plainLogisticStep } from '@sim/training/plain-logistic';

beforeAll(useCpuBackend);

const small: TrainingParams = { ...defaultTrainingParams, datasetSize: 600, epochs: 8, seed: 7 };

/** A 300-row dataset and an L2-regularised MLP on it: the subject of the tensor-leak tests. */
function smallModel(kind: 'mlp' | 'logistic' = 'mlp') {
	const data = prepareData({ ...small, datasetSize: 300 });
	const model = new ChurnModel({
		kind,
		inputs: data.train.cols,
		hiddenUnits: 8,
		l2: 0.01,
		learningRate: 0.1,
		rng: createRng(1),
	});
	return { data, model };
}

function runToEnd(params: TrainingParams) {
	const run = new TrainingRun(params);
	const epochs: EpochOutcome[] = [];
	let outcome: EpochOutcome;
	do {
		outcome = run.runEpoch(() => 0);
		epochs.push(outcome);
	} while (!outcome.finished);
	const result = run.finish(outcome.finished);
	run.dispose();
	return { epochs, result };
}

describe('TrainingRun', () => {
	test('reports the data version its parameters predict', () => {
		const run = new TrainingRun(small);
		run.dispose();
		expect(run.data.dataVersion).toBe(trainingDataVersion(small));
		expect(trainingDataVersion({ ...small, seed: 8 })).not.toBe(run.data.dataVersion);
	});

	test('loss falls on easy (noise-free) data', () => {
		const { epochs, result } = runToEnd({ ...small, labelNoise: 0 });
		const losses = epochs.map((e) => e.metrics.trainLoss);
		expect(losses[losses.length - 1]).toBeLessThan((losses[0] ?? 0) * 0.9);
		expect(result.reason).toBe('completed');
		expect(result.test.accuracy).toBeGreaterThan(0.8);
		expect(result.test.auc).toBeGreaterThan(0.8);
	});

	test('the same seed gives identical metrics (golden)', () => {
		const first = runToEnd({ ...small, model: 'logistic', epochs: 3 });
		const second = runToEnd({ ...small, model: 'logistic', epochs: 3 });
		expect(second.epochs).toEqual(first.epochs);
		expect(second.result.test).toEqual(first.result.test);
		expect(first.result.test.confusion).toMatchInlineSnapshot(`
			{
			  "falseNegative": 28,
			  "falsePositive": 1,
			  "trueNegative": 85,
			  "truePositive": 6,
			}
		`);
		expect(first.epochs.map((e) => e.metrics.validationLoss)).toMatchInlineSnapshot(`
			[
			  0.6055176957993527,
			  0.5326815125864747,
			  0.49140174280882737,
			]
		`);
		const other = runToEnd({ ...small, model: 'logistic', epochs: 3, seed: 8 });
		expect(other.result.test).not.toEqual(first.result.test);
	});

	test('detects divergence with a huge learning rate', () => {
		const { epochs, result } = runToEnd({ ...small, model: 'logistic', learningRate: 500 });
		expect(result.reason).toBe('diverged');
		expect(epochs.length).toBeLessThanOrEqual(2);
	});

	test('stops early when validation loss stops improving, keeping the best weights', () => {
		const { epochs, result } = runToEnd({
			...small,
			datasetSize: 200,
			hiddenUnits: 32,
			learningRate: 1,
			epochs: 200,
			patience: 3,
		});
		expect(result.reason).toBe('earlyStopped');
		expect(epochs.length).toBe(result.bestEpoch + 3);
	});

	test('changes the learning rate between epochs without resetting', () => {
		const run = new TrainingRun(small);
		const before = run.runEpoch().metrics;
		run.setLearningRate(0.01);
		const after = run.runEpoch().metrics;
		run.dispose();
		expect(before.learningRate).toBe(0.1);
		expect(after.learningRate).toBe(0.01);
		expect(after.epoch).toBe(2);
	});

	test('replaying the per-epoch learning rates reproduces a run changed by hand', () => {
		const params = { ...small, epochs: 4 };
		const byHand = new TrainingRun(params);
		const original = [byHand.runEpoch(() => 0), byHand.runEpoch(() => 0)];
		byHand.setLearningRate(0.02);
		original.push(
			byHand.runEpoch(() => 0),
			byHand.runEpoch(() => 0),
		);
		byHand.dispose();

		const replay = new TrainingRun(params);
		replay.replayLearningRates(original.map((o) => o.metrics.learningRate));
		const again = [1, 2, 3, 4].map(() => replay.runEpoch(() => 0));
		replay.dispose();
		expect(again.map((o) => o.metrics.learningRate)).toEqual([0.1, 0.1, 0.02, 0.02]);
		expect(again).toEqual(original);
	});

	test('the artifact predicts without tfjs exactly as the tfjs model does', () => {
		const run = new TrainingRun(small);
		run.runEpoch();
		const result = run.finish('completed');
		const tfjsPredictions = run.model.predict(run.data.test);
		run.dispose();
		const plain = predictWithArtifact(result.artifact, run.data.test);
		for (let i = 0; i < plain.length; i++) {
			expect(plain[i]).toBeCloseTo(tfjsPredictions[i] ?? 0, 5);
		}
		expect(JSON.parse(JSON.stringify(result.artifact))).toEqual(result.artifact);
	});
});

describe('ChurnModel', () => {
	test('takes the same SGD steps as the plain typed-array logistic model (float64, independent)', () => {
		const data = prepareData({ ...small, datasetSize: 300 });
		const model = new ChurnModel({
			kind: 'logistic',
			inputs: data.train.cols,
			hiddenUnits: 0,
			l2: 0,
			learningRate: 0.5,
			rng: createRng(1),
		});
		const [layer] = model.exportLayers();
		const initial = Float64Array.from([...(layer?.weights ?? []), ...(layer?.bias ?? [])]);
		const plain = initial.slice();
		const order = createRng(2).shuffle(Array.from({ length: data.train.rows }, (_, i) => i));
		for (let epoch = 0; epoch < 10; epoch++) {
			for (let start = 0; start < order.length; start += 16) {
				const indices = order.slice(start, start + 16);
				const x = new Float32Array(indices.length * data.train.cols);
				indices.forEach((row, k) =>
					x.set(
						data.train.x.subarray(row * data.train.cols, (row + 1) * data.train.cols),
						k * data.train.cols,
					),
				);
				model.trainBatch(x, Float32Array.from(indices.map((row) => data.train.y[row] ?? 0)));
				plainLogisticStep(plain, data.train, indices, 0.5);
			}
		}
		const [trained] = model.exportLayers();
		model.dispose();
		const tfjsWeights = [...(trained?.weights ?? []), ...(trained?.bias ?? [])];
		// Trained (weights moved), and within 1e-5 of the float64 reference relative to the largest
		// weight after 10 epochs: the float32 rounding of the tfjs step, nothing more.
		const largest = Math.max(...plain.map(Math.abs));
		const moved = Math.max(...plain.map((w, i) => Math.abs(w - (initial[i] ?? 0))));
		const gap = Math.max(...tfjsWeights.map((w, i) => Math.abs(w - (plain[i] ?? 0))));
		expect(tfjsWeights).toHaveLength(plain.length);
		expect(moved / largest).toBeGreaterThan(0.05);
		expect(gap / largest).toBeLessThan(1e-5);
	});

	test.each([
		{ kind: 'logistic', l2: 0, learningRate: 0.1, batch: 32 },
		{ kind: 'logistic', l2: 0.01, learningRate: 0.5, batch: 256 },
		{ kind: 'logistic', l2: 0.001, learningRate: 1, batch: 7 },
		{ kind: 'mlp', l2: 0, learningRate: 0.1, batch: 32 },
		{ kind: 'mlp', l2: 0.001, learningRate: 0.1, batch: 7 },
		{ kind: 'mlp', l2: 0.01, learningRate: 0.5, batch: 256 },
		{ kind: 'mlp', l2: 0, learningRate: 1, batch: 'full' },
	] as const)(
		'the written-out step takes the taped step’s SGD steps to float32 rounding ($kind, l2 $l2, lr $learningRate, batch $batch)',
		({ kind, l2, learningRate, batch }) => {
			const { train } = prepareData({ ...small, datasetSize: 400 });
			const make = () =>
				new ChurnModel({
					kind,
					inputs: train.cols,
					hiddenUnits: 8,
					l2,
					learningRate,
					rng: createRng(3),
				});
			const lean = make();
			const taped = make();
			const size = batch === 'full' ? train.rows : batch;
			const order = createRng(4).shuffle(Array.from({ length: train.rows }, (_, i) => i));
			for (let epoch = 0; epoch < 10; epoch++) {
				// A change of rate between epochs, as the lab allows, must reach both steps.
				if (epoch === 5) for (const m of [lean, taped]) m.setLearningRate(learningRate / 2);
				for (let start = 0; start < order.length; start += size) {
					const rows = order.slice(start, start + size);
					const x = new Float32Array(rows.length * train.cols);
					rows.forEach((row, k) =>
						x.set(train.x.subarray(row * train.cols, (row + 1) * train.cols), k * train.cols),
					);
					const y = Float32Array.from(rows.map((row) => train.y[row] ?? 0));
					lean.trainBatch(x, y);
					taped.trainBatchByAutodiff(x, y);
				}
			}
			const flat = (m: ChurnModel) => m.exportLayers().flatMap((l) => [...l.weights, ...l.bias]);
			const [leanWeights, tapedWeights] = [flat(lean), flat(taped)];
			const untrained = make();
			const start = flat(untrained);
			for (const m of [lean, taped, untrained]) m.dispose();
			// The runs really trained (so agreement means something), and agree to float32
			// rounding after 10 epochs: every weight within 1e-5 of the oracle's, relative to the
			// largest weight (the steps round differently, so bit equality is not expected).
			const largest = Math.max(...tapedWeights.map(Math.abs));
			const moved = Math.max(...tapedWeights.map((w, i) => Math.abs(w - (start[i] ?? 0))));
			const gap = Math.max(...leanWeights.map((w, i) => Math.abs(w - (tapedWeights[i] ?? 0))));
			expect(moved / largest).toBeGreaterThan(0.05);
			expect(gap / largest).toBeLessThan(1e-5);
		},
	);

	test.each(['mlp', 'logistic'] as const)(
		'the written-out step leaves no tensor behind across batch sizes and rate changes (%s, L2)',
		(kind) => {
			const before = tf.memory().numTensors;
			const { data, model } = smallModel(kind);
			const step = (rows: number) =>
				model.trainBatch(
					data.train.x.subarray(0, rows * data.train.cols),
					data.train.y.subarray(0, rows),
				);
			// Burn-in: each batch size's scalars are made once, on its first step.
			for (const rows of [32, 5]) step(rows);
			const after2 = tf.memory().numTensors;
			for (let i = 0; i < 500; i++) {
				step(i % 2 ? 32 : 5);
				if (i % 50 === 0) model.setLearningRate(0.1 / (1 + i / 50));
			}
			expect(tf.memory().numTensors).toBe(after2);
			model.dispose();
			expect(tf.memory().numTensors).toBe(before);
		},
	);

	test('holds no more tensors after 1,000 steps than after 10 (after burn-in)', () => {
		const { data, model } = smallModel();
		const x = data.train.x.subarray(0, 32 * data.train.cols);
		const y = data.train.y.subarray(0, 32);
		const steps = (n: number) => {
			for (let i = 0; i < n; i++) model.trainBatch(x, y);
			model.predict(data.validation);
		};
		steps(1);
		const baseline = tf.memory().numTensors;
		steps(10);
		const after10 = tf.memory().numTensors;
		steps(1000);
		const after1000 = tf.memory().numTensors;
		model.dispose();
		expect(after10).toBe(baseline);
		expect(after1000).toBe(after10);
	});
});

afterAll(() => {
	expect(tf.memory().numTensors).toBe(0);
});
