/**
 * The same world at Google's maturity levels 0, 1 and 2 (research §4.1; the maturity lesson):
 * one seeded year run three ways, and the figures an operations review would ask for — how long
 * each incident took to detect and to recover from, how much accuracy was lost, and how many
 * incidents there were. The levels differ only in `maturityProfiles`: who pulls the trigger
 * (a quarterly review and a hand-off of weeks, or the pipeline's own trigger) and how fast a
 * broken pipeline is fixed (two weeks by hand at level 1, days through CI/CD at level 2).
 *
 * Key decision: an incident is defined on what the simulation knows and the team does not —
 * true daily accuracy — as a spell of the 7-day trailing mean more than 3 points under the first
 * month's level; detection is the first thing the organisation did about it (a run started, a
 * data break flagged, a review noticing), so the three levels are measured by one yardstick.
 */
import {
	simulateContinuousTraining,
	type ContinuousTrainingConfig,
	type ContinuousTrainingResult,
	type MaturityLevel,
	maturityProfiles,
} from './retraining.model';

/** Incident rule: the 7-day trailing mean this far under the baseline. */
export const INCIDENT_DROP = 0.03;
/** Days in the trailing mean: a week smooths a day's sampling noise (about 1.7 points). */
export const INCIDENT_SMOOTHING_DAYS = 7;
/** Spells closer than this are one incident (flapping around the line is not a recovery). */
export const INCIDENT_MERGE_DAYS = 7;
/** The baseline is the first month, before any scenario in this lab starts. */
export const BASELINE_DAYS = 28;

/** One incident. */
export interface Incident {
	readonly startDay: number;
	/** The first day back above the line (null if the year ended first). */
	readonly recoveredDay: number | null;
	/** The first reaction on or after the start (null if none). */
	readonly detectedDay: number | null;
	/** Σ (baseline − accuracy) over the incident's days, in accuracy-days. */
	readonly accuracyLost: number;
}

/** A level's figures on the world. */
export interface MaturityOutcome {
	readonly level: MaturityLevel;
	readonly label: string;
	readonly baselineAccuracy: number;
	readonly incidents: readonly Incident[];
	/** Mean over incidents; null when none was detected. */
	readonly meanTimeToDetectDays: number | null;
	/** Mean over recovered incidents; null when none recovered. */
	readonly meanTimeToRecoverDays: number | null;
	/** Σ over the year of max(0, baseline − accuracy): the research's "accuracy debt". */
	readonly accuracyLost: number;
	readonly runs: number;
	readonly computeMinutes: number;
	readonly meanAccuracy: number;
	readonly result: ContinuousTrainingResult;
}

const mean = (xs: readonly number[]) =>
	xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;

/** The days on which the organisation reacted: runs started and operations events. */
function reactionDays(result: ContinuousTrainingResult): number[] {
	return [...result.runs.map((r) => r.day), ...result.events.map((e) => e.day)].sort(
		(a, b) => a - b,
	);
}

/** Finds the incidents of a year and measures them. */
export function measureIncidents(result: ContinuousTrainingResult): {
	baselineAccuracy: number;
	incidents: Incident[];
	accuracyLost: number;
} {
	const accuracy = result.daily.map((d) => d.policyAccuracy);
	const baselineAccuracy =
		mean(accuracy.slice(0, Math.min(BASELINE_DAYS, accuracy.length))) ?? Number.NaN;
	const line = baselineAccuracy - INCIDENT_DROP;
	const below: boolean[] = accuracy.map((_, i) => {
		const from = Math.max(0, i - INCIDENT_SMOOTHING_DAYS + 1);
		const trailing = mean(accuracy.slice(from, i + 1)) ?? Number.NaN;
		return i + 1 >= INCIDENT_SMOOTHING_DAYS && trailing < line;
	});
	const spells: { start: number; end: number | null }[] = [];
	below.forEach((isBelow, i) => {
		const day = i + 1;
		const last = spells[spells.length - 1];
		if (isBelow) {
			if (last && last.end !== null && day - last.end < INCIDENT_MERGE_DAYS) last.end = null;
			else if (!last || last.end !== null) spells.push({ start: day, end: null });
		} else if (last && last.end === null) {
			last.end = day;
		}
	});
	const reactions = reactionDays(result);
	const incidents = spells.map((s): Incident => {
		// The trailing mean lags by up to a week, so a reaction in that week counts as on time.
		const detectedDay = reactions.find((d) => d >= s.start - (INCIDENT_SMOOTHING_DAYS - 1)) ?? null;
		const lastDay = s.end === null ? accuracy.length : s.end - 1;
		let lost = 0;
		for (let day = s.start; day <= lastDay; day++) {
			lost += Math.max(0, baselineAccuracy - (accuracy[day - 1] ?? baselineAccuracy));
		}
		return {
			startDay: s.start,
			recoveredDay: s.end,
			detectedDay:
				detectedDay === null || (s.end !== null && detectedDay >= s.end) ? null : detectedDay,
			accuracyLost: lost,
		};
	});
	const accuracyLost = accuracy.reduce((sum, a) => sum + Math.max(0, baselineAccuracy - a), 0);
	return { baselineAccuracy, incidents, accuracyLost };
}

/** Measures one simulated year. */
export function maturityOutcome(result: ContinuousTrainingResult): MaturityOutcome {
	const { baselineAccuracy, incidents, accuracyLost } = measureIncidents(result);
	const detect = incidents
		.filter((i) => i.detectedDay !== null)
		.map((i) => Math.max(0, (i.detectedDay ?? i.startDay) - i.startDay));
	const recover = incidents
		.filter((i) => i.recoveredDay !== null)
		.map((i) => (i.recoveredDay ?? i.startDay) - i.startDay);
	return {
		level: result.config.maturityLevel,
		label: maturityProfiles[result.config.maturityLevel].label,
		baselineAccuracy,
		incidents,
		meanTimeToDetectDays: mean(detect),
		meanTimeToRecoverDays: mean(recover),
		accuracyLost,
		runs: result.summary.runs,
		computeMinutes: result.summary.computeMinutes,
		meanAccuracy: result.summary.meanPolicyAccuracy,
		result,
	};
}

/**
 * The comparison's default year: behaviour changes on day 60 (the drift lab's concept preset)
 * and charges arrive in cents from day 200 (a unit change: a pipeline break that needs a code
 * fix). Levels 1 and 2 use a performance trigger with a two-week cooldown and a 90-day window,
 * the research's "fast path when quality drops" with its guard.
 */
export const maturityComparisonConfig: Omit<ContinuousTrainingConfig, 'maturityLevel'> = {
	seed: 42,
	scenario: 'maturity-year',
	days: 365,
	trigger: { kind: 'performance' },
	cooldownDays: 14,
	windowDays: 90,
	warmStart: false,
};

/** Runs the same year at levels 0, 1 and 2. */
export function compareMaturityLevels(
	base: Omit<ContinuousTrainingConfig, 'maturityLevel'> = maturityComparisonConfig,
): MaturityOutcome[] {
	return ([0, 1, 2] as const).map((level) =>
		maturityOutcome(simulateContinuousTraining({ ...base, maturityLevel: level })),
	);
}
