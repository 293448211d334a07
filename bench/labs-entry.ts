/**
 * Browser-side half of `npm run bench:labs`, bundled by esbuild and run in a blank Chromium
 * page: the training throughput of the logistic model at the lab's batch of 32 on the cpu
 * backend against the plain typed-array reference, measured by `runBackendBench` exactly as
 * `npm run bench:backends` measures its "logistic 32 cpu written" row (same data, same
 * interleaved best-of-five windows, burn-in first), so the two benchmarks report the same
 * figure; only the thread differs (the page's main thread here, a worker there). Also counts
 * tfjs tensors after 10 and after 1,000 training steps.
 */
import { useCpuBackend } from '../simulations/shared/tf-backend';
import { createRng } from '../simulations/shared/rng';
import { ChurnModel } from '../simulations/training/training.model';
import { defaultTrainingParams, prepareData } from '../simulations/training/training.data';
import { batchesOf, runBackendBench, tensorsAfterSteps } from './backends-entry';

/** Figures returned to the Node side. */
export interface LabBenchFigures {
	trainRows: number;
	tfjsSamplesPerSecond: number;
	plainSamplesPerSecond: number;
	tensorsAfter10Steps: number;
	tensorsAfter1000Steps: number;
}

async function run(): Promise<LabBenchFigures> {
	await useCpuBackend();
	const { figures, trainRows } = await runBackendBench('cpu', {
		models: ['logistic'],
		batchSizes: [32],
		loops: ['written'],
		minSeconds: 1.5,
	});
	const tfjs = figures.find((f) => f.backend === 'cpu');
	const plain = figures.find((f) => f.backend === 'plain');
	const { train } = prepareData({ ...defaultTrainingParams, model: 'logistic' });
	const model = new ChurnModel({
		kind: 'logistic',
		inputs: train.cols,
		hiddenUnits: 0,
		l2: 0,
		learningRate: 0.1,
		rng: createRng(2),
	});
	const { tensorsAfter10Steps, tensorsAfter1000Steps } = tensorsAfterSteps(
		model,
		batchesOf(train, 32)[0],
	);
	model.dispose();
	return {
		trainRows,
		tfjsSamplesPerSecond: tfjs?.samplesPerSecond ?? Number.NaN,
		plainSamplesPerSecond: plain?.samplesPerSecond ?? Number.NaN,
		tensorsAfter10Steps,
		tensorsAfter1000Steps,
	};
}

(globalThis as unknown as { labBench: Promise<LabBenchFigures> }).labBench = run();
