/**
 * What the continuous-training lab says about its machine's snapshot, as pure functions: the
 * status line, each policy in one phrase, the accuracy series and run markers of the year chart,
 * the run list's labels, the step graph's rows, and the year's running totals (compute, staleness,
 * accuracy). The components only lay these out.
 */
import {
	pipelineStepInfo,
	triggerInfo,
	type ContinuousTrainingConfig,
	type CtLabContext,
	type PolicyId,
	type RunSummary,
	type StepValue,
	type TfjsReplay,
	type YearDay,
} from '@sim/labs/continuous-training';
import { formatCount } from '@/lib/charts/number-format';

/** The machine's state as one dotted name, e.g. `running.paused`. */
export function ctStateName(value: string | { running?: unknown }): string {
	return typeof value === 'string' ? value : `running.${String(value.running)}`;
}

/** The status line. */
export function ctStatus(stateName: string, context: CtLabContext): string {
	const lastDay = context.days.at(-1)?.day ?? 0;
	const total = context.policies.a.days;
	const runs = `${context.runsA.length} ${context.runsA.length === 1 ? 'run' : 'runs'}`;
	switch (stateName) {
		case 'idle':
			return 'Ready. Choose a preset or a policy, then press Run the year.';
		case 'running.streaming':
			return lastDay === 0
				? 'Simulating the year in the background…'
				: `Day ${lastDay} of ${total}: policy A has started ${runs}.`;
		case 'running.paused':
			return context.error
				? `Paused: ${context.error}`
				: `Paused after day ${lastDay} of ${total}: policy A has started ${runs}.`;
		case 'finished':
			return `Finished ${lastDay} days: policy A started ${runs}.`;
		default:
			return stateName;
	}
}

/** A policy in one phrase, e.g. "Schedule every 30 days, last 60 days, full retrain". */
export function policyText(config: ContinuousTrainingConfig): string {
	const t = config.trigger;
	const trigger =
		t.kind === 'schedule'
			? `every ${t.everyDays ?? 30} days`
			: t.kind === 'performance'
				? `when labelled accuracy < ${t.threshold ?? 0.78}`
				: t.kind === 'drift'
					? `when PSI > ${t.threshold ?? 0.2}`
					: t.kind === 'volume'
						? `after ${formatCount(t.rows ?? 15000)} new labelled rows`
						: 'never (no retraining)';
	if (t.kind === 'none') return 'No retraining: the first model serves all year';
	const parts = [`Retrain ${trigger}`];
	if (config.cooldownDays > 0) parts.push(`cooldown ${config.cooldownDays} days`);
	parts.push(
		config.windowDays !== null
			? `last ${config.windowDays} days`
			: config.recencyHalfLifeDays
				? `recency-weighted (half-life ${config.recencyHalfLifeDays} days)`
				: 'all history',
	);
	parts.push(config.warmStart ? 'warm start' : 'full retrain');
	if (config.gate?.change?.absolute !== undefined && config.gate.change.absolute < 0) {
		parts.push('no gate');
	}
	return parts.join(', ');
}

/** Outcomes in words and the colour each is drawn in. */
export const outcomeInfo = {
	promoted: { label: 'Promoted', color: 'var(--chart-3)' },
	rejected: { label: 'Rejected by the gate', color: 'var(--chart-4)' },
	failed: { label: 'Failed', color: 'var(--chart-5, var(--chart-4))' },
} as const;

/** The accuracy series: the static model and each policy. */
export function accuracySeries(days: readonly YearDay[], hasB: boolean) {
	return [
		{
			label: 'Static model (never retrained)',
			values: days.map((d) => d.a.staticAccuracy),
			color: 'var(--chart-2)',
			dashed: true,
		},
		{ label: 'Policy A', values: days.map((d) => d.a.policyAccuracy), color: 'var(--chart-1)' },
		...(hasB
			? [
					{
						label: 'Policy B',
						values: days.map((d) => d.b?.policyAccuracy ?? null),
						color: 'var(--chart-3)',
					},
				]
			: []),
	];
}

/** A run's button label: "Run 3, day 90: rejected by the gate". */
export function runLabel(policy: PolicyId, run: RunSummary): string {
	return `${policy.toUpperCase()}${run.run}, day ${run.day}: ${outcomeInfo[run.outcome].label.toLowerCase()}`;
}

