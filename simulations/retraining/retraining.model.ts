/**
 * A year of production for the churn model, with and without continuous training: each
 * simulated day the shared world produces 500 subscribers under the scenario, the static model
 * (never retrained) and the policy's served model score them, labels arrive 30 days later, and
 * the policy decides whether a pipeline run starts. A run reads the labelled window, validates
 * it, trains a challenger, gates it against the champion on the freshest labelled week and, if
 * blessed, registers it and serves it from the next day. The maturity level decides who pulls
 * the trigger and how fast a broken pipeline is fixed (see `maturityProfiles`).
 *
 * Key decision: `simulateContinuousTraining(config)` is deterministic for a config — every day
 * and every run draws from its own split of the seed — and the three things the lab kit will
 * own (trainer, scorer, registry) are ports with headless defaults, so tests, benchmarks and the
 * view all run the same year.
 */
import { createRng, type Rng } from '../shared/rng';
import type { ModelArtifact } from '../training/artifact';
import {
	categoricalFeatures,
	createWorld,
	generateDataset,
	generateDay,
	numericFeatures,
	type ChurnRecord,
	type NumericFeature,
} from '../world/world.model';
import {
	dayColumnsOf,
	driftReferenceOf,
	largestWindowPsi,
	type DayColumns,
	type DriftReference,
} from './drift-window.model';
import {
	churnSchema,
	relaxSchema,
	servingSchema,
	validateExamples,
	type DataSchema,
} from './data-validation.model';
import { defaultGateConfig, type GateConfig } from './model-gate.model';
import {
	defaultRetrainParams,
	arraySource,
	runPipeline,
	sampleWindow,
	scoreWithArtifact,
	type PipelineRun,
	type RegisterFunction,
	type RetrainParams,
	type ScoreFunction,
	type TrainFunction,
	type VersionRecord,
} from './pipeline.model';
import {
	checkParam,
	decideTrigger,
	defaultTriggerParams,
	triggerKinds,
	triggerParam,
	type RunTrigger,
	type TriggerConfig,
} from './retraining.policy';
import {
	resolveScenario,
	scenarioDrift,
	type RetrainingScenario,
	type RetrainingScenarioId,
} from './retraining.scenario';
import { plainLogisticTrainer } from './retraining.trainer';

/** Google's MLOps maturity levels (research §4.1; the maturity lesson). */
export type MaturityLevel = 0 | 1 | 2;

/** How each level behaves on the same world. */
export interface MaturityProfile {
	readonly label: string;
	/** Level 0: nobody monitors; a person looks at business results every this many days. */
	readonly reviewEveryDays: number | null;
	/** Level 0: days from "someone noticed" to a hand-made model in production. */
	readonly handOffDays: number | null;
	/** Levels 1–2: serving data is checked against the schema every day. */
	readonly validatesServingData: boolean;
	/** The automated pipeline validates data and gates models (levels 1–2). */
	readonly automatedPipeline: boolean;
	/** Days from a detected pipeline break to the fixed pipeline in production. */
	readonly pipelineFixDays: number | null;
}

/**
 * Grounded in the maturity lesson and research §4.1: level 0 ships "a couple of times a year"
 * with no monitoring, so a quarterly business review (90 days) is when someone notices, and the
 * manual hand-off of a model file takes weeks (28 days); level 1 automates training with data
 * and model validation but pipeline code changes are "tested and deployed by hand over two
 * weeks" (the lesson's level-1 quiz: 14 days); level 2 adds CI/CD of the pipeline, so a fix is
 * built, tested and deployed in days (2).
 */
