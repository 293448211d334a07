// The default production model's scores on the drift lab's world, generated exactly as the drift
// stream generates them (simulations/monitoring/stream.model.ts createDriftStream: the reference from
// generateDataset, the default model trained on it, each day from generateDay on the 'production'
// split of the seed, no scenario). Shared by the CBPE tests and by
// scripts/fixtures/cbpe-export.mjs, which writes these numbers for NannyML to read, so both sides
// see the same inputs. Relative imports keep it bundlable by esbuild without the test aliases.
import { createRng } from '../../../../simulations/shared/rng';
import { predictWithArtifact } from '../../../../simulations/training/artifact';
import { encodeRecords } from '../../../../simulations/world/encoding.model';
import {
	createWorld,
	generateDataset,
	generateDay,
	type ChurnRecord,
} from '../../../../simulations/world/world.model';
import { trainDefaultModel } from '../../../../simulations/serving/serving.model';

/** Scores and labels of one sample. */
export interface ScoredSample {
	readonly probabilities: number[];
	readonly labels: number[];
}

/**
 * The reference and `dayCount` drift-free production days under the default stream settings, and,
 * with `holdoutSeed`, a reference-sized sample from another seed that the model did not train on.
 */
export function defaultModelScores(options: {
	seed: number;
	referenceSize: number;
	recordsPerDay: number;
	dayCount: number;
	holdoutSeed?: number;
}): { reference: ScoredSample; days: ScoredSample[]; holdout: ScoredSample } {
	const world = createWorld({ recordsPerDay: options.recordsPerDay });
	const reference = generateDataset(world, {
		size: options.referenceSize,
		seed: options.seed,
	}).records;
	const artifact = trainDefaultModel(reference, options.seed);
	const score = (records: readonly ChurnRecord[]): ScoredSample => ({
		probabilities: Array.from(
			predictWithArtifact(artifact, encodeRecords(artifact.encoder, records)),
		),
		labels: records.map((r) => r.churned),
	});
	const rng = createRng(options.seed).split('production');
	const days: ScoredSample[] = [];
	for (let day = 1; day <= options.dayCount; day++)
		days.push(score(generateDay(world, day, {}, rng)));
	const holdout =
		options.holdoutSeed === undefined
			? { probabilities: [], labels: [] }
			: score(
					generateDataset(world, { size: options.referenceSize, seed: options.holdoutSeed })
						.records,
				);
	return { reference: score(reference), days, holdout };
}
