/**
 * A stored training run for the store and reader tests: one logged epoch, no artifact, no final
 * metrics. Tests change what they are about through `overrides` (and the epoch's figures through
 * `epoch`), so each shows only what matters to it.
 */
import { defaultTrainingParams, type EpochMetrics, type RunRecord } from '@sim/labs/training';

export function storedRun(
	overrides: Partial<RunRecord> = {},
	epoch: Partial<EpochMetrics> = {},
): RunRecord {
	return {
		id: 'run-1',
		number: 1,
		startedAt: '2026-11-23T05:00:00.000Z',
		status: 'completed',
		params: { ...defaultTrainingParams },
		dataVersion: 'aaaa0001',
		codeVersion: 'abc1234',
		epochs: [
			{
				epoch: 1,
				trainLoss: 0.5,
				trainAccuracy: 0.8,
				validationLoss: 0.6,
				validationAccuracy: 0.7,
				learningRate: 0.1,
				epochDurationMs: 4,
				...epoch,
			},
		],
		final: null,
		bestEpoch: null,
		durationMs: 4,
		learningRateChanges: [],
		error: null,
		reproducedFrom: null,
		hasArtifact: false,
		...overrides,
	};
}
