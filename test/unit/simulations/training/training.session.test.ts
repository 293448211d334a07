import { beforeAll, describe, expect, test } from 'vitest';
import { tf, useCpuBackend } from '@sim/shared/tf-backend';
import { createTrainingSession } from '@sim/training/training.session';
import { openInPageTrainer } from '@sim/training/training.port';
import type { TrainingReport } from '@sim/training/training.messages';
import { defaultTrainingParams, type TrainingParams } from '@sim/training/training.data';

beforeAll(useCpuBackend);

const params: TrainingParams = { ...defaultTrainingParams, datasetSize: 300, epochs: 5, seed: 3 };

/** A session on a manual clock: `tick()` runs the next scheduled task. */
function harness() {
	const reports: TrainingReport[] = [];
	const tasks: { task: () => void; delayMs: number; cancelled: boolean }[] = [];
	const session = createTrainingSession({
		post: (report) => reports.push(report),
		schedule(task, delayMs) {
			const entry = { task, delayMs, cancelled: false };
			tasks.push(entry);
			return () => {
				entry.cancelled = true;
			};
		},
	});
	const pending = () => tasks.filter((t) => !t.cancelled);
	const tick = () => {
		const next = pending()[0];
		if (!next) return false;
		next.cancelled = true;
		next.task();
		return true;
	};
	const types = () => reports.map((r) => r.type);
	return { session, reports, tick, pending, types };
}

describe('createTrainingSession', () => {
	test('configures, runs every epoch on the schedule and finishes with a result', () => {
		const { session, reports, tick, pending, types } = harness();
		session.handle({ type: 'configure', params });
		expect(reports[0]).toMatchObject({
			type: 'ready',
			trainRows: 180,
			validationRows: 60,
			testRows: 60,
		});
		session.handle({ type: 'run', epochDelayMs: 25 });
		expect(pending()[0]?.delayMs).toBe(0);
		while (tick());
		expect(types()).toEqual(['ready', 'epoch', 'epoch', 'epoch', 'epoch', 'epoch', 'finished']);
		const finished = reports.at(-1);
		if (finished?.type !== 'finished') throw new Error('not finished');
		expect(finished.result.reason).toBe('completed');
		expect(finished.result.artifact.layers).toHaveLength(2);
		expect(tf.memory().numTensors).toBe(0);
	});

	test('waits epochDelayMs between epochs, pauses, steps exactly one epoch, and resumes', () => {
		const { session, tick, pending, types } = harness();
		session.handle({ type: 'configure', params });
		session.handle({ type: 'run', epochDelayMs: 40 });
		tick();
		expect(pending().map((t) => t.delayMs)).toEqual([40]);
		session.handle({ type: 'pause' });
		expect(pending()).toEqual([]);
		session.handle({ type: 'step' });
		expect(types().filter((t) => t === 'epoch')).toHaveLength(2);
		expect(pending()).toEqual([]);
		session.handle({ type: 'run', epochDelayMs: 0 });
		while (tick());
		expect(types().filter((t) => t === 'epoch')).toHaveLength(5);
		expect(types().at(-1)).toBe('finished');
	});

	test('applies a new learning rate to the next epoch', () => {
		const { session, reports } = harness();
		session.handle({ type: 'configure', params });
		session.handle({ type: 'step' });
		session.handle({ type: 'setLearningRate', learningRate: 0.02 });
		session.handle({ type: 'step' });
		const rates = reports.flatMap((r) => (r.type === 'epoch' ? [r.metrics.learningRate] : []));
		expect(rates).toEqual([0.1, 0.02]);
		session.handle({ type: 'setLearningRate', learningRate: -1 });
		expect(reports.at(-1)).toEqual({
			type: 'error',
			message: 'The learning rate must be a positive number.',
		});
		session.handle({ type: 'stop' });
	});

	test('replays a recorded learning rate per epoch when configured with one', () => {
		const { session, reports } = harness();
		session.handle({ type: 'configure', params, learningRateByEpoch: [0.1, 0.3, 0.05] });
		for (let i = 0; i < 3; i++) session.handle({ type: 'step' });
		const rates = reports.flatMap((r) => (r.type === 'epoch' ? [r.metrics.learningRate] : []));
		expect(rates).toEqual([0.1, 0.3, 0.05]);
		session.handle({ type: 'stop' });
	});

	test('stop frees every tensor and cancels the schedule', () => {
		const { session, pending, reports } = harness();
		session.handle({ type: 'configure', params: { ...params, model: 'mlp' } });
		session.handle({ type: 'run', epochDelayMs: 0 });
		expect(tf.memory().numTensors).toBeGreaterThan(0);
		session.handle({ type: 'stop' });
		expect(pending()).toEqual([]);
		expect(reports.at(-1)).toEqual({ type: 'stopped' });
		expect(tf.memory().numTensors).toBe(0);
	});

	test('answers commands out of order with a message instead of throwing', () => {
		const { session, reports } = harness();
		session.handle({ type: 'step' });
		session.handle({ type: 'run', epochDelayMs: 0 });
		expect(reports).toEqual([
			{ type: 'error', message: 'Cannot step: no model is configured.' },
			{ type: 'error', message: 'Cannot train: no model is configured.' },
		]);
		session.handle({ type: 'configure', params: { ...params, datasetSize: 0 } });
		expect(reports.at(-1)).toEqual({
			type: 'error',
			message:
				'Training failed: Too little data: every split needs records. Use a larger dataset or smaller validation and test shares.',
		});
	});
});

describe('openInPageTrainer', () => {
	test('speaks the same protocol asynchronously and stops cleanly', async () => {
		const reports: TrainingReport[] = [];
		const done = new Promise<void>((resolve) => {
			const port = openInPageTrainer((report) => {
				reports.push(report);
				if (report.type === 'finished') resolve();
			});
			port.post({ type: 'configure', params: { ...params, epochs: 3 } });
			port.post({ type: 'run', epochDelayMs: 0 });
			expect(reports).toEqual([]);
		});
		await done;
		expect(reports.map((r) => r.type)).toEqual(['ready', 'epoch', 'epoch', 'epoch', 'finished']);
		expect(tf.memory().numTensors).toBe(0);
	});
});
