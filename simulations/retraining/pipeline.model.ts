/**
 * One continuous-training run as data: extraction → validation → training → evaluation → gate →
 * registration → deployment, each step with a status in the vocabulary Kubeflow Pipelines and
 * Vertex AI Pipelines show (Pending, Running, Succeeded, Failed, Skipped), a duration, and its
 * inputs and outputs, so a view can draw the run as a step graph and the pipeline machine can
 * replay it. A data-quality break fails the validation step; a challenger that does not beat the
 * champion fails the gate; either way the remaining steps are Skipped and the run's outcome
 * (failed or rejected) carries the reason. Failures are outcomes, never exceptions.
 *
 * Key decision: what the lab kit will provide — the trainer (tfjs in a worker, or the plain
 * typed-array reference), the scorer and the version registry — is injected through small
 * function types, so this module runs headless in tests and the view wires it to the kit's
 * serving and registry code in a few lines. Durations are simulated minutes from a stated cost
 * model, not wall time, so a seeded year is identical on every machine.
 */
import { predictWithArtifact, type ModelArtifact } from '../training/artifact';
import {
	pipelineSteps,
	type PipelineOutcome,
	type PipelineStep,
	type PipelineStepId,
	type StepStatus,
	type StepValue,
} from './pipeline.steps';
import { encodeRecords } from '../world/encoding.model';
import { categoricalFeatureNames, type ChurnRecord } from '../world/world.model';
import type { Rng } from '../shared/rng';
import {
	describeAnomalies,
	MIN_TRAINING_EXAMPLES,
	validateExamples,
	type DataSchema,
	type ValidationReport,
} from './data-validation.model';
import {
	decideGate,
	sliceAccuracies,
	type GateConfig,
	type GateDecision,
	type SliceMetric,
} from './model-gate.model';
import {
	recencyWeight,
	windowBounds,
	type RunTrigger,
	type TrainingWindow,
} from './retraining.policy';

// The steps' names and types are part of the pipeline's API.
export * from './pipeline.steps';

/** The hyperparameters a challenger trains with. */
export interface RetrainParams {
	readonly learningRate: number;
	readonly batchSize: number;
	readonly epochs: number;
	/** Epochs when warm-starting from the champion (fewer: it starts close). */
	readonly warmStartEpochs: number;
	readonly l2: number;
	/** Rows sampled from the window for one run. */
	readonly trainingRows: number;
	readonly validationFraction: number;
}

/**
 * The training lab's defaults (`defaultTrainingParams`: learning rate 0.1, batch 32, 40 epochs,
 * no L2, 2,000 rows, 20 % validation); warm starts run a quarter of the epochs, which is what
 * makes incremental training the cheaper option in the retraining lesson.
 */
export const defaultRetrainParams: RetrainParams = {
	learningRate: 0.1,
	batchSize: 32,
	epochs: 40,
	warmStartEpochs: 10,
	l2: 0,
	trainingRows: 2000,
	validationFraction: 0.2,
};

/** What the trainer is asked to do. */
export interface TrainRequest {
	readonly records: readonly ChurnRecord[];
	readonly params: RetrainParams;
	/** The champion to start from, or null for a full retrain. */
	readonly warmStartFrom: ModelArtifact | null;
	readonly rng: Rng;
}

/** What the trainer returns. */
export interface TrainOutcome {
	readonly artifact: ModelArtifact;
	/** Rows × epochs actually processed: the run's compute. */
	readonly rowEpochs: number;
	readonly validationAccuracy: number;
	/** False when training diverged (a non-finite loss): the run fails at training. */
	readonly finite: boolean;
}

/** The trainer port: the kit's worker, or `plainLogisticTrainer` headless. */
export type TrainFunction = (request: TrainRequest) => TrainOutcome;

/** The scorer port: churn probabilities of records under a model. */
export type ScoreFunction = (
	artifact: ModelArtifact,
	records: readonly ChurnRecord[],
) => Float32Array;

