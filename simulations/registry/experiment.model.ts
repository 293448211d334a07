/**
 * Experiment tracking as pure rules: the run record, how one is built from a finished run,
 * sorting and filtering for a run table, parameter differences for comparing runs, the
 * reproduction check, and CSV/JSON export. No storage and no validation library: the site reads
 * stored records back through its own parser, and a headless pipeline (the retraining lab) logs
 * runs with the same functions the training lab uses.
 */
import type { ClassificationMetrics } from '../training/metrics';
import type { TrainingParams } from '../training/training.data';
import type { EpochMetrics, RunResult } from '../training/training.model';

/** How a run ended. */
export type RunStatus = 'completed' | 'earlyStopped' | 'diverged' | 'stopped' | 'failed';

/** Every status, in the order run tables list them. */
export const runStatuses: readonly RunStatus[] = [
	'completed',
	'earlyStopped',
	'diverged',
	'stopped',
	'failed',
];

/** One logged training run. */
export interface RunRecord {
	id: string;
	number: number;
	/** ISO time the run started. */
	startedAt: string;
	status: RunStatus;
	params: TrainingParams;
	dataVersion: string;
	codeVersion: string;
	epochs: EpochMetrics[];
	/** Test metrics of a run that produced a model; null otherwise. */
	final: ClassificationMetrics | null;
	bestEpoch: number | null;
	durationMs: number;
	learningRateChanges: { epoch: number; learningRate: number }[];
	error: string | null;
	/** The run this one reproduced, if any. */
	reproducedFrom: string | null;
	/** True when the run's model artifact was stored with it. */
	hasArtifact: boolean;
}

/** What a finished (or stopped) run reported, as the lab's machine holds it. */
export interface RunOutcome {
	readonly params: TrainingParams;
	readonly dataVersion: string;
	readonly epochs: readonly EpochMetrics[];
	readonly result: RunResult | null;
	readonly trainingDurationMs: number;
	readonly learningRateChanges: readonly { epoch: number; learningRate: number }[];
	readonly error: string | null;
}

/** Builds the record of a run that ended with `status`, numbered after the runs logged so far. */
export function buildRunRecord(
	outcome: RunOutcome,
	run: {
		readonly status: RunStatus;
		readonly startedAtMs: number;
		readonly nowMs: number;
		readonly codeVersion: string;
		readonly previous: readonly RunRecord[];
		readonly reproducedFrom: string | null;
	},
): RunRecord {
	const number = run.previous.reduce((max, r) => Math.max(max, r.number), 0) + 1;
	const produced = outcome.result !== null && outcome.result.reason !== 'diverged';
	return {
		id: `run-${run.nowMs.toString(36)}-${number}`,
		number,
		startedAt: new Date(run.startedAtMs).toISOString(),
		status: run.status,
		params: outcome.params,
		dataVersion: outcome.dataVersion,
		codeVersion: run.codeVersion,
		epochs: [...outcome.epochs],
		final: produced ? (outcome.result?.test ?? null) : null,
		bestEpoch: outcome.result?.bestEpoch ?? null,
		// A stopped run has no reported duration; its epochs' durations add up to it.
		durationMs:
			outcome.trainingDurationMs || outcome.epochs.reduce((s, e) => s + e.epochDurationMs, 0),
		learningRateChanges: [...outcome.learningRateChanges],
		error: outcome.error,
		reproducedFrom: run.reproducedFrom,
		hasArtifact: produced,
	};
}

/** Columns the run table can sort by. */
export type RunSortKey =
	| 'number'
	| 'status'
	| 'model'
	| 'learningRate'
	| 'epochs'
	| 'validationLoss'
	| 'testAccuracy'
	| 'testAuc'
	| 'durationMs';

/** Final validation loss (of the last epoch), NaN when there is none. */
export const lastValidationLoss = (run: RunRecord): number =>
	run.epochs.at(-1)?.validationLoss ?? Number.NaN;

function sortValue(run: RunRecord, key: RunSortKey): number | string {
	switch (key) {
		case 'number':
			return run.number;
		case 'status':
			return run.status;
		case 'model':
			return run.params.model;
		case 'learningRate':
			return run.params.learningRate;
		case 'epochs':
			return run.epochs.length;
		case 'validationLoss':
			return lastValidationLoss(run);
		case 'testAccuracy':
			return run.final?.accuracy ?? Number.NaN;
		case 'testAuc':
			return run.final?.auc ?? Number.NaN;
		case 'durationMs':
			return run.durationMs;
	}
}

/** Sorts a copy of `runs`; missing (NaN) values always go last. */
export function sortRuns(
	runs: readonly RunRecord[],
	key: RunSortKey,
	direction: 'ascending' | 'descending',
): RunRecord[] {
	const sign = direction === 'ascending' ? 1 : -1;
	return [...runs].sort((a, b) => {
		const x = sortValue(a, key);
		const y = sortValue(b, key);
		if (typeof x === 'number' && typeof y === 'number') {
			if (Number.isNaN(x) || Number.isNaN(y))
				return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
			return sign * (x - y) || a.number - b.number;
		}
		return sign * String(x).localeCompare(String(y)) || a.number - b.number;
	});
}

