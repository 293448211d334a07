/**
 * The drift lab's world in production: scenarios that change the shared churn world day by day,
 * and a monitoring stream that, for each simulated day, generates the traffic, scores it with the
 * production model, tests every feature's window against the training reference, measures
 * accuracy once labels arrive, estimates it without labels (CBPE-style) and simulates the
 * operational metrics an on-call engineer would also watch.
 *
 * Key design decision: a stream is a small object with a cache of days, not a pure function of
 * (config, day), because a window spans many days and regenerating them every tick would cost
 * more than the statistics. Each day is still generated from its own split of the seed and the
 * scenario in force on that day, so a day's numbers do not depend on how far the stream has run
 * or on the order in which days were asked for — only on the scenario history, which a shared
 * link carries. The default production model is a logistic regression trained here with the
 * plain typed-array trainer (no TensorFlow.js) and stored in the registry's artifact format, so a
 * model registered in the training lab and the default one are served by the same code.
 */
import { createRng } from '../shared/rng';
import { plainLogisticStep } from '../training/plain-logistic';
import { predictWithArtifact, type ModelArtifact } from '../training/artifact';
import { encodeRecords, fitEncoder } from '../world/encoding.model';
import {
	categoricalFeatures,
	createWorld,
	generateDataset,
	generateDay,
	numericFeatures,
	scaleDrift,
	type CategoricalFeature,
	type ChurnRecord,
	type Drift,
	type FeatureName,
	type NumericFeature,
	type World,
} from '../world/world.model';
import {
	chooseDriftTest,
	datasetDrift,
	featureDrift,
	prepareCategories,
	type DatasetFeature,
	type DriftTestName,
	type FeatureDriftResult,
	type PreparedCategories,
} from '../stats/feature-drift.detector';
import { prepareReference, type PreparedReference } from '../stats/sample.input';
import type { MonitoringEvent } from './monitoring.machine';

/** Every feature, numeric first, in the order the lab lists them. */
export const driftFeatures: readonly FeatureName[] = [
	...numericFeatures,
	...(Object.keys(categoricalFeatures) as CategoricalFeature[]),
];

/** True for the world's numeric features. */
export function isNumericFeature(name: string): name is NumericFeature {
	return (numericFeatures as readonly string[]).includes(name);
}

/** The kinds of scenario the lab can inject. */
export const scenarioKinds = [
	'none',
	'sudden',
	'gradual',
	'recurring',
	'concept',
	'prior',
	'missing',
	'unit',
	'unseen',
] as const;

/** A scenario kind. */
export type ScenarioKind = (typeof scenarioKinds)[number];

/** Plain-language names and what the magnitude means, for pickers and explanations. */
export const scenarioInfo: Record<ScenarioKind, { label: string; magnitude: string }> = {
	none: { label: 'No drift', magnitude: 'unused' },
	sudden: { label: 'Sudden covariate shift', magnitude: 'shift in reference spreads' },
	gradual: { label: 'Gradual covariate shift', magnitude: 'final shift in reference spreads' },
	recurring: { label: 'Recurring (seasonal) shift', magnitude: 'peak shift in reference spreads' },
	concept: { label: 'Concept drift', magnitude: 'change of the feature’s true effect (log-odds)' },
	prior: { label: 'Label (prior) drift', magnitude: 'share of churners' },
	missing: { label: 'Missing values', magnitude: 'share of values missing' },
	unit: { label: 'Unit change', magnitude: 'factor the values are multiplied by' },
	unseen: { label: 'Unseen category', magnitude: 'share of records with the new value' },
};

/** A drift scenario: what changes, from which day, how much. */
export interface DriftScenario {
	readonly kind: ScenarioKind;
	/** First simulated day the change is in force. */
	readonly startDay: number;
	/** Size of the change; its meaning depends on the kind (see `scenarioInfo`). */
	readonly magnitude: number;
	/** The feature affected (ignored by `none` and `prior`). */
	readonly feature: FeatureName;
	/** Days a gradual shift takes to reach full size. */
	readonly durationDays: number;
	/** Length of one season of a recurring shift. */
	readonly periodDays: number;
}