/** Scores with the registry's plain-JSON artifact (no tfjs), as serving does. */
export const scoreWithArtifact: ScoreFunction = (artifact, records) =>
	predictWithArtifact(artifact, encodeRecords(artifact.encoder, records));

/** Where extraction reads labelled history (the kit's feature store stand-in). */
export interface LabelledSource {
	/** Labelled records of days `fromDay`..`toDay` as the pipeline reads them. */
	rows(fromDay: number, toDay: number): readonly ChurnRecord[];
	/** How many labelled records days `fromDay`..`toDay` hold. */
	count(fromDay: number, toDay: number): number;
	/** The records at sorted positions `indices` of the window `fromDay`..`toDay`. */
	pick(fromDay: number, toDay: number, indices: Uint32Array): ChurnRecord[];
}

/**
 * A labelled source over plain arrays of records per day (tests, and the headless year);
 * `prepare` is what the pipeline's feature code does to each row it actually reads.
 */
export function arraySource(
	byDay: (day: number) => readonly ChurnRecord[],
	prepare: (record: ChurnRecord) => ChurnRecord = (record) => record,
): LabelledSource {
	const window = (fromDay: number, toDay: number) => {
		const days: (readonly ChurnRecord[])[] = [];
		for (let d = Math.max(0, fromDay); d <= toDay; d++) days.push(byDay(d));
		return days;
	};
	return {
		rows: (fromDay, toDay) => window(fromDay, toDay).flat().map(prepare),
		count: (fromDay, toDay) => window(fromDay, toDay).reduce((n, r) => n + r.length, 0),
		pick: (fromDay, toDay, indices) => {
			// Indices are sorted, so one walk through the days finds them all.
			const days = window(fromDay, toDay);
			const picked: ChurnRecord[] = [];
			let day = 0;
			let offset = 0;
			for (const index of indices) {
				while (day < days.length && index >= offset + (days[day]?.length ?? 0)) {
					offset += days[day]?.length ?? 0;
					day++;
				}
				const record = days[day]?.[index - offset];
				if (record === undefined) throw new RangeError(`No record at position ${index}.`);
				picked.push(prepare(record));
			}
			return picked;
		},
	};
}

/** A registered version with its lineage (the kit's registry will store these). */
export interface VersionRecord {
	readonly version: number;
	readonly parentVersion: number | null;
	readonly registeredDay: number;
	readonly trigger: RunTrigger | 'initial';
	readonly dataWindow: { readonly fromDay: number; readonly toDay: number; readonly rows: number };
	readonly params: RetrainParams;
	readonly warmStart: boolean;
	readonly seed: string;
	readonly holdoutAccuracy: number | null;
	readonly artifact: ModelArtifact;
}

/** The registry port: records a version and returns its number. */
export type RegisterFunction = (record: Omit<VersionRecord, 'version'>) => number;

/** Simulated step durations (minutes). An illustrative cost model, stated once. */
export const stepMinutes = {
	/** Reading from a warehouse: a fixed start-up plus one minute per 50,000 rows scanned. */
	extraction: (rowsScanned: number) => 2 + rowsScanned / 50_000,
	validation: (rows: number) => 1 + rows / 100_000,
	/** 20,000 row-epochs a minute: the default run (1,600 × 40) takes 3.2 minutes. */
	training: (rowEpochs: number) => rowEpochs / 20_000,
	evaluation: (rows: number) => 1 + rows / 100_000,
	gate: () => 0.1,
	registration: () => 0.5,
	/** Rolling the serving fleet. */
	deployment: () => 5,
} as const;

/** Everything one run needs. */
export interface PipelineInput {
	readonly day: number;
	readonly trigger: RunTrigger;
	readonly source: LabelledSource;
	readonly labelDelayDays: number;
	readonly holdoutDays: number;
	readonly window: TrainingWindow;
	/** null: no data validation (level 0's notebook) — the step is Skipped. */
	readonly schema: DataSchema | null;
	/** null: no gate (level 0's hand-off is deployed as is) — the step is Skipped. */
	readonly gate: GateConfig | null;
	readonly champion: { readonly version: number; readonly artifact: ModelArtifact };
	readonly warmStart: boolean;
	readonly params: RetrainParams;
	readonly rng: Rng;
	readonly train: TrainFunction;
	readonly score: ScoreFunction;
	readonly register: RegisterFunction;
}

