import { beforeAll, describe, expect, test } from 'vitest';
import { tf, useCpuBackend } from '@sim/shared/tf-backend';
import { createTrainingSession, trainingService } from '@sim/training/training.service';
import { openInPagePort } from '@sim/runtime/worker.port';
import { scoreStoredModel } from '@sim/training/training.port';
import { trainingFailure, type TrainingReply } from '@sim/training/training.protocol';
import { defaultTrainingParams, type TrainingParams } from '@sim/training/training.data';

beforeAll(useCpuBackend);

const params: TrainingParams = { ...defaultTrainingParams, datasetSize: 300, epochs: 5, seed: 3 };

function harness() {
	const replies: TrainingReply[] = [];
	const session = createTrainingSession((reply) => replies.push(reply));
	const types = () => replies.map((r) => (r.type === 'epoch' && r.finished ? 'finished' : r.type));
	return { session, replies, types };
}

const inPage = (onReply: (reply: TrainingReply) => void) =>
	openInPagePort(() => Promise.resolve(trainingService), onReply, trainingFailure);

describe('createTrainingSession', () => {
	test('configures, trains one epoch per request and finishes with a result', () => {
		const { session, replies, types } = harness();
		session.handle({ type: 'configure', params });
		expect(replies[0]).toMatchObject({
			type: 'ready',
			trainRows: 180,
			validationRows: 60,
			testRows: 60,
		});
		for (let i = 0; i < 5; i++) session.handle({ type: 'epoch' });
		expect(types()).toEqual(['ready', 'epoch', 'epoch', 'epoch', 'epoch', 'finished']);
		const last = replies.at(-1);
		if (last?.type !== 'epoch' || !last.finished) throw new Error('not finished');
		expect(last.finished.result.reason).toBe('completed');
		expect(last.finished.result.artifact.layers).toHaveLength(2);
		// A finished run frees its tensors; another epoch is refused with a message.
		expect(tf.memory().numTensors).toBe(0);
		session.handle({ type: 'epoch' });
		expect(replies.at(-1)).toEqual({
			type: 'error',
			message: 'Cannot train: no model is configured.',
		});
	});

	test('applies a new learning rate to the next epoch', () => {
		const { session, replies } = harness();
		session.handle({ type: 'configure', params });
		session.handle({ type: 'epoch' });
		session.handle({ type: 'setLearningRate', learningRate: 0.02 });
		session.handle({ type: 'epoch' });
		const rates = replies.flatMap((r) => (r.type === 'epoch' ? [r.metrics.learningRate] : []));
		expect(rates).toEqual([0.1, 0.02]);
		session.handle({ type: 'setLearningRate', learningRate: -1 });
		expect(replies.at(-1)).toEqual({
			type: 'error',
			message: 'The learning rate must be a positive number.',
		});
		session.dispose();
		expect(tf.memory().numTensors).toBe(0);
	});

	test('replays a recorded learning rate per epoch when configured with one', () => {
		const { session, replies } = harness();
		session.handle({ type: 'configure', params, learningRateByEpoch: [0.1, 0.3, 0.05] });
		for (let i = 0; i < 3; i++) session.handle({ type: 'epoch' });
		const rates = replies.flatMap((r) => (r.type === 'epoch' ? [r.metrics.learningRate] : []));
		expect(rates).toEqual([0.1, 0.3, 0.05]);
		session.dispose();
	});

	test('answers bad configurations with a message instead of throwing', () => {
		const { session, replies } = harness();
		session.handle({ type: 'configure', params: { ...params, datasetSize: 0 } });
		expect(replies.at(-1)).toEqual({
			type: 'error',
			message:
				'Training failed: Too little data: every split needs records. Use a larger dataset or smaller validation and test shares.',
		});
	});

	test('re-scores a stored model to exactly the test metrics it was trained to', () => {
		const { session, replies } = harness();
		session.handle({ type: 'configure', params: { ...params, epochs: 2 } });
		session.handle({ type: 'epoch' });
		session.handle({ type: 'epoch' });
		const last = replies.at(-1);
		if (last?.type !== 'epoch' || !last.finished) throw new Error('not finished');
		const { artifact, test } = last.finished.result;
		session.handle({ type: 'score', params: { ...params, epochs: 2 }, artifact });
		const scored = replies.at(-1);
		if (scored?.type !== 'scored') throw new Error('not scored');
		expect(scored.testRows).toBe(60);
		expect(scored.metrics.accuracy).toBe(test.accuracy);
		expect(scored.metrics.auc).toBe(test.auc);
	});
});

describe('the trainer on the page', () => {
	test('speaks the same protocol asynchronously and frees its tensors when terminated', async () => {
		const replies: TrainingReply[] = [];
		const port = inPage((reply) => replies.push(reply));
		port.post({ type: 'configure', params: { ...params, model: 'mlp' } });
		port.post({ type: 'epoch' });
		expect(replies).toEqual([]);
		await expect.poll(() => replies.length).toBe(2);
		expect(replies.map((r) => r.type)).toEqual(['ready', 'epoch']);
		expect(tf.memory().numTensors).toBeGreaterThan(0);
		port.terminate();
		await expect.poll(() => tf.memory().numTensors).toBe(0);
	});

	test('scoreStoredModel answers through a trainer of its own', async () => {
		const { session, replies } = harness();
		session.handle({ type: 'configure', params: { ...params, epochs: 1 } });
		session.handle({ type: 'epoch' });
		const last = replies.at(-1);
		if (last?.type !== 'epoch' || !last.finished) throw new Error('not finished');
		const scored = await scoreStoredModel(
			{ ...params, epochs: 1 },
			last.finished.result.artifact,
			inPage,
		);
		expect(scored.metrics.accuracy).toBe(last.finished.result.test.accuracy);
	});
});
