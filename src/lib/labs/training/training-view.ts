/**
 * What the training lab says about its machine's snapshot, as pure functions: the status line,
 * what the live region announces, the markers drawn on the curves, the one-line summary of the
 * parameters, the safer learning rate offered after a divergence, and the epochs a comparison
 * spans. The island only wires these to its sections, so the wording is unit-tested here.
 */
import {
	acceptedEvents,
	type EpochMetrics,
	type RunRecord,
	type TrainingContext,
	type TrainingEvent,
} from '@sim/labs/training';
import { formatMetric } from '@/lib/charts/scales';
import { learningRates } from './training-params';
import { runInsights, type RunInsight } from './training-insights';

/** The machine's state as one dotted name, e.g. `session.paused`. */
export function trainingStateName(value: string | { session?: unknown }): string {
	return typeof value === 'string' ? value : `session.${String(value.session)}`;
}

/** The status line for a state and context. */
export function trainingStatus(stateName: string, context: TrainingContext): string {
	const done = context.epochs.length;
	const { params } = context;
	switch (stateName) {
		case 'idle':
			return 'Ready to train. Choose parameters, then press Train.';
		case 'session.training':
			return done === 0
				? 'Training: generating data and building the model…'
				: `Training: epoch ${done} of ${params.epochs}, validation loss ${formatMetric(context.epochs.at(-1)?.validationLoss)}.`;
		case 'session.paused':
			return `Paused after epoch ${done} of ${params.epochs}.`;
		case 'completed':
			return context.result?.reason === 'earlyStopped'
				? `Stopped early after epoch ${done}: validation loss had not improved since epoch ${context.result.bestEpoch}. Test accuracy ${formatMetric(context.result.test.accuracy)}.`
				: `Completed ${done} epochs. Test accuracy ${formatMetric(context.result?.test.accuracy)}.`;
		case 'diverged':
			return `Diverged at epoch ${done}: the loss exploded. Try a smaller learning rate.`;
		case 'stopped':
			return `Stopped after epoch ${done}.`;
		case 'failed':
			return `Failed: ${context.error ?? 'unknown error'}`;
		default:
			return stateName;
	}
}

/** What the curves show, once a run has ended (completed or stopped). */
export function trainingInsights(stateName: string, context: TrainingContext): RunInsight[] {
	return stateName === 'completed' || stateName === 'stopped'
		? runInsights(
				context.epochs,
				context.result?.reason === 'earlyStopped' ? context.result.bestEpoch : null,
			)
		: [];
}

/**
 * What the live region says. Every epoch changes the status; announcing each would drown a
 * screen reader, so it speaks at the start, every tenth epoch and at the end, with what the
 * curves show.
 */
export function trainingAnnouncement(
	stateName: string,
	context: TrainingContext,
	insights: readonly RunInsight[],
): string {
	if (stateName === 'session.training') {
		const tens = Math.floor(context.epochs.length / 10) * 10;
		return tens === 0
			? `Training started: ${context.params.epochs} epochs.`
			: `Training: ${tens} of ${context.params.epochs} epochs done, validation loss ${formatMetric(context.epochs[tens - 1]?.validationLoss)}.`;
	}
	const status = trainingStatus(stateName, context);
	const insight = insights.find((i) => i.kind === 'overfitting' || i.kind === 'bumpy');
	return insight ? `${status} ${insight.text.split('. ')[0]}.` : status;
}

/** A vertical marker on the learning curves. */
export interface CurveMarker {
	x: number;
	label: string;
	color?: string;
}

/** Learning-rate changes, the best epoch of an early stop, and where over-fitting began. */
export function curveMarkers(
	context: TrainingContext,
	insights: readonly RunInsight[],
): CurveMarker[] {
	const lowest = (epochs: readonly EpochMetrics[]) =>
		epochs.reduce((b, e) => (e.validationLoss < b.validationLoss ? e : b)).epoch;
	const overfitFrom =
		insights.some((i) => i.kind === 'overfitting') && context.epochs.length > 0
			? lowest(context.epochs)
			: null;
	return [
		...context.learningRateChanges.map((c) => ({
			x: c.epoch + 0.5,
			label: `lr ${c.learningRate}`,
		})),
		...(context.result?.reason === 'earlyStopped'
			? [{ x: context.result.bestEpoch, label: 'best epoch', color: 'var(--chart-3)' }]
			: []),
		...(overfitFrom !== null
			? [{ x: overfitFrom, label: 'lowest validation loss', color: 'var(--chart-3)' }]
			: []),
	];
}

/** The parameters in one line, for the folded parameter panel. */
export function parametersSummary(context: TrainingContext): string {
	const { params } = context;
	return [
		params.model === 'mlp' ? `MLP, ${params.hiddenUnits} hidden units` : 'Logistic regression',
		`learning rate ${context.learningRate}`,
		`${params.epochs} epochs`,
		`${params.datasetSize} records`,
		params.l2 > 0 ? `L2 ${params.l2}` : '',
		params.patience > 0 ? `patience ${params.patience}` : '',
		`seed ${params.seed}`,
	]
		.filter(Boolean)
		.join(' · ');
}

/** The rung of the lab's ladder at or below a tenth of `learningRate`. */
export function saferLearningRate(learningRate: number): number {
	return [...learningRates].reverse().find((r) => r <= learningRate / 10) ?? learningRates[0];
}

/** Epoch numbers 1…n spanning the longest of `runs`. */
export function comparisonEpochs(runs: readonly RunRecord[]): number[] {
	return Array.from({ length: Math.max(0, ...runs.map((r) => r.epochs.length)) }, (_, i) => i + 1);
}

/** How a run that just left its session ended, for the run log; null if it did not end. */
export function endedRunStatus(
	stateName: string,
	result: TrainingContext['result'],
): RunRecord['status'] | null {
	switch (stateName) {
		case 'completed':
			return result?.reason === 'earlyStopped' ? 'earlyStopped' : 'completed';
		case 'diverged':
		case 'stopped':
		case 'failed':
			return stateName;
		default:
			return null;
	}
}

/**
 * The events the statechart lists as possible now. Events with a payload are asked about with a
 * sample one (the rate is any valid rate, the parameters the current ones): only the type shows.
 */
export function trainingEnabledEvents(
	snapshot: { can(event: TrainingEvent): boolean },
	params: TrainingContext['params'],
): TrainingEvent['type'][] {
	return acceptedEvents<TrainingEvent>(snapshot, [
		{ type: 'playback.start' },
		{ type: 'playback.pause' },
		{ type: 'playback.step' },
		{ type: 'training.stop' },
		{ type: 'playback.reset' },
		{ type: 'training.setLearningRate', learningRate: 0.1 },
		{ type: 'training.configure', params },
	]);
}