/** A finished run. */
export interface PipelineRun {
	readonly day: number;
	readonly trigger: RunTrigger;
	readonly outcome: PipelineOutcome;
	readonly reason: string;
	readonly steps: readonly PipelineStep[];
	/** The version registered, when promoted. */
	readonly version: number | null;
	/** The first day the new version serves, when promoted. */
	readonly servedFromDay: number | null;
	readonly window: { readonly fromDay: number; readonly toDay: number; readonly rows: number };
	readonly validation: ValidationReport | null;
	readonly gate: GateDecision | null;
	readonly evaluation: {
		readonly challenger: readonly SliceMetric[];
		readonly champion: readonly SliceMetric[];
	} | null;
	/** Simulated training minutes: the run's compute cost. */
	readonly trainingMinutes: number;
	readonly rowEpochs: number;
}

/** Slice keys of a record: one per categorical feature, e.g. `plan=basic`. */
export function sliceKeysOf(record: ChurnRecord): string[] {
	return categoricalFeatureNames.flatMap((f) => {
		const v = record.features[f];
		return v === null ? [] : [`${f}=${v}`];
	});
}

/** The row a validator sees: every feature plus the label, as extracted. */
function exampleOf(record: ChurnRecord): Record<string, unknown> {
	return { ...record.features, churned: record.churned };
}

/**
 * Samples `count` of the `total` rows of a window: uniformly without replacement (a partial
 * Fisher–Yates over indices, so a two-year window is never copied), or by recency weight with
 * replacement when `weightOf` is given. Returns sorted indices into the window.
 */
export function sampleIndices(
	total: number,
	count: number,
	rng: Rng,
	weightOf: ((index: number) => number) | null = null,
): Uint32Array {
	if (weightOf === null) {
		if (total <= count) return Uint32Array.from({ length: total }, (_, i) => i);
		// A sparse partial shuffle: only touched positions are stored.
		const swapped = new Map<number, number>();
		const picked = new Uint32Array(count);
		for (let k = 0; k < count; k++) {
			const j = k + Math.floor(rng.next() * (total - k));
			const atJ = swapped.get(j) ?? j;
			picked[k] = atJ;
			swapped.set(j, swapped.get(k) ?? k);
		}
		return picked.sort();
	}
	const cumulative = new Float64Array(total);
	let sum = 0;
	for (let i = 0; i < total; i++) {
		sum += weightOf(i);
		cumulative[i] = sum;
	}
	const picked = new Uint32Array(total === 0 ? 0 : count);
	for (let k = 0; k < picked.length; k++) {
		const target = rng.next() * sum;
		let lo = 0;
		let hi = total - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if ((cumulative[mid] ?? 0) > target) hi = mid;
			else lo = mid + 1;
		}
		picked[k] = lo;
	}
	return picked.sort();
}

