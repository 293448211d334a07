/**
 * The retraining policy: what starts a continuous-training run, what data it trains on, and
 * how it trains. Triggers are Google's five ways to start a production pipeline (on demand, on a
 * schedule, on new data, on performance degradation, on a distribution change; research §4.1),
 * with the guards seen in practice (§4.4): a cooldown between runs and a minimum labelled sample
 * before a performance signal counts. Everything here is pure and small so the view, the
 * headless year and the tests share one definition of "would a run start today?".
 *
 * Key decision: every tunable number has a spec (range, step, unit and the message shown beside
 * the field), and validation reports one message per field, so the lab kit's parameter fields can
 * render the controls and their errors without knowing what a trigger is.
 */

/** The automatic trigger kinds (issue 11's headless API); on-demand runs are added by hand. */
export const triggerKinds = ['none', 'schedule', 'performance', 'drift', 'volume'] as const;
/** An automatic trigger kind. */
export type TriggerKind = (typeof triggerKinds)[number];

/** What started a run: an automatic trigger, a person, or (level 0) someone noticing. */
export type RunTrigger = Exclude<TriggerKind, 'none'> | 'on-demand' | 'noticed';

/** The automatic trigger and its parameter (only the one its kind uses is read). */
export interface TriggerConfig {
	readonly kind: TriggerKind;
	/** schedule: a run every this many days (on days N, 2N, …). */
	readonly everyDays?: number;
	/** performance: labelled accuracy below this; drift: the largest feature PSI above this. */
	readonly threshold?: number;
	/** volume: this many new labelled rows since the last run's data. */
	readonly rows?: number;
}

/** Plain-language names, for pickers and run logs. */
export const triggerInfo: Record<RunTrigger | 'none', { label: string; fires: string }> = {
	none: { label: 'No automatic trigger', fires: 'never (on demand only)' },
	schedule: { label: 'Schedule', fires: 'every N days' },
	performance: { label: 'Performance', fires: 'when labelled accuracy falls below a threshold' },
	drift: { label: 'Drift', fires: 'when a feature’s PSI rises above a threshold' },
	volume: { label: 'New data', fires: 'when N new labelled rows have arrived' },
	'on-demand': { label: 'On demand', fires: 'when a person starts it' },
	noticed: { label: 'Someone noticed', fires: 'when a person notices, then hands off' },
};

/** A numeric parameter's control and its rule, for the kit's parameter fields. */
export interface NumberParamSpec {
	readonly label: string;
	readonly min: number;
	readonly max: number;
	readonly step: number;
	readonly unit: string;
	/** Whole numbers only. */
	readonly integer: boolean;
	/** Shown beside the field when the value breaks the rule. */
	readonly message: string;
}

const spec = (
	label: string,
	min: number,
	max: number,
	step: number,
	unit: string,
	integer: boolean,
): NumberParamSpec => ({
	label,
	min,
	max,
	step,
	unit,
	integer,
	message: `${label} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}${unit ? ` ${unit}` : ''}.`,
});

/**
 * The policy's parameters. Ranges come from research §4.4 and the lessons: schedules from daily
 * to yearly, PSI thresholds around Evidently's 0.1 and the credit-risk 0.2, accuracy thresholds
 * around the world's pre-drift ~0.85, cooldowns up to a quarter, windows from a week to two years.
 */
export const policyParamSpecs = {
	days: spec('Days to simulate', 30, 730, 1, 'days', true),
	everyDays: spec('Schedule period', 1, 365, 1, 'days', true),
	performanceThreshold: spec('Accuracy threshold', 0.5, 0.99, 0.01, '', false),
	driftThreshold: spec('PSI threshold', 0.01, 2, 0.01, '', false),
	rows: spec('New labelled rows', 500, 200_000, 500, 'rows', true),
	cooldownDays: spec('Cooldown', 0, 180, 1, 'days', true),
	windowDays: spec('Training window', 7, 730, 1, 'days', true),
	recencyHalfLifeDays: spec('Recency half-life', 7, 365, 1, 'days', true),
	seed: spec('Seed', 0, 2_147_483_647, 1, '', true),
} as const satisfies Record<string, NumberParamSpec>;

/** A parameter's key. */
export type PolicyParam = keyof typeof policyParamSpecs;

/** The message for one value, or null when it is valid. */
export function checkParam(param: PolicyParam, value: unknown): string | null {
	const s = policyParamSpecs[param];
	if (typeof value !== 'number' || !Number.isFinite(value)) return s.message;
	if (value < s.min || value > s.max) return s.message;
	if (s.integer && !Number.isInteger(value)) return s.message;
	return null;
}

/** Defaults when a trigger's parameter is not given. */
export const defaultTriggerParams = {
	// A monthly schedule: the churn label itself takes 30 days (research §3.3, the lessons).
	everyDays: 30,
	// Under the world's ~0.815 pre-drift accuracy (the first model's, measured): a clear drop.
	performanceThreshold: 0.78,
	// Evidently's PSI threshold (EVIDENTLY_PSI_THRESHOLD) is 0.1; 0.2 is the common
	// "significant shift" rule for PSI, used so one noisy feature does not fire daily.
	driftThreshold: 0.2,
	// A month of traffic at 500 rows a day.
	rows: 15_000,
} as const;