/** A step value as the graph prints it. */
export function formatStepValue(value: StepValue): string {
	if (value === null) return '–';
	if (typeof value === 'boolean') return value ? 'yes' : 'no';
	if (typeof value === 'number') {
		return Number.isInteger(value) ? formatCount(value) : value.toFixed(3);
	}
	return value;
}

/** A step's row in the run graph. */
export interface StepRow {
	readonly id: string;
	readonly label: string;
	readonly does: string;
	readonly status: string;
	readonly duration: string;
	readonly inputs: readonly [string, string][];
	readonly outputs: readonly [string, string][];
	readonly message: string | null;
}

/** The run's steps, ready to draw. */
export function stepRows(run: RunSummary): StepRow[] {
	return run.steps.map((s) => ({
		id: s.id,
		label: pipelineStepInfo[s.id].label,
		does: pipelineStepInfo[s.id].does,
		status: s.status,
		duration: s.status === 'Skipped' ? '–' : `${s.durationMinutes.toFixed(1)} min`,
		inputs: Object.entries(s.inputs).map(([k, v]) => [k, formatStepValue(v)]),
		outputs: Object.entries(s.outputs).map(([k, v]) => [k, formatStepValue(v)]),
		message: s.message,
	}));
}

/**
 * What the worker's TensorFlow.js replay of a run's training step measured, in one sentence, or
 * why there is none (policy B's runs and runs that never reached training are not replayed).
 */
export function replayText(
	policy: PolicyId,
	run: RunSummary,
	replay: TfjsReplay | null,
): string | null {
	const trained = run.steps.some((s) => s.id === 'training' && s.status !== 'Skipped');
	if (!trained) return null;
	if (replay === null) {
		return policy === 'a'
			? 'TensorFlow.js is training this step again in the worker…'
			: 'Trained with the typed-array reference; the worker replays policy A’s runs with TensorFlow.js.';
	}
	const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
	const reference =
		replay.referenceValidationAccuracy === null
			? ''
			: ` (the year’s typed-array trainer: ${pct(replay.referenceValidationAccuracy)})`;
	return `Trained again with TensorFlow.js (${replay.backend} backend) in the worker: ${replay.steps} steps of ${replay.batchSize} rows in ${replay.wallMs} ms, validation accuracy ${pct(replay.validationAccuracy)}${reference}. Live tensors before and after: ${replay.tensorsBefore} and ${replay.tensorsAfter}.`;
}

/** A run's headline: trigger, window and outcome with its reason. */
export function runHeadline(policy: PolicyId, run: RunSummary): string {
	const trigger = triggerInfo[run.trigger].label.toLowerCase();
	const reason = run.reason.charAt(0).toUpperCase() + run.reason.slice(1);
	return `Policy ${policy.toUpperCase()}, run ${run.run} on day ${run.day} (${trigger} trigger), trained on days ${run.window.fromDay}–${run.window.toDay}: ${outcomeInfo[run.outcome].label.toLowerCase()}. ${reason}`;
}

/** Running totals of one policy so far. */
export interface PolicyTotals {
	readonly runs: number;
	readonly promoted: number;
	readonly rejected: number;
	readonly failed: number;
	/** Runs × training time, simulated minutes. */
	readonly computeMinutes: number;
	readonly meanAccuracy: number | null;
	readonly stalenessDays: number | null;
}

/** Totals for policy `policy` over the days shown. */
export function policyTotals(context: CtLabContext, policy: PolicyId): PolicyTotals {
	const runs = policy === 'a' ? context.runsA : context.runsB;
	const outcomes = context.days.flatMap((d) => (policy === 'a' ? [d.a] : d.b ? [d.b] : []));
	const sum = outcomes.reduce((s, d) => s + d.policyAccuracy, 0);
	return {
		runs: runs.length,
		promoted: runs.filter((r) => r.outcome === 'promoted').length,
		rejected: runs.filter((r) => r.outcome === 'rejected').length,
		failed: runs.filter((r) => r.outcome === 'failed').length,
		computeMinutes: Math.round(runs.reduce((s, r) => s + r.trainingMinutes, 0) * 10) / 10,
		meanAccuracy: outcomes.length === 0 ? null : sum / outcomes.length,
		stalenessDays: outcomes.at(-1)?.stalenessDays ?? null,
	};
}

/** The label-delay gap: the newest day whose labels have arrived, or null before any. */
export function newestLabelledDay(lastDay: number, labelDelayDays = 30): number | null {
	return lastDay - labelDelayDays >= 1 ? lastDay - labelDelayDays : null;
}