/** Samples rows of a materialised window (see `sampleIndices`). */
export function sampleWindow(
	rows: readonly ChurnRecord[],
	count: number,
	toDay: number,
	halfLifeDays: number | null,
	rng: Rng,
): ChurnRecord[] {
	const weightOf =
		halfLifeDays === null
			? null
			: (i: number) => recencyWeight(rows[i]?.day ?? toDay, toDay, halfLifeDays);
	return Array.from(
		sampleIndices(rows.length, count, rng, weightOf),
		(i) => rows[i] as ChurnRecord,
	);
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Runs one pipeline to its outcome. */
export function runPipeline(input: PipelineInput): PipelineRun {
	const steps: PipelineStep[] = [];
	const done = (
		id: PipelineStepId,
		status: StepStatus,
		durationMinutes: number,
		inputs: Record<string, StepValue>,
		outputs: Record<string, StepValue>,
		message: string | null = null,
	) =>
		steps.push({ id, status, durationMinutes: round(durationMinutes), inputs, outputs, message });
	const finish = (
		outcome: PipelineOutcome,
		reason: string,
		extra: Partial<PipelineRun>,
	): PipelineRun => {
		for (const id of pipelineSteps) {
			if (!steps.some((s) => s.id === id)) {
				done(
					id,
					'Skipped',
					0,
					{},
					{},
					`skipped: the run ${outcome === 'failed' ? 'failed' : 'was rejected'} earlier`,
				);
			}
		}
		return {
			day: input.day,
			trigger: input.trigger,
			outcome,
			reason,
			steps,
			version: null,
			servedFromDay: null,
			window: { fromDay: 0, toDay: 0, rows: 0 },
			validation: null,
			gate: null,
			evaluation: null,
			trainingMinutes: 0,
			rowEpochs: 0,
			...extra,
		};
	};

	// 1. Extraction: the labelled window minus the newest days, which are held out for the gate.
	const bounds = windowBounds(input.day, input.labelDelayDays, input.holdoutDays, input.window);
	const available =
		bounds.toDay >= bounds.fromDay ? input.source.count(bounds.fromDay, bounds.toDay) : 0;
	const holdout =
		bounds.holdoutToDay >= Math.max(1, bounds.holdoutFromDay)
			? input.source.rows(Math.max(1, bounds.holdoutFromDay), bounds.holdoutToDay)
			: [];
	const halfLife = input.window.recencyHalfLifeDays;
	// Recency weights depend on a row's day only: lay the window's days out once, per row.
	let days: Float64Array | null = null;
	if (halfLife !== null && available > 0) {
		days = new Float64Array(available);
		let at = 0;
		for (let d = Math.max(0, bounds.fromDay); d <= bounds.toDay; d++) {
			const n = input.source.count(d, d);
			days.fill(d, at, at + n);
			at += n;
		}
	}
	const indices = sampleIndices(
		available,
		input.params.trainingRows,
		input.rng.split('sample'),
		days === null ? null : (i) => recencyWeight(days[i] ?? bounds.toDay, bounds.toDay, halfLife),
	);
	const sample = available === 0 ? [] : input.source.pick(bounds.fromDay, bounds.toDay, indices);
	const windowRows = { length: available };
	const window = { fromDay: bounds.fromDay, toDay: bounds.toDay, rows: available };
	done(
		'extraction',
		'Succeeded',
		stepMinutes.extraction(windowRows.length + holdout.length),
		{
			fromDay: bounds.fromDay,
			toDay: bounds.toDay,
			holdoutDays: `${bounds.holdoutFromDay}–${bounds.holdoutToDay}`,
			window:
				input.window.windowDays === null ? 'all history' : `last ${input.window.windowDays} days`,
			recencyHalfLifeDays: input.window.recencyHalfLifeDays,
		},
		{ windowRows: windowRows.length, sampledRows: sample.length, holdoutRows: holdout.length },
	);

	// 2. Validation (TFDV / ExampleValidator): any anomaly stops the run.
	let validation: ValidationReport | null = null;
	if (input.schema === null) {
		done('validation', 'Skipped', 0, {}, {}, 'skipped: no data validation at this maturity level');
	} else {
		validation = validateExamples(sample.map(exampleOf), input.schema, {
			minExamples: MIN_TRAINING_EXAMPLES,
		});
		const reason = describeAnomalies(validation);
		done(
			'validation',
			validation.blessed ? 'Succeeded' : 'Failed',
			stepMinutes.validation(sample.length),
			{ examples: sample.length, schemaFeatures: input.schema.features.length },
			{
				anomalies: validation.anomalies.length,
				types: [...new Set(validation.anomalies.map((a) => a.type))].join(', ') || null,
			},
			validation.blessed ? null : reason,
		);
		if (!validation.blessed) {
			return finish('failed', `data validation: ${reason}`, { window, validation });
		}
	}

	// 3. Training.
	const warm = input.warmStart ? input.champion.artifact : null;
	const trained = input.train({
		records: sample,
		params: input.params,
		warmStartFrom: warm,
		rng: input.rng.split('train'),
	});
	const trainingMinutes = stepMinutes.training(trained.rowEpochs);
	done(
		'training',
		trained.finite ? 'Succeeded' : 'Failed',
		trainingMinutes,
		{
			rows: sample.length,
			epochs: warm ? input.params.warmStartEpochs : input.params.epochs,
			learningRate: input.params.learningRate,
			warmStartFrom: warm ? `v${input.champion.version}` : null,
		},
		{ validationAccuracy: round(trained.validationAccuracy, 4), rowEpochs: trained.rowEpochs },
		trained.finite ? null : 'training diverged: the loss is not finite',
	);
	if (!trained.finite) {
		return finish('failed', 'training diverged: the loss is not finite', {
			window,
			validation,
			trainingMinutes,
			rowEpochs: trained.rowEpochs,
		});
	}

	// 4. Evaluation: both models on the same fresh holdout, overall and per slice.
	const keys = holdout.map(sliceKeysOf);
	const labels = Float32Array.from(holdout, (r) => r.churned);
	const evaluation = {
		challenger: sliceAccuracies(input.score(trained.artifact, holdout), labels, keys),
		champion: sliceAccuracies(input.score(input.champion.artifact, holdout), labels, keys),
	};
	const challengerAccuracy = evaluation.challenger[0]?.accuracy ?? Number.NaN;
	const championAccuracy = evaluation.champion[0]?.accuracy ?? Number.NaN;
	done(
		'evaluation',
		'Succeeded',
		stepMinutes.evaluation(holdout.length),
		{ holdoutRows: holdout.length, champion: `v${input.champion.version}` },
		{
			challengerAccuracy: round(challengerAccuracy, 4),
			championAccuracy: round(championAccuracy, 4),
			slices: evaluation.challenger.length - 1,
		},
	);

	// 5. Gate.
	let gate: GateDecision | null = null;
	// What the run found, reported whether it ends rejected or promoted.
	const findings = () => ({
		window,
		validation,
		gate,
		evaluation,
		trainingMinutes,
		rowEpochs: trained.rowEpochs,
	});
	if (input.gate === null) {
		done('gate', 'Skipped', 0, {}, {}, 'skipped: no model validation at this maturity level');
	} else {
		gate = decideGate(evaluation, input.gate);
		done(
			'gate',
			gate.blessed ? 'Succeeded' : 'Failed',
			stepMinutes.gate(),
			{
				margin: input.gate.change.absolute ?? 0,
				overallFloor: input.gate.overall.lowerBound ?? null,
				sliceFloor: input.gate.slice.lowerBound ?? null,
			},
			{ blessed: gate.blessed, failures: gate.failures.length },
			gate.blessed ? null : gate.reason,
		);
		if (!gate.blessed) {
			return finish('rejected', gate.reason, findings());
		}
	}

	// 6. Registration, with lineage.
	const version = input.register({
		parentVersion: input.champion.version,
		registeredDay: input.day,
		trigger: input.trigger,
		dataWindow: window,
		params: input.params,
		warmStart: warm !== null,
		seed: input.rng.key,
		holdoutAccuracy: challengerAccuracy,
		artifact: trained.artifact,
	});
	done(
		'registration',
		'Succeeded',
		stepMinutes.registration(),
		{ parent: `v${input.champion.version}`, trigger: input.trigger },
		{ version: `v${version}` },
	);

	// 7. Deployment: the served model is swapped from the next day.
	done(
		'deployment',
		'Succeeded',
		stepMinutes.deployment(),
		{ version: `v${version}` },
		{ servedFromDay: input.day + 1 },
	);
	return {
		day: input.day,
		trigger: input.trigger,
		outcome: 'promoted',
		reason:
			gate?.reason ??
			`deployed without a gate: holdout accuracy ${(100 * challengerAccuracy).toFixed(1)} %`,
		steps,
		version,
		servedFromDay: input.day + 1,
		...findings(),
	};
}
