/**
 * A learner's own registered model as the deployment lab's candidate. The training lab stores
 * each version's weights as a plain artifact; the lab serves that artifact on the world's requests
 * (its predictions are scored against the same delayed labels as every preset's), while latency and
 * errors come from the good preset's serving figures: the artifact holds weights, not a pod's
 * behaviour, and a model that scores well should not look broken because of a number nobody chose.
 *
 * Key decision: the artifact travels inside the run config to the worker and is checked there
 * (`checkedArtifact`), so a damaged one stops the run with a sentence instead of scoring NaNs, and
 * the page never loads the scorer.
 */
import type { Stage } from '../registry/registry.model';
import { checkedArtifact } from '../serving/artifact-check.model';
import { predictWithArtifact, type ModelArtifact } from '../training/artifact';
import { encodeRecords } from '../world/encoding.model';
import type { World } from '../world/world.model';
import { candidatePresets, type CandidatePresetId, type ServingVersion } from './traffic.model';

/** A registered model version chosen as the candidate, with its stored weights. */
export interface RegisteredCandidate {
	readonly kind: 'registered';
	readonly version: number;
	readonly stage: Stage;
	readonly artifact: ModelArtifact;
}

/** What a run deploys as v2: a preset, or one of the learner's registered versions. */
export type CandidateChoice = CandidatePresetId | RegisteredCandidate;

/** The serving version of a registered model: its own predictions, a good model's latency and errors. */
export function registeredServingVersion(
	candidate: RegisteredCandidate,
	world?: World,
): ServingVersion {
	const artifact = checkedArtifact(candidate.artifact);
	const base = candidatePresets(world).good.version;
	return {
		...base,
		label: `Candidate (your model v${candidate.version})`,
		score: (features) => {
			const data = encodeRecords(artifact.encoder, [
				{ day: 0, features, churned: 0, churnProbability: 0 },
			]);
			return predictWithArtifact(artifact, data)[0] as number;
		},
	};
}

/** The traffic model's candidate for a choice: a preset's id as is, a registered model served. */
export function candidateForTraffic(
	choice: CandidateChoice,
	world?: World,
): CandidatePresetId | ServingVersion {
	return typeof choice === 'string' ? choice : registeredServingVersion(choice, world);
}