/** Filters runs by status and model ('all' keeps everything). */
export function filterRuns(
	runs: readonly RunRecord[],
	filter: { status: RunStatus | 'all'; model: TrainingParams['model'] | 'all' },
): RunRecord[] {
	return runs.filter(
		(r) =>
			(filter.status === 'all' || r.status === filter.status) &&
			(filter.model === 'all' || r.params.model === filter.model),
	);
}

/** Parameter names whose values differ between any of the runs. */
export function differingParams(runs: readonly RunRecord[]): (keyof TrainingParams)[] {
	const first = runs[0];
	if (!first) return [];
	return (Object.keys(first.params) as (keyof TrainingParams)[]).filter((key) =>
		runs.some((r) => r.params[key] !== first.params[key]),
	);
}

/** What a reproduction found: identical, or the differences that explain it. */
export interface ReproductionReport {
	identical: boolean;
	sameData: boolean;
	differingParams: (keyof TrainingParams)[];
	/** Metrics that changed, with both values. */
	metricChanges: { metric: string; original: number; reproduced: number }[];
}

/** Compares a reproduced run with its original. */
export function compareReproduction(
	original: RunRecord,
	reproduced: RunRecord,
): ReproductionReport {
	const metricChanges: ReproductionReport['metricChanges'] = [];
	const compare = (metric: string, a: number | undefined, b: number | undefined) => {
		const x = a ?? Number.NaN;
		const y = b ?? Number.NaN;
		if (!(Object.is(x, y) || x === y)) metricChanges.push({ metric, original: x, reproduced: y });
	};
	compare('epochs run', original.epochs.length, reproduced.epochs.length);
	compare('final validation loss', lastValidationLoss(original), lastValidationLoss(reproduced));
	compare('test accuracy', original.final?.accuracy, reproduced.final?.accuracy);
	compare('test AUC', original.final?.auc, reproduced.final?.auc);
	compare('test loss', original.final?.loss, reproduced.final?.loss);
	const params = differingParams([original, reproduced]);
	const sameData = original.dataVersion === reproduced.dataVersion;
	return {
		identical: metricChanges.length === 0 && sameData && params.length === 0,
		sameData,
		differingParams: params,
		metricChanges,
	};
}

const csvColumns: [string, (r: RunRecord) => string | number][] = [
	['run', (r) => r.number],
	['id', (r) => r.id],
	['started_at', (r) => r.startedAt],
	['status', (r) => r.status],
	['model', (r) => r.params.model],
	['hidden_units', (r) => r.params.hiddenUnits],
	['learning_rate', (r) => r.params.learningRate],
	['epochs_planned', (r) => r.params.epochs],
	['epochs_run', (r) => r.epochs.length],
	['batch_size', (r) => r.params.batchSize],
	['l2', (r) => r.params.l2],
	['validation_fraction', (r) => r.params.validationFraction],
	['test_fraction', (r) => r.params.testFraction],
	['label_noise', (r) => r.params.labelNoise],
	['dataset_size', (r) => r.params.datasetSize],
	['seed', (r) => r.params.seed],
	['patience', (r) => r.params.patience],
	['data_version', (r) => r.dataVersion],
	['code_version', (r) => r.codeVersion],
	['final_validation_loss', (r) => lastValidationLoss(r)],
	['test_loss', (r) => r.final?.loss ?? ''],
	['test_accuracy', (r) => r.final?.accuracy ?? ''],
	['test_precision', (r) => r.final?.precision ?? ''],
	['test_recall', (r) => r.final?.recall ?? ''],
	['test_f1', (r) => r.final?.f1 ?? ''],
	['test_auc', (r) => r.final?.auc ?? ''],
	['duration_ms', (r) => Math.round(r.durationMs)],
];

function csvCell(value: string | number): string {
	const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
	return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The runs as CSV, one row per run (per-epoch metrics are in the JSON export). */
export function runsToCsv(runs: readonly RunRecord[]): string {
	const header = csvColumns.map(([name]) => name).join(',');
	const rows = runs.map((r) => csvColumns.map(([, get]) => csvCell(get(r))).join(','));
	return [header, ...rows].join('\n') + '\n';
}

/** The runs as pretty JSON (NaN written as null). */
export function runsToJson(runs: readonly RunRecord[]): string {
	return JSON.stringify(
		{ format: 'mlops-lab-runs/1', runs },
		(_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v),
		2,
	);
}

/**
 * The settings that reproduce `run`: its parameters (with `dataSeed`, on differently drawn data)
 * and, when its learning rate was changed by hand, the rate of every epoch to replay.
 */
export function reproductionSettings(
	run: RunRecord,
	dataSeed?: number,
): { params: TrainingParams; learningRateByEpoch?: number[] } {
	const params = dataSeed === undefined ? { ...run.params } : { ...run.params, seed: dataSeed };
	return run.learningRateChanges.length > 0
		? { params, learningRateByEpoch: run.epochs.map((e) => e.learningRate) }
		: { params };
}
