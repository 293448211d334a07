import { describe, expect, test } from 'vitest';
import {
	allowedStages,
	lineageOf,
	productionVersion,
	promotionDecision,
	moveToStage,
	registerVersion,
	type ModelVersion,
} from '@sim/registry/registry.model';
import { parseModelVersion } from '@/lib/labs/training/stored-records';

const at = '2026-11-23T05:00:00.000Z';

function registered(count: number): ModelVersion[] {
	let versions: ModelVersion[] = [];
	for (let i = 1; i <= count; i++) {
		const result = registerVersion(versions, `run-${i}`, at);
		if ('error' in result) throw new Error(result.error);
		versions = result.versions;
	}
	return versions;
}

function move(versions: ModelVersion[], version: number, stage: ModelVersion['stage']) {
	const result = moveToStage(versions, version, stage, at);
	if ('error' in result) throw new Error(result.error);
	return result;
}

describe('registerVersion', () => {
	test('numbers versions in order, starting in stage none, and refuses duplicates', () => {
		const versions = registered(2);
		expect(versions.map((v) => [v.version, v.runId, v.stage])).toEqual([
			[1, 'run-1', 'none'],
			[2, 'run-2', 'none'],
		]);
		expect(registerVersion(versions, 'run-1', at)).toEqual({
			error: 'This run is already registered as version 1.',
		});
	});
});

describe('moveToStage', () => {
	test('moves forward through the stages and refuses skipping or going back', () => {
		let versions = registered(1);
		expect(moveToStage(versions, 1, 'production', at)).toEqual({
			error: 'Version 1 cannot move from none to production.',
		});
		versions = move(versions, 1, 'staging').versions;
		versions = move(versions, 1, 'production').versions;
		expect(moveToStage(versions, 1, 'staging', at)).toHaveProperty('error');
		versions = move(versions, 1, 'archived').versions;
		expect(versions[0]?.history.map((h) => h.stage)).toEqual([
			'none',
			'staging',
			'production',
			'archived',
		]);
		expect(allowedStages('archived')).toEqual([]);
		expect(moveToStage(versions, 7, 'staging', at)).toEqual({ error: 'There is no version 7.' });
	});

	test('keeps one production version: promoting another archives the old one', () => {
		let versions = registered(2);
		versions = move(versions, 1, 'staging').versions;
		versions = move(versions, 1, 'production').versions;
		versions = move(versions, 2, 'staging').versions;
		const { versions: after, changed } = move(versions, 2, 'production');
		expect(after.map((v) => v.stage)).toEqual(['archived', 'production']);
		expect(changed.map((v) => v.version).sort()).toEqual([1, 2]);
		expect(after.filter((v) => v.stage === 'production')).toHaveLength(1);
	});
});

describe('parseModelVersion', () => {
	test('accepts stored entries and rejects unknown stages', () => {
		const [entry] = registered(1);
		expect(parseModelVersion(JSON.parse(JSON.stringify(entry)))).toEqual({ version: entry });
		expect(parseModelVersion({ ...entry, stage: 'canary' })).toHaveProperty('error');
	});
});

describe('lineage and promotion', () => {
	test('a version’s lineage comes from the run it was registered from', () => {
		const [version] = registered(1);
		if (!version) throw new Error('no version');
		const runs = [{ id: 'run-1', dataVersion: 'd1', codeVersion: 'c1', reproducedFrom: 'run-0' }];
		expect(lineageOf(version, runs)).toEqual({
			version: 1,
			runId: 'run-1',
			dataVersion: 'd1',
			codeVersion: 'c1',
			reproducedFrom: 'run-0',
		});
		expect(lineageOf(version, []).dataVersion).toBeNull();
		expect(productionVersion(registered(2))).toBeNull();
	});

	test('a challenger replaces the champion only by the required margin', () => {
		const rule = { metric: 'auc', minImprovement: 0.01 } as const;
		const champion = { accuracy: 0.8, auc: 0.85, f1: 0.6 };
		expect(promotionDecision(rule, { ...champion, auc: 0.865 }, champion)).toEqual({
			promote: true,
			reason: 'auc improves by 0.015.',
		});
		expect(promotionDecision(rule, { ...champion, auc: 0.855 }, champion)).toEqual({
			promote: false,
			reason: 'auc changes by 0.005, less than the 0.01 required.',
		});
		expect(promotionDecision(rule, champion, null).promote).toBe(true);
		expect(promotionDecision(rule, { ...champion, auc: Number.NaN }, null).promote).toBe(false);
	});
});
