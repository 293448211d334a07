/**
 * What the drift lab says about its machine's snapshot, as pure functions: the status line, the
 * names of tests and monitor states, the markers where drift starts or is injected, the accuracy
 * series (measured only once labels arrive), which model is served, and how scores are printed.
 */
import {
	featureInfo,
	type AlertingState,
	type DriftLabContext,
	type FeatureName,
	trainingRowCount,
} from '@sim/labs/drift';
import { formatCount, formatMetric } from '@/lib/charts/number-format';

/** The monitor's states in words. */
export const monitorLabels: Readonly<Record<string, string>> = {
	healthy: 'Healthy',
	warning: 'Warning',
	alerting: 'Alerting',
	acknowledged: 'Acknowledged',
};

/** Test names as the lab prints them. */
export const testNames: Readonly<Record<string, string>> = {
	'drift-share': 'Drifted share',
	accuracy: 'Accuracy',
	ks: 'KS p-value',
	chisquare: 'Chi-square p-value',
	z: 'Z-test p-value',
	wasserstein: 'Normed Wasserstein',
	jensenshannon: 'Jensen–Shannon',
	psi: 'PSI',
};

/** The machine's state as one dotted name, e.g. `running.paused`. */
export function driftStateName(value: string | { running?: unknown }): string {
	return typeof value === 'string' ? value : `running.${String(value.running)}`;
}

/** How many alerts (groups) a run has raised, and how many fire now, in words. */
export function alertCountText(alerting: AlertingState): string {
	const total = alerting.groups.length + alerting.closed.length;
	const firing = alerting.groups.filter((g) => g.status === 'firing').length;
	return `${total} ${total === 1 ? 'alert' : 'alerts'}${firing > 0 ? ` (${firing} firing)` : ''}`;
}

/** The status line. */
export function driftStatus(
	stateName: string,
	context: DriftLabContext,
	monitorState: string,
	alerts: string,
): string {
	const monitor = monitorLabels[monitorState] ?? monitorState;
	const lastDay = context.results.at(-1)?.day ?? 0;
	switch (stateName) {
		case 'idle':
			return 'Ready. Choose a preset or a scenario, then press Stream days.';
		case 'running.streaming':
			return lastDay === 0
				? 'Building the reference data and the model…'
				: `Day ${lastDay} of ${context.horizonDays}: monitor ${monitor}, ${alerts}.`;
		case 'running.paused':
			return context.error
				? `Paused: ${context.error}`
				: `Paused after day ${lastDay}: monitor ${monitor}.`;
		case 'finished':
			return `Finished ${lastDay} days: monitor ${monitor}, ${alerts}.`;
		default:
			return stateName;
	}
}

/** Where drift starts (when configured before the run) and where it was injected. */
export function startMarkers(context: DriftLabContext): { x: number; label: string }[] {
	// The schedule (from a link, or confirmed by the stream) is the truth; the run's own list of
	// injections stands in until the stream has confirmed one.
	const scheduled = context.config.injections ?? [];
	const injected =
		scheduled.length > 0
			? scheduled.map((i) => ({ from: i.fromDay, scenario: i.scenario }))
			: context.injections.map((i) => ({ from: i.day, scenario: i.scenario }));
	const base = context.config.scenario;
	const firstInjection = injected[0]?.from ?? Number.POSITIVE_INFINITY;
	return [
		...(base.kind !== 'none' && base.startDay < firstInjection
			? [{ x: base.startDay, label: 'drift starts' }]
			: []),
		...injected.map((i) => ({
			x: Math.max(i.from, i.scenario.startDay),
			label: i.scenario.kind === 'none' ? 'drift removed' : 'injected',
		})),
	];
}

/** Which model is served, in words. */
export function servedModelText(
	context: DriftLabContext,
	productionVersion: number | null,
): string {
	return context.modelSource === 'registry' || (context.modelSource === null && context.artifact)
		? `the training lab’s production model (version ${productionVersion ?? '?'})`
		: 'the default model: logistic regression trained on the reference data';
}

/**
 * The data the monitor compares with, in words: once a run has started, what the stream reports;
 * before, what the served model implies (its training data when its lineage is known).
 */
export function referenceText(context: DriftLabContext): string {
	const reference = context.reference;
	if (reference?.source === 'training') {
		return `Reference: the data version ${reference.version} was trained on — the training split (${formatCount(reference.rows)} rows) of run ${reference.runId}, data version ${reference.dataVersion}, seed ${reference.seed}, simulated day 0.`;
	}
	if (reference === null && context.artifact && context.training) {
		const t = context.training;
		return `Reference: the data version ${t.version} was trained on — the training split (${formatCount(trainingRowCount(t))} rows) of run ${t.runId}, data version ${t.dataVersion}, seed ${t.seed}, simulated day 0.`;
	}
	const rows = reference?.rows ?? context.config.referenceSize;
	const seed = reference?.seed ?? context.config.seed;
	const version = reference ? `, data version ${reference.dataVersion}` : '';
	return `Reference: the world’s reference data (${formatCount(rows)} rows of simulated day 0, seed ${seed}${version}).`;
}

/** A feature's label, or the name itself for `dataset`, `model` and unknown names. */
export function featureLabel(name: string): string {
	return name === 'dataset' || name === 'model'
		? name
		: (featureInfo[name as FeatureName]?.label ?? name);
}

/** A score or p-value: tiny values in exponent form, '–' when missing. */
export function formatScore(value: number | null | undefined): string {
	if (value === null || value === undefined) return '–';
	return value !== 0 && Math.abs(value) < 0.001 ? value.toExponential(1) : formatMetric(value);
}
