/**
 * The deployment lab's rollout shape and presets. A learner edits a canary as a few numbers (two
 * weights, the pause between them, the analysis thresholds); `canarySpecFrom` turns them into
 * the Argo steps and AnalysisTemplate the engine runs and the YAML shows. Each preset tells one
 * story on a fixed seed, so a link to it reads the same in every browser.
 *
 * Key decision: the shape is deliberately small (two setWeight steps, each held and then
 * analysed) so every field maps to one line of the YAML a learner can find; numbers outside
 * Argo's ranges are kept, not clamped, so Argo's own validation message can explain them.
 */
import type { LabPreset } from '../runtime/lab-preset';
import type { CanarySpec } from './canary.model';
import type { RolloutMetric } from './metrics.model';
import type { FlaggerSpec } from './flagger.model';
import type { LiveStrategy } from './live.model';
import type { CandidatePresetId } from './traffic.model';

/** The canary as the lab's form edits it. */
export interface CanaryShape {
	/** Weight of the first setWeight step, %. */
	readonly firstWeightPercent: number;
	/** Weight of the second setWeight step, %. */
	readonly secondWeightPercent: number;
	/** How long each weight is held before its analysis; 0 pauses until promoted. */
	readonly pauseSeconds: number;
	/** The success-rate metric's successCondition: result[0] >= this. */
	readonly minSuccessRate: number;
	/** The latency metric's successCondition in ms (result[0] <= this); 0 leaves it out. */
	readonly maxLatencyP99Ms: number;
	/** failureLimit of every metric. */
	readonly failureLimit: number;
	/**
	 * The success-rate metric's failureCondition: result[0] < this (0 leaves it out). Between it
	 * and minSuccessRate a measurement is Inconclusive, and the rollout pauses for a human.
	 */
	readonly failBelowSuccessRate?: number;
	/**
	 * Who judges each analysis step: Argo's own metrics (the thresholds above), or a Kayenta
	 * judge comparing v2 with stable (Mann–Whitney per metric; pass 90, marginal 75).
	 */
	readonly judge?: 'argo' | 'kayenta' | 'flagger';
}

/** Kayenta's score thresholds the lab uses (Spinnaker's usual pass and marginal). */
export const kayentaThreshold = { pass: 90, marginal: 75 } as const;

/** The lab's default shape: 10 %, then 50 %, a minute each, 98 % success required. */
export const defaultCanaryShape: CanaryShape = {
	firstWeightPercent: 10,
	secondWeightPercent: 50,
	pauseSeconds: 60,
	minSuccessRate: 0.98,
	maxLatencyP99Ms: 0,
	failureLimit: 0,
};

/** The AnalysisTemplate every analysis step runs. */
export const analysisTemplateName = 'canary-health';

/** The Argo canary spec a shape describes. */
export function canarySpecFrom(shape: CanaryShape): CanarySpec {
	const lookback = shape.pauseSeconds > 0 ? `${shape.pauseSeconds}s` : '1m';
	const kayenta: RolloutMetric = {
		name: 'kayenta-judge',
		source: 'kayentaScore',
		lookback,
		kayenta: { ...kayentaThreshold },
	};
	const metrics: RolloutMetric[] = [
		{
			name: 'success-rate',
			source: 'successRate',
			lookback,
			failureLimit: shape.failureLimit,
			successCondition: { op: '>=', value: shape.minSuccessRate },
			...(shape.failBelowSuccessRate
				? { failureCondition: { op: '<' as const, value: shape.failBelowSuccessRate } }
				: {}),
		},
	];
	if (shape.maxLatencyP99Ms > 0) {
		metrics.push({
			name: 'latency-p99',
			source: 'latencyP99Ms',
			lookback,
			failureLimit: shape.failureLimit,
			successCondition: { op: '<=', value: shape.maxLatencyP99Ms },
		});
	}
	if (shape.judge === 'kayenta') metrics.splice(0, metrics.length, kayenta);
	const pause = shape.pauseSeconds > 0 ? { duration: `${shape.pauseSeconds}s` } : {};
	const analysis = { analysis: { templates: [analysisTemplateName] } };
	return {
		steps: [
			{ setWeight: shape.firstWeightPercent },
			{ pause },
			analysis,
			{ setWeight: shape.secondWeightPercent },
			{ pause },
			analysis,
		],
		templates: [{ name: analysisTemplateName, metrics }],
	};
}

/**
 * Flagger's analysis read from the same shape, in its own words: the first weight is its
 * stepWeight, the second its maxWeight, the pause its interval; the thresholds are its
 * request-success-rate and request-duration checks.
 */
export function flaggerSpecFrom(shape: CanaryShape, threshold = 2): FlaggerSpec {
	return {
		stepWeight: shape.firstWeightPercent,
		maxWeight: shape.secondWeightPercent,
		threshold,
		intervalSeconds: shape.pauseSeconds > 0 ? shape.pauseSeconds : 60,
		minSuccessRate: shape.minSuccessRate,
		maxLatencyP99Ms: shape.maxLatencyP99Ms,
	};
}

/** A preset: a candidate, a canary shape and a seed, with what to notice. */
export type DeploymentPreset = LabPreset<{
	readonly candidate: CandidatePresetId;
	/** The strategy run live (canary when absent). */
	readonly strategy?: LiveStrategy;
	readonly shape: CanaryShape;
	readonly seed: number;
	/** Blue/green: pause for a human before the switch (Argo's autoPromotionEnabled: false). */
	readonly autoPromotionEnabled?: boolean;
}>;

