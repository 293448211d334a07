import { describe, expect, test } from 'vitest';
import { artifactProblem, checkedArtifact } from '@sim/serving/artifact-check.model';
import { trainDefaultModel } from '@sim/serving/serving.model';
import { createDriftStream, defaultStreamConfig } from '@sim/monitoring/stream.model';
import { createWorld, generateDataset } from '@sim/world/world.model';
import type { ModelArtifact } from '@sim/training/artifact';

const world = createWorld();
const good = trainDefaultModel(generateDataset(world, { size: 400, seed: 5 }).records, 5);
const copy = (): ModelArtifact => structuredClone(good);

describe('stored artifacts are checked before they are served', () => {
	test('a trained artifact passes', () => {
		expect(artifactProblem(good)).toBeNull();
		expect(checkedArtifact(good)).toBe(good);
	});

	test('each kind of damage is named in one sentence', () => {
		const truncated = copy();
		const first = truncated.layers[0] as ModelArtifact['layers'][number];
		const expected = first.weights.length;
		first.weights = first.weights.slice(0, 5);
		expect(artifactProblem(truncated)).toBe(
			`layer 1's weights has 5 numbers, expected ${expected}`,
		);

		const nan = copy();
		(nan.layers[0] as ModelArtifact['layers'][number]).bias[0] = Number.NaN;
		expect(artifactProblem(nan)).toBe("layer 1's bias number 1 is NaN, not a number");

		const text = copy() as unknown as { layers: { weights: unknown[] }[] };
		(text.layers[0] as { weights: unknown[] }).weights[2] = 'oops';
		expect(artifactProblem(text)).toBe("layer 1's weights number 3 is oops, not a number");

		expect(artifactProblem({ ...copy(), format: 'churn-model/0' })).toBe(
			'the stored model has format "churn-model/0", not churn-model/1',
		);
		expect(artifactProblem({ ...copy(), layers: [] })).toBe('the stored model has no layers');
		expect(artifactProblem({ ...copy(), encoder: undefined })).toBe('the encoder is missing');
		expect(artifactProblem(null)).toBe('the stored model is not an object');
		expect(artifactProblem('{"format":"churn-model/1"}')).toBe('the stored model is not an object');

		const chained = copy();
		(chained.layers[0] as ModelArtifact['layers'][number]).inputs += 1;
		expect(artifactProblem(chained)).toMatch(/^layer 1 takes \d+ inputs but receives \d+$/);
	});

	test('the stream refuses a damaged artifact with that sentence, not a TypeError', () => {
		const broken = copy();
		(broken.layers[0] as ModelArtifact['layers'][number]).weights = [];
		expect(() => createDriftStream(defaultStreamConfig, broken)).toThrow(
			/^The model cannot be served: layer 1's weights has 0 numbers, expected \d+\.$/,
		);
	});
});
