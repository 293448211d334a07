import { describe, expect, test } from 'vitest';
import { parseModelVersion, parseRunRecord } from '@/lib/labs/training/stored-records';
import { storedRun } from './run-fixture';

const run = storedRun();

describe('stored record readers', () => {
	test('rebuild a record with its known fields only', () => {
		expect(parseRunRecord({ ...run, extra: 'dropped' })).toEqual({ run });
	});

	test('name the first field that is wrong, nested paths included', () => {
		const epochs = [{ ...run.epochs[0], trainAccuracy: 'high' }];
		expect(parseRunRecord({ ...run, epochs })).toEqual({
			error: 'Run record is not valid: epochs.0.trainAccuracy should be a number',
		});
		expect(parseRunRecord({ ...run, params: { ...run.params, model: 'forest' } })).toEqual({
			error: 'Run record is not valid: params.model should be one of logistic, mlp',
		});
		expect(parseRunRecord(null)).toEqual({
			error: 'Run record is not valid: value should be an object',
		});
	});

	test('a stored NaN or a null loss reads back as NaN; a NaN accuracy is refused', () => {
		const nan = { ...run.epochs[0], validationLoss: Number.NaN, trainLoss: null };
		const parsed = parseRunRecord({ ...run, epochs: [nan] });
		if (!('run' in parsed)) throw new Error(parsed.error);
		expect(parsed.run.epochs[0]?.trainLoss).toBeNaN();
		expect(parsed.run.epochs[0]?.validationLoss).toBeNaN();
		const bad = { ...run.epochs[0], trainAccuracy: Number.NaN };
		expect(parseRunRecord({ ...run, epochs: [bad] })).toHaveProperty('error');
	});

	test('registry entries need a positive whole version and a known stage', () => {
		const entry = {
			version: 1,
			runId: 'run-1',
			stage: 'staging',
			registeredAt: 'x',
			history: [{ stage: 'none', at: 'x' }],
		};
		expect(parseModelVersion(entry)).toEqual({ version: entry });
		expect(parseModelVersion({ ...entry, version: 0 })).toEqual({
			error: 'Registry entry is not valid: version should be a positive whole number',
		});
		expect(parseModelVersion({ ...entry, history: [{ stage: 'canary', at: 'x' }] })).toEqual({
			error:
				'Registry entry is not valid: history.0.stage should be one of none, staging, production, archived',
		});
	});
});