// Written flat, one lesson each, and given the presets' shape below.
const flat = [
	{
		id: 'broken-canary',
		title: 'A broken model, caught by the canary',
		notice:
			'A quarter of v2’s requests fail. After a minute at 10 % the first analysis measures about 75 % success, the rollout aborts (Degraded) and all traffic returns to v1 at 1 min.',
		candidate: 'broken',
		shape: defaultCanaryShape,
		seed: 7,
	},
	{
		id: 'good-canary',
		title: 'A better model, promoted step by step',
		notice:
			'Both analyses pass: 10 % for a minute, 50 % for a minute, then v2 takes all traffic and the rollout is Healthy.',
		candidate: 'good',
		shape: defaultCanaryShape,
		seed: 7,
	},
	{
		id: 'slow-canary',
		title: 'A slower model, stopped by latency',
		notice:
			'Its answers are right, so the success rate passes; the p99 latency metric (at most 200 ms) fails and aborts the rollout.',
		candidate: 'slow',
		shape: { ...defaultCanaryShape, maxLatencyP99Ms: 200 },
		seed: 7,
	},
	{
		id: 'thin-canary',
		title: 'A bad model passing at 1 % traffic',
		notice:
			'At 1 % only a dozen requests reach v2 in a minute, none from the segment it fails, so the first analysis passes. The fault shows only at 100 %, after every user has met it.',
		candidate: 'worseOnSegment',
		shape: { ...defaultCanaryShape, firstWeightPercent: 1, secondWeightPercent: 100 },
		seed: 1,
	},
	{
		id: 'inconclusive-canary',
		title: 'A flaky model: inconclusive, a human decides',
		notice:
			'v2 fails about 3 % of requests. The metric passes at 98 % and fails below 95 %; v2 lands in between, so the analysis is Inconclusive and the rollout pauses (InconclusiveAnalysisRun). Promote to accept it, or abort to send everyone back to v1.',
		candidate: 'flaky',
		shape: { ...defaultCanaryShape, failBelowSuccessRate: 0.95 },
		seed: 7,
	},
	{
		id: 'broken-recreate',
		title: 'Recreate: an outage, then everyone on the broken model',
		notice:
			'Every v1 pod goes before any v2 pod starts: for 20 s no request is answered. Then all users meet v2 and a quarter of their requests fail; nothing checks it, so it stays until you roll back — another outage.',
		candidate: 'broken',
		strategy: 'recreate',
		shape: defaultCanaryShape,
		seed: 7,
	},
	{
		id: 'broken-rolling',
		title: 'Rolling update: the broken model spreads pod by pod',
		notice:
			'With maxSurge 25 % and maxUnavailable 25 % of 10 pods, up to 13 pods run and at least 8 stay ready: v2 takes a bigger share every 10 s, no request is dropped, and nothing stops the broken model from reaching everyone.',
		candidate: 'broken',
		strategy: 'rolling',
		shape: defaultCanaryShape,
		seed: 7,
	},
	{
		id: 'broken-shadow',
		title: 'Shadow: the broken model tested on copies, no user hurt',
		notice:
			'Every request is copied to v2 and its answers are thrown away. The shadow analysis fails after a minute of mirrored traffic; users were never served by v2.',
		candidate: 'broken',
		strategy: 'shadow',
		shape: defaultCanaryShape,
		seed: 7,
	},
	{
		id: 'broken-bluegreen',
		title: 'Blue/green: switch, fail, switch back at once',
		notice:
			'v2 starts behind the previewService, then every user is switched to it. A minute later the postPromotionAnalysis fails and the activeService switches straight back to v1, whose pods were never stopped.',
		candidate: 'broken',
		strategy: 'blueGreen',
		shape: defaultCanaryShape,
		seed: 7,
	},
	{
		id: 'preview-bluegreen',
		title: 'Blue/green with a preview: you decide when to switch',
		notice:
			'autoPromotionEnabled is false: v2 waits on the previewService (BlueGreenPause) while testers use it and users stay on v1. Promote to switch everyone at once; Rollback within scaleDownDelaySeconds switches back instantly.',
		candidate: 'good',
		strategy: 'blueGreen',
		autoPromotionEnabled: false,
		shape: defaultCanaryShape,
		seed: 7,
	},
	{
		id: 'kayenta-canary',
		title: 'A Kayenta judge compares v2 with stable',
		notice:
			'Instead of fixed thresholds, each analysis asks a Kayenta-style judge: per 10-second point, v2’s error rate and p99 latency against stable’s, Mann–Whitney per metric. Errors are High, latency passes: a score of 50, under the marginal 75, so the measurement fails and the rollout aborts at 1:00.',
		candidate: 'broken',
		shape: { ...defaultCanaryShape, judge: 'kayenta' },
		seed: 7,
	},
	{
		id: 'flagger-canary',
		title: 'Flagger: failed checks counted across the analysis',
		notice:
			'Flagger steps v2 up by 10 % a minute towards 50 %. The broken model fails its success-rate check each minute and the weight holds; at the second failed check (threshold 2) Flagger rolls back, one interval later: at 3:00.',
		candidate: 'broken',
		shape: { ...defaultCanaryShape, judge: 'flagger' },
		seed: 7,
	},
] satisfies (Omit<DeploymentPreset, 'params'> & DeploymentPreset['params'])[];

/** The presets, one lesson each. */
export const deploymentPresets: readonly DeploymentPreset[] = flat.map(
	({ id, title, notice, ...params }) => ({ id, title, notice, params }),
);
