import { describe, expect, test } from 'vitest';
import { openLabStore } from '@/lib/lab-store';
import { saveRun, saveVersions } from '@/lib/labs/training/training-store';
import { defaultTrainingParams, trainingDataVersion } from '@sim/training/training.data';
import {
	findProductionModel,
	loadProductionModel,
	productionNote,
} from '@/lib/labs/drift/production-model';
import { smallArtifact, storedRun } from '../training/run-fixture';

const artifact = smallArtifact();

async function storeWithProduction(stored: unknown) {
	const store = await openLabStore(undefined);
	await saveVersions(store, [
		{ version: 3, runId: 'run-7', stage: 'production', registeredAt: '2026-01-01', history: [] },
	]);
	if (stored !== undefined) await store.put('artifacts', 'run-7', stored);
	return store;
}

describe('the production model the drift lab serves', () => {
	test('a sound artifact is served, with its training data as the reference', async () => {
		const store = await storeWithProduction(artifact);
		const withoutRun = await findProductionModel(store);
		expect(withoutRun).toMatchObject({ status: 'ok', version: 3, training: null });
		expect(withoutRun.status === 'ok' && withoutRun.trainingNote).toBe(
			"The run of version 3 is no longer in the training lab's log, so its training data cannot be rebuilt and the world's reference stands in.",
		);
		const params = { ...defaultTrainingParams, seed: 5, datasetSize: 1000 };
		const run = storedRun({
			id: 'run-7',
			params,
			dataVersion: trainingDataVersion(params),
			hasArtifact: true,
		});
		await saveRun(store, run, null);
		const found = await findProductionModel(store);
		expect(found).toMatchObject({
			status: 'ok',
			version: 3,
			trainingNote: null,
			training: {
				version: 3,
				runId: 'run-7',
				dataVersion: trainingDataVersion(params),
				seed: 5,
				datasetSize: 1000,
			},
		});
		// A run whose logged data version this site no longer generates is not rebuilt.
		await saveRun(store, { ...run, dataVersion: '00000000' }, null);
		const stale = await findProductionModel(store);
		expect(stale).toMatchObject({ status: 'ok', training: null });
		expect(stale.status === 'ok' && stale.trainingNote).toMatch(/data version 00000000/);
		expect(productionNote(found)).toBeNull();
		expect(await loadProductionModel(store)).toMatchObject({ version: 3 });
	});

	test('deleted weights say so accurately, and the default model is served', async () => {
		const store = await storeWithProduction(undefined);
		const found = await findProductionModel(store);
		expect(found).toEqual({ status: 'missing', version: 3 });
		expect(productionNote(found)).toBe(
			'Version 3 is in production in the training lab, but its stored weights have been deleted, so the lab serves its default model. Promote another version, or retrain, in the training lab.',
		);
		expect(await loadProductionModel(store)).toBeNull();
	});

	test('corrupt weights are named, and the default model is served', async () => {
		const store = await storeWithProduction({
			...artifact,
			layers: [{ ...artifact.layers[0], weights: [1] }],
		});
		const found = await findProductionModel(store);
		expect(found.status).toBe('corrupt');
		expect(productionNote(found)).toMatch(
			/^Version 3 is in production in the training lab, but its stored weights are damaged \(layer 1's weights has 1 numbers, expected \d+\), so the lab serves its default model instead\./,
		);
		expect(await loadProductionModel(store)).toBeNull();
	});

	test('no production version: the default model, said plainly', async () => {
		const store = await openLabStore(undefined);
		const found = await findProductionModel(store);
		expect(found).toEqual({ status: 'none' });
		expect(productionNote(found)).toMatch(/^No model is in production/);
	});
});
