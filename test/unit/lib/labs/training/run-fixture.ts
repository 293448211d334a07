/**
 * A stored training run for the store and reader tests: one logged epoch, no artifact, no final
 * metrics. Tests change what they are about through `overrides` (and the epoch's figures through
 * `epoch`), so each shows only what matters to it. Beside it, a small sound model artifact for
 * the tests that store weights (trained once, on first use).
 */
import { defaultTrainingParams, type EpochMetrics, type RunRecord } from '@sim/labs/training';
import { trainDefaultModel } from '@sim/serving/serving.model';
import type { ModelArtifact } from '@sim/training/artifact';
import { createWorld, generateDataset } from '@sim/world/world.model';

let artifact: ModelArtifact | undefined;

/** The default model fitted on 300 rows of the world (seed 2): sound weights to store. */
export function smallArtifact(): ModelArtifact {
	artifact ??= trainDefaultModel(generateDataset(createWorld(), { size: 300, seed: 2 }).records, 2);
	return artifact;
}

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