/** A scenario with no drift. */
export const noScenario: DriftScenario = {
	kind: 'none',
	startDay: 1,
	magnitude: 0,
	feature: 'usageHoursPerWeek',
	durationDays: 30,
	periodDays: 28,
};

/** The world's drift parameters in force on `day` under `scenario`. */
export function driftForDay(world: World, scenario: DriftScenario, day: number): Drift {
	if (scenario.kind === 'none' || day < scenario.startDay) return {};
	const { feature, magnitude } = scenario;
	const numeric = isNumericFeature(feature) ? feature : null;
	const shiftBy = (fraction: number): Drift =>
		numeric === null
			? {}
			: {
					features: { [numeric]: { shift: fraction * magnitude * world.reference[numeric].scale } },
				};
	const elapsed = day - scenario.startDay;
	switch (scenario.kind) {
		case 'sudden':
			return shiftBy(1);
		case 'gradual':
			return scaleDrift(shiftBy(1), (elapsed + 1) / Math.max(1, scenario.durationDays));
		case 'recurring':
			return shiftBy(
				(1 - Math.cos((2 * Math.PI * elapsed) / Math.max(2, scenario.periodDays))) / 2,
			);
		case 'concept':
			return numeric === null ? {} : { coefficientChanges: { [numeric]: magnitude } };
		case 'prior':
			return { positiveRate: magnitude };
		case 'missing':
			return { missingRates: { [feature]: magnitude } };
		case 'unit':
			return numeric === null ? {} : { unitChanges: { [numeric]: magnitude } };
		case 'unseen': {
			const categorical = isNumericFeature(feature) ? 'plan' : feature;
			return { unseenCategory: { feature: categorical, value: 'unknown', rate: magnitude } };
		}
	}
}

/** The family of tests that drives alerts; each maps to one test per feature type. */
export type AlertTest = 'default' | 'ks' | 'wasserstein' | 'psi';

/** Every test run on each numeric and each categorical feature. */
export const numericTests: readonly DriftTestName[] = ['ks', 'wasserstein', 'psi'];
/** The categorical counterparts: chi-square for KS, Jensen–Shannon for Wasserstein, PSI. */
export const categoricalTests: readonly DriftTestName[] = ['chisquare', 'jensenshannon', 'psi'];

/** The parameters of one monitoring run. */
export interface StreamConfig {
	readonly seed: number;
	/** Training-reference rows (the default model trains on them). */
	readonly referenceSize: number;
	/** Production records per simulated day. */
	readonly recordsPerDay: number;
	/** Days in the rolling window each test compares with the reference. */
	readonly windowDays: number;
	/** Days until a day's ground truth arrives. */
	readonly labelDelayDays: number;
	/** The test family that decides drift and alerts. */
	readonly alertTest: AlertTest;
	/** Measured accuracy below this is an alert; estimated accuracy below it a warning. */
	readonly accuracyThreshold: number;
	readonly scenario: DriftScenario;
}

/** Defaults for every parameter. */
export const defaultStreamConfig: StreamConfig = {
	seed: 42,
	referenceSize: 5000,
	recordsPerDay: 500,
	windowDays: 1,
	labelDelayDays: 7,
	alertTest: 'default',
	accuracyThreshold: 0.75,
	scenario: noScenario,
};

/** One feature's results for one day. */
export interface FeatureDayResult {
	readonly feature: FeatureName;
	/** The test that decides drift (from `alertTest`). */
	readonly primary: FeatureDriftResult;
	/** Every test's result, keyed by test name. */
	readonly tests: Readonly<Partial<Record<DriftTestName, FeatureDriftResult>>>;
	/** Share of the window's values that were missing (excluded from the tests). */
	readonly missingShare: number;
}

