/**
 * The continuous-training pipeline's data-validation step, mirroring TensorFlow Data Validation
 * (TFDV) and TFX's ExampleValidator: the extracted training rows are summarised and checked
 * against a curated schema, and every breach is an anomaly named with TFDV's own anomaly type
 * (`SCHEMA_MISSING_COLUMN`, `ENUM_TYPE_UNEXPECTED_STRING_VALUES`, `FLOAT_TYPE_BIG_FLOAT`, …) and
 * described in TFDV's wording, so a learner who later reads a real anomalies report recognises
 * it. Sources: tensorflow/data-validation `docs/anomalies.md` (detection conditions),
 * `anomalies/float_domain_util.cc`, `string_domain_util.cc` and `feature_util.cc` (descriptions).
 *
 * Key decision: as in TFX's ExampleValidator, which marks its anomalies artifact "not blessed"
 * whenever any anomaly is found, any anomaly stops the run; the schema is where tolerance lives
 * (a presence fraction below 1, a generous value range), not the stopping rule. The check works
 * on plain objects (`Record<string, unknown>`) rather than typed records, because a broken
 * extraction produces exactly the rows the types promise cannot exist.
 */
import {
	categoricalFeatureNames,
	categoricalFeatures,
	numericFeatures,
	type NumericFeature,
} from '../world/world.model';

/** TFDV's feature types (schema.proto `FeatureType`), as used by our churn data. */
export type SchemaFeatureType = 'INT' | 'FLOAT' | 'BYTES';

/** One feature of a TFDV-style schema. */
export interface SchemaFeature {
	readonly name: string;
	readonly type: SchemaFeatureType;
	/** `presence.min_fraction`: the share of examples that must have a value. */
	readonly minFractionPresent: number;
	/** `float_domain` / `int_domain` bounds for numeric features. */
	readonly min?: number;
	readonly max?: number;
	/** `string_domain` values for categorical features. */
	readonly domain?: readonly string[];
}

/** A dataset schema: the features every extracted example must have. */
export interface DataSchema {
	readonly features: readonly SchemaFeature[];
}

/** The anomaly types this step detects, named as in TFDV's `AnomalyInfo.Type`. */
export type AnomalyType =
	| 'SCHEMA_MISSING_COLUMN'
	| 'SCHEMA_NEW_COLUMN'
	| 'UNEXPECTED_DATA_TYPE'
	| 'ENUM_TYPE_UNEXPECTED_STRING_VALUES'
	| 'FLOAT_TYPE_BIG_FLOAT'
	| 'FLOAT_TYPE_SMALL_FLOAT'
	| 'FEATURE_TYPE_LOW_FRACTION_PRESENT'
	| 'DATASET_LOW_NUM_EXAMPLES';

/** One anomaly, shaped like TFDV's `AnomalyInfo` (with a single reason). */
export interface Anomaly {
	/** The feature's name, or '' for a dataset-level anomaly. */
	readonly feature: string;
	readonly type: AnomalyType;
	readonly shortDescription: string;
	readonly description: string;
	/** Every anomaly we raise is an error: TFDV's default severity. */
	readonly severity: 'ERROR';
}

/** The step's result: TFX's ExampleValidator blesses the data only when no anomaly is found. */
export interface ValidationReport {
	readonly anomalies: readonly Anomaly[];
	readonly blessed: boolean;
	readonly examples: number;
}

// TFDV's short descriptions (constants in anomalies/*.cc).
const OUT_OF_RANGE = 'Out-of-range values';
const DROPPED = 'Column dropped';

/** absl::SixDigits: six significant digits, trailing zeros dropped (like printf's %g). */
export function sixDigits(value: number): string {
	return String(Number(value.toPrecision(6)));
}

/** TFDV's PercentageAsString: "~x%" with x floored, "<1%" under one per cent, "?" if unknown. */
export function percentageAsString(count: number, total: number | null): string {
	if (total === null || total === 0) return '?';
	const percent = (100 * count) / total;
	return percent < 1 ? '<1%' : `~${Math.floor(percent)}%`;
}

/**
 * The curated schema of the churn extract. Types and category domains are what `infer_schema`
 * would find; value ranges are generous physical bounds (hours in a week, a 20-year tenure),
 * chosen by hand as TFDV expects a team to do, so ordinary drift never breaches them while a
 * unit change (euros to cents multiplies charges by 100) always does. Presence: at most 2 % of
 * values may be missing before the null rate counts as a data-quality break.
 */
export const churnSchema: DataSchema = {
	features: [
		...numericFeatures.map((name): SchemaFeature => {
			const max: Record<NumericFeature, number> = {
				tenureMonths: 240,
				monthlyCharge: 500,
				supportTickets: 50,
				usageHoursPerWeek: 168,
				daysSinceLastLogin: 366,
				discountPercent: 100,
				seats: 100,
				latePayments: 24,
			};
			return {
				name,
				type: name === 'monthlyCharge' || name === 'usageHoursPerWeek' ? 'FLOAT' : 'INT',
				minFractionPresent: 0.98,
				min: 0,
				max: max[name],
			};
		}),
		...categoricalFeatureNames.map((name): SchemaFeature => ({
			name,
			type: 'BYTES',
			minFractionPresent: 0.98,
			domain: categoricalFeatures[name],
		})),
		{ name: 'churned', type: 'INT', minFractionPresent: 1, min: 0, max: 1 },
	],
};

/**
 * The schema of serving data: the same features without the label, which production traffic
 * does not have yet (TFDV's environments: a label `not_in_environment: "SERVING"`).
 */