export const maturityProfiles: Record<MaturityLevel, MaturityProfile> = {
	0: {
		label: 'Level 0: manual process',
		reviewEveryDays: 90,
		handOffDays: 28,
		validatesServingData: false,
		automatedPipeline: false,
		pipelineFixDays: null,
	},
	1: {
		label: 'Level 1: ML pipeline automation',
		reviewEveryDays: null,
		handOffDays: null,
		validatesServingData: true,
		automatedPipeline: true,
		pipelineFixDays: 14,
	},
	2: {
		label: 'Level 2: CI/CD pipeline automation',
		reviewEveryDays: null,
		handOffDays: null,
		validatesServingData: true,
		automatedPipeline: true,
		pipelineFixDays: 2,
	},
};

/** The headless API's configuration (issue 11). */
export interface ContinuousTrainingConfig {
	readonly seed: number;
	readonly scenario: RetrainingScenarioId | RetrainingScenario;
	readonly days: number;
	readonly trigger: TriggerConfig;
	readonly cooldownDays: number;
	/** null: all history. */
	readonly windowDays: number | null;
	readonly warmStart: boolean;
	readonly maturityLevel: MaturityLevel;
	/** null or absent: unweighted; otherwise rows are sampled with this recency half-life. */
	readonly recencyHalfLifeDays?: number | null;
	/** Days a person starts a run by hand. */
	readonly onDemandDays?: readonly number[];
	/** Days until a day's churn labels arrive (churn within 30 days: 30). */
	readonly labelDelayDays?: number;
	/** The freshest labelled days, held out for the gate. */
	readonly holdoutDays?: number;
	readonly recordsPerDay?: number;
	/** Rows of the initial training set (the training lab's default dataset size). */
	readonly initialRows?: number;
	readonly gate?: GateConfig;
	readonly params?: RetrainParams;
}

/** Defaults for the optional parts. */
export const ctDefaults = {
	labelDelayDays: 30,
	// A week: 3,500 rows, enough for slice accuracies of a few hundred rows each.
	holdoutDays: 7,
	recordsPerDay: 500,
	initialRows: 2000,
	// The performance signal needs a week of labelled days served by the champion.
	minLabelledDays: 7,
	// The drift signal compares the last week of traffic with the champion's training data.
	driftWindowDays: 7,
	// Level 0 notices a month of labelled results below this accuracy.
	noticeThreshold: defaultTriggerParams.performanceThreshold,
} as const;

/** The injectable parts (the lab kit's trainer worker, serving scorer and registry). */
export interface ContinuousTrainingPorts {
	readonly train?: TrainFunction;
	readonly score?: ScoreFunction;
	readonly register?: RegisterFunction;
	/** A world shared with other simulations of the same seed and scenario (ignored if not). */
	readonly world?: ProductionWorld;
}

/** One simulated day. */
export interface DailyOutcome {
	readonly day: number;
	/** Accuracy of the never-retrained model on today's traffic (known to the simulation). */
	readonly staticAccuracy: number;
	/** Accuracy of the policy's served model on today's traffic. */
	readonly policyAccuracy: number;
	readonly servedVersion: number;
	/** Days since the newest data the served model was trained on. */
	readonly stalenessDays: number;
	/** What the policy could measure today (labels 30 days late), or null. */
	readonly labelledAccuracy: number | null;
	/** The largest feature PSI of the last week (drift trigger only), or null. */
	readonly driftScore: number | null;
	/** A trigger condition held today but the cooldown held the run back. */
	readonly suppressedByCooldown: boolean;
	/** Today's serving data broke the schema (levels 1–2 check it daily). */
	readonly servingAnomalies: number;
}

/** One run, as the headless API reports it. */
export interface RunSummary extends PipelineRun {
	/** Running number of the run in the year (1-based). */
	readonly run: number;
}

/** Something the organisation learned or did, for time-to-detect and time-to-recover. */
export interface OperationsEvent {
	readonly day: number;
	readonly kind: 'noticed' | 'hand-off-started' | 'data-break-detected' | 'pipeline-fix-shipped';
	readonly detail: string;
}

