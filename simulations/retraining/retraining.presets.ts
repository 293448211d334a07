/**
 * The continuous-training lab's presets: each a seeded year and a second policy to run beside
 * it, chosen so one lesson of the retraining lesson shows plainly, with a sentence on what to
 * notice and a link to the lesson section it illustrates. The retraining-presets tests run every
 * preset and check that the year shows what its sentence claims, so the words cannot drift away
 * from the simulation.
 */
import type { LabPreset } from '../runtime/lab-preset';
import type { ContinuousTrainingConfig } from './retraining.model';
import type { GateConfig } from './model-gate.model';

/**
 * No gate: any change counts as good enough (a change of −1, the whole accuracy scale, always
 * passes) and there are no slice checks, so every trained challenger ships.
 */
export const gateOff: GateConfig = {
	change: { direction: 'HIGHER_IS_BETTER', absolute: -1 },
	overall: {},
	slice: {},
	minSliceRows: 100,
};

/** A preset: a policy, the policy it is compared with, and what to notice. */
export type RetrainingPreset = LabPreset<{
	readonly config: ContinuousTrainingConfig;
	/** The second policy, on the same world. */
	readonly compareWith: ContinuousTrainingConfig;
}> & { readonly lesson: string };

/**
 * What every preset starts from, and the retraining tests too: a year of a stable world (seed
 * 42), no trigger, no cooldown, retraining from scratch on all data at maturity level 1. A
 * preset spells out only what its lesson changes.
 */
export const basePolicy: ContinuousTrainingConfig = {
	seed: 42,
	scenario: 'stable',
	days: 365,
	trigger: { kind: 'none' },
	cooldownDays: 0,
	windowDays: null,
	warmStart: false,
	maturityLevel: 1,
};

const lesson = '/lessons/operations/03-retraining/';

// The two presets whose runs differ from their comparison in one setting only.
const corruptedMonthly: ContinuousTrainingConfig = {
	...basePolicy,
	scenario: 'corrupted-labels',
	trigger: { kind: 'schedule', everyDays: 30 },
	windowDays: 60,
};
const seasonalMonthly: ContinuousTrainingConfig = {
	...basePolicy,
	scenario: 'seasonal',
	trigger: { kind: 'schedule', everyDays: 30 },
};

/** The lab's presets, by id. */
// Written flat, one lesson each, and given the presets' shape below.
const flat = [
	{
		id: 'schedule-misses-shift',
		title: 'A schedule that misses a sudden shift',
		notice:
			'Behaviour changes on day 95, five days after a quarterly run: the schedule serves the old model until day 180, and that run’s all-history window is still mostly pre-shift data, so accuracy only returns after day 270. A performance trigger with a 60-day window reacts once a week of post-shift labels has arrived (30 days late) and is back to full accuracy from day 181, three months sooner.',
		lesson: `${lesson}#when-retraining-triggers`,
		config: {
			...basePolicy,
			scenario: 'sudden-concept',
			trigger: { kind: 'schedule', everyDays: 90 },
		},
		compareWith: {
			...basePolicy,
			scenario: 'sudden-concept',
			trigger: { kind: 'performance', threshold: 0.78 },
			cooldownDays: 14,
			windowDays: 60,
		},
	},
	{
		id: 'harmless-drift',
		title: 'Drift-triggered retraining on harmless drift',
		notice:
			'Discounts jump on day 60 and the drift trigger fires every time its cooldown ends: about twenty runs, almost all rejected by the gate because the retrained model is no better. Compute is spent; accuracy is the same as with no retraining at all.',
		lesson: `${lesson}#when-retraining-triggers`,
		config: {
			...basePolicy,
			scenario: 'harmless-drift',
			trigger: { kind: 'drift', threshold: 0.2 },
			cooldownDays: 14,
		},
		compareWith: { ...basePolicy, scenario: 'harmless-drift', trigger: { kind: 'none' } },
	},
	{
		id: 'gate-rejects-corrupted',
		title: 'A gate that rejects a challenger trained on corrupted data',
		notice:
			'On day 75 a backfill job scrambles the stored labels of days 1–40. They still look right (same churn rate, same schema), so data validation passes, but the day-90 challenger, trained mostly on those days, scores about 7 points below the champion on the fresh holdout week: the gate rejects it and the champion keeps serving. Without the gate it is deployed and costs about 6 points of accuracy for a month.',
		lesson: `${lesson}#whether-to-ship-validation-gates`,
		config: corruptedMonthly,
		compareWith: { ...corruptedMonthly, gate: gateOff },
	},
	{
		id: 'short-window-seasonal',
		title: 'A window too short forgets a seasonal pattern',
		notice:
			'Every 120 days comes a two-month holiday season (days 31–90, 151–210, 271–330): subscribers log in less, and being away stops meaning they will leave. A 30-day window of month-old labels only ever holds one side of the cycle, and the gate judges each challenger on the freshest labelled week, which looks like its own window, so it promotes it: each season meets a model fitted to ordinary days. In the seasons after day 120 that model is about 15 points less accurate than one trained on all history (61 % against 77 %), which has seen every season.',
		lesson: `${lesson}#full-retraining`,
		config: { ...seasonalMonthly, windowDays: 30 },
		compareWith: { ...seasonalMonthly, windowDays: null },
	},
] satisfies (Omit<RetrainingPreset, 'params'> & RetrainingPreset['params'])[];

export const retrainingPresets: readonly RetrainingPreset[] = flat.map(
	({ config, compareWith, ...preset }) => ({ ...preset, params: { config, compareWith } }),
);

/** A preset by id, or undefined (a shared link may name one that no longer exists). */
export function findRetrainingPreset(id: string): RetrainingPreset | undefined {
	return retrainingPresets.find((p) => p.id === id);
}
