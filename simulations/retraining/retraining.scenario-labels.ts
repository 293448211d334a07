/**
 * The continuous-training scenarios' ids and plain-language names, apart from their phases, so
 * the lab's page can list the worlds without loading the world generator (only the worker
 * simulates them). `retraining.scenario` takes its labels from here.
 */

/** Every scenario's name, by id. */
export const retrainingScenarioLabels = {
	stable: 'No drift',
	'sudden-concept': 'A sudden change in behaviour on day 95',
	'harmless-drift': 'Discounts jump on day 60 (harmless drift)',
	'corrupted-labels': 'On day 75 a backfill scrambles the stored labels of days 1–40',
	seasonal:
		'A two-month holiday season every 120 days: subscribers log in less, and being away stops meaning they will leave',
	'unit-change': 'Charges arrive in cents from day 150',
	'maturity-year': 'Behaviour changes on day 60; charges arrive in cents from day 200',
} as const;

/** A named scenario's id. */
export type RetrainingScenarioId = keyof typeof retrainingScenarioLabels;

/** The ids, in the order the form lists them. */
export const retrainingScenarioIds = Object.keys(
	retrainingScenarioLabels,
) as RetrainingScenarioId[];
