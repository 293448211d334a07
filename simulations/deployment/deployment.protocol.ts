/**
 * The typed protocol between the deployment lab's clock and its rollout service (a Web Worker,
 * or the same service on the page): the clock opens a rollout, asks for one tick of traffic at a
 * time, and passes on the learner's commands (promote, abort…) and the request for the
 * blast-radius comparison; the service answers ticks with a small summary of each version's
 * traffic and the rollout's state after the tick's reconcile.
 */
import type { CanarySpec } from './canary.model';
import type { FlaggerSpec } from './flagger.model';
import type { LiveStrategy, RolloutCommand, RolloutStatus } from './live.model';
import type { StrategyComparison } from './rollout.model';
import type { CandidateChoice } from './registered.model';

/** What a run is made of. */
export interface DeploymentRunConfig {
	readonly seed: number;
	/** A preset, or a registered version with its stored weights. */
	readonly candidate: CandidateChoice;
	/** The strategy run live; the canary's spec also gives the others their analysis metrics. */
	readonly strategy: LiveStrategy;
	readonly spec: CanarySpec;
	/** Rollout replicas' fenceposts (rolling update; Argo's canary uses them too). */
	readonly maxSurgePercent: number;
	readonly maxUnavailablePercent: number;
	/** Argo blueGreen fields. */
	readonly autoPromotionEnabled: boolean;
	readonly scaleDownDelaySeconds: number;
	/** When set, Flagger runs the canary (stepWeight, maxWeight, threshold) instead of Argo. */
	readonly flagger?: FlaggerSpec;
	/** Requests arriving in one tick. */
	readonly requestsPerTick: number;
	/** Simulated time one tick covers, in ms. */
	readonly tickMs: number;
	/** Ticks in a full run. */
	readonly horizonTicks: number;
}

export type { LiveStrategy, RolloutCommand, RolloutStatus } from './live.model';

/** One version's traffic in one tick. */
export interface VersionSummary {
	readonly served: number;
	readonly errors: number;
	/** NaN when the version answered nothing in the tick. */
	readonly successRate: number;
	readonly latencyP99Ms: number;
	/** Accuracy of every prediction whose label has arrived so far; NaN before any label. */
	readonly accuracy: number;
}

/** One tick as the page draws it. */
export interface TickSummary {
	readonly tick: number;
	/** Simulated seconds at the tick's end. */
	readonly atSeconds: number;
	/** The candidate's share of traffic during the tick. */
	readonly weightPercent: number;
	/** Share of requests copied to the candidate (shadow, preview). */
	readonly mirrorPercent: number;
	/** Requests no pod answered in the tick (recreate's downtime). */
	readonly dropped: number;
	readonly stable: VersionSummary;
	readonly candidate: VersionSummary;
	/** The candidate's answers to mirrored copies, which no user saw. */
	readonly shadow: VersionSummary;
}

/** What the clock asks of the service. */
export type DeploymentRequest =
	| { readonly type: 'open'; readonly config: DeploymentRunConfig }
	| { readonly type: 'tick'; readonly tick: number }
	| { readonly type: 'command'; readonly command: RolloutCommand }
	| { readonly type: 'compare'; readonly seed: number; readonly candidate: CandidateChoice };

/** What the service answers. */
export type DeploymentReply =
	| { readonly type: 'tick'; readonly summary: TickSummary; readonly rollout: RolloutStatus }
	| { readonly type: 'commanded'; readonly rollout: RolloutStatus }
	| { readonly type: 'compared'; readonly results: readonly StrategyComparison[] }
	| { readonly type: 'error'; readonly message: string };

/** The protocol's error reply. */
export const deploymentFailure = (message: string): DeploymentReply => ({ type: 'error', message });
