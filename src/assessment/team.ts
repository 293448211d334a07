/**
 * Team mode: many members' answers to the same questions, aggregated without names. Each
 * question gets its participation, the count per option, the median (the lower middle answer
 * when the count is even, in the spirit of "pick the lower option when torn") and a disagreement
 * from 0 (everyone agrees) to 1 (answers span the whole ladder). The median answers form a team
 * answer set that scores like any other assessment.
 */
import type { QuestionBank } from './bank';
import { validateAnswers, type Answers } from './scoring';

/** One question across the team. */
export interface TeamQuestion {
	/** Question id. */
	questionId: string;
	/** Members who chose one of its options (not n/a, not don't know). */
	responses: number;
	/** How many chose each option, lowest first. */
	counts: number[];
	/** Members who answered "don't know". */
	unknown: number;
	/** Members who marked it not applicable. */
	notApplicable: number;
	/** Index of the median option (lower middle), or null with no responses. */
	median: number | null;
	/** (highest − lowest chosen index) / (options − 1); 0 with fewer than two responses. */
	disagreement: number;
}

/** The team view's data. */
export interface TeamSummary {
	/** How many answer sets were loaded. */
	participants: number;
	/** Per practice question, in bank order. */
	questions: TeamQuestion[];
	/** Team answers: each question's median option (or `unknown` when nobody chose an option). */
	medianAnswers: Record<string, string>;
}

/** Aggregates members' answers; throws `AssessmentInputError` if any set names unknown ids. */
export function summarizeTeam(bank: QuestionBank, members: readonly Answers[]): TeamSummary {
	members.forEach((answers) => validateAnswers(bank, answers));
	const medianAnswers: Record<string, string> = {};
	for (const context of bank.context) {
		const chosen = members.map((m) => m[context.id]).filter((a) => a && a !== 'unknown');
		const counts = new Map<string, number>();
		for (const a of chosen) counts.set(a as string, (counts.get(a as string) ?? 0) + 1);
		const top = [...counts].sort((a, b) => b[1] - a[1])[0];
		if (top) medianAnswers[context.id] = top[0];
	}
	const questions = bank.questions.map((q): TeamQuestion => {
		const indices = members
			.map((m) => q.options.findIndex((o) => o.id === m[q.id]))
			.filter((i) => i >= 0)
			.sort((a, b) => a - b);
		const counts = q.options.map((_, i) => indices.filter((x) => x === i).length);
		const median =
			indices.length === 0 ? null : (indices[Math.floor((indices.length - 1) / 2)] ?? null);
		const low = indices[0] ?? 0;
		const high = indices.at(-1) ?? 0;
		medianAnswers[q.id] = median === null ? 'unknown' : (q.options[median]?.id ?? 'unknown');
		return {
			questionId: q.id,
			responses: indices.length,
			counts,
			unknown: members.filter((m) => m[q.id] === 'unknown').length,
			notApplicable: members.filter((m) => m[q.id] === 'na').length,
			median,
			disagreement: (high - low) / (q.options.length - 1),
		};
	});
	return { participants: members.length, questions, medianAnswers };
}
