/**
 * The deployment lab's URL parameters and presets. A preset link carries its id and every
 * setting that differs from the defaults; reading it applies the preset first and then whatever
 * the link states, so `?preset=broken-canary` alone works and a link's explicit values win. The
 * weights accept numbers beyond 0–100 on purpose: Argo's validation, not the form, says why a
 * weight of 150 is wrong, as it would to a team applying the YAML.
 */
import {
	canarySpecFrom,
	flaggerSpecFrom,
	defaultCanaryShape as d,
	defaultRunConfig,
	deploymentPresets,
	type CandidatePresetId,
	type CanaryShape,
	type DeploymentPreset,
	type DeploymentRunConfig,
} from '@sim/labs/deployment';
import { readParams, writeParams, type ParamsOf, type ParamsSpec } from '@/lib/url-params';
import { applyNamedPreset } from '@/lib/labs/lab-params';

/** Strategies the lab runs live. */
export const strategyIds = ['canary', 'recreate', 'rolling', 'shadow', 'blueGreen'] as const;

/** Strategy names in the form. */
export const strategyNames: Readonly<Record<(typeof strategyIds)[number], string>> = {
	canary: 'Canary (Argo Rollouts)',
	recreate: 'Recreate (Kubernetes)',
	rolling: 'Rolling update (Kubernetes)',
	shadow: 'Shadow (mirrored traffic)',
	blueGreen: 'Blue/green (Argo Rollouts)',
};

/** Candidates a learner can deploy. */
export const candidateIds = ['good', 'worseOnSegment', 'broken', 'slow', 'flaky'] as const;

/** Candidate names in the form. */
export const candidateLabels: Readonly<Record<CandidatePresetId, string>> = {
	good: 'A better model',
	worseOnSegment: 'Worse on one segment',
	broken: 'A broken model (25 % errors)',
	slow: 'A slower model (3× latency)',
	flaky: 'A flaky model (3 % errors)',
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
	strategy: {
		kind: 'enum',
		default: defaultRunConfig.strategy,
		values: strategyIds,
		label: 'Strategy',
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
	judge: {
		kind: 'enum',
		default: 'argo',
		values: ['argo', 'kayenta', 'flagger'],
		label: 'Analysis judged by',
	},
	threshold: {
		kind: 'integer',
		default: 2,
		min: 0,
		max: 20,
		label: 'threshold (failed checks)',
	},
	failBelowSuccessRate: {
		kind: 'number',
		default: 0,
		min: 0,
		max: 1,
		step: 0.01,
		label: 'Fail below success rate',
		aliases: ['failBelow'],
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
		default: defaultRunConfig.maxUnavailablePercent,
		min: 0,
		max: 100,
		label: 'maxUnavailable (%)',
		aliases: ['unavailable'],
	},
	autoPromotionEnabled: {
		kind: 'enum',
		default: 'true',
		values: ['true', 'false'],
		label: 'autoPromotionEnabled',
	},
	scaleDownDelaySeconds: {
		kind: 'integer',
		default: defaultRunConfig.scaleDownDelaySeconds,
		min: 0,
		max: 600,
		label: 'scaleDownDelaySeconds',
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
	const shape: CanaryShape = {
		firstWeightPercent: p.firstWeightPercent,
		secondWeightPercent: p.secondWeightPercent,
		pauseSeconds: p.pauseSeconds,
		minSuccessRate: p.minSuccessRate,
		maxLatencyP99Ms: p.maxLatencyP99Ms,
		failureLimit: p.failureLimit,
		failBelowSuccessRate: p.failBelowSuccessRate,
		judge: p.judge as 'argo' | 'kayenta' | 'flagger',
	};
	return {
		...defaultRunConfig,
		seed: p.seed,
		candidate: p.candidate as CandidatePresetId,
		strategy: p.strategy as DeploymentRunConfig['strategy'],
		maxSurgePercent: p.maxSurgePercent,
		maxUnavailablePercent: p.maxUnavailablePercent,
		autoPromotionEnabled: p.autoPromotionEnabled === 'true',
		scaleDownDelaySeconds: p.scaleDownDelaySeconds,
		requestsPerTick: p.requestsPerTick,
		spec: canarySpecFrom(shape),
		// Flagger reads the same fields in its own words: stepWeight, maxWeight, interval.
		...(p.judge === 'flagger' && p.strategy === 'canary'
			? { flagger: flaggerSpecFrom(shape, p.threshold) }
			: {}),
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
		failBelowSuccessRate: preset.params.shape.failBelowSuccessRate ?? 0,
		judge: preset.params.shape.judge ?? 'argo',
		preset: preset.id,
		candidate: preset.params.candidate,
		strategy: preset.params.strategy ?? 'canary',
		autoPromotionEnabled: preset.params.autoPromotionEnabled === false ? 'false' : 'true',
		seed: preset.params.seed,
	};
}

/** Reads the lab's parameters from a query string, applying a preset named in it first. */
export function readDeploymentParams(search: string): {
	params: DeploymentParams;
	problems: string[];
} {
	const parsed = readParams(deploymentParamsSpec, search);
	return applyNamedPreset(deploymentParamsSpec, search, parsed, deploymentPresets, presetParams);
}

/** The query string (without “?”) of a full, self-contained link to `params`. */
export function deploymentQuery(params: DeploymentParams): string {
	return writeParams(deploymentParamsSpec, params);
}
