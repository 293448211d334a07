import { describe, expect, test } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import type { ModelArtifact } from '@sim/index';
import { openLabStore } from '@/lib/lab-store';
import {
	loadArtifact,
	loadTrainingState,
	saveRun,
	saveVersions,
} from '@/lib/labs/training/training-store';
import { storedRun } from './run-fixture';

// A diverged run: its NaN losses must survive storage.
const run = storedRun(
	{ id: 'run-a', status: 'diverged', codeVersion: 'test/1', hasArtifact: true },
	{
		trainLoss: Number.NaN,
		trainAccuracy: 0.5,
		validationLoss: Number.NaN,
		validationAccuracy: 0.5,
		learningRate: 100,
	},
);
const artifact: ModelArtifact = {
	format: 'churn-model/1',
	kind: 'logistic',
	layers: [],
	encoder: { numeric: [], categorical: [], columns: [] },
};

describe('training store', () => {
	test('keeps runs, artifacts and registry across reopenings; reports damaged entries', async () => {
		const factory = new IDBFactory();
		const store = await openLabStore(factory);
		await saveRun(store, run, artifact);
		await saveVersions(store, [
			{ version: 1, runId: 'run-a', stage: 'none', registeredAt: run.startedAt, history: [] },
		]);
		await store.put('runs', 'run-broken', { id: 'run-broken' });
		store.close();

		const reopened = await openLabStore(factory);
		const state = await loadTrainingState(reopened);
		expect(state.runs).toHaveLength(1);
		expect(state.runs[0]?.epochs[0]?.trainLoss).toBeNaN();
		expect(state.versions.map((v) => v.runId)).toEqual(['run-a']);
		expect(state.problems).toHaveLength(1);
		expect(state.problems[0]).toMatch(/^Run record is not valid/);
		// The damaged entry is reported, not deleted.
		expect(await reopened.get('runs', 'run-broken')).toEqual({ id: 'run-broken' });
		expect(await loadArtifact(reopened, 'run-a')).toEqual(artifact);
		expect(await loadArtifact(reopened, 'run-missing')).toBeNull();
		reopened.close();
	});
});
