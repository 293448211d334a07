/**
 * The monitoring stream: for each simulated day it generates the traffic under the scenario in
 * force, scores it with the served model, tests every feature's window against the training
 * reference, measures accuracy once labels arrive, estimates it without labels (CBPE-style) and
 * simulates the endpoint's operational metrics.
 *
 * Key design decision: a stream is a small object with a cache of days, not a pure function of
 * (config, day), because a window spans many days and regenerating them every tick would cost
 * more than the statistics. Each day is still generated from its own split of the seed and the
 * scenario in force on that day, so a day's numbers do not depend on how far the stream has run
 * or on the order in which days were asked for — only on the scenario history, which a shared
 * link carries, and on the serving timeline.
 */
import { createRng } from '../shared/rng';
import { checkedArtifact } from '../serving/artifact-check.model';
import type { ModelArtifact } from '../training/artifact';
import { trainingRecords, type TrainingReference } from '../training/training.data';
import {
	createWorld,
	driftFeatures,
	generateDataset,
	generateDay,
	generateRecords,
	isNumericFeature,
	noDrift,
	type FeatureName,
} from '../world/world.model';
import {
	estimateAccuracy,
	fitPerformanceEstimator,
	type PerformanceEstimator,
} from '../stats/performance-estimation.stats';
import {
	chooseDriftTest,
	datasetDrift,
	featureDrift,
	inferFeatureType,
	prepareCategories,
	type DatasetFeature,
	type DriftTestName,
	type FeatureDriftResult,
	type PreparedCategories,
} from '../stats/feature-drift.detector';
import { prepareReference, type PreparedReference } from '../stats/sample.input';
import { correctFeatureDrift } from '../stats/multiple-testing.stats';
import {
	driftForDay,
	scenarioOnDay,
	type DriftScenario,
	type ScheduledScenario,
} from '../drift/scenario.model';
import { datasetDriftShare, type AlertTest, type StreamConfig } from './stream.config';

export { defaultStreamConfig, type AlertTest, type StreamConfig } from './stream.config';
import {
	computationalFor,
	createServing,
	scoreDay,
	trainDefaultModel,
	type ComputationalMetrics,
	type ScoredDay,
	type ServedModel,
	type Serving,
} from '../serving/serving.model';

/** Every test run on each numeric and each categorical feature. */
export const numericTests: readonly DriftTestName[] = ['ks', 'wasserstein', 'psi'];
/** The categorical counterparts: chi-square for KS, Jensen–Shannon for Wasserstein, PSI. */
export const categoricalTests: readonly DriftTestName[] = ['chisquare', 'jensenshannon', 'psi'];

/** One feature's results for one day. */
export interface FeatureDayResult {
	readonly feature: FeatureName;
	/**
	 * The test that decides drift (from `alertTest`); with a p-value correction, its `drifted`
	 * is the verdict after correction.
	 */
	readonly primary: FeatureDriftResult;
	/** The corrected p-value (null for a distance test or without correction). */
	readonly adjustedPValue: number | null;
	/** Every test's result, keyed by test name. */
	readonly tests: Readonly<Partial<Record<DriftTestName, FeatureDriftResult>>>;
	/** Share of the window's values that were missing (excluded from the tests). */
	readonly missingShare: number;
}

/** Everything the lab shows for one simulated day. */
export interface DayResult {
	readonly day: number;
	readonly windowRows: number;
	readonly features: readonly FeatureDayResult[];
	/** Share of features whose primary test flags drift (after any p-value correction). */
	readonly driftShare: number;
	/** Evidently's dataset rule: the drifted share reaches `datasetDriftShare`. */
	readonly datasetDrifted: boolean;
	/** Accuracy of this day's predictions; known only from `labelsArriveDay`. */
	readonly accuracy: number;
	/** The day this day's labels arrive. */
	readonly labelsArriveDay: number;
	/**
	 * CBPE's expected accuracy from this day's predicted probabilities alone (NannyML's calibrated
	 * estimate: isotonic calibration fitted on held-out reference data when it helps).
	 */
	readonly estimatedAccuracy: number;
	/** Share of this day's records predicted to churn. */
	readonly predictedChurnShare: number;
	/** Share of this day's records that actually churned (known with the labels). */
	readonly actualChurnShare: number;
	readonly computational: ComputationalMetrics;
}

