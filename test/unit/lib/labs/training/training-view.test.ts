import { describe, expect, test } from 'vitest';
import { initialTransition } from 'xstate';
import { reproductionSettings, trainingMachine, type RunRecord } from '@sim/labs/training';
import {
	comparisonEpochs,
	curveMarkers,
	endedRunStatus,
	parametersSummary,
	saferLearningRate,
	trainingAnnouncement,
	trainingEnabledEvents,
	trainingStateName,
	trainingStatus,
} from '@/lib/labs/training/training-view';

const [idle] = initialTransition(trainingMachine, undefined);
const epoch = (n: number, validationLoss: number) => ({
	epoch: n,
	trainLoss: 0.5,
	trainAccuracy: 0.8,
	validationLoss,
	validationAccuracy: 0.7,
	learningRate: 0.1,
	epochDurationMs: 2,
});

describe('training view', () => {
	test('names states and words the status for each', () => {
		expect(trainingStateName('idle')).toBe('idle');
		expect(trainingStateName({ session: 'paused' })).toBe('session.paused');
		expect(trainingStatus('idle', idle.context)).toBe(
			'Ready to train. Choose parameters, then press Train.',
		);
		const context = { ...idle.context, epochs: [epoch(1, 0.61234), epoch(2, 0.5)] };
		expect(trainingStatus('session.training', context)).toBe(
			`Training: epoch 2 of ${idle.context.params.epochs}, validation loss 0.5.`,
		);
		expect(trainingStatus('failed', { ...context, error: 'boom' })).toBe('Failed: boom');
	});

	test('announces every tenth epoch only, and the end with the status', () => {
		const nine = { ...idle.context, epochs: Array.from({ length: 9 }, (_, i) => epoch(i + 1, 1)) };
		expect(trainingAnnouncement('session.training', nine, [])).toBe(
			`Training started: ${idle.context.params.epochs} epochs.`,
		);
		const ten = { ...nine, epochs: [...nine.epochs, epoch(10, 0.25)] };
		expect(trainingAnnouncement('session.training', ten, [])).toBe(
			`Training: 10 of ${idle.context.params.epochs} epochs done, validation loss 0.25.`,
		);
		expect(trainingAnnouncement('stopped', ten, [])).toBe('Stopped after epoch 10.');
	});

	test('marks learning-rate changes and the lowest validation loss of an over-fitted run', () => {
		const context = {
			...idle.context,
			epochs: [epoch(1, 0.6), epoch(2, 0.4), epoch(3, 0.5)],
			learningRateChanges: [{ epoch: 1, learningRate: 0.01 }],
		};
		expect(curveMarkers(context, [{ kind: 'overfitting', text: 'x' }])).toEqual([
			{ x: 1.5, label: 'lr 0.01' },
			{ x: 2, label: 'lowest validation loss', color: 'var(--chart-3)' },
		]);
		expect(curveMarkers(context, [])).toEqual([{ x: 1.5, label: 'lr 0.01' }]);
	});

	test('summarises parameters, offers a rate ten times smaller, and spans compared runs', () => {
		expect(parametersSummary(idle.context)).toContain(`seed ${idle.context.params.seed}`);
		expect(saferLearningRate(100)).toBe(10);
		expect(saferLearningRate(0.03)).toBe(0.003);
		expect(saferLearningRate(0.001)).toBe(0.001);
		const runs = [{ epochs: [epoch(1, 1)] }, { epochs: [epoch(1, 1), epoch(2, 1)] }];
		expect(comparisonEpochs(runs as RunRecord[])).toEqual([1, 2]);
	});

	test('names how a run ended, for the log', () => {
		expect(endedRunStatus('completed', null)).toBe('completed');
		expect(endedRunStatus('stopped', null)).toBe('stopped');
		expect(endedRunStatus('session.training', null)).toBeNull();
	});

	test('reproduces hand-changed learning rates epoch by epoch', () => {
		const run = {
			params: idle.context.params,
			epochs: [epoch(1, 1), { ...epoch(2, 1), learningRate: 0.01 }],
			learningRateChanges: [{ epoch: 1, learningRate: 0.01 }],
		} as unknown as RunRecord;
		expect(reproductionSettings(run)).toEqual({
			params: idle.context.params,
			learningRateByEpoch: [0.1, 0.01],
		});
		expect(reproductionSettings({ ...run, learningRateChanges: [] }, 7)).toEqual({
			params: { ...idle.context.params, seed: 7 },
		});
	});
});

describe('trainingEnabledEvents', () => {
	test('before a run: start, step and configure are possible; pause and stop are not', () => {
		const events = trainingEnabledEvents(idle, idle.context.params);
		expect(events).toEqual(expect.arrayContaining(['playback.start', 'playback.step']));
		expect(events).toContain('training.configure');
		expect(events).not.toContain('playback.pause');
		expect(events).not.toContain('training.stop');
	});
});
