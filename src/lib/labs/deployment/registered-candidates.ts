/**
 * The learner's registered models as deployment candidates, read from the training lab's store:
 * every registered version (any stage) whose weights are stored and sound, each with a label that
 * names its stage and its logged accuracy, and a sentence for each version that cannot be offered.
 * The page loads this module with `import()` when the learner reaches for the candidate choice
 * (or the link names a registered version), and this module loads the
 * run reader and the artifact check only when the registry holds a version, so the lab's first
 * JavaScript does not grow and a visitor with no registry never downloads them.
 */
import type { ModelVersion } from '@sim/registry/registry.model';
import type { RunRecord } from '@sim/registry/experiment.model';
import type { RegisteredCandidate } from '@sim/labs/deployment';
import type { ModelArtifact } from '@sim/training/artifact';
import type { LabStore } from '@/lib/lab-store';
import { loadModelVersions } from '@/lib/labs/training/stored-versions';
import {
	candidateLabels,
	registeredCandidateId,
	registeredStandIn,
	registeredVersionOf,
	type DeploymentParams,
	type RegisteredCandidateId,
} from './deployment-params';

/** One registered version offered as the candidate. */
export interface RegisteredOption {
	readonly id: RegisteredCandidateId;
	readonly label: string;
	readonly candidate: RegisteredCandidate;
}

/** What the registry offers, and why any version is left out. */
export interface RegisteredOffer {
	readonly options: readonly RegisteredOption[];
	readonly notes: readonly string[];
}

const stageNames: Readonly<Record<ModelVersion['stage'], string>> = {
	none: 'no stage',
	staging: 'staging',
	production: 'production',
	archived: 'archived',
};

/**
 * The accuracy a run logged: its test accuracy, else its best epoch's validation accuracy (a
 * stopped run has no test figures), else null.
 */
export function loggedAccuracy(
	run: RunRecord | null,
): { kind: 'test' | 'validation'; value: number } | null {
	if (run === null) return null;
	if (run.final !== null && Number.isFinite(run.final.accuracy)) {
		return { kind: 'test', value: run.final.accuracy };
	}
	const best = run.epochs.find((e) => e.epoch === run.bestEpoch) ?? run.epochs.at(-1);
	return best ? { kind: 'validation', value: best.validationAccuracy } : null;
}

/** The form's label of a registered version, e.g. “Your model v3 (staging, test accuracy 0.81)”. */
export function registeredLabel(version: ModelVersion, run: RunRecord | null): string {
	const accuracy = loggedAccuracy(run);
	const figure =
		run === null
			? 'its run is no longer logged'
			: accuracy === null
				? 'no accuracy logged'
				: `${accuracy.kind} accuracy ${accuracy.value.toFixed(2)}`;
	return `Your model v${version.version} (${stageNames[version.stage]}, ${figure})`;
}

/**
 * A registered version as a candidate option, or the sentence saying why it cannot be deployed
 * (`problem` is what the artifact check found, null when the weights are sound, undefined when
 * there are none).
 */
export function registeredOption(
	version: ModelVersion,
	run: RunRecord | null,
	artifact: unknown,
	problem: string | null | undefined,
): RegisteredOption | { note: string } {
	if (artifact === undefined || artifact === null || problem === undefined) {
		return {
			note: `Your model v${version.version} is registered but its stored weights are gone, so it cannot be deployed.`,
		};
	}
	if (problem !== null) {
		return {
			note: `Your model v${version.version} cannot be deployed: its stored weights are damaged (${problem}).`,
		};
	}
	return {
		id: registeredCandidateId(version.version),
		label: registeredLabel(version, run),
		candidate: {
			kind: 'registered',
			version: version.version,
			stage: version.stage,
			artifact: artifact as ModelArtifact,
		},
	};
}

/**
 * The parameters with a registered candidate this browser's registry lacks replaced by a preset,
 * and the sentence that says so; unchanged (problem null) when the version is there or the
 * candidate is a preset. `available` lists the registered versions this browser can serve.
 */
export function candidateFallback(
	params: DeploymentParams,
	available: readonly number[],
): { params: DeploymentParams; problem: string | null } {
	const version = registeredVersionOf(params.candidate);
	if (version === null || available.includes(version)) return { params, problem: null };
	return {
		params: { ...params, candidate: registeredStandIn },
		problem: `The link deploys your registered model v${version}, which is not in this browser's registry (registered models are kept in the browser that trained them), so the preset “${candidateLabels[registeredStandIn]}” stands in. Train and register a model in the training lab to deploy your own.`,
	};
}

/** Reads every registered version the lab can deploy from `store`. */
export async function loadRegisteredOffer(store: LabStore): Promise<RegisteredOffer> {
	const { versions, problems } = await loadModelVersions(store);
	const notes = problems.map((p) => `${p}; that entry is not offered.`);
	if (versions.length === 0) return { options: [], notes };
	const [{ parseRunRecord }, { artifactProblem }] = await Promise.all([
		import('@/lib/labs/training/stored-records'),
		import('@sim/serving/artifact-check.model'),
	]);
	const options: RegisteredOption[] = [];
	for (const version of versions) {
		const stored: unknown = await store.get('runs', version.runId);
		const parsed = stored === undefined ? null : parseRunRecord(stored);
		const run = parsed !== null && 'run' in parsed ? parsed.run : null;
		const artifact: unknown = await store.get('artifacts', version.runId);
		const problem =
			artifact === undefined || artifact === null ? undefined : artifactProblem(artifact);
		const offered = registeredOption(version, run, artifact, problem);
		if ('note' in offered) notes.push(offered.note);
		else options.push(offered);
	}
	return { options, notes };
}

/** Opens the lab store and reads the offer; a store that cannot be read gives a note, no options. */
export async function readRegisteredOffer(): Promise<RegisteredOffer> {
	try {
		const { openLabStore } = await import('@/lib/lab-store');
		const store = await openLabStore();
		if (!store.persistent) {
			return {
				options: [],
				notes: [
					"This browser's storage cannot be opened (a private window, or storage turned off), so your registered models cannot be offered; the presets still work.",
				],
			};
		}
		try {
			return await loadRegisteredOffer(store);
		} finally {
			store.close();
		}
	} catch (error) {
		return {
			options: [],
			notes: [
				`Your registered models could not be read (${error instanceof Error ? error.message : String(error)}); the presets still work.`,
			],
		};
	}
}
