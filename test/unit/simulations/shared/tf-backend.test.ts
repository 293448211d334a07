/**
 * The wasm backend is a drop-in for cpu: the same seeded model, trained on the same batches,
 * reaches the same loss on either (they differ only in the order float32 sums are rounded), and
 * tensors stay flat on wasm as they do on cpu. Which backend a lab uses is decided in
 * tf-backend.ts from `npm run bench:backends`; speed is never asserted here.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { labBackends, tf, useLabBackend, useTfBackend } from '@sim/shared/tf-backend';
import type { TfBackendName } from '@sim/shared/tf-backend';
import { createRng } from '@sim/shared/rng';
import { ChurnModel } from '@sim/training/training.model';
import { defaultTrainingParams, prepareData } from '@sim/training/training.data';
import { classificationMetrics } from '@sim/training/metrics';
import type { ModelKind } from '@sim/training/training.data';

afterAll(() => useTfBackend('cpu'));

const data = prepareData({ ...defaultTrainingParams, datasetSize: 600, seed: 11 });

/** Trains `epochs` epochs of batch-32 SGD in row order and returns the training loss. */
async function trainedLoss(backend: TfBackendName, kind: ModelKind, epochs: number) {
	await useTfBackend(backend);
	const { train } = data;
	const model = new ChurnModel({
		kind,
		inputs: train.cols,
		hiddenUnits: 8,
		l2: 0.001,
		learningRate: 0.1,
		rng: createRng(5),
	});
	const untrained = classificationMetrics(model.predict(train), train.y).loss;
	for (let e = 0; e < epochs; e++) {
		for (let start = 0; start < train.rows; start += 32) {
			const end = Math.min(start + 32, train.rows);
			model.trainBatch(
				train.x.slice(start * train.cols, end * train.cols),
				train.y.slice(start, end),
			);
		}
	}
	const loss = classificationMetrics(model.predict(train), train.y).loss;
	model.dispose();
	return { untrained, loss };
}

describe('the wasm backend', () => {
	test.each(['logistic', 'mlp'] as const)(
		'trains the %s model to the loss cpu reaches',
		async (kind) => {
			const cpu = await trainedLoss('cpu', kind, 5);
			const wasm = await trainedLoss('wasm', kind, 5);
			expect(tf.getBackend()).toBe('wasm');
			// Training really moved the model, so agreeing on the loss means something.
			expect(cpu.loss).toBeLessThan(cpu.untrained - 0.05);
			expect(wasm.untrained).toBeCloseTo(cpu.untrained, 6);
			expect(Math.abs(wasm.loss - cpu.loss)).toBeLessThan(1e-5);
		},
	);

	test.each(['logistic', 'mlp'] as const)(
		'takes the taped step’s SGD steps to float32 rounding with the written-out %s step',
		async (kind) => {
			await useTfBackend('wasm');
			const { train } = data;
			const make = () =>
				new ChurnModel({
					kind,
					inputs: train.cols,
					hiddenUnits: 8,
					l2: 0.001,
					learningRate: 0.5,
					rng: createRng(5),
				});
			const [lean, taped] = [make(), make()];
			for (let e = 0; e < 3; e++) {
				for (let start = 0; start < train.rows; start += 32) {
					const end = Math.min(start + 32, train.rows);
					const x = train.x.slice(start * train.cols, end * train.cols);
					const y = train.y.slice(start, end);
					lean.trainBatch(x, y);
					taped.trainBatchByAutodiff(x, y);
				}
			}
			const flat = (m: ChurnModel) => m.exportLayers().flatMap((l) => [...l.weights, ...l.bias]);
			const [a, b] = [flat(lean), flat(taped)];
			lean.dispose();
			taped.dispose();
			expect(tf.getBackend()).toBe('wasm');
			// The steps round differently (training.step.ts); the tolerance is the cpu test's.
			const largest = Math.max(...b.map(Math.abs));
			const gap = Math.max(...a.map((w, i) => Math.abs(w - (b[i] ?? 0))));
			expect(gap / largest).toBeLessThan(1e-5);
		},
	);

	test('holds no more tensors after 1,000 steps than after 10', async () => {
		await useTfBackend('wasm');
		const before = tf.memory().numTensors;
		const { train } = data;
		const model = new ChurnModel({
			kind: 'mlp',
			inputs: train.cols,
			hiddenUnits: 8,
			l2: 0.001,
			learningRate: 0.1,
			rng: createRng(5),
		});
		const x = train.x.slice(0, 32 * train.cols);
		const y = train.y.slice(0, 32);
		const steps = (n: number) => {
			for (let i = 0; i < n; i++) model.trainBatch(x, y);
		};
		steps(10);
		const after10 = tf.memory().numTensors;
		steps(990);
		expect(tf.memory().numTensors).toBe(after10);
		model.dispose();
		expect(after10).toBeGreaterThan(before);
		expect(tf.memory().numTensors).toBe(before);
	});
});

describe('useLabBackend', () => {
	test('selects the backend tf-backend.ts chose for the lab', async () => {
		await useTfBackend('wasm');
		await useLabBackend('training');
		expect(tf.getBackend()).toBe(labBackends.training);
	});
});