/** Simulated operational metrics of the serving endpoint for one day. */
export interface ComputationalMetrics {
	readonly latencyP50Ms: number;
	readonly latencyP95Ms: number;
	readonly requestsPerSecond: number;
	/** Share of requests that failed validation or errored. */
	readonly errorRate: number;
}

/** Everything the lab shows for one simulated day. */
export interface DayResult {
	readonly day: number;
	readonly windowRows: number;
	readonly features: readonly FeatureDayResult[];
	/** Share of features whose primary test flags drift. */
	readonly driftShare: number;
	readonly datasetDrifted: boolean;
	/** Accuracy of this day's predictions; known only from `labelsArriveDay`. */
	readonly accuracy: number;
	/** The day this day's labels arrive. */
	readonly labelsArriveDay: number;
	/** CBPE-style expected accuracy from this day's predicted probabilities alone. */
	readonly estimatedAccuracy: number;
	/** Share of this day's records predicted to churn. */
	readonly predictedChurnShare: number;
	/** Share of this day's records that actually churned (known with the labels). */
	readonly actualChurnShare: number;
	readonly computational: ComputationalMetrics;
}

/** The model the stream serves and where it came from. */
export interface ServedModel {
	readonly artifact: ModelArtifact;
	readonly source: 'registry' | 'default';
}

interface DayData {
	readonly numeric: Record<NumericFeature, Float64Array>;
	readonly categorical: Record<CategoricalFeature, (string | null)[]>;
	readonly accuracy: number;
	readonly estimatedAccuracy: number;
	readonly predictedChurnShare: number;
	readonly actualChurnShare: number;
	readonly invalidShare: number;
}

interface PreparedFeature {
	readonly numeric: PreparedReference | null;
	readonly categorical: PreparedCategories | null;
	readonly primaryTest: DriftTestName;
}

/** Trains the default production model: logistic regression, seeded SGD, plain typed arrays. */
export function trainDefaultModel(records: readonly ChurnRecord[], seed: number): ModelArtifact {
	const encoder = fitEncoder(records);
	const data = encodeRecords(encoder, records);
	const model = new Float64Array(data.cols + 1);
	const rng = createRng(seed).split('default-model');
	const order = Uint32Array.from({ length: data.rows }, (_, i) => i);
	const batch = 64;
	for (let epoch = 0; epoch < 8; epoch++) {
		rng.shuffleInPlace(order);
		for (let start = 0; start < data.rows; start += batch) {
			plainLogisticStep(model, data, order.subarray(start, start + batch), 0.3);
		}
	}
	return {
		format: 'churn-model/1',
		kind: 'logistic',
		encoder,
		layers: [
			{
				weights: Array.from(model.subarray(0, data.cols)),
				bias: [model[data.cols] ?? 0],
				inputs: data.cols,
				outputs: 1,
				activation: 'sigmoid',
			},
		],
	};
}

function primaryTestFor(
	alertTest: AlertTest,
	numeric: boolean,
	referenceSize: number,
	uniqueCount: number,
): DriftTestName {
	switch (alertTest) {
		case 'ks':
			return numeric ? 'ks' : 'chisquare';
		case 'wasserstein':
			return numeric ? 'wasserstein' : 'jensenshannon';
		case 'psi':
			return 'psi';
		case 'default':
			return chooseDriftTest({
				referenceSize,
				featureType: numeric ? 'numerical' : 'categorical',
				uniqueCount,
			});
	}
}

