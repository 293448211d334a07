/**
 * The deployment lab's URL parameters and presets. A preset link carries its id and every
 * setting that differs from the defaults; reading it applies the preset first and then whatever
 * the link states, so `?preset=broken-canary` alone works and a link's explicit values win. The
 * weights accept numbers beyond 0–100 on purpose: Argo's validation, not the form, says why a
 * weight of 150 is wrong, as it would to a team applying the YAML.
 */
import {
	canarySpecFrom,
	defaultCanaryShape as d,
	defaultRunConfig,
	deploymentPresets,
	type CandidatePresetId,
	type DeploymentPreset,
	type DeploymentRunConfig,
} from '@sim/labs/deployment';
import {
	readParams,
	statedParams,
	writeParams,
	type ParamsOf,
	type ParamsSpec,
} from '@/lib/url-params';

/** Candidates a learner can deploy. */
export const candidateIds = ['good', 'worseOnSegment', 'broken', 'slow'] as const;

/** Candidate names in the form. */
export const candidateLabels: Readonly<Record<CandidatePresetId, string>> = {
	good: 'A better model',
	worseOnSegment: 'Worse on one segment',
	broken: 'A broken model (25 % errors)',
	slow: 'A slower model (3× latency)',
};

/** URL spec of the deployment lab. */
export const deploymentParamsSpec = {
	preset: {
		kind: 'enum',
		default: 'custom',
		values: ['custom', ...deploymentPresets.map((p) => p.id)],
		label: 'Preset',
	},
	candidate: {
		kind: 'enum',
		default: defaultRunConfig.candidate,
		values: candidateIds,
		label: 'Candidate (v2)',
	},
	firstWeightPercent: {
		kind: 'integer',
		default: d.firstWeightPercent,
		min: -1000,
		max: 1000,
		label: 'First setWeight (%)',
		aliases: ['weight1'],
	},
	secondWeightPercent: {
		kind: 'integer',
		default: d.secondWeightPercent,
		min: -1000,
		max: 1000,
		label: 'Second setWeight (%)',
		aliases: ['weight2'],
	},
	pauseSeconds: {
		kind: 'integer',
		default: d.pauseSeconds,
		min: 0,
		max: 600,
		label: 'Pause (s)',
		aliases: ['pause'],
	},
	minSuccessRate: {
		kind: 'number',
		default: d.minSuccessRate,
		min: 0,
		max: 1,
		step: 0.01,
		label: 'Success rate at least',
		aliases: ['success'],
	},
	maxLatencyP99Ms: {
		kind: 'integer',
		default: d.maxLatencyP99Ms,
		min: 0,
		max: 5000,
		label: 'p99 latency at most (ms)',
		aliases: ['latency'],
	},
	failureLimit: {
		kind: 'integer',
		default: d.failureLimit,
		min: 0,
		max: 10,
		label: 'failureLimit',
	},
	maxSurgePercent: {
		kind: 'integer',
		default: 25,
		min: 0,
		max: 100,
		label: 'maxSurge (%)',
		aliases: ['surge'],
	},
	maxUnavailablePercent: {
		kind: 'integer',
		default: 0,
		min: 0,
		max: 100,
		label: 'maxUnavailable (%)',
		aliases: ['unavailable'],
	},
	requestsPerTick: {
		kind: 'integer',
		default: defaultRunConfig.requestsPerTick,
		min: 10,
		max: 10_000,
		label: 'Requests per 10 s',
		aliases: ['requests'],
	},
	seed: { kind: 'integer', default: defaultRunConfig.seed, min: 0, max: 2147483647, label: 'Seed' },
} as const satisfies ParamsSpec;

/** The deployment lab's parameters. */
export type DeploymentParams = ParamsOf<typeof deploymentParamsSpec>;

/** The run a set of parameters describes. */
export function toRunConfig(p: DeploymentParams): DeploymentRunConfig {
	return {
		...defaultRunConfig,
		seed: p.seed,
		candidate: p.candidate as CandidatePresetId,
		requestsPerTick: p.requestsPerTick,
		spec: canarySpecFrom({
			firstWeightPercent: p.firstWeightPercent,
			secondWeightPercent: p.secondWeightPercent,
			pauseSeconds: p.pauseSeconds,
			minSuccessRate: p.minSuccessRate,
			maxLatencyP99Ms: p.maxLatencyP99Ms,
			failureLimit: p.failureLimit,
		}),
	};
}

/** The Rollout's replica settings as Argo writes them (percent strings). */
export function replicaOptions(p: DeploymentParams): { maxSurge: string; maxUnavailable: string } {
	return { maxSurge: `${p.maxSurgePercent}%`, maxUnavailable: `${p.maxUnavailablePercent}%` };
}

/** The parameters of a preset (anything not in the preset keeps `base`'s values). */
export function presetParams(preset: DeploymentPreset, base: DeploymentParams): DeploymentParams {
	return {
		...base,
		...preset.params.shape,
		preset: preset.id,
		candidate: preset.params.candidate,
		seed: preset.params.seed,
	};
}

/** Reads the lab's parameters from a query string, applying a preset named in it first. */
export function readDeploymentParams(search: string): {
	params: DeploymentParams;
	problems: string[];
} {
	const parsed = readParams(deploymentParamsSpec, search);
	const preset = deploymentPresets.find((p) => p.id === parsed.params.preset);
	if (preset === undefined) return parsed;
	const stated = statedParams(deploymentParamsSpec, search);
	const fromPreset = presetParams(preset, parsed.params);
	const explicit = Object.fromEntries(
		Object.entries(parsed.params).filter(([key]) => stated.has(key)),
	);
	return { params: { ...fromPreset, ...explicit } as DeploymentParams, problems: parsed.problems };
}

/** The query string (without “?”) of a full, self-contained link to `params`. */
export function deploymentQuery(params: DeploymentParams): string {
	return writeParams(deploymentParamsSpec, params);
}