/** The year's totals. */
export interface ContinuousTrainingSummary {
	readonly runs: number;
	readonly promoted: number;
	readonly rejected: number;
	readonly failed: number;
	/** Runs × training time, in simulated minutes. */
	readonly computeMinutes: number;
	readonly meanStalenessDays: number;
	readonly meanStaticAccuracy: number;
	readonly meanPolicyAccuracy: number;
}

/** Everything a simulated year produced. */
export interface ContinuousTrainingResult {
	readonly config: ContinuousTrainingConfig;
	readonly daily: readonly DailyOutcome[];
	readonly runs: readonly RunSummary[];
	readonly versions: readonly VersionRecord[];
	readonly events: readonly OperationsEvent[];
	readonly summary: ContinuousTrainingSummary;
}

/** A configuration problem, one message per field (for the view's fields). */
export class ContinuousTrainingConfigError extends Error {
	readonly fields: Readonly<Record<string, string>>;
	constructor(fields: Record<string, string>) {
		super(
			Object.entries(fields)
				.map(([f, m]) => `${f}: ${m}`)
				.join(' '),
		);
		this.name = 'ContinuousTrainingConfigError';
		this.fields = fields;
	}
}

/** One message per invalid field; empty when the config is valid. */
export function validateContinuousTrainingConfig(
	config: ContinuousTrainingConfig,
): Record<string, string> {
	const errors: Record<string, string> = {};
	const check = (field: string, param: Parameters<typeof checkParam>[0], value: unknown) => {
		const message = checkParam(param, value);
		if (message !== null) errors[field] = message;
	};
	check('seed', 'seed', config.seed);
	check('days', 'days', config.days);
	check('cooldownDays', 'cooldownDays', config.cooldownDays);
	if (config.windowDays !== null) check('windowDays', 'windowDays', config.windowDays);
	if (config.recencyHalfLifeDays !== undefined && config.recencyHalfLifeDays !== null) {
		check('recencyHalfLifeDays', 'recencyHalfLifeDays', config.recencyHalfLifeDays);
	}
	if (!(triggerKinds as readonly string[]).includes(config.trigger?.kind)) {
		errors['trigger.kind'] = `Trigger must be one of: ${triggerKinds.join(', ')}.`;
	} else {
		const param = triggerParam(config.trigger);
		if (param !== null) check(`trigger.${param.key}`, param.param, param.value);
	}
	if (![0, 1, 2].includes(config.maturityLevel)) {
		errors['maturityLevel'] = 'Maturity level must be 0, 1 or 2.';
	}
	if (typeof config.warmStart !== 'boolean') errors['warmStart'] = 'Warm start is on or off.';
	try {
		resolveScenario(config.scenario);
	} catch (error) {
		errors['scenario'] = (error as Error).message;
	}
	return errors;
}

const mean = (xs: readonly number[]) =>
	xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length;

function accuracyOfScores(probabilities: Float32Array, records: readonly ChurnRecord[]): number {
	let correct = 0;
	records.forEach((r, i) => {
		if (((probabilities[i] ?? 0) >= 0.5 ? 1 : 0) === r.churned) correct++;
	});
	return records.length === 0 ? Number.NaN : correct / records.length;
}

/** Shuffles labels within a day: the backfill bug of `LabelCorruption`. */
function scrambleLabels(records: readonly ChurnRecord[], rng: Rng): ChurnRecord[] {
	const labels = rng.shuffle(records.map((r) => r.churned));
	return records.map((r, i) => ({ ...r, churned: labels[i] as 0 | 1 }));
}

/** A pipeline fix: features whose unit is corrected and schema changes accepted. */
interface PipelineFix {
	readonly shippedDay: number;
	readonly unitCorrections: Partial<Record<NumericFeature, { factor: number; fromDay: number }>>;
	readonly schema: DataSchema;
}