function dayDataOf(records: readonly ChurnRecord[], artifact: ModelArtifact): DayData {
	const n = records.length;
	const numeric = Object.fromEntries(
		numericFeatures.map((f) => [f, Float64Array.from(records, (r) => r.features[f])]),
	) as Record<NumericFeature, Float64Array>;
	const categorical = Object.fromEntries(
		(Object.keys(categoricalFeatures) as CategoricalFeature[]).map((f) => [
			f,
			records.map((r) => r.features[f]),
		]),
	) as Record<CategoricalFeature, (string | null)[]>;
	const probabilities = predictWithArtifact(artifact, encodeRecords(artifact.encoder, records));
	let correct = 0;
	let expected = 0;
	let predicted = 0;
	let actual = 0;
	let invalid = 0;
	for (let i = 0; i < n; i++) {
		const p = probabilities[i] ?? 0.5;
		const record = records[i] as ChurnRecord;
		const yes = p >= 0.5;
		if (yes) predicted++;
		if (record.churned === 1) actual++;
		if (yes === (record.churned === 1)) correct++;
		// CBPE: with calibrated probabilities, the chance a prediction is right is max(p, 1 − p).
		expected += Math.max(p, 1 - p);
		const f = record.features;
		const bad =
			numericFeatures.some((name) => !Number.isFinite(f[name])) ||
			(Object.keys(categoricalFeatures) as CategoricalFeature[]).some(
				(name) =>
					f[name] === null || !(categoricalFeatures[name] as readonly string[]).includes(f[name]),
			);
		if (bad) invalid++;
	}
	const share = (k: number) => (n === 0 ? 0 : k / n);
	return {
		numeric,
		categorical,
		accuracy: share(correct),
		estimatedAccuracy: share(expected),
		predictedChurnShare: share(predicted),
		actualChurnShare: share(actual),
		invalidShare: share(invalid),
	};
}

function computationalFor(seed: number, day: number, invalidShare: number): ComputationalMetrics {
	const rng = createRng(seed).split(`ops-day-${day}`);
	// Weekday traffic is higher than weekend traffic; a day's noise is a few per cent.
	const weekday = day % 7 === 5 || day % 7 === 6 ? 0.7 : 1;
	const requestsPerSecond = Math.round(120 * weekday * (1 + rng.normal(0, 0.05)) * 10) / 10;
	// Failed validation means retries and fallbacks, which also slow the tail down.
	const latencyP50Ms = Math.round((18 + rng.normal(0, 0.8) + 6 * invalidShare) * 10) / 10;
	const latencyP95Ms =
		Math.round((latencyP50Ms * 2.4 + Math.abs(rng.normal(0, 2)) + 60 * invalidShare) * 10) / 10;
	const errorRate = Math.min(1, 0.002 * Math.exp(rng.normal(0, 0.3)) + 0.9 * invalidShare);
	return { latencyP50Ms, latencyP95Ms, requestsPerSecond, errorRate };
}

/** A day-by-day monitoring stream over the shared world. */
export interface DriftStream {
	readonly config: StreamConfig;
	readonly model: ServedModel;
	/** The scenario applied to days not generated yet. */
	readonly scenario: DriftScenario;
	/** Changes the scenario for every day not generated yet (already generated days keep theirs). */
	inject(scenario: DriftScenario): void;
	/** Computes day `day` (1-based); days must be asked for in increasing order. */
	computeDay(day: number): DayResult;
	/** Reference and current-window values of one feature as of the last computed day. */
	windowValues(feature: FeatureName): {
		reference: readonly number[] | readonly string[];
		current: readonly number[] | readonly (string | null)[];
	};
}

