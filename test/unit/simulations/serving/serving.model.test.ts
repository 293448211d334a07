import { describe, expect, test } from 'vitest';
import { computationalFor, createServing, trainDefaultModel } from '@sim/serving/serving.model';
import type { ModelArtifact } from '@sim/training/artifact';
import { createDriftStream, defaultStreamConfig } from '@sim/monitoring/stream.model';
import { createWorld, generateDataset } from '@sim/world/world.model';

const artifact = (label: string) => ({ format: label }) as unknown as ModelArtifact;

describe('createServing', () => {
	test('serves each day with the model in service from that day', () => {
		const serving = createServing({
			artifact: artifact('a'),
			source: 'default',
			version: 'default',
		});
		serving.swap({ artifact: artifact('b'), source: 'registry', version: '2' }, 10);
		serving.swap({ artifact: artifact('c'), source: 'registry', version: '3' }, 20);
		expect([1, 9, 10, 19, 20, 99].map((d) => serving.modelForDay(d).version)).toEqual([
			'default',
			'default',
			'2',
			'2',
			'3',
			'3',
		]);
		// A later swap from an earlier day replaces what was planned after it.
		serving.swap({ artifact: artifact('d'), source: 'registry', version: '4' }, 15);
		expect(serving.timeline.map((e) => [e.version, e.fromDay])).toEqual([
			['default', 1],
			['2', 10],
			['4', 15],
		]);
		expect(() =>
			serving.swap({ artifact: artifact('e'), source: 'registry', version: '5' }, 0),
		).toThrow(RangeError);
	});

	test('the default version keeps the endpoint figures the drift lab always had', () => {
		const a = computationalFor(42, 5, 0);
		expect(computationalFor(42, 5, 0, 'default')).toEqual(a);
		expect(computationalFor(42, 5, 0, '2')).not.toEqual(a);
	});
});

describe('a stream serving a swapped model', () => {
	test('days before the swap are unchanged; days from it are scored by the new model', () => {
		const config = { ...defaultStreamConfig, referenceSize: 600, recordsPerDay: 120 };
		const plain = createDriftStream(config);
		const swapped = createDriftStream(config);
		// A deliberately different model: trained on other records.
		const other = generateDataset(createWorld(), { size: 600, seed: 7 }).records;
		swapped.serve(trainDefaultModel(other, 7), '2', 3);
		const days = [1, 2, 3, 4].map((d) => [plain.computeDay(d), swapped.computeDay(d)]);
		expect(days[0]?.[1]).toEqual(days[0]?.[0]);
		expect(days[1]?.[1]).toEqual(days[1]?.[0]);
		expect(days[2]?.[1]?.predictedChurnShare).not.toBe(days[2]?.[0]?.predictedChurnShare);
		expect(days[2]?.[1]?.computational).not.toEqual(days[2]?.[0]?.computational);
		expect(swapped.serving.modelForDay(4).version).toBe('2');
	});
});
