/**
 * DORA-style outcome measures for ML (model lead time, deployment frequency, change-failure rate,
 * time to restore, share of models monitored), asked once per assessment and kept apart from the
 * practice scores, so a team can see across its history whether better practices paid off. Each
 * answer is placed on a 0–10 scale by its band (worst band 0, best 10), as DORA's quick check
 * normalises its answers; "don't know" and unanswered measures have no score.
 */
import type { QuestionBank } from './bank';

/** One outcome measure's answer. */
export interface OutcomeScore {
	/** Outcome id. */
	id: string;
	/** The chosen option id, `unknown`, or undefined when not answered. */
	answer: string | undefined;
	/** 0–10 by band, or null when unknown or unanswered. */
	score: number | null;
}

/** Scores the outcome answers of one assessment or run, in bank order. */
export function outcomeScores(
	bank: QuestionBank,
	outcomes: Readonly<Record<string, string>> | undefined,
): OutcomeScore[] {
	return bank.outcomes.map((outcome) => {
		const answer = outcomes?.[outcome.id];
		const index = outcome.options.findIndex((o) => o.id === answer);
		return {
			id: outcome.id,
			answer,
			score: index < 0 ? null : Math.round((100 * index) / (outcome.options.length - 1)) / 10,
		};
	});
}
