/**
 * What the deployment lab says about its machine's snapshot before and while it rolls out, as
 * pure functions: the state's dotted name, the status line, simulated time as a clock, the run's
 * totals, the rollout charts' headings and heights, and which form field each of Argo's
 * validation messages belongs beside. What only a rollout under way needs (the charts' series,
 * the analysis runs as rows, the blast-radius table) lives in modules of its own that load with
 * the sections drawing it, so the lab's first download stays small.
 */
import type { DeploymentLabContext, RolloutStatus, TickSummary } from '@sim/labs/deployment';
import type { DeploymentParams } from './deployment-params';

/** The machine's state as dotted names of its active leaves, e.g. `live.rollout.degraded`. */
export function deploymentStateName(value: unknown): string {
	if (typeof value === 'string') return value;
	const live = (value as { live?: { playback?: unknown; rollout?: unknown } }).live;
	if (!live) return String(value);
	const rollout =
		typeof live.rollout === 'string'
			? live.rollout
			: `paused.${String((live.rollout as { paused?: unknown }).paused)}`;
	return `live.${String(live.playback)}.${rollout}`;
}

/** Simulated seconds as m:ss. */
export function formatClock(seconds: number): string {
	const whole = Math.round(seconds);
	return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** A share of traffic as the lab prints it (whole percent). */
export function percent(value: number): string {
	return `${Math.round(value)} %`;
}

/** One sentence on where the rollout is. */
export function rolloutSentence(rollout: RolloutStatus): string {
	const v2 =
		rollout.droppedPercent >= 100
			? 'no pod is up: every request fails'
			: rollout.mirrorPercent > 0 && rollout.weightPercent === 0
				? `${percent(rollout.mirrorPercent)} of requests mirrored to v2, no user served by it`
				: `${percent(rollout.weightPercent)} of traffic on v2`;
	const where = rollout.progress.toLowerCase().startsWith('step')
		? rollout.progress.toLowerCase()
		: rollout.progress;
	switch (rollout.phase) {
		case 'Healthy':
			return `Healthy: v${rollout.stableRevision} is stable and takes all traffic`;
		case 'Degraded':
			return rollout.strategy === 'shadow'
				? 'Degraded: the shadow test stopped; no user was ever served by v2'
				: rollout.strategy === 'blueGreen'
					? 'Degraded: the rollout was aborted and the activeService is back on v1'
					: 'Degraded: the rollout was aborted and all traffic is back on v1';
		case 'Paused':
			switch (rollout.pauseReason) {
				case 'InconclusiveAnalysisRun':
					return `Paused: an analysis was inconclusive, ${v2}; promote or abort`;
				case 'BlueGreenPause':
					return `Paused: v2 is on the previewService, users stay on v1; promote to switch`;
				case 'ShadowComplete':
					return `Paused: the shadow test passed, ${v2}; promote to switch users, or abort`;
				default:
					return `Paused, ${v2} (${where})`;
			}
		default:
			return `Progressing, ${v2} (${where})`;
	}
}

/** The status line. */
export function deploymentStatus(stateName: string, context: DeploymentLabContext): string {
	if (context.error) return `The simulation stopped: ${context.error}`;
	if (stateName === 'setup')
		return 'Nothing rolled out yet: v1 serves everyone. Deploy v2 to start.';
	const last = context.ticks.at(-1);
	const time = last ? `${formatClock(last.atSeconds)} · ` : '';
	const rollout = context.rollout ? rolloutSentence(context.rollout) : 'Deploying v2';
	const prefix =
		stateName === 'finished' ? 'Finished · ' : stateName.includes('.paused.') ? 'On hold · ' : '';
	return `${prefix}${time}${rollout}`;
}

/** Requests lost while no pod was up, over the whole run. */
export function droppedRequests(ticks: readonly TickSummary[]): number {
	return ticks.reduce((n, t) => n + t.dropped, 0);
}

/** The rollout's charts, by id. */
export type RolloutChartId = 'split' | 'success' | 'latency' | 'accuracy';

/** What is known of a rollout chart before it has data: its place, words, axes and height. */
export interface RolloutChart {
	readonly id: RolloutChartId;
	readonly heading: string;
	/**
	 * LineChart's settings: accessible title, y axis, and drawing height in px (the placeholder
	 * shown until the charts' code loads keeps that height).
	 */
	readonly frame: {
		readonly title: string;
		readonly yLabel: string;
		readonly yFormat?: string;
		readonly yDomain?: [number, number];
		readonly height: number;
	};
}

/** The rollout's charts, in order (their series are in rollout-series, loaded with the charts). */
export const rolloutCharts: readonly RolloutChart[] = [
	{
		id: 'split',
		heading: 'Traffic split',
		frame: {
			title: 'Traffic split: users on v2, copies mirrored to it, requests lost',
			yLabel: '% of requests',
			yDomain: [0, 100],
			height: 180,
		},
	},
	{
		id: 'success',
		heading: 'Success rate by version',
		frame: {
			title: 'Success rate by version',
			yLabel: 'Success rate',
			yFormat: '.0%',
			height: 200,
		},
	},
	{
		id: 'latency',
		heading: 'p99 latency by version',
		frame: { title: 'p99 latency by version', yLabel: 'ms', height: 200 },
	},
	{
		id: 'accuracy',
		heading: 'Accuracy as labels arrive',
		frame: {
			title: 'Accuracy by version, as labels arrive',
			yLabel: 'Accuracy',
			yFormat: '.0%',
			height: 180,
		},
	},
];

/** Requests each version failed, over the whole run. */
export function failedRequests(ticks: readonly TickSummary[]): {
	stable: number;
	candidate: number;
} {
	return ticks.reduce(
		(sum, t) => ({
			stable: sum.stable + t.stable.errors,
			candidate: sum.candidate + t.candidate.errors,
		}),
		{ stable: 0, candidate: 0 },
	);
}

/** Whether the form's thresholds judge this run (Deployments, Kayenta's judge and no: they don't). */
export function thresholdsApply(params: DeploymentParams): boolean {
	if (params.strategy === 'recreate' || params.strategy === 'rolling') return false;
	// Kayenta's judge replaces the template's metrics wherever the template is run.
	return params.judge !== 'kayenta';
}

/** What the analysis list says before it has a run, for the strategy chosen. */
export function noAnalysisText(params: DeploymentParams): string {
	switch (params.strategy) {
		case 'recreate':
		case 'rolling':
			return 'A Kubernetes Deployment runs no analysis: nothing checks v2, before or after it takes traffic.';
		case 'shadow':
			return 'The shadow analysis starts with the mirror and measures after a minute of copies.';
		case 'blueGreen':
			return 'The postPromotionAnalysis starts once users are switched to v2.';
		default:
			return params.judge === 'flagger'
				? 'Flagger keeps no AnalysisRun: its checks and verdicts are in the rollout events above.'
				: 'No analysis has run yet: the first one starts after the first pause.';
	}
}

/** Which form field a validation message belongs beside (by the step it names). */
const stepFields: readonly (keyof DeploymentParams)[] = [
	'firstWeightPercent',
	'pauseSeconds',
	'minSuccessRate',
	'secondWeightPercent',
	'pauseSeconds',
	'minSuccessRate',
];

/** Argo's validation messages grouped by the field that causes them. */
export function problemsByField(
	messages: readonly string[],
): Partial<Record<keyof DeploymentParams, string[]>> {
	const out: Partial<Record<keyof DeploymentParams, string[]>> = {};
	for (const message of messages) {
		const step = /steps\[(\d+)\]/.exec(message);
		const field = step
			? (stepFields[Number(step[1])] ?? 'minSuccessRate')
			: message.includes('.maxSurge:')
				? 'maxSurgePercent'
				: 'minSuccessRate';
		(out[field] ??= []).push(message);
	}
	return out;
}
