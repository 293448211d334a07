/**
 * The drift lab's presets: each a scenario and settings chosen so one lesson of real monitoring
 * shows clearly. The drift-model tests prove each one's lesson.
 */
import { defaultStreamConfig, type StreamConfig } from '../monitoring/stream.config';
import type { LabPreset } from '../runtime/lab-preset';
import { noScenario, type DriftScenario } from './scenario.model';

/** A preset: a scenario and settings chosen so one lesson of real monitoring shows clearly. */
export type DriftPreset = LabPreset<{
	/** Days to run for the lesson to show. */
	readonly days: number;
	readonly config: StreamConfig;
}>;

const preset = (
	id: string,
	title: string,
	notice: string,
	days: number,
	config: Partial<StreamConfig>,
	scenario: Partial<DriftScenario> = {},
): DriftPreset => ({
	id,
	title,
	notice,
	params: {
		days,
		config: { ...defaultStreamConfig, ...config, scenario: { ...noScenario, ...scenario } },
	},
});

/** The presets the lab links to; the drift-model tests prove each one's lesson. */
export const driftPresets: readonly DriftPreset[] = [
	preset(
		'false-alarms',
		'No drift: false alarms',
		'Nothing changes in a year, yet each KS and chi-square test flags roughly one day in twenty — that is what a 0.05 significance level means, and why one flag is only a warning.',
		365,
		{ alertTest: 'ks', windowDays: 1 },
	),
	preset(
		'false-alarms-corrected',
		'No drift, corrected for many tests',
		'The same drift-free year with Bonferroni: each of the 11 p-values must now clear 0.05 ÷ 11, so a day with any flagged feature drops from more than one in four to about one in thirty — the price is that a real but small shift needs more evidence to show. Benjamini–Hochberg, the other correction, is almost as quiet here and loses less power when several features really drift.',
		365,
		{ alertTest: 'ks', windowDays: 1, pValueCorrection: 'bonferroni' },
	),
	preset(
		'tiny-shift',
		'A tiny shift in large windows',
		'Usage rises by 0.06 of a spread, which matters to nobody: once the window holds 14 days (7,000 rows) KS flags it every day, while normed Wasserstein and PSI stay well under 0.1 — switch to one-day windows and KS mostly stops flagging.',
		30,
		{ alertTest: 'ks', windowDays: 14 },
		{ kind: 'sudden', feature: 'usageHoursPerWeek', magnitude: 0.06, startDay: 1 },
	),
	preset(
		'harmless-shift',
		'Detected but harmless',
		'Discounts jump on day 20: every test flags the feature and the monitor alerts, yet accuracy, measured and estimated, does not fall — drift is not the same as damage.',
		60,
		{ alertTest: 'default' },
		{ kind: 'sudden', feature: 'discountPercent', magnitude: 1.5, startDay: 20 },
	),
	preset(
		'concept-drift',
		'Concept drift',
		'From day 20 long-standing subscribers start to leave: no input distribution moves and the estimate stays level, so only measured accuracy, once labels arrive a week later, shows the damage.',
		60,
		{ alertTest: 'default', labelDelayDays: 7 },
		{ kind: 'concept', feature: 'tenureMonths', magnitude: 3, startDay: 20 },
	),
	preset(
		'label-delay',
		'The label-delay gap',
		'A wave of new subscribers arrives on day 20: inputs and the estimated accuracy react at once, but measured accuracy stays blank for 14 days until the first labels arrive.',
		60,
		{ alertTest: 'default', labelDelayDays: 14 },
		{ kind: 'sudden', feature: 'tenureMonths', magnitude: -2, startDay: 20 },
	),
];