/** Applies the unit corrections in force to one record (the fixed feature code). */
function fixRecord(record: ChurnRecord, fix: PipelineFix | null): ChurnRecord {
	if (fix === null) return record;
	let features: ChurnRecord['features'] | null = null;
	for (const [f, c] of Object.entries(fix.unitCorrections) as [
		NumericFeature,
		{ factor: number; fromDay: number },
	][]) {
		if (record.day < c.fromDay) continue;
		features ??= { ...record.features };
		features[f] = Math.round((features[f] / c.factor) * 100) / 100;
	}
	return features === null ? record : { ...record, features };
}

/** Applies the unit corrections in force to a day's records. */
function applyFix(
	records: readonly ChurnRecord[],
	fix: PipelineFix | null,
): readonly ChurnRecord[] {
	return fix === null ? records : records.map((r) => fixRecord(r, fix));
}

/** The fix engineers write for the faults of the scenario in force on `day`. */
function fixFor(scenario: RetrainingScenario, day: number, shippedDay: number): PipelineFix {
	const unitCorrections: PipelineFix['unitCorrections'] = {};
	const relax: Record<string, { minFractionPresent?: number; addDomainValues?: string[] }> = {};
	for (const p of scenario.phases) {
		if (p.startDay > day) continue;
		if (p.kind === 'unit' && (numericFeatures as readonly string[]).includes(p.feature)) {
			unitCorrections[p.feature as NumericFeature] = { factor: p.magnitude, fromDay: p.startDay };
		} else if (p.kind === 'missing') {
			relax[p.feature] = { minFractionPresent: Math.max(0, 1 - p.magnitude - 0.05) };
		} else if (p.kind === 'unseen') {
			const feature = p.feature in categoricalFeatures ? p.feature : 'plan';
			relax[feature] = { addDomainValues: ['unknown'] };
		}
	}
	return { shippedDay, unitCorrections, schema: relaxSchema(churnSchema, relax) };
}

/**
 * The world a year runs on: the initial training set and each day's production traffic,
 * generated once and shared by every policy simulated on the same seed and scenario (the lab
 * compares two policies, and an on-demand run re-simulates a year; neither should pay for the
 * world again). Days are pure functions of the seed, so sharing changes no value.
 */
export interface ProductionWorld {
	/** Which configs this world serves (`productionWorldKey`). */
	readonly key: string;
	readonly initial: readonly ChurnRecord[];
	day(day: number): readonly ChurnRecord[];
}

/** The part of a config the world depends on. */
export function productionWorldKey(config: ContinuousTrainingConfig): string {
	return JSON.stringify([
		config.seed,
		config.scenario,
		config.recordsPerDay ?? ctDefaults.recordsPerDay,
		config.initialRows ?? ctDefaults.initialRows,
	]);
}

/** The world of a config, each day generated on first use and kept. */
export function productionWorldFor(config: ContinuousTrainingConfig): ProductionWorld {
	const scenario = resolveScenario(config.scenario);
	const world = createWorld({ recordsPerDay: config.recordsPerDay ?? ctDefaults.recordsPerDay });
	const production = createRng(config.seed).split('production');
	const days = new Map<number, readonly ChurnRecord[]>();
	return {
		key: productionWorldKey(config),
		initial: generateDataset(world, {
			size: config.initialRows ?? ctDefaults.initialRows,
			seed: config.seed,
		}).records,
		day(day) {
			let records = days.get(day);
			if (records === undefined) {
				records = generateDay(world, day, scenarioDrift(world, scenario, day), production);
				days.set(day, records);
			}
			return records;
		},
	};
}

/** Simulates a year (or `days`) of production under a retraining policy. Deterministic. */
export function simulateContinuousTraining(
	config: ContinuousTrainingConfig,
	ports: ContinuousTrainingPorts = {},
): ContinuousTrainingResult {
	const year = continuousTrainingYear(config, ports);
	for (;;) {
		const step = year.next();
		if (step.done) return step.value;
	}
}

/** One simulated day as a stepped year yields it: the day and the runs that started on it. */
export interface YearStep {
	readonly daily: DailyOutcome;
	readonly runs: readonly RunSummary[];
}

