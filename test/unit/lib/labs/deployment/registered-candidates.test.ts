/**
 * The learner's registered versions as deployment candidates, read from a stored registry the way
 * the training lab writes it: every stage offered, labelled with the run's logged accuracy, and a
 * sentence for each version whose weights are gone or damaged, or whose entry cannot be read.
 */
import { describe, expect, test } from 'vitest';
import type { ModelVersion } from '@sim/registry/registry.model';
import { openLabStore } from '@/lib/lab-store';
import { saveRun, saveVersions } from '@/lib/labs/training/training-store';
import {
	loadRegisteredOffer,
	loggedAccuracy,
	registeredLabel,
	registeredOption,
} from '@/lib/labs/deployment/registered-candidates';
import { smallArtifact, storedRun } from '../training/run-fixture';

const artifact = smallArtifact();
const version = (n: number, stage: ModelVersion['stage'], runId = `run-${n}`): ModelVersion => ({
	version: n,
	runId,
	stage,
	registeredAt: '2026-01-01',
	history: [],
});
const testMetrics = {
	loss: 0.4,
	accuracy: 0.8125,
	precision: 0.7,
	recall: 0.6,
	f1: 0.65,
	auc: 0.85,
	confusion: { truePositive: 1, falsePositive: 1, trueNegative: 1, falseNegative: 1 },
};

describe('a registered version as a candidate', () => {
	test('labels name the stage and the logged accuracy: test, else the best epoch’s validation', () => {
		const withTest = storedRun({ final: testMetrics });
		expect(loggedAccuracy(withTest)).toEqual({ kind: 'test', value: 0.8125 });
		expect(registeredLabel(version(3, 'staging'), withTest)).toBe(
			'Your model v3 (staging, test accuracy 0.81)',
		);
		const stopped = storedRun({ bestEpoch: 1 }, { validationAccuracy: 0.744 });
		expect(registeredLabel(version(4, 'none'), stopped)).toBe(
			'Your model v4 (no stage, validation accuracy 0.74)',
		);
		expect(registeredLabel(version(5, 'archived'), storedRun({ epochs: [] }))).toBe(
			'Your model v5 (archived, no accuracy logged)',
		);
		expect(registeredLabel(version(6, 'production'), null)).toBe(
			'Your model v6 (production, its run is no longer logged)',
		);
	});

	test('the option carries the weights; missing or damaged weights give a sentence', () => {
		expect(registeredOption(version(3, 'staging'), null, artifact, null)).toEqual({
			id: 'registered-3',
			label: 'Your model v3 (staging, its run is no longer logged)',
			candidate: { kind: 'registered', version: 3, stage: 'staging', artifact },
		});
		expect(registeredOption(version(3, 'staging'), null, undefined, undefined)).toEqual({
			note: 'Your model v3 is registered but its stored weights are gone, so it cannot be deployed.',
		});
		expect(registeredOption(version(3, 'staging'), null, {}, 'the encoder is missing')).toEqual({
			note: 'Your model v3 cannot be deployed: its stored weights are damaged (the encoder is missing).',
		});
	});

	test('the offer reads every stage from the store and explains what it leaves out', async () => {
		const store = await openLabStore(undefined);
		await saveRun(
			store,
			storedRun({ id: 'run-1', final: testMetrics, hasArtifact: true }),
			artifact,
		);
		await saveRun(store, storedRun({ id: 'run-2' }), null);
		await store.put('artifacts', 'run-3', { ...artifact, layers: [] });
		await store.put('artifacts', 'run-4', artifact);
		await saveVersions(store, [
			version(1, 'production'),
			version(2, 'staging'),
			version(3, 'none'),
			version(4, 'archived'),
		]);
		await store.put('registry', 'v9', { version: 'nine' });
		const offer = await loadRegisteredOffer(store);
		expect(offer.options.map((o) => [o.id, o.label])).toEqual([
			['registered-1', 'Your model v1 (production, test accuracy 0.81)'],
			['registered-4', 'Your model v4 (archived, its run is no longer logged)'],
		]);
		expect(offer.notes).toEqual([
			'Registry entry is not valid: version should be a whole number; that entry is not offered.',
			'Your model v2 is registered but its stored weights are gone, so it cannot be deployed.',
			'Your model v3 cannot be deployed: its stored weights are damaged (the stored model has no layers).',
		]);
	});

	test('an empty registry offers nothing and says nothing', async () => {
		const store = await openLabStore(undefined);
		expect(await loadRegisteredOffer(store)).toEqual({ options: [], notes: [] });
	});
});
