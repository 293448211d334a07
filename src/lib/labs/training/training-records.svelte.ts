/**
 * The training lab's records on the page: the run log and the registry, reactive for the view and
 * persisted in the browser's lab store. It applies the registry's rules (simulations/registry) and
 * returns what to tell the learner, so the island only shows messages and moves focus. Re-scoring
 * a stored model goes through a trainer (`scoreStoredModel`), never the page's main thread.
 */
import {
	scoreStoredModel,
	type ModelArtifact,
	type ModelVersion,
	type RunRecord,
	type Stage,
} from '@sim/labs/training';
import { formatMetric } from '@/lib/charts/scales';
import { openLabStore, type LabStore } from '@/lib/lab-store';
import { loadArtifact, loadTrainingState, saveRun, saveVersions } from './training-store';

/** The time now as an ISO string (a plain value, not reactive state). */
const nowIso = () => new Date(Date.now()).toISOString();

/** The run log and registry of this browser. */
export class TrainingRecords {
	runs = $state<RunRecord[]>([]);
	versions = $state<ModelVersion[]>([]);
	/** Stored entries that could not be read (left in storage untouched). */
	problems = $state<string[]>([]);
	/** False when the browser refuses storage: records last until the page is left. */
	persistent = $state(true);
	/** What re-scoring each version found, by version number. */
	reloads = $state<Record<number, string>>({});
	#store: LabStore | null = null;

	/** Opens the store and reads what it holds. */
	async open(): Promise<void> {
		const store = await openLabStore();
		this.#store = store;
		this.persistent = store.persistent;
		try {
			const state = await loadTrainingState(store);
			this.runs = [...state.runs, ...this.runs];
			this.versions = state.versions;
			this.problems = state.problems;
		} catch (error) {
			this.problems = [`Saved runs could not be read: ${String(error)}`];
		}
	}

	close(): void {
		this.#store?.close();
	}

	/** Logs `record` (with its model, when it has one); returns a message if it could not be saved. */
	async log(record: RunRecord, artifact: ModelArtifact | null): Promise<string | null> {
		this.runs = [...this.runs, record];
		try {
			if (this.#store) await saveRun(this.#store, record, record.hasArtifact ? artifact : null);
			return null;
		} catch (error) {
			return `Run ${record.number} could not be saved in this browser: ${String(error)}. It stays in this page until you reload.`;
		}
	}

	/** Registers `run` as the next version; the message, and the version added if any. */
	async register(run: RunRecord): Promise<{ message: string; added: number | null }> {
		// The registry's rules load with the first registration, not with the page.
		const { registerVersion } = await import('@sim/registry/registry.model');
		const result = registerVersion(this.versions, run.id, nowIso());
		if ('error' in result) return { message: result.error, added: null };
		this.versions = result.versions;
		// $state proxies cannot be structured-cloned into IndexedDB; store plain snapshots.
		if (this.#store) await saveVersions(this.#store, $state.snapshot([result.added]));
		return {
			message: `Run ${run.number} registered as model version ${result.added.version} (stage none).`,
			added: result.added.version,
		};
	}

	/** Moves `version` to `stage`; the message says which version was archived, if one was. */
	async move(version: ModelVersion, stage: Stage): Promise<{ message: string; moved: boolean }> {
		const { moveToStage } = await import('@sim/registry/registry.model');
		const result = moveToStage(this.versions, version.version, stage, nowIso());
		if ('error' in result) return { message: result.error, moved: false };
		this.versions = result.versions;
		const archived = result.changed.filter((v) => v.version !== version.version);
		if (this.#store) await saveVersions(this.#store, $state.snapshot(result.changed));
		return {
			message: `Version ${version.version} is now in ${stage}.${archived.length > 0 ? ` Version ${archived.map((v) => v.version).join(', ')} was archived: only one version serves production.` : ''}`,
			moved: true,
		};
	}

	/** Reloads a version's stored model and re-scores it on its run's test data. */
	async reload(version: ModelVersion): Promise<void> {
		const say = (text: string) => (this.reloads = { ...this.reloads, [version.version]: text });
		const run = this.runs.find((r) => r.id === version.runId);
		const artifact = this.#store ? await loadArtifact(this.#store, version.runId) : null;
		if (!run || !artifact) {
			say('The stored model could not be found in this browser.');
			return;
		}
		try {
			const { metrics, testRows } = await scoreStoredModel($state.snapshot(run.params), artifact);
			const same = run.final !== null && Math.abs(metrics.accuracy - run.final.accuracy) < 1e-9;
			say(
				`Reloaded v${version.version} from the browser store and re-scored ${testRows} test records: accuracy ${formatMetric(metrics.accuracy)}, AUC ${formatMetric(metrics.auc)}${same ? ', the same as when it was trained.' : '.'}`,
			);
		} catch (error) {
			say(`The stored model could not be scored: ${String(error)}`);
		}
	}
}
