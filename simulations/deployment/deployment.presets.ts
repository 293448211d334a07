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
}

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
	const metrics: RolloutMetric[] = [
		{
			name: 'success-rate',
			source: 'successRate',
			lookback,
			failureLimit: shape.failureLimit,
			successCondition: { op: '>=', value: shape.minSuccessRate },
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

/** A preset: a candidate, a canary shape and a seed, with what to notice. */
export type DeploymentPreset = LabPreset<{
	readonly candidate: CandidatePresetId;
	readonly shape: CanaryShape;
	readonly seed: number;
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
] satisfies (Omit<DeploymentPreset, 'params'> & DeploymentPreset['params'])[];

/** The presets, one lesson each. */
export const deploymentPresets: readonly DeploymentPreset[] = flat.map(
	({ candidate, shape, seed, ...preset }) => ({ ...preset, params: { candidate, shape, seed } }),
);