interface PreparedFeature {
	readonly numeric: PreparedReference | null;
	readonly categorical: PreparedCategories | null;
	readonly primaryTest: DriftTestName;
}

function primaryTestFor(
	alertTest: AlertTest,
	numeric: boolean,
	reference: PreparedReference | readonly string[],
): DriftTestName {
	switch (alertTest) {
		case 'ks':
			return numeric ? 'ks' : 'chisquare';
		case 'wasserstein':
			return numeric ? 'wasserstein' : 'jensenshannon';
		case 'psi':
			return 'psi';
		case 'default':
			// The distinct values are counted from the reference itself, so a 3- or 4-level
			// categorical on a small reference gets Evidently's chi-square, not the z-test.
			return chooseDriftTest({
				featureType: numeric ? 'numerical' : 'categorical',
				reference: numeric ? reference : (reference as readonly string[]),
			});
	}
}

/**
 * The data every window is compared with. A registered model is monitored against the rows it was
 * trained on (rebuilt from its registry lineage), the default model against the world's reference
 * it trains on; both are the world's simulated day 0.
 */
export type ReferenceInfo =
	| {
			readonly source: 'world';
			readonly rows: number;
			readonly seed: number;
			readonly dataVersion: string;
	  }
	| {
			readonly source: 'training';
			readonly rows: number;
			readonly seed: number;
			readonly dataVersion: string;
			/** The registry version whose training data this is, and its run. */
			readonly version: number;
			readonly runId: string;
	  };

/** A day-by-day monitoring stream over the shared world. */
export interface DriftStream {
	readonly config: StreamConfig;
	readonly model: ServedModel;
	/** Which data the windows are compared with. */
	readonly reference: ReferenceInfo;
	/** The models in service over the run. */
	readonly serving: Serving;
	/** CBPE fitted on held-out reference data scored by the first served model. */
	readonly estimator: PerformanceEstimator;
	/** The scenario applied to days not generated yet. */
	readonly scenario: DriftScenario;
	/** The config's scheduled injections plus those made during the run, each with its first day. */
	readonly injections: readonly ScheduledScenario[];
	/** Changes the scenario for every day not generated yet (already generated days keep theirs). */
	inject(scenario: DriftScenario): void;
	/** Serves `artifact` from `fromDay` on (days already computed keep the model that scored them). */
	serve(artifact: ModelArtifact, version: string, fromDay: number): void;
	/** Computes day `day` (1-based); days must be asked for in increasing order. */
	computeDay(day: number): DayResult;
	/** Reference and current-window values of one feature as of the last computed day. */
	windowValues(feature: FeatureName): {
		reference: readonly number[] | readonly string[];
		current: readonly number[] | readonly (string | null)[];
	};
}

/**
 * Opens a stream: builds the reference and, unless `artifact` is given, the default model. With
 * `training` (the served model's lineage), the reference is the data that model was trained on;
 * without it, the world's reference of `config.referenceSize` rows from `config.seed`.
 */
