/**
 * Turns churn records into the numeric matrix a model trains on: numeric features
 * standardised, categories one-hot. The encoder's statistics are fitted on training data only
 * and travel with the model (they are plain JSON), so validation, test and every later
 * serving day are encoded exactly as the model saw its training data — the classic
 * training/serving-skew bug cannot happen by accident. Missing numbers become the training
 * mean (0 after standardising) and unknown or missing categories a row of zeros, so faulty
 * data degrades predictions instead of crashing them.
 */
import {
	categoricalFeatureNames,
	categoricalFeatures,
	numericFeatures,
	type CategoricalFeature,
	type ChurnRecord,
	type NumericFeature,
} from './world.model';

/** Fitted encoding statistics (JSON-serialisable). */
export interface Encoder {
	numeric: { feature: NumericFeature; mean: number; std: number }[];
	categorical: { feature: CategoricalFeature; values: string[] }[];
	/** Column names of the encoded matrix, e.g. "tenureMonths", "plan=basic". */
	columns: string[];
}

/** A row-major feature matrix with labels. */
export interface EncodedData {
	x: Float32Array;
	y: Float32Array;
	rows: number;
	cols: number;
}

/** Fits standardisation statistics on `records` (ignoring missing values). */
export function fitEncoder(records: readonly ChurnRecord[]): Encoder {
	const numeric = numericFeatures.map((feature) => {
		let n = 0;
		let sum = 0;
		let sumSq = 0;
		for (const r of records) {
			const v = r.features[feature];
			if (!Number.isFinite(v)) continue;
			n++;
			sum += v;
			sumSq += v * v;
		}
		const mean = n > 0 ? sum / n : 0;
		const variance = n > 1 ? Math.max(0, (sumSq - n * mean * mean) / (n - 1)) : 0;
		// A constant column would divide by zero; leave it unscaled instead.
		return { feature, mean, std: variance > 1e-12 ? Math.sqrt(variance) : 1 };
	});
	const categorical = categoricalFeatureNames.map((feature) => ({
		feature,
		values: [...categoricalFeatures[feature]] as string[],
	}));
	return {
		numeric,
		categorical,
		columns: [
			...numeric.map((n) => n.feature),
			...categorical.flatMap((c) => c.values.map((v) => `${c.feature}=${v}`)),
		],
	};
}

/** Encodes records with a fitted encoder. */
export function encodeRecords(encoder: Encoder, records: readonly ChurnRecord[]): EncodedData {
	const cols = encoder.columns.length;
	const x = new Float32Array(records.length * cols);
	const y = new Float32Array(records.length);
	records.forEach((record, row) => {
		let col = row * cols;
		for (const { feature, mean, std } of encoder.numeric) {
			const v = record.features[feature];
			x[col++] = Number.isFinite(v) ? (v - mean) / std : 0;
		}
		for (const { feature, values } of encoder.categorical) {
			const index = values.indexOf(record.features[feature] ?? '');
			if (index >= 0) x[col + index] = 1;
			col += values.length;
		}
		y[row] = record.churned;
	});
	return { x, y, rows: records.length, cols };
}
