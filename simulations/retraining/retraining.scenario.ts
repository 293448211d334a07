/**
 * The continuous-training lab's scenarios: a year of the shared world with one or more of the
 * drift lab's scenarios in force (phases, merged day by day), plus the faults that only a
 * training pipeline meets — a backfill that corrupts the labels of part of the training history
 * while production and the freshest labelled days stay clean.
 *
 * Key decision: the world is untouched. Its generator already takes any `Drift`, so several
 * phases are merged into one `Drift` per day here; label corruption is applied when the
 * pipeline extracts history, never to the truth production is scored on, so the world's golden
 * outputs and every other lab are unaffected.
 */
import { driftForDay, noScenario, type DriftScenario } from '../drift/scenario.model';
import type { Drift, World } from '../world/world.model';
import { retrainingScenarioLabels, type RetrainingScenarioId } from './retraining.scenario-labels';

/**
 * A backfill bug: from `backfillDay` on, the labels of days `fromDay`..`toDay` read by the
 * pipeline are shuffled within each day, so the churn rate is right but no label belongs to its
 * subscriber. Runs before the backfill read clean history.
 */
export interface LabelCorruption {
	readonly backfillDay: number;
	readonly fromDay: number;
	readonly toDay: number;
}

/** A year's scenario. */
export interface RetrainingScenario {
	readonly id: string;
	readonly label: string;
	/** Drift-lab scenarios in force together (merged per day). */
	readonly phases: readonly DriftScenario[];
	readonly labelCorruption: LabelCorruption | null;
}

const phase = (p: Partial<DriftScenario>): DriftScenario => ({ ...noScenario, ...p });

/** Concept phases that switch a feature's effect on for 60 days every 120 (they add up). */
function seasonalEffect(options: {
	feature: DriftScenario['feature'];
	change: number;
	firstDay: number;
}): DriftScenario[] {
	const phases: DriftScenario[] = [];
	for (let start = options.firstDay; start <= 365; start += 120) {
		phases.push(
			phase({
				kind: 'concept',
				feature: options.feature,
				magnitude: options.change,
				startDay: start,
			}),
		);
		phases.push(
			phase({
				kind: 'concept',
				feature: options.feature,
				magnitude: -options.change,
				startDay: start + 60,
			}),
		);
	}
	return phases;
}

/**
 * The named scenarios. Magnitudes follow the drift lab's presets: a concept change of the
 * tenure effect of 3 log-odds per spread is its "concept drift" preset; a discount shift of 1.5
 * spreads its "detected but harmless" preset; a ×100 charge is the euros-to-cents unit change.
 */