export function servingSchema(schema: DataSchema, label = 'churned'): DataSchema {
	return { features: schema.features.filter((f) => f.name !== label) };
}

/** The smallest extract a training run accepts (TFDV's `DATASET_LOW_NUM_EXAMPLES`). */
export const MIN_TRAINING_EXAMPLES = 200;

const isMissing = (v: unknown) =>
	v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));

function fixed6(value: number): string {
	return value.toFixed(6);
}

/** Validates rows (features plus the label) against a schema, the way TFDV reports anomalies. */
export function validateExamples(
	rows: readonly Readonly<Record<string, unknown>>[],
	schema: DataSchema,
	options: { minExamples?: number } = {},
): ValidationReport {
	const anomalies: Anomaly[] = [];
	const n = rows.length;
	const add = (feature: string, type: AnomalyType, short: string, description: string) =>
		anomalies.push({ feature, type, shortDescription: short, description, severity: 'ERROR' });
	const minExamples = options.minExamples ?? 0;
	if (n < minExamples) {
		add(
			'',
			'DATASET_LOW_NUM_EXAMPLES',
			'Low num examples in dataset.',
			`The dataset has ${n} examples, which is fewer than expected: min = ${minExamples}.`,
		);
	}
	const known = new Set(schema.features.map((f) => f.name));
	const seen = new Set<string>();
	for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
	for (const name of [...seen].sort()) {
		if (!known.has(name)) {
			add(name, 'SCHEMA_NEW_COLUMN', 'New column', 'New column (column in data but not in schema)');
		}
	}
	for (const feature of schema.features) {
		if (n > 0 && !seen.has(feature.name)) {
			add(feature.name, 'SCHEMA_MISSING_COLUMN', DROPPED, 'Column is completely missing');
			continue;
		}
		let present = 0;
		let wrongType = 0;
		let low = Number.POSITIVE_INFINITY;
		let high = Number.NEGATIVE_INFINITY;
		const outside = new Map<string, number>();
		for (const row of rows) {
			const value = row[feature.name];
			if (isMissing(value)) continue;
			present++;
			if (feature.type === 'BYTES') {
				if (typeof value !== 'string') {
					wrongType++;
					continue;
				}
				if (feature.domain && !feature.domain.includes(value)) {
					outside.set(value, (outside.get(value) ?? 0) + 1);
				}
			} else {
				if (typeof value !== 'number' || !Number.isFinite(value)) {
					wrongType++;
					continue;
				}
				if (value < low) low = value;
				if (value > high) high = value;
			}
		}
		if (wrongType > 0) {
			add(
				feature.name,
				'UNEXPECTED_DATA_TYPE',
				'Unexpected data type',
				`Expected data of type: ${feature.type} but got ${wrongType} values of another type.`,
			);
		}
		if (outside.size > 0) {
			const missing = [...outside.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
			add(
				feature.name,
				'ENUM_TYPE_UNEXPECTED_STRING_VALUES',
				'Unexpected string values',
				`Examples contain values missing from the schema: ${missing
					.map(([value, count]) => `${value} (${percentageAsString(count, present)})`)
					.join(', ')}. `,
			);
		}
		if (feature.min !== undefined && low < feature.min) {
			add(
				feature.name,
				'FLOAT_TYPE_SMALL_FLOAT',
				OUT_OF_RANGE,
				`Unexpectedly low values: ${sixDigits(low)}<${sixDigits(feature.min)}(upto six significant digits)`,
			);
		}
		if (feature.max !== undefined && high > feature.max) {
			add(
				feature.name,
				'FLOAT_TYPE_BIG_FLOAT',
				OUT_OF_RANGE,
				`Unexpectedly high value: ${sixDigits(high)}>${sixDigits(feature.max)}(upto six significant digits)`,
			);
		}
		if (n > 0) {
			const fraction = present / n;
			if (feature.minFractionPresent >= 1 && present < n) {
				add(
					feature.name,
					'FEATURE_TYPE_LOW_FRACTION_PRESENT',
					DROPPED,
					`The feature was expected everywhere, but was missing in ${n - present} examples.`,
				);
			} else if (fraction < feature.minFractionPresent) {
				add(
					feature.name,
					'FEATURE_TYPE_LOW_FRACTION_PRESENT',
					DROPPED,
					`The feature was present in fewer examples than expected: minimum fraction = ${fixed6(feature.minFractionPresent)}, actual = ${fixed6(fraction)}`,
				);
			}
		}
	}
	return { anomalies, blessed: anomalies.length === 0, examples: n };
}

/** One line naming a report's anomalies, for a failed run's reason. */
export function describeAnomalies(report: ValidationReport): string {
	if (report.blessed) return 'no anomalies';
	return report.anomalies
		.map((a) => `${a.type} on ${a.feature || 'the dataset'}: ${a.description.trim()}`)
		.join('; ');
}

/** A schema with some features' checks relaxed: what a team ships after accepting a change. */
export function relaxSchema(
	schema: DataSchema,
	changes: Readonly<
		Record<string, { minFractionPresent?: number; addDomainValues?: readonly string[] }>
	>,
): DataSchema {
	return {
		features: schema.features.map((f) => {
			const change = changes[f.name];
			if (!change) return f;
			return {
				...f,
				minFractionPresent: change.minFractionPresent ?? f.minFractionPresent,
				...(f.domain ? { domain: [...f.domain, ...(change.addDomainValues ?? [])] } : {}),
			};
		}),
	};
}