/** Opens a stream: builds the reference and, unless `artifact` is given, the default model. */
export function createDriftStream(config: StreamConfig, artifact?: ModelArtifact): DriftStream {
	const world = createWorld({ recordsPerDay: config.recordsPerDay });
	const reference = generateDataset(world, {
		size: config.referenceSize,
		seed: config.seed,
	}).records;
	const model: ServedModel = artifact
		? { artifact, source: 'registry' }
		: { artifact: trainDefaultModel(reference, config.seed), source: 'default' };
	const rng = createRng(config.seed).split('production');
	const referenceData = dayDataOf(reference, model.artifact);
	const windowRows = config.windowDays * config.recordsPerDay;
	const prepared = new Map<FeatureName, PreparedFeature>();
	for (const f of driftFeatures) {
		if (isNumericFeature(f)) {
			const ref = prepareReference(referenceData.numeric[f]);
			prepared.set(f, {
				numeric: ref,
				categorical: null,
				primaryTest: primaryTestFor(config.alertTest, true, config.referenceSize, ref.uniqueCount),
			});
		} else {
			const values = referenceData.categorical[f].filter((v): v is string => v !== null);
			prepared.set(f, {
				numeric: null,
				categorical: prepareCategories(values),
				primaryTest: primaryTestFor(config.alertTest, false, config.referenceSize, 0),
			});
		}
	}
	const days = new Map<number, DayData>();
	let scenario = config.scenario;
	let lastDay = 0;

	function windowOf(feature: FeatureName, day: number) {
		const first = Math.max(1, day - config.windowDays + 1);
		if (isNumericFeature(feature)) {
			const values: number[] = [];
			let missing = 0;
			for (let d = first; d <= day; d++) {
				for (const v of days.get(d)?.numeric[feature] ?? []) {
					if (Number.isFinite(v)) values.push(v);
					else missing++;
				}
			}
			return { values, missing };
		}
		const values: string[] = [];
		let missing = 0;
		for (let d = first; d <= day; d++) {
			for (const v of days.get(d)?.categorical[feature] ?? []) {
				if (v === null) missing++;
				else values.push(v);
			}
		}
		return { values, missing };
	}

	return {
		config,
		model,
		get scenario() {
			return scenario;
		},
		inject(next) {
			scenario = next;
		},
		computeDay(day) {
			if (!Number.isInteger(day) || day <= lastDay) {
				throw new RangeError(
					`Day ${day} must be an integer after the last computed day ${lastDay}.`,
				);
			}
			for (let d = Math.max(lastDay + 1, day - config.windowDays + 1); d <= day; d++) {
				const records = generateDay(world, d, driftForDay(world, scenario, d), rng);
				days.set(d, dayDataOf(records, model.artifact));
			}
			for (const d of days.keys()) if (d <= day - config.windowDays) days.delete(d);
			lastDay = day;
			const inputs: DatasetFeature[] = [];
			const missingShares: number[] = [];
			const windows = driftFeatures.map((f) => windowOf(f, day));
			driftFeatures.forEach((f, i) => {
				const { values, missing } = windows[i] as { values: number[] | string[]; missing: number };
				const prep = prepared.get(f) as PreparedFeature;
				missingShares.push(missing / Math.max(1, values.length + missing));
				// Sorting a numeric window once serves all three of its tests.
				const current =
					prep.numeric !== null && values.length > 0
						? prepareReference(values as number[])
						: (values as string[]);
				inputs.push({
					name: f,
					reference: (prep.numeric ?? prep.categorical) as PreparedReference,
					current,
					options: { test: prep.primaryTest },
				});
			});
			const usable = inputs.filter((_, i) => (windows[i]?.values.length ?? 0) > 0);
			const dataset = datasetDrift(usable);
			const byName = new Map(dataset.features.map((entry) => [entry.name, entry.result]));
			const features = driftFeatures.flatMap((f, i): FeatureDayResult[] => {
				const primary = byName.get(f);
				const input = inputs[i] as DatasetFeature;
				if (primary === undefined) return [];
				const tests: Partial<Record<DriftTestName, FeatureDriftResult>> = {};
				for (const test of isNumericFeature(f) ? numericTests : categoricalTests) {
					tests[test] =
						test === primary.test
							? primary
							: featureDrift(input.reference, input.current, { test });
				}
				return [{ feature: f, primary, tests, missingShare: missingShares[i] ?? 0 }];
			});
			const today = days.get(day) as DayData;
			return {
				day,
				windowRows: Math.min(windowRows, day * config.recordsPerDay),
				features,
				driftShare: dataset.share,
				datasetDrifted: dataset.drifted,
				accuracy: today.accuracy,
				labelsArriveDay: day + config.labelDelayDays,
				estimatedAccuracy: today.estimatedAccuracy,
				predictedChurnShare: today.predictedChurnShare,
				actualChurnShare: today.actualChurnShare,
				computational: computationalFor(config.seed, day, today.invalidShare),
			};
		},
		windowValues(feature) {
			const ref = isNumericFeature(feature)
				? Array.from(referenceData.numeric[feature])
				: referenceData.categorical[feature].filter((v): v is string => v !== null);
			return { reference: ref, current: windowOf(feature, lastDay).values };
		},
	};
}

