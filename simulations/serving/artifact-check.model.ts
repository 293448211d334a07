/**
 * Checks a stored model artifact before it is served. Artifacts come back from browser storage,
 * which a learner (or another version of the site) can damage; a damaged one must be refused
 * with a sentence that says what is wrong, never scored into NaNs or a TypeError while the
 * monitor shows "Healthy".
 *
 * Key decision: the check is structural and complete (every shape and every number), so an
 * artifact that passes can be scored by `predictWithArtifact` without a single undefined read.
 */
import type { ModelArtifact } from '../training/artifact';

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const isCount = (value: unknown): value is number =>
	typeof value === 'number' && Number.isInteger(value) && value > 0;

function numbersProblem(name: string, value: unknown, length: number): string | null {
	if (!Array.isArray(value)) return `${name} is not a list of numbers`;
	if (value.length !== length) return `${name} has ${value.length} numbers, expected ${length}`;
	const bad = value.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
	return bad < 0 ? null : `${name} number ${bad + 1} is ${String(value[bad])}, not a number`;
}

function encoderProblem(encoder: unknown): string | null {
	if (!isRecord(encoder)) return 'the encoder is missing';
	const { numeric, categorical, columns } = encoder;
	if (!Array.isArray(numeric) || !Array.isArray(categorical) || !Array.isArray(columns)) {
		return 'the encoder is incomplete (numeric, categorical or columns missing)';
	}
	for (const entry of numeric as unknown[]) {
		if (
			!isRecord(entry) ||
			typeof entry.feature !== 'string' ||
			typeof entry.mean !== 'number' ||
			!Number.isFinite(entry.mean) ||
			typeof entry.std !== 'number' ||
			!(entry.std > 0)
		) {
			return 'a numeric feature of the encoder has no usable mean and spread';
		}
	}
	for (const entry of categorical as unknown[]) {
		if (!isRecord(entry) || typeof entry.feature !== 'string' || !Array.isArray(entry.values)) {
			return 'a categorical feature of the encoder has no list of values';
		}
	}
	const width =
		numeric.length +
		(categorical as { values: unknown[] }[]).reduce((sum, c) => sum + c.values.length, 0);
	if (columns.length !== width) {
		return `the encoder names ${columns.length} columns but encodes ${width}`;
	}
	return null;
}

/** What is wrong with `value` as a servable artifact, in one sentence, or null when nothing is. */
export function artifactProblem(value: unknown): string | null {
	if (!isRecord(value)) return 'the stored model is not an object';
	if (value.format !== 'churn-model/1') {
		return `the stored model has format ${JSON.stringify(value.format) ?? 'undefined'}, not churn-model/1`;
	}
	const encoder = encoderProblem(value.encoder);
	if (encoder !== null) return encoder;
	const { layers } = value;
	if (!Array.isArray(layers) || layers.length === 0) return 'the stored model has no layers';
	let inputs = ((value.encoder as Record<string, unknown>).columns as unknown[]).length;
	for (const [index, layer] of (layers as unknown[]).entries()) {
		const name = `layer ${index + 1}`;
		if (!isRecord(layer)) return `${name} is not an object`;
		if (!isCount(layer.inputs) || !isCount(layer.outputs)) {
			return `${name} has no whole, positive input and output counts`;
		}
		if (layer.inputs !== inputs) {
			return `${name} takes ${layer.inputs} inputs but receives ${inputs}`;
		}
		if (layer.activation !== 'tanh' && layer.activation !== 'sigmoid') {
			return `${name} has activation ${JSON.stringify(layer.activation) ?? 'undefined'}, not tanh or sigmoid`;
		}
		const weights = numbersProblem(
			`${name}'s weights`,
			layer.weights,
			layer.inputs * layer.outputs,
		);
		if (weights !== null) return weights;
		const bias = numbersProblem(`${name}'s bias`, layer.bias, layer.outputs);
		if (bias !== null) return bias;
		inputs = layer.outputs;
	}
	return inputs === 1 ? null : `the last layer gives ${inputs} outputs, expected 1 probability`;
}

/** `value` as an artifact, or an Error whose message says what is wrong with it. */
export function checkedArtifact(value: unknown): ModelArtifact {
	const problem = artifactProblem(value);
	if (problem !== null) throw new Error(`The model cannot be served: ${problem}.`);
	return value as ModelArtifact;
}
