/**
 * Serving: which model answers the traffic of each simulated day, how its predictions score
 * against the labels, and the endpoint metrics an on-call engineer watches, per model version.
 *
 * Key decisions: the served model is a timeline, not a constant. `createServing` starts with one
 * model and `swap` puts another in service from a given day on, so a retraining pipeline can
 * promote a new model mid-run and a rollout can compare versions; days already scored keep the
 * model they were scored with. Operational metrics are simulated from a seed per day and version,
 * so a day's figures never depend on how far a run has gone. The default production model is a
 * logistic regression trained with the plain typed-array trainer (no TensorFlow.js) and stored in
 * the registry's artifact format, so a registered model and the default one are served alike.
 */
import { createRng } from '../shared/rng';
import { plainLogisticStep } from '../training/plain-logistic';
import { predictWithArtifact, type ModelArtifact } from '../training/artifact';
import { encodeRecords, fitEncoder, type Encoder } from '../world/encoding.model';
import {
	categoricalFeatureNames,
	categoricalFeatures,
	numericFeatures,
	type CategoricalFeature,
	type ChurnRecord,
	type NumericFeature,
} from '../world/world.model';

/** Simulated operational metrics of the serving endpoint for one day. */
export interface ComputationalMetrics {
	readonly latencyP50Ms: number;
	readonly latencyP95Ms: number;
	readonly requestsPerSecond: number;
	/** Share of requests that failed validation or errored. */
	readonly errorRate: number;
}

/** The model the stream serves and where it came from. */
export interface ServedModel {
	readonly artifact: ModelArtifact;
	readonly source: 'registry' | 'default';
}

/** A served model and the first day it answers traffic. */
export interface ServingEntry extends ServedModel {
	readonly fromDay: number;
	/** A label for metrics per version: 'default', or the registry's version number. */
	readonly version: string;
}

/** The models in service over a run: each answers from its `fromDay` until the next one. */
export interface Serving {
	/** The entries in order of `fromDay`. */
	readonly timeline: readonly ServingEntry[];
	/** The model that answers day `day`. */
	modelForDay(day: number): ServingEntry;
	/** Serves `model` from `fromDay` on; later entries are replaced. */
	swap(model: ServedModel & { readonly version: string }, fromDay: number): void;
}

/** A serving timeline that starts with `initial` on day 1. */
export function createServing(initial: ServedModel & { readonly version: string }): Serving {
	let timeline: ServingEntry[] = [{ ...initial, fromDay: 1 }];
	return {
		get timeline() {
			return timeline;
		},
		modelForDay(day) {
			let current = timeline[0] as ServingEntry;
			for (const entry of timeline) if (entry.fromDay <= day) current = entry;
			return current;
		},
		swap(model, fromDay) {
			if (!Number.isInteger(fromDay) || fromDay < 1) {
				throw new RangeError(`A model can be swapped in from day 1 on, not day ${fromDay}.`);
			}
			timeline = [...timeline.filter((e) => e.fromDay < fromDay), { ...model, fromDay }];
		},
	};
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
	return logisticArtifact(encoder, model);
}

/**
 * A plain logistic model (`cols` weights, then the bias, as `plainLogisticStep` trains them) in
 * the registry's artifact format: one sigmoid layer over the encoder's columns.
 */
export function logisticArtifact(encoder: Encoder, model: Float64Array): ModelArtifact {
	const cols = model.length - 1;
	return {
		format: 'churn-model/1',
		kind: 'logistic',
		encoder,
		layers: [
			{
				weights: Array.from(model.subarray(0, cols)),
				bias: [model[cols] ?? 0],
				inputs: cols,
				outputs: 1,
				activation: 'sigmoid',
			},
		],
	};
}

/** A day's records as columns, with how the served model scored them. */
export interface ScoredDay {
	readonly numeric: Record<NumericFeature, Float64Array>;
	readonly categorical: Record<CategoricalFeature, (string | null)[]>;
	readonly accuracy: number;
	readonly estimatedAccuracy: number;
	readonly predictedChurnShare: number;
	readonly actualChurnShare: number;
	readonly invalidShare: number;
	/** The served model's score for each record, in record order (CBPE estimates from these). */
	readonly probabilities: Float64Array;
	/** Each record's true label (0 or 1), in record order. */
	readonly labels: Uint8Array;
}

/** Scores `records` with `artifact`: accuracy, the CBPE estimate, churn shares, invalid inputs. */
export function scoreDay(records: readonly ChurnRecord[], artifact: ModelArtifact): ScoredDay {
	const n = records.length;
	const numeric = Object.fromEntries(
		numericFeatures.map((f) => [f, Float64Array.from(records, (r) => r.features[f])]),
	) as Record<NumericFeature, Float64Array>;
	const categorical = Object.fromEntries(
		categoricalFeatureNames.map((f) => [f, records.map((r) => r.features[f])]),
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
			categoricalFeatureNames.some(
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
		probabilities: Float64Array.from(probabilities),
		labels: Uint8Array.from(records, (r) => r.churned),
	};
}

/**
 * Simulated operational metrics of the serving endpoint for day `day`. `version` selects the
 * random stream, so two versions served side by side get independent figures; the default
 * version keeps the stream the drift lab has always used.
 */
export function computationalFor(
	seed: number,
	day: number,
	invalidShare: number,
	version = 'default',
): ComputationalMetrics {
	const base = createRng(seed).split(`ops-day-${day}`);
	const rng = version === 'default' ? base : base.split(`version-${version}`);
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
