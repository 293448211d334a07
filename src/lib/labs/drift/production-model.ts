/**
 * The model the drift lab serves when the learner has one in production in the training lab's
 * registry: read from the shared lab store, the version in production and its stored artifact.
 */
import { productionVersion } from '@sim/registry/registry.model';
import type { ModelArtifact } from '@sim/training/artifact';
import type { LabStore } from '@/lib/lab-store';
import { loadArtifact, loadTrainingState } from '@/lib/labs/training/training-store';

/** The production version and its artifact, or null when there is none (or it is missing). */
export async function loadProductionModel(
	store: LabStore,
): Promise<{ version: number; artifact: ModelArtifact } | null> {
	const state = await loadTrainingState(store);
	const version = productionVersion(state.versions);
	const artifact = version ? await loadArtifact(store, version.runId) : null;
	return version && artifact ? { version: version.version, artifact } : null;
}
