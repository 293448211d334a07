import { expect, test } from 'vitest';
import { tf, useCpuBackend } from '@sim/shared/tf-backend';
import { tfjsTrainer } from '@sim/retraining/retraining.tfjs-trainer';
import { simulateContinuousTraining } from '@sim/index';

test('retraining with the tfjs model leaves no tensor behind, run after run', async () => {
	await useCpuBackend();
	const before = tf.memory().numTensors;
	const result = simulateContinuousTraining(
		{
			seed: 42,
			scenario: 'sudden-concept',
			days: 120,
			trigger: { kind: 'schedule', everyDays: 20 },
			cooldownDays: 0,
			windowDays: 60,
			warmStart: true,
			maturityLevel: 1,
		},
		{ train: tfjsTrainer() },
	);
	// The initial model plus six runs, five of which reach training (day 20 has no labels yet).
	expect(result.runs.map((r) => r.day)).toEqual([20, 40, 60, 80, 100, 120]);
	expect(result.runs.filter((r) => r.rowEpochs > 0)).toHaveLength(5);
	expect(result.versions[0]?.artifact.kind).toBe('mlp');
	expect(tf.memory().numTensors).toBe(before);
});