/**
 * The same year, one day per `next()` (the lab's worker steps it as the page asks for days, so
 * the first day shows at once and the year's work is spread over its playback); the generator's
 * return value is the whole result. The config is checked here, before the first day.
 */
export function continuousTrainingYear(
	config: ContinuousTrainingConfig,
	ports: ContinuousTrainingPorts = {},
): Generator<YearStep, ContinuousTrainingResult, void> {
	const errors = validateContinuousTrainingConfig(config);
	if (Object.keys(errors).length > 0) throw new ContinuousTrainingConfigError(errors);
	return yearDays(config, ports);
}

function* yearDays(
	config: ContinuousTrainingConfig,
	ports: ContinuousTrainingPorts,
): Generator<YearStep, ContinuousTrainingResult, void> {
	const scenario = resolveScenario(config.scenario);
	const profile = maturityProfiles[config.maturityLevel];
	const labelDelayDays = config.labelDelayDays ?? ctDefaults.labelDelayDays;
	const holdoutDays = config.holdoutDays ?? ctDefaults.holdoutDays;
	const recordsPerDay = config.recordsPerDay ?? ctDefaults.recordsPerDay;
	const params = config.params ?? defaultRetrainParams;
	const gate = config.gate ?? defaultGateConfig;
	const train = ports.train ?? plainLogisticTrainer;
	const score = ports.score ?? scoreWithArtifact;
	const onDemand = new Set(config.onDemandDays ?? []);
	const window = {
		windowDays: config.windowDays,
		recencyHalfLifeDays: config.recencyHalfLifeDays ?? null,
	};

	const root = createRng(config.seed);
	const world =
		ports.world?.key === productionWorldKey(config) ? ports.world : productionWorldFor(config);
	const initial = world.initial;

	// The registry: versions with lineage. The kit's registry can take over through the port.
	const versions: VersionRecord[] = [];
	const registerLocal: RegisterFunction = (record) => {
		const version = versions.length + 1;
		versions.push({ ...record, version });
		return version;
	};
	const register: RegisterFunction = ports.register
		? (record) => {
				const version = ports.register?.(record) ?? versions.length + 1;
				versions.push({ ...record, version });
				return version;
			}
		: registerLocal;

	const first = train({
		records: initial,
		params,
		warmStartFrom: null,
		rng: root.split('initial-model'),
	});
	const staticModel: ModelArtifact = first.artifact;
	const firstVersion = register({
		parentVersion: null,
		registeredDay: 0,
		trigger: 'initial',
		dataWindow: { fromDay: 0, toDay: 0, rows: initial.length },
		params,
		warmStart: false,
		seed: root.split('initial-model').key,
		holdoutAccuracy: null,
		artifact: staticModel,
	});

	const dayRecords = new Map<number, readonly ChurnRecord[]>([[0, initial]]);
	const scrambled = new Map<number, readonly ChurnRecord[]>();
	const servedAccuracy: number[] = [];
	const servedBy: number[] = [];
	const driftReferences = new Map<number, DriftReference>();
	let champion = { version: firstVersion, artifact: staticModel };
	let championTrainedTo = 0;
	let pendingSwap: { day: number; version: number; artifact: ModelArtifact; toDay: number } | null =
		null;
	let lastRunDay: number | null = null;
	let labelledCutoff = 0;
	let fix: PipelineFix | null = null;
	let pendingFix: PipelineFix | null = null;
	let handOffDay: number | null = null;
	const daily: DailyOutcome[] = [];
	const runs: RunSummary[] = [];
	const events: OperationsEvent[] = [];
	const driftSamples = new Map<number, readonly ChurnRecord[]>([[firstVersion, initial]]);
	// Each day's drift columns under the pipeline fix they were read with (cleared by a new fix).
	const driftColumns = new Map<number, DayColumns>();
	let driftColumnsFix: PipelineFix | null = null;

	// What the pipeline reads: labels corrupted by the backfill bug, units fixed once shipped.
	let today = 0;
	const readDay = (d: number): readonly ChurnRecord[] => {
		let records = dayRecords.get(d) ?? [];
		const c = scenario.labelCorruption;
		if (c !== null && today >= c.backfillDay && d >= c.fromDay && d <= c.toDay) {
			let s = scrambled.get(d);
			if (s === undefined) {
				s = scrambleLabels(records, root.split(`backfill-${d}`));
				scrambled.set(d, s);
			}
			records = s;
		}
		return records;
	};
	const source = arraySource(readDay, (record) => fixRecord(record, fix));

	for (let day = 1; day <= config.days; day++) {
		today = day;
		if (pendingSwap !== null && pendingSwap.day === day) {
			champion = { version: pendingSwap.version, artifact: pendingSwap.artifact };
			championTrainedTo = pendingSwap.toDay;
			pendingSwap = null;
		}
		if (pendingFix !== null && pendingFix.shippedDay === day) {
			fix = pendingFix;
			pendingFix = null;
			events.push({
				day,
				kind: 'pipeline-fix-shipped',
				detail: 'the corrected pipeline is in production',
			});
		}
		const raw = world.day(day);
		dayRecords.set(day, raw);
		const served = applyFix(raw, fix);
		const staticAccuracy = accuracyOfScores(score(staticModel, raw), raw);
		const policyAccuracy = accuracyOfScores(score(champion.artifact, served), served);
		servedAccuracy[day] = policyAccuracy;
		servedBy[day] = champion.version;

		// Serving-data validation (levels 1–2): a schema break is detected the day it appears.
		let servingAnomalies = 0;
		if (profile.validatesServingData) {
			const report = validateExamples(
				served.map((r) => r.features),
				servingSchema(fix?.schema ?? churnSchema),
			);
			servingAnomalies = report.anomalies.length;
			if (!report.blessed && pendingFix === null && profile.pipelineFixDays !== null) {
				const shippedDay = day + profile.pipelineFixDays;
				pendingFix = fixFor(scenario, day, shippedDay);
				events.push({
					day,
					kind: 'data-break-detected',
					detail: report.anomalies.map((a) => `${a.type} on ${a.feature}`).join(', '),
				});
			}
		}

		// What the policy can see today.
		const newestLabelled = day - labelDelayDays;
		const championDays: number[] = [];
		for (let t = newestLabelled; t >= 1 && championDays.length < ctDefaults.minLabelledDays; t--) {
			if (servedBy[t] === champion.version) championDays.push(t);
			else break;
		}
		const labelledAccuracy =
			championDays.length >= ctDefaults.minLabelledDays
				? mean(championDays.map((t) => servedAccuracy[t] ?? Number.NaN))
				: null;
		let driftScore: number | null = null;
		if (profile.automatedPipeline && config.trigger.kind === 'drift') {
			let reference = driftReferences.get(champion.version);
			if (reference === undefined) {
				reference = driftReferenceOf(driftSamples.get(champion.version) ?? initial);
				driftReferences.set(champion.version, reference);
			}
			if (driftColumnsFix !== fix) {
				driftColumns.clear();
				driftColumnsFix = fix;
			}
			driftColumns.delete(day - ctDefaults.driftWindowDays);
			const recent: DayColumns[] = [];
			for (let t = Math.max(1, day - ctDefaults.driftWindowDays + 1); t <= day; t++) {
				let columns = driftColumns.get(t);
				if (columns === undefined) {
					columns = dayColumnsOf(t === day ? served : applyFix(dayRecords.get(t) ?? [], fix));
					driftColumns.set(t, columns);
				}
				recent.push(columns);
			}
			driftScore = largestWindowPsi(reference, recent);
		}
		const newLabelledRows = Math.max(0, newestLabelled - labelledCutoff) * recordsPerDay;

		let trigger: RunTrigger | null = null;
		let suppressedByCooldown = false;
		if (profile.automatedPipeline) {
			const decision = decideTrigger(config.trigger, config.cooldownDays, lastRunDay, {
				day,
				onDemand: onDemand.has(day),
				labelledAccuracy,
				driftScore,
				newLabelledRows,
			});
			trigger = decision.fire;
			suppressedByCooldown = decision.suppressedByCooldown;
		} else {
			// Level 0: a periodic review of a month of labelled results; then a hand-off of weeks.
			const review = profile.reviewEveryDays ?? 90;
			if (handOffDay === null && day % review === 0 && newestLabelled >= 1) {
				const month: number[] = [];
				for (let t = Math.max(1, newestLabelled - 29); t <= newestLabelled; t++) {
					month.push(servedAccuracy[t] ?? Number.NaN);
				}
				const seen = mean(month);
				if (seen < ctDefaults.noticeThreshold) {
					handOffDay = day + (profile.handOffDays ?? 28);
					events.push({
						day,
						kind: 'noticed',
						detail: `a review finds a month of accuracy at ${(100 * seen).toFixed(1)} %`,
					});
					events.push({
						day,
						kind: 'hand-off-started',
						detail: `a data scientist retrains by hand; the model ships on day ${handOffDay}`,
					});
				}
			}
			if (onDemand.has(day)) trigger = 'on-demand';
			if (handOffDay === day) {
				trigger = 'noticed';
				handOffDay = null;
			}
		}

		if (trigger !== null) {
			const run = runPipeline({
				day,
				trigger,
				source,
				labelDelayDays,
				holdoutDays,
				window,
				schema: profile.automatedPipeline ? (fix?.schema ?? churnSchema) : null,
				gate: profile.automatedPipeline ? gate : null,
				champion,
				warmStart: config.warmStart,
				params,
				rng: root.split(`run-day-${day}`),
				train,
				score,
				register,
			});
			runs.push({ ...run, run: runs.length + 1 });
			lastRunDay = day;
			labelledCutoff = Math.max(labelledCutoff, newestLabelled);
			if (run.outcome === 'promoted' && run.version !== null) {
				const record = versions.find((v) => v.version === run.version);
				if (record !== undefined) {
					pendingSwap = {
						day: day + 1,
						version: run.version,
						artifact: record.artifact,
						toDay: run.window.toDay,
					};
					if (config.trigger.kind === 'drift') {
						// A few thousand rows of the new champion's window are reference enough for PSI.
						driftSamples.set(
							run.version,
							sampleWindow(
								source.rows(run.window.fromDay, run.window.toDay),
								5000,
								run.window.toDay,
								null,
								root.split(`drift-reference-${run.version}`),
							),
						);
					}
				}
			}
		}

		daily.push({
			day,
			staticAccuracy,
			policyAccuracy,
			servedVersion: champion.version,
			stalenessDays: day - championTrainedTo,
			labelledAccuracy,
			driftScore,
			suppressedByCooldown,
			servingAnomalies,
		});
		yield {
			daily: daily[daily.length - 1] as DailyOutcome,
			runs: runs.filter((r) => r.day === day),
		};
	}

	return {
		config,
		daily,
		runs,
		versions,
		events,
		summary: {
			runs: runs.length,
			promoted: runs.filter((r) => r.outcome === 'promoted').length,
			rejected: runs.filter((r) => r.outcome === 'rejected').length,
			failed: runs.filter((r) => r.outcome === 'failed').length,
			computeMinutes: Math.round(runs.reduce((s, r) => s + r.trainingMinutes, 0) * 100) / 100,
			meanStalenessDays: mean(daily.map((d) => d.stalenessDays)),
			meanStaticAccuracy: mean(daily.map((d) => d.staticAccuracy)),
			meanPolicyAccuracy: mean(daily.map((d) => d.policyAccuracy)),
		},
	};
}
