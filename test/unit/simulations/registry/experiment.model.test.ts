import { describe, expect, test } from 'vitest';
import { defaultTrainingParams } from '@sim/index';
import {
	compareReproduction,
	differingParams,
	filterRuns,
	runsToCsv,
	runsToJson,
	sortRuns,
	type RunRecord,
} from '@sim/registry/experiment.model';
import { parseRunRecord } from '@/lib/labs/training/stored-records';

const run = (number: number, overrides: Partial<RunRecord> = {}): RunRecord => ({
	id: `run-${number}`,
	number,
	startedAt: '2026-11-23T05:00:00.000Z',
	status: 'completed',
	params: { ...defaultTrainingParams },
	dataVersion: 'aaaa0001',
	codeVersion: 'test/1',
	epochs: [
		{
			epoch: 1,
			trainLoss: 0.6,
			trainAccuracy: 0.7,
			validationLoss: 0.5 + number / 100,
			validationAccuracy: 0.75,
			learningRate: 0.1,
			epochDurationMs: 10,
		},
	],
	final: {
		loss: 0.5,
		accuracy: 0.8,
		precision: 0.7,
		recall: 0.6,
		f1: 0.646,
		auc: 0.8 + number / 100,
		confusion: { truePositive: 1, falsePositive: 2, trueNegative: 3, falseNegative: 4 },
	},
	bestEpoch: 1,
	durationMs: 1234.5,
	learningRateChanges: [],
	error: null,
	reproducedFrom: null,
	hasArtifact: true,
	...overrides,
});

describe('parseRunRecord', () => {
	test('accepts a valid run and turns stored nulls back into NaN', () => {
		const stored = JSON.parse(runsToJson([run(1, { final: null, status: 'diverged' })])) as {
			runs: unknown[];
		};
		const first = stored.runs[0] as { epochs: { trainLoss: unknown }[] };
		(first.epochs[0] as { trainLoss: unknown }).trainLoss = null;
		const parsed = parseRunRecord(first);
		if (!('run' in parsed)) throw new Error(parsed.error);
		expect(parsed.run.epochs[0]?.trainLoss).toBeNaN();
		expect(parsed.run.status).toBe('diverged');
	});

	test('answers a damaged record with a message naming the field', () => {
		expect(parseRunRecord({ ...run(1), status: 'exploded' })).toEqual({
			error: expect.stringContaining('status') as string,
		});
		expect(parseRunRecord('nonsense')).toHaveProperty('error');
	});
});

describe('sortRuns and filterRuns', () => {
	test('sorts by a metric both ways, missing values last', () => {
		const runs = [run(2), run(1), run(3, { final: null, status: 'stopped' })];
		expect(sortRuns(runs, 'testAuc', 'descending').map((r) => r.number)).toEqual([2, 1, 3]);
		expect(sortRuns(runs, 'testAuc', 'ascending').map((r) => r.number)).toEqual([1, 2, 3]);
		expect(sortRuns(runs, 'status', 'ascending').map((r) => r.number)).toEqual([1, 2, 3]);
	});

	test('filters by status and model', () => {
		const runs = [
			run(1),
			run(2, { status: 'diverged' }),
			run(3, { params: { ...defaultTrainingParams, model: 'logistic' } }),
		];
		expect(filterRuns(runs, { status: 'completed', model: 'all' }).map((r) => r.number)).toEqual([
			1, 3,
		]);
		expect(filterRuns(runs, { status: 'all', model: 'logistic' }).map((r) => r.number)).toEqual([
			3,
		]);
	});
});

describe('differingParams and compareReproduction', () => {
	test('lists the parameters that differ', () => {
		const a = run(1);
		const b = run(2, { params: { ...defaultTrainingParams, seed: 7, l2: 0.01 } });
		expect(differingParams([a, b])).toEqual(['l2', 'seed']);
		expect(differingParams([a, run(3)])).toEqual([]);
	});

	test('calls a faithful reproduction identical', () => {
		const original = run(1);
		const again = { ...run(1), id: 'run-9', number: 9, reproducedFrom: 'run-1' };
		expect(compareReproduction(original, again)).toEqual({
			identical: true,
			sameData: true,
			differingParams: [],
			metricChanges: [],
		});
	});

	test('explains a reproduction on other data', () => {
		const original = run(1);
		const changed = run(2, {
			dataVersion: 'bbbb0002',
			params: { ...defaultTrainingParams, datasetSize: 3000 },
		});
		const report = compareReproduction(original, changed);
		expect(report.identical).toBe(false);
		expect(report.sameData).toBe(false);
		expect(report.differingParams).toEqual(['datasetSize']);
		expect(report.metricChanges.map((c) => c.metric)).toEqual([
			'final validation loss',
			'test AUC',
		]);
	});
});

describe('exports', () => {
	test('CSV has a header and one escaped row per run', () => {
		const csv = runsToCsv([run(1, { id: 'run,"odd"' })]);
		const [header, row] = csv.trimEnd().split('\n');
		expect(header?.split(',')).toHaveLength(27);
		expect(header?.startsWith('run,id,started_at,status,model')).toBe(true);
		expect(row?.startsWith('1,"run,""odd""",2026-11-23T05:00:00.000Z,completed,mlp,8,0.1')).toBe(
			true,
		);
		expect(row?.endsWith(',1235')).toBe(true);
	});

	test('JSON round-trips through the parser', () => {
		const parsed = JSON.parse(runsToJson([run(1), run(2)])) as { format: string; runs: unknown[] };
		expect(parsed.format).toBe('mlops-lab-runs/1');
		expect(parsed.runs.map((r) => parseRunRecord(r))).toEqual([{ run: run(1) }, { run: run(2) }]);
	});
});
