/**
 * The drift lab's look-up of the training lab's production model, loaded by production-model's
 * `findProductionModel` only when the registry has entries (most visits have none): the registry's
 * reader and rules, the stored artifact's check and the run's lineage come with it.
 */
import { productionVersion } from '@sim/registry/registry.model';
import type { ModelArtifact } from '@sim/training/artifact';
import { trainingDataVersion, trainingReferenceOf } from '@sim/training/training.data';
import type { LabStore } from '@/lib/lab-store';
import { loadModelVersions } from '@/lib/labs/training/stored-versions';
import type { ProductionLookup } from './production-model';

/** Looks up the production version and checks its stored artifact (findProductionModel's work). */
export async function lookUpProduction(store: LabStore): Promise<ProductionLookup> {
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
