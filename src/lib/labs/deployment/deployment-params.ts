/**
 * The deployment lab's URL parameters and presets. A preset link carries its id and every
 * setting that differs from the defaults; reading it applies the preset first and then whatever
 * the link states, so `?preset=broken-canary` alone works and a link's explicit values win. The
 * weights accept numbers beyond 0–100 on purpose: Argo's validation, not the form, says why a
 * weight of 150 is wrong, as it would to a team applying the YAML.
 *
 * The candidate is a preset's id or `registered-N`, the learner's registered version N. Registered
 * models live in each browser's own storage, so the link names the version and the page looks it
 * up: on a machine without it, `candidateFallback` (registered-candidates, loaded with the
 * registry) swaps in a preset with a sentence saying why.
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
	type RegisteredCandidate,
} from '@sim/labs/deployment';
import {
	clip,
	presetParamSpec,
	readParams,
	writeParams,
	type ParamsOf,
	type ParamsSpec,
} from '@/lib/url-params';
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
	preset: presetParamSpec(deploymentPresets),
	candidate: {
		kind: 'enum',
		default: 'broken' as CandidatePresetId,
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

/** A registered version as the link names it. */
export type RegisteredCandidateId = `registered-${number}`;

/** The candidate as the link and the form hold it: a preset, or a registered version. */
export type CandidateParam = CandidatePresetId | RegisteredCandidateId;

/** The deployment lab's parameters. */
export type DeploymentParams = Omit<ParamsOf<typeof deploymentParamsSpec>, 'candidate'> & {
	candidate: CandidateParam;
};

/** The preset that stands in for a registered version this browser does not have. */
export const registeredStandIn: CandidatePresetId = 'good';

/** The link's id of registered version `version`. */
export const registeredCandidateId = (version: number): RegisteredCandidateId =>
	`registered-${version}`;

/** The registered version a candidate names, or null for a preset. */
export function registeredVersionOf(candidate: CandidateParam): number | null {
	const match = /^registered-([1-9]\d{0,8})$/.exec(candidate);
	return match ? Number(match[1]) : null;
}

/**
 * Reads a `candidate` value from a link: a preset id, `registered-N` (N a whole number from 1),
 * or a message saying what is wrong. Unknown values keep the default, like any bad link value.
 */
export function readCandidateParam(
	raw: string,
): { candidate: CandidateParam } | { problem: string } {
	if ((candidateIds as readonly string[]).includes(raw)) {
		return { candidate: raw as CandidatePresetId };
	}
	if (registeredVersionOf(raw as CandidateParam) !== null) {
		return { candidate: raw as RegisteredCandidateId };
	}
	return {
		problem: `Candidate (v2) “${clip(raw)}” is neither a preset (${candidateIds.join(', ')}) nor registered-N for your registered version N, so the default (${deploymentParamsSpec.candidate.default}) is used.`,
	};
}

/**
 * The run a set of parameters describes. A registered candidate is looked up in `registered`
 * (this browser's versions with their weights); one that is not there runs as the stand-in preset,
 * which `candidateFallback` has already told the learner about.
 */
export function toRunConfig(
	p: DeploymentParams,
	registered: readonly RegisteredCandidate[] = [],
): DeploymentRunConfig {
	const version = registeredVersionOf(p.candidate);
	const candidate =
		version === null
			? (p.candidate as CandidatePresetId)
			: (registered.find((r) => r.version === version) ?? registeredStandIn);
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
		candidate,
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
	// The candidate is read here, not by the generic enum rule, since `registered-N` is open-ended.
	const query = new URLSearchParams(search);
	const raw = query.get('candidate') ?? '';
	const read = raw === '' ? null : readCandidateParam(raw);
	query.delete('candidate');
	const parsed = readParams(deploymentParamsSpec, query.toString());
	const params: DeploymentParams = {
		...parsed.params,
		candidate: read !== null && 'candidate' in read ? read.candidate : parsed.params.candidate,
	};
	const problems =
		read !== null && 'problem' in read ? [read.problem, ...parsed.problems] : parsed.problems;
	return applyNamedPreset(
		deploymentParamsSpec,
		read !== null && 'candidate' in read ? search : query.toString(),
		{ params, problems },
		deploymentPresets,
		presetParams,
	);
}

/** The query string (without “?”) of a full, self-contained link to `params`. */
export function deploymentQuery(params: DeploymentParams): string {
	// writeParams writes any string value as is, `registered-N` included.
	return writeParams(deploymentParamsSpec, params as ParamsOf<typeof deploymentParamsSpec>);
}

/** The analysis fields of the form, the ones a judge may ignore. */
export type AnalysisField =
	'minSuccessRate' | 'failBelowSuccessRate' | 'maxLatencyP99Ms' | 'failureLimit';

/**
 * The analysis fields the chosen judge does not read, and the sentence the form shows in their
 * place. Flagger (it runs the canary only) counts failed checks against its threshold and has no
 * inconclusive band; Kayenta's judge scores v2 against stable and reads none of the thresholds.
 */
export function unreadAnalysisFields(
	p: Pick<DeploymentParams, 'judge' | 'strategy'>,
): { fields: readonly AnalysisField[]; why: string } | null {
	if (p.judge === 'flagger' && p.strategy === 'canary') {
		return {
			fields: ['failBelowSuccessRate', 'failureLimit'],
			why: 'Flagger has no failureLimit and no inconclusive band: it rolls back once its threshold of failed checks is reached, so those two Argo fields are hidden.',
		};
	}
	if (p.judge === 'kayenta' && p.strategy !== 'recreate' && p.strategy !== 'rolling') {
		return {
			fields: ['minSuccessRate', 'failBelowSuccessRate', 'maxLatencyP99Ms', 'failureLimit'],
			why: "Kayenta's judge compares v2 with stable metric by metric and scores the result (pass 90, marginal 75): it reads none of Argo's thresholds, so they are hidden.",
		};
	}
	return null;
}