/** Reference and current proportions over shared bins, for one feature's histogram. */
export interface FeatureHistogram {
	readonly feature: FeatureName;
	readonly bins: readonly string[];
	readonly reference: readonly number[];
	readonly current: readonly number[];
}

// Short bin labels keep a phone-width axis readable: whole numbers once bins are wide.
const binLabel = (value: number, width: number) =>
	width >= 2 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);

/**
 * Bins a numeric feature on ten equal-width bins between the reference's smallest value and its
 * 99th percentile, the last bin open-ended, so a unit change shows as a pile-up in the last bin
 * instead of stretching the axis until the reference disappears. Categories get one bin each,
 * values the reference never had included.
 */
export function featureHistogram(
	feature: FeatureName,
	reference: readonly number[] | readonly string[],
	current: readonly number[] | readonly (string | null)[],
): FeatureHistogram {
	const proportions = (counts: number[], total: number) =>
		counts.map((c) => (total === 0 ? 0 : c / total));
	if (isNumericFeature(feature)) {
		const ref = Float64Array.from(reference as readonly number[]).sort();
		const low = ref[0] ?? 0;
		const high = ref[Math.min(ref.length - 1, Math.floor(0.99 * ref.length))] ?? 1;
		const bins = 10;
		const width = (high - low) / bins || 1;
		const count = (values: readonly number[] | Float64Array) => {
			const counts = new Array<number>(bins).fill(0);
			for (const v of values) {
				const k = Math.min(bins - 1, Math.max(0, Math.floor((v - low) / width)));
				counts[k] = (counts[k] ?? 0) + 1;
			}
			return counts;
		};
		const currentValues = current as readonly number[];
		return {
			feature,
			bins: Array.from({ length: bins }, (_, k) =>
				k === bins - 1
					? `≥ ${binLabel(low + k * width, width)}`
					: `${binLabel(low + k * width, width)}–${binLabel(low + (k + 1) * width, width)}`,
			),
			reference: proportions(count(ref), ref.length),
			current: proportions(count(currentValues), currentValues.length),
		};
	}
	const known = [...(categoricalFeatures[feature] as readonly string[])];
	const seen = (current as readonly (string | null)[]).filter((v): v is string => v !== null);
	const keys = [...known, ...new Set(seen.filter((v) => !known.includes(v)))];
	const count = (values: readonly string[]) => {
		const counts = new Array<number>(keys.length).fill(0);
		for (const v of values) {
			const k = keys.indexOf(v);
			counts[k] = (counts[k] ?? 0) + 1;
		}
		return counts;
	};
	return {
		feature,
		bins: keys,
		reference: proportions(count(reference as readonly string[]), reference.length),
		current: proportions(count(seen), seen.length),
	};
}

/**
 * The monitoring machine's event for `day`: today's drift and estimate, and the measured accuracy
 * of the day whose labels arrive today (`labelDelayDays` earlier), when there is one.
 */
