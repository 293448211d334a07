import { beforeAll, describe, expect, test } from 'vitest';
import { tf, useCpuBackend } from '@sim/shared/tf-backend';
import { replayBatchSize, tfjsTrainer } from '@sim/retraining/retraining.tfjs-trainer';
import {
	defaultRetrainParams,
	plainLogisticTrainer,
	simulateContinuousTraining,
	type ContinuousTrainingConfig,
	type TrainRequest,
} from '@sim/index';
import { plainPolicy } from './policy-fixture';

const config = plainPolicy({
	scenario: 'sudden-concept',
	days: 160,
	trigger: { kind: 'schedule', everyDays: 40 },
	windowDays: 60,
});

/** The training requests a year's pipeline makes (initial model and each run that trains). */
function requestsOf(c: ContinuousTrainingConfig): TrainRequest[] {
	const requests: TrainRequest[] = [];
	simulateContinuousTraining(c, {
		train: (request) => {
			requests.push(request);
			return plainLogisticTrainer(request);
		},
	});
	return requests;
}

beforeAll(useCpuBackend);

describe('the tfjs trainer against the typed-array reference', () => {
	test('with equal batches they learn the same weights, cold and warm', () => {
		const requests = [
			...requestsOf(config),
			...requestsOf({ ...config, warmStart: true }).slice(1),
		];
		expect(requests.length).toBe(9);
		const params = { ...defaultRetrainParams, batchSize: replayBatchSize };
		const tfjs = tfjsTrainer({ kind: 'logistic', batchSize: replayBatchSize });
		for (const request of requests) {
			const plain = plainLogisticTrainer({ ...request, params });
			const other = tfjs({ ...request, params });
			const a = plain.artifact.layers[0];
			const b = other.artifact.layers[0];
			expect(b?.weights.length).toBe(a?.weights.length);
			const gap = Math.max(
				...(a?.weights ?? []).map((w, i) => Math.abs(w - (b?.weights[i] ?? Infinity))),
				Math.abs((a?.bias[0] ?? 0) - (b?.bias[0] ?? Infinity)),
			);
			// float32 against float64 over 280 steps.
			expect(gap).toBeLessThan(1e-4);
			expect(Math.abs(plain.validationAccuracy - other.validationAccuracy)).toBeLessThanOrEqual(
				1 / 400,
			);
			expect(other.rowEpochs).toBe(plain.rowEpochs);
		}
	});

	test('the worker’s replay (batches of 256) stays within 1.5 points of the year’s batches of 32', () => {
		const tfjs = tfjsTrainer({ kind: 'logistic', batchSize: replayBatchSize });
		const gaps = requestsOf(config).map(
			(request) =>
				tfjs(request).validationAccuracy - plainLogisticTrainer(request).validationAccuracy,
		);
		expect(gaps).toHaveLength(5);
		// 400 validation rows: 1.5 points is six rows either way (measured: −0.5 to +1.25).
		for (const gap of gaps) expect(Math.abs(gap)).toBeLessThanOrEqual(0.015);
	});
});

test('retraining with the tfjs model leaves no tensor behind, run after run', () => {
	const before = tf.memory().numTensors;
	const result = simulateContinuousTraining(
		{
			...config,
			days: 120,
			trigger: { kind: 'schedule', everyDays: 20 },
			warmStart: true,
		},
		{ train: tfjsTrainer() },
	);
	// The initial model plus six runs, five of which reach training (day 20 has no labels yet).
	expect(result.runs.map((r) => r.day)).toEqual([20, 40, 60, 80, 100, 120]);
	expect(result.runs.filter((r) => r.rowEpochs > 0)).toHaveLength(5);
	expect(result.versions[0]?.artifact.kind).toBe('mlp');
	expect(tf.memory().numTensors).toBe(before);
});