export function createDriftStream(
	config: StreamConfig,
	artifact?: ModelArtifact,
	training?: TrainingReference,
): DriftStream {
	const world = createWorld({ recordsPerDay: config.recordsPerDay });
	const worldReference = generateDataset(world, {
		size: config.referenceSize,
		seed: config.seed,
	});
	// The default model trains on the world's reference, so only a served artifact has another.
	const own = artifact !== undefined ? training : undefined;
	const reference = own ? trainingRecords(own) : worldReference.records;
	const referenceInfo: ReferenceInfo = own
		? {
				source: 'training',
				rows: reference.length,
				seed: own.seed,
				dataVersion: own.dataVersion,
				version: own.version,
				runId: own.runId,
			}
		: {
				source: 'world',
				rows: reference.length,
				seed: config.seed,
				dataVersion: worldReference.version,
			};
	// A damaged artifact is refused here with a sentence, never scored into NaNs.
	const model: ServedModel = artifact
		? { artifact: checkedArtifact(artifact), source: 'registry' }
		: { artifact: trainDefaultModel(reference, config.seed), source: 'default' };
	const serving = createServing({
		...model,
		version: model.source === 'default' ? 'default' : 'registry',
	});
	const rng = createRng(config.seed).split('production');
	const referenceData = scoreDay(reference, model.artifact);
	const windowRows = config.windowDays * config.recordsPerDay;
	const prepared = new Map<FeatureName, PreparedFeature>();
	for (const f of driftFeatures) {
		// Evidently's column types, read from this reference (`inferFeatureType`): a whole-number
		// column with at most 5 distinct reference values is categorical. On the world's reference
		// that makes discountPercent (0, 5, 10, 15 or 20 %) categorical, so it gets Evidently's
		// categorical tests (chi-square, Jensen–Shannon); a training reference of a few hundred
		// rows can make latePayments or supportTickets categorical too. The type is fixed for the
		// run, as a column mapping set up once would fix it: a window whose values stop being
		// whole numbers (a unit change) would make Evidently read the current's float dtype as
		// numerical for that day, which would change the test mid-run.
		const categoricalNumbers =
			isNumericFeature(f) && inferFeatureType(referenceData.numeric[f]) === 'categorical';
		if (isNumericFeature(f) && !categoricalNumbers) {
			const ref = prepareReference(referenceData.numeric[f]);
			prepared.set(f, {
				numeric: ref,
				categorical: null,
				primaryTest: primaryTestFor(config.alertTest, true, ref),
			});
		} else {
			const values: readonly (string | number)[] = isNumericFeature(f)
				? Array.from(referenceData.numeric[f])
				: referenceData.categorical[f].filter((v): v is string => v !== null);
			prepared.set(f, {
				numeric: null,
				categorical: prepareCategories(values),
				primaryTest: primaryTestFor(config.alertTest, false, values as readonly string[]),
			});
		}
	}
	const estimator = fitEstimator(world, config, model.artifact);
	const days = new Map<number, ScoredDay>();
	// The run's history: the config's schedule, then injections made while it runs, each from the
	// first day not generated yet — so the schedule alone replays the run.
	const schedule: ScheduledScenario[] = [...(config.injections ?? [])].sort(
		(a, b) => a.fromDay - b.fromDay,
	);
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
		reference: referenceInfo,
		estimator,
		get scenario() {
			return scenarioOnDay(config.scenario, schedule, lastDay + 1);
		},
		get injections() {
			return schedule.slice();
		},
		serving,
		inject(next) {
			// A later scheduled entry (from a link) is superseded by what the learner does now.
			const fromDay = lastDay + 1;
			while ((schedule.at(-1)?.fromDay ?? 0) >= fromDay) schedule.pop();
			schedule.push({ fromDay, scenario: next });
		},
		serve(artifact, version, fromDay) {
			serving.swap(
				{ artifact: checkedArtifact(artifact), source: 'registry', version },
				Math.max(fromDay, lastDay + 1),
			);
		},
		computeDay(day) {
			if (!Number.isInteger(day) || day <= lastDay) {
				throw new RangeError(
					`Day ${day} must be an integer after the last computed day ${lastDay}.`,
				);
			}
			for (let d = Math.max(lastDay + 1, day - config.windowDays + 1); d <= day; d++) {
				const scenario = scenarioOnDay(config.scenario, schedule, d);
				const records = generateDay(world, d, driftForDay(world, scenario, d), rng);
				days.set(d, scoreDay(records, serving.modelForDay(d).artifact));
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
			// Correction comes after the per-feature tests and before the share and the alerts,
			// so "drifted" means the same thing everywhere the lab shows it.
			const correction = config.pValueCorrection ?? 'none';
			const corrected = correctFeatureDrift(dataset.features, correction);
			const adjusted = new Map(corrected.features.map((entry) => [entry.name, entry]));
			const raw = new Map(dataset.features.map((entry) => [entry.name, entry.result]));
			const byName = new Map(
				dataset.features.map((entry) => {
					const after = adjusted.get(entry.name);
					return [
						entry.name,
						after === undefined || after.drifted === entry.result.drifted
							? entry.result
							: { ...entry.result, drifted: after.drifted },
					];
				}),
			);
			const driftShare =
				correction === 'none' || dataset.features.length === 0
					? dataset.share
					: corrected.driftedCount / dataset.features.length;
			const features = driftFeatures.flatMap((f, i): FeatureDayResult[] => {
				const primary = byName.get(f);
				const input = inputs[i] as DatasetFeature;
				if (primary === undefined) return [];
				const tests: Partial<Record<DriftTestName, FeatureDriftResult>> = {};
				const numericType = (prepared.get(f) as PreparedFeature).numeric !== null;
				for (const test of numericType ? numericTests : categoricalTests) {
					// Each test's own verdict, uncorrected; only `primary` carries the correction.
					tests[test] =
						test === primary.test
							? (raw.get(f) ?? primary)
							: featureDrift(input.reference, input.current, { test });
				}
				const adjustedPValue =
					correction === 'none' ? null : (adjusted.get(f)?.adjustedPValue ?? null);
				return [
					{ feature: f, primary, adjustedPValue, tests, missingShare: missingShares[i] ?? 0 },
				];
			});
			const today = days.get(day) as ScoredDay;
			return {
				day,
				windowRows: Math.min(windowRows, day * config.recordsPerDay),
				features,
				driftShare,
				datasetDrifted: correction === 'none' ? dataset.drifted : driftShare >= datasetDriftShare,
				accuracy: today.accuracy,
				labelsArriveDay: day + config.labelDelayDays,
				estimatedAccuracy:
					today.probabilities.length === 0
						? today.estimatedAccuracy
						: estimateAccuracy(estimator, today.probabilities),
				predictedChurnShare: today.predictedChurnShare,
				actualChurnShare: today.actualChurnShare,
				computational: computationalFor(
					config.seed,
					day,
					today.invalidShare,
					serving.modelForDay(day).version,
				),
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

/**
 * Fits CBPE once per stream. The scores come from a held-out sample of the reference distribution
 * (its own split of the seed), not from the rows the model trained on: a model is over-confident on
 * its own training rows, and calibrating on them would teach CBPE that over-confidence.
 */
function fitEstimator(
	world: ReturnType<typeof createWorld>,
	config: StreamConfig,
	artifact: ModelArtifact,
): PerformanceEstimator {
	const root = createRng(config.seed);
	const holdout = generateRecords(
		world,
		0,
		noDrift,
		config.referenceSize,
		root.split('cbpe-holdout'),
	);
	const scored = scoreDay(holdout, artifact);
	return fitPerformanceEstimator(scored.probabilities, scored.labels, { rng: root.split('cbpe') });
}

/** Runs a whole stream for `dayCount` days (tests and benchmarks). */
export function runDriftStream(
	config: StreamConfig,
	dayCount: number,
	artifact?: ModelArtifact,
	training?: TrainingReference,
): DayResult[] {
	const stream = createDriftStream(config, artifact, training);
	const results: DayResult[] = [];
	for (let day = 1; day <= dayCount; day++) results.push(stream.computeDay(day));
	return results;
}
