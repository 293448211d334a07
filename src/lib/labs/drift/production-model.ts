/**
 * The model the drift lab serves when the learner has one in production in the training lab's
 * registry: read from the shared lab store, the version in production, its stored artifact and
 * its lineage (the run's data version and training parameters), from which the monitor rebuilds
 * the data that model was trained on as its reference. The artifact is checked before it is
 * served, so damaged or deleted weights give an accurate sentence and the default model instead
 * of a TypeError or a run of NaNs.
 */
import type { ModelArtifact } from '@sim/training/artifact';
import type { TrainingReference } from '@sim/training/training.data';
import type { LabStore } from '@/lib/lab-store';

/** What the registry holds for production. */
export type ProductionLookup =
	| { readonly status: 'none' }
	| {
			readonly status: 'ok';
			readonly version: number;
			readonly artifact: ModelArtifact;
			/** Its lineage, or null when its training data cannot be rebuilt (see `trainingNote`). */
			readonly training: TrainingReference | null;
			/** Why the world's reference stands in for its training data, or null. */
			readonly trainingNote: string | null;
	  }
	/** The registry names a version whose stored weights are gone. */
	| { readonly status: 'missing'; readonly version: number }
	/** The stored weights are there but cannot be served; `problem` says why. */
	| { readonly status: 'corrupt'; readonly version: number; readonly problem: string };

/** Looks up the production version and checks its stored artifact. */
export async function findProductionModel(store: LabStore): Promise<ProductionLookup> {
	// Most visits find an empty registry: the lookup (the registry's reader and rules, the training
	// data's lineage) loads only when it has entries, so the lab's first view stays light.
	if ((await store.getAll('registry')).length === 0) return { status: 'none' };
	const { lookUpProduction } = await import('./production-lookup');
	return lookUpProduction(store);
}

/** The production version and its artifact, or null when there is none (or it is unusable). */
export async function loadProductionModel(
	store: LabStore,
): Promise<{ version: number; artifact: ModelArtifact } | null> {
	const found = await findProductionModel(store);
	return found.status === 'ok' ? { version: found.version, artifact: found.artifact } : null;
}

/** The sentence the lab shows when production cannot be served (null when it can). */
export function productionNote(found: ProductionLookup): string | null {
	switch (found.status) {
		case 'ok':
			return null;
		case 'none':
			return 'No model is in production in the training lab, so the lab serves its default model.';
		case 'missing':
			return `Version ${found.version} is in production in the training lab, but its stored weights have been deleted, so the lab serves its default model. Promote another version, or retrain, in the training lab.`;
		case 'corrupt':
			return `Version ${found.version} is in production in the training lab, but its stored weights are damaged (${found.problem}), so the lab serves its default model instead. Promote another version, or retrain, in the training lab.`;
	}
}
