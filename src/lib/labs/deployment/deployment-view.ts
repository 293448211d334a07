/**
 * What the deployment lab says about its machine's snapshot, as pure functions: the state's
 * dotted name, the status line, simulated time as a clock, the chart series (a version that
 * answered nothing in a tick leaves a gap, not a zero), the analysis runs as rows, and which form
 * field each of Argo's validation messages belongs beside.
 */
import type {
	DeploymentLabContext,
	RolloutAnalysisRun,
	RolloutStatus,
	StrategyComparison,
	TickSummary,
} from '@sim/labs/deployment';
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

/** x values of the charts: minutes at each tick's end. */
export function tickMinutes(ticks: readonly TickSummary[]): number[] {
	return ticks.map((t) => t.atSeconds / 60);
}

const orGap = (value: number) => (Number.isFinite(value) ? value : null);

/** The candidate's share of traffic per tick. */
export function weightSeries(ticks: readonly TickSummary[]): number[] {
	return ticks.map((t) => t.weightPercent);
}

/** The share of requests mirrored to the candidate per tick. */
export function mirrorSeries(ticks: readonly TickSummary[]): number[] {
	return ticks.map((t) => t.mirrorPercent);
}

/** The share of requests nobody answered per tick. */
export function droppedSeries(ticks: readonly TickSummary[]): number[] {
	return ticks.map((t) =>
		t.dropped === 0 ? 0 : (100 * t.dropped) / (t.stable.served + t.candidate.served + t.dropped),
	);
}

/** Requests lost while no pod was up, over the whole run. */
export function droppedRequests(ticks: readonly TickSummary[]): number {
	return ticks.reduce((n, t) => n + t.dropped, 0);
}

/** A version's accuracy so far (labels arrived), per tick. */
export function accuracySeries(
	ticks: readonly TickSummary[],
	side: 'stable' | 'candidate' | 'shadow',
): (number | null)[] {
	return ticks.map((t) => orGap(t[side].accuracy));
}

/** A version's success rate per tick (a gap where it served nothing). */
export function successSeries(
	ticks: readonly TickSummary[],
	side: 'stable' | 'candidate' | 'shadow',
): (number | null)[] {
	return ticks.map((t) => orGap(t[side].successRate));
}

/** A version's p99 latency per tick (a gap where it served nothing). */
export function latencySeries(
	ticks: readonly TickSummary[],
	side: 'stable' | 'candidate' | 'shadow',
): (number | null)[] {
	return ticks.map((t) => orGap(t[side].latencyP99Ms));
}

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

/** One analysis run as the table shows it. */
export interface AnalysisRow {
	readonly key: string;
	readonly title: string;
	readonly phase: string;
	readonly message: string;
	readonly metrics: readonly {
		readonly name: string;
		readonly phase: string;
		/** Each measurement: time, value (3 significant places) and phase. */
		readonly measurements: readonly string[];
	}[];
}

const runNames: Record<RolloutAnalysisRun['kind'], (r: RolloutAnalysisRun) => string> = {
	step: (r) => `Step ${r.stepIndex + 1} analysis`,
	background: () => 'Background analysis',
	postPromotion: () => 'postPromotionAnalysis',
	shadow: () => 'Shadow analysis (mirrored requests)',
};

function row(r: RolloutAnalysisRun): AnalysisRow {
	const started = formatClock(r.run.startedAtMs / 1000);
	return {
		key: `${r.kind}-${r.stepIndex}-${r.run.startedAtMs}`,
		title: `${runNames[r.kind](r)} (v${r.revision}), started ${started}`,
		phase: r.run.phase,
		message: r.run.message,
		metrics: r.run.metrics.map((m) => ({
			name: m.name,
			phase: m.phase,
			measurements: m.measurements.map(
				(x) =>
					`${formatClock(x.atMs / 1000)}: ${x.value === undefined || !Number.isFinite(x.value) ? 'no data' : Number(x.value.toPrecision(3))} (${x.phase})`,
			),
		})),
	};
}

/** Every analysis run of the rollout, oldest first, the running ones last. */
export function analysisRows(rollout: RolloutStatus | null): AnalysisRow[] {
	return rollout ? rollout.analysisRuns.map(row) : [];
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

/** Strategy names as the lab prints them. */
export const strategyLabels: Readonly<Record<StrategyComparison['strategy'], string>> = {
	recreate: 'Recreate',
	rolling: 'Rolling update (maxSurge 25 %, maxUnavailable 25 %)',
	blueGreen: 'Blue/green (preview, switch, analysis, switch back)',
	canary: 'Canary (Argo: 10 %, 50 %)',
	flagger: 'Flagger (stepWeight 10, maxWeight 50, threshold 2)',
	shadow: 'Shadow (mirrored, answers discarded)',
};

/** One row of the blast-radius table. */
export interface ComparisonRow {
	readonly strategy: string;
	readonly servedByCandidate: number;
	readonly failedByCandidate: number;
	readonly usersFailed: number;
	readonly mirrored: number;
	readonly outcome: string;
}

/** The comparison as table rows, in the order the simulation ran them. */
export function comparisonRows(results: readonly StrategyComparison[]): ComparisonRow[] {
	return results.map((r) => ({
		strategy: strategyLabels[r.strategy],
		servedByCandidate: r.blastRadius.servedByCandidate,
		failedByCandidate: r.blastRadius.failedByCandidate,
		usersFailed: r.blastRadius.usersFailedByCandidate,
		mirrored: r.blastRadius.mirrored,
		outcome: r.outcome || '–',
	}));
}
