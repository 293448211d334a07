/**
 * The lab half of the trainer's team view: per lab, who sent an outcome, how the outcomes spread
 * and how far apart they are, each participant's result beside the settings that produced it.
 * Every lab reproduces a run from its link, so two participants with the same settings and seed
 * get the same result: a spread always comes from different settings, and the view counts those
 * too. Labs the room disagreed on most come first.
 */
import type { LabOutcome, OutcomeLab } from './participant-results';
import { outcomeLabs, rolloutResults } from './participant-results';

/** One participant's outcome in a lab, ready to show. */
export interface LabOutcomeRow {
	/** Index of the participant in arrival order (see `participantLabel`). */
	participant: number;
	/** The outcome as a number on the lab's measure; null for "no alert" or a categorical one. */
	value: number | null;
	/** The outcome in words, e.g. "83.5 %", "day 21", "aborted after 1 min". */
	text: string;
	/** The run's link, site-relative. */
	href: string;
	/** The run's seed. */
	seed: string;
}

/** One lab across the room. */
export interface LabSummary {
	lab: OutcomeLab;
	/** What the outcome measures, e.g. "best test accuracy". */
	measure: string;
	/** Participants who sent an outcome for this lab. */
	participants: number;
	/** Distinct settings (link queries) among them. */
	settings: number;
	/** How many got each outcome, most common first, e.g. [["aborted", 2], ["promoted", 1]]. */
	distribution: [string, number][];
	/** Lower median of the numeric outcomes, as text, or '–' when there are none. */
	median: string;
	/**
	 * 0 when everyone got the same, 1 at the widest: for a number, (highest − lowest) / highest
	 * (accuracy and days alike); for a category, the share who did not get the commonest one.
	 */
	disagreement: number;
	/** Every outcome, lowest value first (categorical ones in `rolloutResults` order). */
	rows: LabOutcomeRow[];
}

const measures: Record<OutcomeLab, string> = {
	training: 'best test accuracy',
	drift: 'first drift alert',
	'continuous-training': 'mean accuracy over the year',
	deployment: 'rollout result',
};

const percent = (x: number) => `${(x * 100).toFixed(1)} %`;

function describe(outcome: LabOutcome): { value: number | null; text: string; bucket: string } {
	switch (outcome.lab) {
		case 'training':
			return {
				value: outcome.testAccuracy,
				text: percent(outcome.testAccuracy),
				bucket: bucket5(outcome.testAccuracy),
			};
		case 'drift':
			return outcome.firstAlertDay === null
				? { value: null, text: 'no alert', bucket: 'no alert' }
				: {
						value: outcome.firstAlertDay,
						text: `day ${outcome.firstAlertDay}`,
						bucket: `day ${outcome.firstAlertDay}`,
					};
		case 'continuous-training':
			return {
				value: outcome.meanAccuracy,
				text: `${percent(outcome.meanAccuracy)}, ${outcome.runs} ${outcome.runs === 1 ? 'run' : 'runs'}`,
				bucket: bucket5(outcome.meanAccuracy),
			};
		case 'deployment':
			return {
				value: null,
				text: `${outcome.rollout} after ${Number(outcome.minutes.toFixed(1))} min`,
				bucket: outcome.rollout,
			};
	}
}

/** Accuracy in five-point bands, e.g. "80–85 %", so near-equal results count together. */
function bucket5(x: number): string {
	const low = Math.min(95, Math.floor((x * 100) / 5) * 5);
	return `${low}–${low + 5} %`;
}

/** Per-lab summaries of everyone's outcomes (`participants[i]` is participant i's list). */
export function summarizeLabs(participants: readonly (readonly LabOutcome[])[]): LabSummary[] {
	return outcomeLabs
		.map((lab): LabSummary | null => {
			const sent = participants.flatMap((outcomes, participant) =>
				outcomes
					.filter((o) => o.lab === lab)
					.map((o) => ({ participant, outcome: o, ...describe(o) })),
			);
			if (sent.length === 0) return null;
			const numbers = sent
				.flatMap((s) => (s.value === null ? [] : [s.value]))
				.sort((a, b) => a - b);
			const counts = new Map<string, number>();
			for (const s of sent) counts.set(s.bucket, (counts.get(s.bucket) ?? 0) + 1);
			const distribution = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
			const high = numbers.at(-1) ?? 0;
			const disagreement =
				lab === 'deployment'
					? 1 - (distribution[0]?.[1] ?? 0) / sent.length
					: high > 0
						? (high - (numbers[0] ?? 0)) / high
						: 0;
			const middle = numbers[Math.floor((numbers.length - 1) / 2)];
			const rank = (s: (typeof sent)[number]) =>
				s.value ?? (lab === 'deployment' ? rolloutResults.indexOf(s.bucket as never) : Infinity);
			return {
				lab,
				measure: measures[lab],
				participants: sent.length,
				settings: new Set(sent.map((s) => s.outcome.query)).size,
				distribution,
				median: middle === undefined ? '–' : lab === 'drift' ? `day ${middle}` : percent(middle),
				disagreement,
				rows: [...sent]
					.sort((a, b) => rank(a) - rank(b) || a.participant - b.participant)
					.map((s) => ({
						participant: s.participant,
						value: s.value,
						text: s.text,
						href: `/labs/${lab}/?${s.outcome.query}`,
						seed: new URLSearchParams(s.outcome.query).get('seed') ?? '',
					})),
			};
		})
		.filter((s): s is LabSummary => s !== null)
		.sort(
			(a, b) =>
				b.disagreement - a.disagreement || outcomeLabs.indexOf(a.lab) - outcomeLabs.indexOf(b.lab),
		);
}
