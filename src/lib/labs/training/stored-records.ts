/**
 * Validation of the training lab's stored records (runs and registry versions) as they are read
 * back from IndexedDB or an imported file: anything that does not match is reported with a
 * message naming the field and left where it was, never thrown. The records' types and rules live
 * in simulations/registry; the readers here rebuild exactly those types, keeping known fields
 * only.
 *
 * Key decision: a few small hand-written readers instead of a schema library. Both labs read the
 * registry as soon as they are visible, and a schema library would be most of their JavaScript.
 */
// Straight from the registry's modules, not the training lab's entry point: the drift lab reads
// the registry too, and must not load the training lab to do it.
import { stages, type ModelVersion } from '@sim/registry/registry.model';
import { runStatuses, type RunRecord } from '@sim/registry/experiment.model';
import type { ClassificationMetrics } from '@sim/training/metrics';
import type { EpochMetrics } from '@sim/training/training.model';
import type { TrainingParams } from '@sim/training/training.data';

/** A reader: the value rebuilt, or throws `Invalid` naming what is wrong. */
type Reader<T> = (value: unknown, path: string) => T;

class Invalid extends Error {}

const fail = (path: string, expected: string): never => {
	throw new Invalid(`${path || 'value'} should be ${expected}`);
};
const at = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

const number: Reader<number> = (v, p) =>
	typeof v === 'number' && !Number.isNaN(v) ? v : fail(p, 'a number');
const integer: Reader<number> = (v, p) =>
	Number.isInteger(v) ? (v as number) : fail(p, 'a whole number');
const positiveInteger: Reader<number> = (v, p) =>
	integer(v, p) > 0 ? (v as number) : fail(p, 'a positive whole number');
// NaN is not JSON: exports write null and IndexedDB keeps NaN; both read back as NaN.
const numberOrNaN: Reader<number> = (v, p) =>
	v === null || (typeof v === 'number' && Number.isNaN(v)) ? Number.NaN : number(v, p);
const string: Reader<string> = (v, p) => (typeof v === 'string' ? v : fail(p, 'text'));
const nonEmpty: Reader<string> = (v, p) => (string(v, p) !== '' ? (v as string) : fail(p, 'text'));
const boolean: Reader<boolean> = (v, p) => (typeof v === 'boolean' ? v : fail(p, 'true or false'));
const oneOf =
	<T extends string>(values: readonly T[]): Reader<T> =>
	(v, p) =>
		values.includes(v as T) ? (v as T) : fail(p, `one of ${values.join(', ')}`);
const nullable =
	<T>(read: Reader<T>): Reader<T | null> =>
	(v, p) =>
		v === null ? null : read(v, p);
const array =
	<T>(read: Reader<T>): Reader<T[]> =>
	(v, p) =>
		Array.isArray(v) ? v.map((item, i) => read(item, at(p, i))) : fail(p, 'a list');
const object =
	<T>(fields: { [K in keyof T]: Reader<T[K]> }): Reader<T> =>
	(v, p) => {
		if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(p, 'an object');
		const source = v as Record<string, unknown>;
		const out: Record<string, unknown> = {};
		for (const key of Object.keys(fields) as (keyof T & string)[]) {
			out[key] = fields[key](Object.hasOwn(source, key) ? source[key] : undefined, at(p, key));
		}
		return out as T;
	};

const readParams = object<TrainingParams>({
	model: oneOf(['logistic', 'mlp'] as const),
	hiddenUnits: number,
	learningRate: number,
	epochs: number,
	batchSize: number,
	l2: number,
	validationFraction: number,
	testFraction: number,
	labelNoise: number,
	datasetSize: number,
	seed: number,
	patience: number,
});

const readEpoch = object<EpochMetrics>({
	epoch: number,
	trainLoss: numberOrNaN,
	trainAccuracy: number,
	validationLoss: numberOrNaN,
	validationAccuracy: number,
	learningRate: number,
	epochDurationMs: number,
});

const readMetrics = object<ClassificationMetrics>({
	loss: numberOrNaN,
	accuracy: number,
	precision: number,
	recall: number,
	f1: number,
	auc: numberOrNaN,
	confusion: object({
		truePositive: number,
		falsePositive: number,
		trueNegative: number,
		falseNegative: number,
	}),
});

const readRun = object<RunRecord>({
	id: nonEmpty,
	number: integer,
	startedAt: string,
	status: oneOf(runStatuses),
	params: readParams,
	dataVersion: string,
	codeVersion: string,
	epochs: array(readEpoch),
	final: nullable(readMetrics),
	bestEpoch: nullable(number),
	durationMs: number,
	learningRateChanges: array(object({ epoch: number, learningRate: number })),
	error: nullable(string),
	reproducedFrom: nullable(string),
	hasArtifact: boolean,
});

const readVersion = object<ModelVersion>({
	version: positiveInteger,
	runId: nonEmpty,
	stage: oneOf(stages),
	registeredAt: string,
	history: array(object({ stage: oneOf(stages), at: string })),
});

function parse<T>(read: Reader<T>, value: unknown, what: string): { value: T } | { error: string } {
	try {
		return { value: read(value, '') };
	} catch (error) {
		if (error instanceof Invalid) return { error: `${what} is not valid: ${error.message}` };
		throw error;
	}
}

/** Validates a stored or imported run; returns a message instead of throwing. */
export function parseRunRecord(value: unknown): { run: RunRecord } | { error: string } {
	const parsed = parse(readRun, value, 'Run record');
	return 'value' in parsed ? { run: parsed.value } : parsed;
}

/** Validates a stored version entry. */
export function parseModelVersion(value: unknown): { version: ModelVersion } | { error: string } {
	const parsed = parse(readVersion, value, 'Registry entry');
	return 'value' in parsed ? { version: parsed.value } : parsed;
}
