/**
 * The training lab's persistence on top of the lab store: runs, their model artifacts and the
 * registry. Reads validate every record, and a damaged one is reported by id and left in
 * place (never deleted), so one bad entry cannot hide the others or lose the learner's data.
 */

import type { ModelVersion } from '@sim/registry/registry.model';
import type { RunRecord } from '@sim/registry/experiment.model';
import type { ModelArtifact } from '@sim/training/artifact';
import type { LabStore } from '@/lib/lab-store';

/** Runs and registry as read back, plus problems with unreadable entries. */
export interface TrainingState {
	runs: RunRecord[];
	versions: ModelVersion[];
	problems: string[];
}

/** Reads every run and registry entry, sorted by number. */
export async function loadTrainingState(store: LabStore): Promise<TrainingState> {
	const problems: string[] = [];
	const runs: RunRecord[] = [];
	const stored = await store.getAll('runs');
	// The run reader (and the experiment model's checks) loads only when there are runs to read:
	// a first visit has none, and the lab's first view stays lighter.
	const { parseRunRecord } =
		stored.length > 0 ? await import('./stored-records') : { parseRunRecord: null };
	for (const value of stored) {
		const parsed = parseRunRecord!(value);
		if ('run' in parsed) runs.push(parsed.run);
		else problems.push(parsed.error);
	}
	runs.sort((a, b) => a.number - b.number);
	// Likewise the registry's reader, only when the registry has entries.
	const registry =
		(await store.getAll('registry')).length > 0
			? await (await import('./stored-versions')).loadModelVersions(store)
			: { versions: [], problems: [] };
	return { runs, versions: registry.versions, problems: [...problems, ...registry.problems] };
}

/** Stores a run (and its artifact, if it produced one). */
export async function saveRun(
	store: LabStore,
	run: RunRecord,
	artifact: ModelArtifact | null,
): Promise<void> {
	if (artifact) await store.put('artifacts', run.id, artifact);
	// NaN is not JSON but IndexedDB keeps it; the parser accepts both.
	await store.put('runs', run.id, run);
}

/** Stores registry entries. */
export async function saveVersions(
	store: LabStore,
	versions: readonly ModelVersion[],
): Promise<void> {
	for (const version of versions) await store.put('registry', `v${version.version}`, version);
}

/** Reads a run's artifact, or null when it is missing or not an artifact. */
export async function loadArtifact(store: LabStore, runId: string): Promise<ModelArtifact | null> {
	const value = (await store.get('artifacts', runId)) as Partial<ModelArtifact> | undefined;
	return value?.format === 'churn-model/1' && Array.isArray(value.layers)
		? (value as ModelArtifact)
		: null;
}