export const retrainingScenarios = {
	stable: {
		id: 'stable',
		label: retrainingScenarioLabels['stable'],
		phases: [],
		labelCorruption: null,
	},
	'sudden-concept': {
		id: 'sudden-concept',
		label: retrainingScenarioLabels['sudden-concept'],
		phases: [phase({ kind: 'concept', feature: 'tenureMonths', magnitude: 3, startDay: 95 })],
		labelCorruption: null,
	},
	'harmless-drift': {
		id: 'harmless-drift',
		label: retrainingScenarioLabels['harmless-drift'],
		phases: [phase({ kind: 'sudden', feature: 'discountPercent', magnitude: 1.5, startDay: 60 })],
		labelCorruption: null,
	},
	'corrupted-labels': {
		id: 'corrupted-labels',
		label: retrainingScenarioLabels['corrupted-labels'],
		phases: [],
		labelCorruption: { backfillDay: 75, fromDay: 1, toDay: 40 },
	},
	seasonal: {
		id: 'seasonal',
		label: retrainingScenarioLabels['seasonal'],
		// Absence and low usage follow the season's curve (peak on day 61, 181, 301). While the
		// season lasts (days 31–90, 151–210, 271–330) the effect of absence on churn changes by
		// −2 log-odds per spread (from +1.2 to −0.8: people are away on holiday, not leaving), so
		// a model fitted on one side of the cycle is wrong on the other.
		phases: [
			phase({
				kind: 'recurring',
				feature: 'daysSinceLastLogin',
				magnitude: 3,
				startDay: 1,
				periodDays: 120,
			}),
			phase({
				kind: 'recurring',
				feature: 'usageHoursPerWeek',
				magnitude: -1.2,
				startDay: 1,
				periodDays: 120,
			}),
			...seasonalEffect({ feature: 'daysSinceLastLogin', change: -2, firstDay: 31 }),
		],
		labelCorruption: null,
	},
	'unit-change': {
		id: 'unit-change',
		label: retrainingScenarioLabels['unit-change'],
		phases: [phase({ kind: 'unit', feature: 'monthlyCharge', magnitude: 100, startDay: 150 })],
		labelCorruption: null,
	},
	'maturity-year': {
		id: 'maturity-year',
		label: retrainingScenarioLabels['maturity-year'],
		phases: [
			phase({ kind: 'concept', feature: 'tenureMonths', magnitude: 3, startDay: 60 }),
			phase({ kind: 'unit', feature: 'monthlyCharge', magnitude: 100, startDay: 200 }),
		],
		labelCorruption: null,
	},
} as const satisfies Record<RetrainingScenarioId, RetrainingScenario>;

/** A named scenario's id. */
export type { RetrainingScenarioId };

/** How far into its season a recurring scenario is on `day`: 0 off-season, 1 at the peak. */
export function seasonPhase(scenario: DriftScenario, day: number): number {
	if (scenario.kind !== 'recurring' || day < scenario.startDay) return 0;
	const elapsed = day - scenario.startDay;
	// The same curve as the drift lab's recurring shift.
	return (1 - Math.cos((2 * Math.PI * elapsed) / Math.max(2, scenario.periodDays))) / 2;
}

/** Resolves an id or passes a scenario object through. */
export function resolveScenario(
	scenario: RetrainingScenarioId | RetrainingScenario,
): RetrainingScenario {
	if (typeof scenario !== 'string') return scenario;
	const found = (retrainingScenarios as Record<string, RetrainingScenario>)[scenario];
	if (found === undefined) {
		throw new RangeError(
			`Unknown scenario "${scenario}"; known: ${Object.keys(retrainingScenarios).join(', ')}.`,
		);
	}
	return found;
}

/** Merges two drifts: nested records are combined, coefficient and intercept changes add up. */
export function mergeDrift(a: Drift, b: Drift): Drift {
	const merged: Drift = { ...a, ...b };
	if (a.features || b.features) merged.features = { ...a.features, ...b.features };
	if (a.categoryMix || b.categoryMix) merged.categoryMix = { ...a.categoryMix, ...b.categoryMix };
	if (a.coefficientChanges || b.coefficientChanges) {
		const sum: Record<string, number> = { ...a.coefficientChanges };
		for (const [f, v] of Object.entries(b.coefficientChanges ?? {})) sum[f] = (sum[f] ?? 0) + v;
		merged.coefficientChanges = sum;
	}
	if (a.interceptChange !== undefined || b.interceptChange !== undefined) {
		merged.interceptChange = (a.interceptChange ?? 0) + (b.interceptChange ?? 0);
	}
	if (a.missingRates || b.missingRates)
		merged.missingRates = { ...a.missingRates, ...b.missingRates };
	if (a.unitChanges || b.unitChanges) merged.unitChanges = { ...a.unitChanges, ...b.unitChanges };
	return merged;
}

/** The world's drift on `day` under every phase of the scenario. */
export function scenarioDrift(world: World, scenario: RetrainingScenario, day: number): Drift {
	return scenario.phases.reduce<Drift>(
		(drift, p) => mergeDrift(drift, driftForDay(world, p, day)),
		{},
	);
}
