// A registered model is monitored against the data it was trained on: the stream rebuilds that
// data from the registry lineage (seed, size, label noise, split) and compares every window with
// it, not with the world's default reference.
import { describe, expect, test } from 'vitest';
import { createStreamHandler } from '@sim/drift/drift.service';
import { encodeRecords } from '@sim/world/encoding.model';
import {
	createDriftStream,
	defaultStreamConfig,
	defaultTrainingParams,
	prepareData,
	trainDefaultModel,
	trainingDataVersion,
	trainingRecords,
	trainingReferenceOf,
	type StreamReply,
	type TrainingParams,
} from '@sim/index';

const params: TrainingParams = { ...defaultTrainingParams, seed: 7, datasetSize: 1500 };
const reference = trainingReferenceOf(
	{ version: 3, runId: 'run-abc-3' },
	{ dataVersion: trainingDataVersion(params), params },
);
const rows = trainingRecords(reference);
// The "registered" model: any artifact fitted on those rows serves here.
const artifact = trainDefaultModel(rows, 7);

describe('the reference of a registered model', () => {
	test('is the training split its run used: same size and the same rows as prepareData', () => {
		// 1,500 rows minus 20 % validation and 20 % test.
		expect(rows).toHaveLength(900);
		const prepared = prepareData(params);
		expect(prepared.dataVersion).toBe(reference.dataVersion);
		// Row for row: encoded with the run's own encoder, they are the run's training matrix.
		expect(encodeRecords(prepared.encoder, rows).x).toEqual(prepared.train.x);
	});

	test('the stream compares windows with it and says so', () => {
		const stream = createDriftStream(defaultStreamConfig, artifact, reference);
		expect(stream.reference).toEqual({
			source: 'training',
			rows: 900,
			seed: 7,
			dataVersion: reference.dataVersion,
			version: 3,
			runId: 'run-abc-3',
		});
		stream.computeDay(1);
		const seen = stream.windowValues('tenureMonths').reference as number[];
		expect(seen).toEqual(rows.map((r) => r.features.tenureMonths));
		// Without the lineage the same artifact is monitored against the world's reference.
		const fallback = createDriftStream(defaultStreamConfig, artifact);
		expect(fallback.reference).toMatchObject({ source: 'world', rows: 5000, seed: 42 });
		expect((fallback.windowValues('tenureMonths').reference as number[]).length).toBe(5000);
	});

	test('the default model keeps the world reference even if a lineage is passed', () => {
		const stream = createDriftStream(defaultStreamConfig, undefined, reference);
		expect(stream.reference.source).toBe('world');
	});

	test('a lineage whose data cannot be rebuilt is refused with a sentence', () => {
		const wrong = { ...reference, dataVersion: 'deadbeef' };
		expect(() => createDriftStream(defaultStreamConfig, artifact, wrong)).toThrow(
			/training data of version 3 cannot be rebuilt: its run logged data version deadbeef/,
		);
	});

	test('the service passes the lineage on and reports the reference with each day', () => {
		const replies: StreamReply[] = [];
		const handler = createStreamHandler((reply) => replies.push(reply));
		handler.handle({ type: 'open', config: defaultStreamConfig, artifact, training: reference });
		handler.handle({ type: 'day', day: 1 });
		const [first] = replies;
		expect(first?.type === 'day' && first.reference).toMatchObject({
			source: 'training',
			version: 3,
			rows: 900,
		});
	});
});