/** Where each trigger kind keeps its one parameter: its name in the specs, and its config key. */
const triggerParams = {
	schedule: { param: 'everyDays', key: 'everyDays' },
	performance: { param: 'performanceThreshold', key: 'threshold' },
	drift: { param: 'driftThreshold', key: 'threshold' },
	volume: { param: 'rows', key: 'rows' },
} as const satisfies Record<
	Exclude<TriggerKind, 'none'>,
	{ param: PolicyParam & keyof typeof defaultTriggerParams; key: keyof TriggerConfig }
>;

/** The parameter a trigger kind reads, with its value (defaults filled in). */
export function triggerParam(
	trigger: TriggerConfig,
): { param: PolicyParam; key: 'everyDays' | 'threshold' | 'rows'; value: number } | null {
	if (trigger.kind === 'none') return null;
	const { param, key } = triggerParams[trigger.kind];
	return { param, key, value: trigger[key] ?? defaultTriggerParams[param] };
}

/** What the policy sees on a day. Signals that need labels are null until enough exist. */
export interface PolicySignals {
	readonly day: number;
	/** A person asked for a run today. */
	readonly onDemand: boolean;
	/** The champion's accuracy on its most recent labelled days, or null with too few labels. */
	readonly labelledAccuracy: number | null;
	/** The largest feature PSI of recent traffic against the champion's training data. */
	readonly driftScore: number | null;
	/** Labelled rows that arrived after the last run's training data. */
	readonly newLabelledRows: number;
}

/** The policy's verdict for a day. */
export interface TriggerDecision {
	/** The run's trigger, or null when no run starts. */
	readonly fire: RunTrigger | null;
	/** A trigger condition held but the cooldown held it back. */
	readonly suppressedByCooldown: boolean;
	/** Why, in one phrase. */
	readonly detail: string;
}

/** Does the automatic trigger's condition hold today (before the cooldown)? */
export function triggerCondition(
	trigger: TriggerConfig,
	signals: PolicySignals,
): { holds: boolean; detail: string } {
	const param = triggerParam(trigger);
	if (param === null) return { holds: false, detail: 'no automatic trigger' };
	switch (trigger.kind) {
		case 'schedule':
			return {
				holds: signals.day % param.value === 0,
				detail: `scheduled every ${param.value} days`,
			};
		case 'performance':
			return signals.labelledAccuracy === null
				? { holds: false, detail: 'too few labelled rows yet' }
				: {
						holds: signals.labelledAccuracy < param.value,
						detail: `labelled accuracy ${signals.labelledAccuracy.toFixed(3)} vs threshold ${param.value}`,
					};
		case 'drift':
			return signals.driftScore === null
				? { holds: false, detail: 'no traffic to compare yet' }
				: {
						holds: signals.driftScore > param.value,
						detail: `largest PSI ${signals.driftScore.toFixed(3)} vs threshold ${param.value}`,
					};
		case 'volume':
			return {
				holds: signals.newLabelledRows >= param.value,
				detail: `${signals.newLabelledRows} new labelled rows vs ${param.value}`,
			};
		default:
			return { holds: false, detail: 'no automatic trigger' };
	}
}

/**
 * Would a run start today? On-demand requests and the automatic trigger are both held back
 * while the previous run is less than `cooldownDays` old: a run may start on day
 * `lastRunDay + cooldownDays` at the earliest (with 0, any later day), so no run starts within
 * the cooldown of the previous one, whoever asks.
 */
export function decideTrigger(
	trigger: TriggerConfig,
	cooldownDays: number,
	lastRunDay: number | null,
	signals: PolicySignals,
): TriggerDecision {
	const condition = triggerCondition(trigger, signals);
	const wanted: RunTrigger | null = signals.onDemand
		? 'on-demand'
		: condition.holds
			? (trigger.kind as RunTrigger)
			: null;
	if (wanted === null) return { fire: null, suppressedByCooldown: false, detail: condition.detail };
	const earliest = lastRunDay === null ? -Infinity : lastRunDay + Math.max(1, cooldownDays);
	if (signals.day < earliest) {
		return {
			fire: null,
			suppressedByCooldown: true,
			detail: `${condition.detail}; cooling down until day ${earliest}`,
		};
	}
	return {
		fire: wanted,
		suppressedByCooldown: false,
		detail: wanted === 'on-demand' ? 'started by hand' : condition.detail,
	};
}

/** Which labelled history a run trains on. */
export interface TrainingWindow {
	/** null: all history (an expanding window); otherwise the last N labelled days. */
	readonly windowDays: number | null;
	/** null: every row counts the same; otherwise a row's weight halves every this many days. */
	readonly recencyHalfLifeDays: number | null;
}

/** The first and last day a run on `day` trains on, given the label delay and the holdout. */
export function windowBounds(
	day: number,
	labelDelayDays: number,
	holdoutDays: number,
	window: TrainingWindow,
): { fromDay: number; toDay: number; holdoutFromDay: number; holdoutToDay: number } {
	// Day d's labels arrive on day d + delay, so on `day` the newest labelled day is day − delay.
	const holdoutToDay = day - labelDelayDays;
	const holdoutFromDay = holdoutToDay - holdoutDays + 1;
	const toDay = holdoutFromDay - 1;
	// Day 0 is the initial training set: all history includes it.
	const fromDay = window.windowDays === null ? 0 : Math.max(0, toDay - window.windowDays + 1);
	return { fromDay, toDay, holdoutFromDay, holdoutToDay };
}

/** A row's sampling weight under the window's recency weighting (1 when unweighted). */
export function recencyWeight(rowDay: number, toDay: number, halfLifeDays: number | null): number {
	if (halfLifeDays === null) return 1;
	return Math.pow(0.5, Math.max(0, toDay - rowDay) / halfLifeDays);
}
