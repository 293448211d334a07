/**
 * Drift scenarios: what changes in the shared churn world, from which day and by how much. A
 * scenario is plain data (a shared link carries it); `driftForDay` turns it into the world's drift
 * parameters for one day, so any lab that generates days (monitoring, retraining, rollouts) can
 * replay the same history.
 */
import {
	isNumericFeature,
	scaleDrift,
	type Drift,
	type FeatureName,
	type World,
} from '../world/world.model';

/** The kinds of scenario the lab can inject. */
export const scenarioKinds = [
	'none',
	'sudden',
	'gradual',
	'recurring',
	'concept',
	'prior',
	'missing',
	'unit',
	'unseen',
] as const;

/** A scenario kind. */
export type ScenarioKind = (typeof scenarioKinds)[number];

/** Plain-language names and what the magnitude means, for pickers and explanations. */
export const scenarioInfo: Record<ScenarioKind, { label: string; magnitude: string }> = {
	none: { label: 'No drift', magnitude: 'unused' },
	sudden: { label: 'Sudden covariate shift', magnitude: 'shift in reference spreads' },
	gradual: { label: 'Gradual covariate shift', magnitude: 'final shift in reference spreads' },
	recurring: { label: 'Recurring (seasonal) shift', magnitude: 'peak shift in reference spreads' },
	concept: { label: 'Concept drift', magnitude: 'change of the feature’s true effect (log-odds)' },
	prior: { label: 'Label (prior) drift', magnitude: 'share of churners' },
	missing: { label: 'Missing values', magnitude: 'share of values missing' },
	unit: { label: 'Unit change', magnitude: 'factor the values are multiplied by' },
	unseen: { label: 'Unseen category', magnitude: 'share of records with the new value' },
};

/** A drift scenario: what changes, from which day, how much. */
export interface DriftScenario {
	readonly kind: ScenarioKind;
	/** First simulated day the change is in force. */
	readonly startDay: number;
	/** Size of the change; its meaning depends on the kind (see `scenarioInfo`). */
	readonly magnitude: number;
	/** The feature affected (ignored by `none` and `prior`). */
	readonly feature: FeatureName;
	/** Days a gradual shift takes to reach full size. */
	readonly durationDays: number;
	/** Length of one season of a recurring shift. */
	readonly periodDays: number;
}

/** A scenario with no drift. */
export const noScenario: DriftScenario = {
	kind: 'none',
	startDay: 1,
	magnitude: 0,
	feature: 'usageHoursPerWeek',
	durationDays: 30,
	periodDays: 28,
};

/**
 * A scenario put in force part-way through a run: from `fromDay` on it replaces whatever scenario
 * was in force (its own `startDay` still decides when its change begins).
 */
export interface ScheduledScenario {
	readonly fromDay: number;
	readonly scenario: DriftScenario;
}

/**
 * The scenario in force on `day`: the last scheduled one whose `fromDay` has come, else `base`.
 * A run's whole history is then `base` plus its schedule, which is what a shared link carries.
 */
export function scenarioOnDay(
	base: DriftScenario,
	schedule: readonly ScheduledScenario[],
	day: number,
): DriftScenario {
	let current = base;
	for (const entry of schedule) if (entry.fromDay <= day) current = entry.scenario;
	return current;
}

/** The world's drift parameters in force on `day` under `scenario`. */
export function driftForDay(world: World, scenario: DriftScenario, day: number): Drift {
	if (scenario.kind === 'none' || day < scenario.startDay) return {};
	const { feature, magnitude } = scenario;
	const numeric = isNumericFeature(feature) ? feature : null;
	const shiftBy = (fraction: number): Drift =>
		numeric === null
			? {}
			: {
					features: { [numeric]: { shift: fraction * magnitude * world.reference[numeric].scale } },
				};
	const elapsed = day - scenario.startDay;
	switch (scenario.kind) {
		case 'sudden':
			return shiftBy(1);
		case 'gradual':
			return scaleDrift(shiftBy(1), (elapsed + 1) / Math.max(1, scenario.durationDays));
		case 'recurring':
			return shiftBy(
				(1 - Math.cos((2 * Math.PI * elapsed) / Math.max(2, scenario.periodDays))) / 2,
			);
		case 'concept':
			return numeric === null ? {} : { coefficientChanges: { [numeric]: magnitude } };
		case 'prior':
			return { positiveRate: magnitude };
		case 'missing':
			return { missingRates: { [feature]: magnitude } };
		case 'unit':
			return numeric === null ? {} : { unitChanges: { [numeric]: magnitude } };
		case 'unseen': {
			const categorical = isNumericFeature(feature) ? 'plan' : feature;
			return { unseenCategory: { feature: categorical, value: 'unknown', rate: magnitude } };
		}
	}
}