export function dayObservedEvent(
	results: readonly DayResult[],
	day: number,
	labelDelayDays: number,
): MonitoringEvent {
	const today = results.find((r) => r.day === day);
	if (today === undefined) throw new RangeError(`Day ${day} has not been computed.`);
	const labelled = results.find((r) => r.day === day - labelDelayDays);
	return {
		type: 'monitor.dayObserved',
		day,
		featureResults: today.features.map((f) => ({
			feature: f.feature,
			test: f.primary.test,
			score: f.primary.score,
			threshold: f.primary.threshold,
			drifted: f.primary.drifted,
		})),
		datasetDriftShare: today.driftShare,
		estimatedAccuracy: today.estimatedAccuracy,
		...(labelled === undefined ? {} : { accuracy: labelled.accuracy }),
	};
}

/** Runs a whole stream for `dayCount` days (tests and benchmarks). */
export function runDriftStream(
	config: StreamConfig,
	dayCount: number,
	artifact?: ModelArtifact,
): DayResult[] {
	const stream = createDriftStream(config, artifact);
	const results: DayResult[] = [];
	for (let day = 1; day <= dayCount; day++) results.push(stream.computeDay(day));
	return results;
}

/** A preset: a scenario and settings chosen so one lesson of real monitoring shows clearly. */
export interface DriftPreset {
	readonly id: string;
	readonly title: string;
	/** One sentence on what to notice. */
	readonly notice: string;
	/** Days to run for the lesson to show. */
	readonly days: number;
	readonly config: StreamConfig;
}

const preset = (
	id: string,
	title: string,
	notice: string,
	days: number,
	config: Partial<StreamConfig>,
	scenario: Partial<DriftScenario> = {},
): DriftPreset => ({
	id,
	title,
	notice,
	days,
	config: { ...defaultStreamConfig, ...config, scenario: { ...noScenario, ...scenario } },
});

/** The presets the lab links to; the drift-model tests prove each one's lesson. */
export const driftPresets: readonly DriftPreset[] = [
	preset(
		'false-alarms',
		'No drift: false alarms',
		'Nothing changes in a year, yet each KS and chi-square test flags roughly one day in twenty — that is what a 0.05 significance level means, and why one flag is only a warning.',
		365,
		{ alertTest: 'ks', windowDays: 1 },
	),
	preset(
		'tiny-shift',
		'A tiny shift in large windows',
		'Usage rises by 0.06 of a spread, which matters to nobody: once the window holds 14 days (7,000 rows) KS flags it every day, while normed Wasserstein and PSI stay well under 0.1 — switch to one-day windows and KS mostly stops flagging.',
		30,
		{ alertTest: 'ks', windowDays: 14 },
		{ kind: 'sudden', feature: 'usageHoursPerWeek', magnitude: 0.06, startDay: 1 },
	),
	preset(
		'harmless-shift',
		'Detected but harmless',
		'Discounts jump on day 20: every test flags the feature and the monitor alerts, yet accuracy, measured and estimated, does not fall — drift is not the same as damage.',
		60,
		{ alertTest: 'default' },
		{ kind: 'sudden', feature: 'discountPercent', magnitude: 1.5, startDay: 20 },
	),
	preset(
		'concept-drift',
		'Concept drift',
		'From day 20 long-standing subscribers start to leave: no input distribution moves and the estimate stays level, so only measured accuracy, once labels arrive a week later, shows the damage.',
		60,
		{ alertTest: 'default', labelDelayDays: 7 },
		{ kind: 'concept', feature: 'tenureMonths', magnitude: 3, startDay: 20 },
	),
	preset(
		'label-delay',
		'The label-delay gap',
		'A wave of new subscribers arrives on day 20: inputs and the estimated accuracy react at once, but measured accuracy stays blank for 14 days until the first labels arrive.',
		60,
		{ alertTest: 'default', labelDelayDays: 14 },
		{ kind: 'sudden', feature: 'tenureMonths', magnitude: -2, startDay: 20 },
	),
];
