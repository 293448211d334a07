/**
 * Browser-side half of `npm run bench:labs`, bundled by esbuild and run in a blank Chromium
 * page: trains the same logistic model on the same data with tfjs (cpu backend) and with the
 * plain typed-array implementation, reporting samples per second for each, and counts tfjs
 * tensors after 10 and after 1,000 training steps.
 */
import { useCpuBackend } from '../simulations/shared/tf-backend';
import { createRng } from '../simulations/shared/rng';
import { ChurnModel } from '../simulations/training/training.model';
import { defaultTrainingParams, prepareData } from '../simulations/training/training.data';
import { plainLogisticStep } from '../simulations/training/plain-logistic';
import { batchesOf, tensorsAfterSteps } from './backends-entry';

/** Figures returned to the Node side. */
export interface LabBenchFigures {
	tfjsSamplesPerSecond: number;
	plainSamplesPerSecond: number;
	tensorsAfter10Steps: number;
	tensorsAfter1000Steps: number;
}

async function run(): Promise<LabBenchFigures> {
	await useCpuBackend();
	const data = prepareData({ ...defaultTrainingParams, datasetSize: 5000, model: 'logistic' });
	const { train } = data;
	const batchSize = 32;
	const epochs = 5;
	const batches = batchesOf(train, batchSize);
	const model = new ChurnModel({
		kind: 'logistic',
		inputs: train.cols,
		hiddenUnits: 0,
		l2: 0,
		learningRate: 0.1,
		rng: createRng(2),
	});
	// Burn-in: the first step compiles kernels and creates optimizer state.
	model.trainBatch(batches[0]?.x ?? new Float32Array(), batches[0]?.y ?? new Float32Array());
	let start = performance.now();
	for (let e = 0; e < epochs; e++) for (const b of batches) model.trainBatch(b.x, b.y);
	const tfjsSeconds = (performance.now() - start) / 1000;

	const plain = new Float64Array(train.cols + 1);
	start = performance.now();
	for (let e = 0; e < epochs; e++)
		for (const b of batches) plainLogisticStep(plain, train, b.indices, 0.1);
	const plainSeconds = (performance.now() - start) / 1000;

	const { tensorsAfter10Steps, tensorsAfter1000Steps } = tensorsAfterSteps(model, batches[0]);
	model.dispose();
	const samples = epochs * train.rows;
	return {
		tfjsSamplesPerSecond: samples / tfjsSeconds,
		plainSamplesPerSecond: samples / plainSeconds,
		tensorsAfter10Steps,
		tensorsAfter1000Steps,
	};
}

(globalThis as unknown as { labBench: Promise<LabBenchFigures> }).labBench = run();
