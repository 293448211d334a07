/**
 * Shared set-up for the deployment suites: the ticks of the model-based specifications (one
 * measurement each, a minute apart), the canary the step engine and its machine are walked
 * through, a preset's run as the lab configures it, and the lab's service driven tick by tick as
 * its clock would, keeping every tick's frame. The expectations stay in each suite; only the
 * plumbing is here.
 */
import type { MeasurementPhase } from '@sim/deployment/analysis.model';
import type { CanarySpec, CanaryStep } from '@sim/deployment/canary.model';
import type { RolloutMetric } from '@sim/deployment/metrics.model';
import { createDeploymentHandler } from '@sim/deployment/deployment.service';
import type {
	DeploymentReply,
	DeploymentRunConfig,
	RolloutStatus,
	TickSummary,
} from '@sim/deployment/deployment.protocol';
import {
	canarySpecFrom,
	defaultRunConfig,
	deploymentPresets,
	flaggerSpecFrom,
} from '@sim/labs/deployment';

/** The specifications' ticks and the measurement each one takes. */
const tickOutcomes: Record<string, MeasurementPhase> = {
	'tick.pass': 'Successful',
	'tick.fail': 'Failed',
	'tick.inconclusive': 'Inconclusive',
};

/** The events of a rollout specification: the three ticks, then Argo's commands. */
export const rolloutSpecEvents: readonly { type: string }[] = [
	...Object.keys(tickOutcomes),
	...['promote', 'promoteFull', 'abort', 'retry', 'rollback'],
].map((type) => ({ type }));

/** A specification state's transitions on every tick, all to `target`. */
export const anyTick = (target: string) => ({
	'tick.pass': target,
	'tick.fail': target,
	'tick.inconclusive': target,
});

/**
 * A clock for replaying specification events: a tick event moves it one minute on and gives the
 * time and the measurement's outcome; any other event gives undefined (a command, not a tick).
 */
export function minuteTicks() {
	let nowMs = 0;
	return (type: string): { nowMs: number; outcome: MeasurementPhase } | undefined => {
		const outcome = tickOutcomes[type];
		if (outcome === undefined) return undefined;
		nowMs += 60_000;
		return { nowMs, outcome };
	};
}

/**
 * The canary the step-engine suites walk: 20 %, a one-minute pause, an analysis of `metric` (the
 * template `check`), 50 %, a pause until promoted, then any `more` steps.
 */
export function walkedCanary(metric: RolloutMetric, ...more: CanaryStep[]): CanarySpec {
	return {
		steps: [
			{ setWeight: 20 },
			{ pause: { duration: '1m' } },
			{ analysis: { templates: ['check'] } },
			{ setWeight: 50 },
			{ pause: {} },
			...more,
		],
		templates: [{ name: 'check', metrics: [metric] }],
	};
}

/** The run a preset starts: its seed, candidate, strategy and canary (and Flagger's, if it judges). */
export function presetRunConfig(id: string): DeploymentRunConfig {
	const p = deploymentPresets.find((x) => x.id === id);
	if (!p) throw new Error(`no preset ${id}`);
	return {
		...defaultRunConfig,
		seed: p.params.seed,
		candidate: p.params.candidate,
		strategy: p.params.strategy ?? 'canary',
		autoPromotionEnabled: p.params.autoPromotionEnabled ?? true,
		spec: canarySpecFrom(p.params.shape),
		...(p.params.shape.judge === 'flagger' ? { flagger: flaggerSpecFrom(p.params.shape) } : {}),
	};
}

/**
 * Opens the service on `config` and runs it for `ticks` ticks, or until the rollout settles
 * (Healthy or Degraded) when `untilSettled`; returns the handler, every reply and each tick's frame.
 */
export function serveTicks(config: DeploymentRunConfig, ticks: number, untilSettled = false) {
	const replies: DeploymentReply[] = [];
	const handler = createDeploymentHandler((r) => replies.push(r));
	handler.handle({ type: 'open', config });
	const frames: { summary: TickSummary; rollout: RolloutStatus }[] = [];
	for (let t = 1; t <= ticks; t++) {
		handler.handle({ type: 'tick', tick: t });
		const reply = replies.at(-1);
		if (reply?.type !== 'tick') throw new Error(`tick ${t}: ${JSON.stringify(reply)}`);
		frames.push(reply);
		const { phase } = reply.rollout;
		if (untilSettled && (phase === 'Healthy' || phase === 'Degraded')) break;
	}
	return { handler, replies, frames };
}
