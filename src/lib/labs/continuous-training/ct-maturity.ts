/**
 * The maturity comparison as the page prints it: one row per Google level with time to detect,
 * time to recover, accuracy lost and incidents, and the `?level=` parameter that opens the
 * comparison at a team's own level (the assessment's results page links there). The comparison
 * itself is simulated at build time; this module only words it and reads the parameter.
 */
import type { MaturityOutcome } from '@sim/retraining/maturity.model';

/** One level's row. */
export interface MaturityRow {
	readonly level: 0 | 1 | 2;
	readonly label: string;
	readonly incidents: string;
	readonly timeToDetect: string;
	readonly timeToRecover: string;
	/** Accuracy-days lost, e.g. "6.1 accuracy-days" (a point a day for 100 days is 1). */
	readonly accuracyLost: string;
	readonly runs: string;
	readonly meanAccuracy: string;
}

const days = (value: number | null, none: string) =>
	value === null ? none : `${Math.round(value)} ${Math.round(value) === 1 ? 'day' : 'days'}`;

/** The rows of the comparison. */
export function maturityRows(outcomes: readonly MaturityOutcome[]): MaturityRow[] {
	return outcomes.map((o) => ({
		level: o.level,
		label: o.label,
		incidents: String(o.incidents.length),
		timeToDetect: days(o.meanTimeToDetectDays, 'never detected'),
		timeToRecover: days(o.meanTimeToRecoverDays, 'not within the year'),
		accuracyLost: `${o.accuracyLost.toFixed(1)} accuracy-days`,
		runs: String(o.runs),
		meanAccuracy: `${(100 * o.meanAccuracy).toFixed(1)} %`,
	}));
}

/** The level a `?level=` parameter asks for, or a message when it is not 0, 1 or 2. */
export function readLevel(search: string): { level: 0 | 1 | 2 | null; problem: string | null } {
	const raw = new URLSearchParams(search).get('level');
	if (raw === null || raw === '') return { level: null, problem: null };
	if (raw === '0' || raw === '1' || raw === '2')
		return { level: Number(raw) as 0 | 1 | 2, problem: null };
	const shown = raw.length > 20 ? `${raw.slice(0, 19)}…` : raw;
	return {
		level: null,
		problem: `The link asks for maturity level “${shown}”; levels are 0, 1 and 2, so all three are shown.`,
	};
}

/** The lab's link to the comparison at a level (the assessment links here). */
export function maturityLink(level: number): string {
	return `/labs/continuous-training/?level=${level}#maturity`;
}
