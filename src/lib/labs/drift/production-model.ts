/**
 * The model the drift lab serves when the learner has one in production in the training lab's
 * registry: read from the shared lab store, the version in production, its stored artifact and
 * its lineage (the run's data version and training parameters), from which the monitor rebuilds
 * the data that model was trained on as its reference. The artifact is checked before it is
 * served, so damaged or deleted weights give an accurate sentence and the default model instead
 * of a TypeError or a run of NaNs.
 */
import type { ModelArtifact } from '@sim/training/artifact';
import {
	trainingDataVersion,
	trainingReferenceOf,
	type TrainingReference,
} from '@sim/training/training.data';
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
	// Most visits find an empty registry: the registry's reader and rules, load only when it has entries, so the lab's first view stays light.
	if ((await store.getAll('registry')).length === 0) return { status: 'none' };
	const [{ loadModelVersions }, { productionVersion }] = await Promise.all([
		import('@/lib/labs/training/stored-versions'),
		import('@sim/registry/registry.model'),
	]);
	const { versions } = await loadModelVersions(store);
	const version = productionVersion(versions);
	if (!version) return { status: 'none' };
	const stored: unknown = await store.get('artifacts', version.runId);
	if (stored === undefined || stored === null)
		return { status: 'missing', version: version.version };
	// Loaded only when there are stored weights to check: most visits have no production model.
	const { artifactProblem } = await import('@sim/serving/artifact-check.model');
	const problem = artifactProblem(stored);
	if (problem !== null) return { status: 'corrupt', version: version.version, problem };
	// The run's record (its parameters rebuild the training data); its reader, like the check,
	// loads only when a sound production model is there.
	const { parseRunRecord } = await import('@/lib/labs/training/stored-records');
	const storedRun: unknown = await store.get('runs', version.runId);
	const parsedRun = storedRun === undefined ? null : parseRunRecord(storedRun);
	const run = parsedRun !== null && 'run' in parsedRun ? parsedRun.run : undefined;
	const ok = { status: 'ok', version: version.version, artifact: stored as ModelArtifact } as const;
	if (run === undefined) {
		return {
			...ok,
			training: null,
			trainingNote: `The run of version ${version.version} is no longer in the training lab's log, so its training data cannot be rebuilt and the world's reference stands in.`,
		};
	}
	// A run logged by another generator would rebuild different rows: say so, do not pretend.
	if (trainingDataVersion(run.params) !== run.dataVersion) {
		return {
			...ok,
			training: null,
			trainingNote: `Version ${version.version} was trained on data version ${run.dataVersion}, which this site can no longer generate, so the world's reference stands in.`,
		};
	}
	return { ...ok, training: trainingReferenceOf(version, run), trainingNote: null };
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
