import { describe, expect, test } from 'vitest';
import { trainDefaultModel } from '@sim/serving/serving.model';
import { createWorld, generateDataset } from '@sim/world/world.model';
import { openLabStore } from '@/lib/lab-store';
import { saveVersions } from '@/lib/labs/training/training-store';
import {
	findProductionModel,
	loadProductionModel,
	productionNote,
} from '@/lib/labs/drift/production-model';

const artifact = trainDefaultModel(
	generateDataset(createWorld(), { size: 300, seed: 2 }).records,
	2,
);

async function storeWithProduction(stored: unknown) {
	const store = await openLabStore(undefined);
	await saveVersions(store, [
		{ version: 3, runId: 'run-7', stage: 'production', registeredAt: '2026-01-01', history: [] },
	]);
	if (stored !== undefined) await store.put('artifacts', 'run-7', stored);
	return store;
}

describe('the production model the drift lab serves', () => {
	test('a sound artifact is served', async () => {
		const store = await storeWithProduction(artifact);
		const found = await findProductionModel(store);
		expect(found).toMatchObject({ status: 'ok', version: 3 });
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
