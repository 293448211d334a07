/**
 * Team mode: many members' answers to the same questions, aggregated without names. Each
 * question gets its participation, the count per option, the median (the lower middle answer
 * when the count is even, in the spirit of "pick the lower option when torn") and a disagreement
 * from 0 (everyone agrees) to 1 (answers span the whole ladder). The median answers form a team
 * answer set that scores like any other assessment. Where members disagree, their evidence notes
 * are gathered beside the question, so the conversation starts from what each side has seen.
 * The helpers for loading members (pasted links, counting one assessment once however it
 * arrives) live here too, free of the DOM, so other team views can reuse them.
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
	/** Members' evidence notes for this question, with the answer each backs, in member order. */
	evidence: { answer: string; note: string }[];
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
export function summarizeTeam(
	bank: QuestionBank,
	members: readonly Answers[],
	evidence: readonly (Readonly<Record<string, string>> | undefined)[] = [],
): TeamSummary {
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
			evidence: members.flatMap((m, i) => {
				const note = evidence[i]?.[q.id]?.trim();
				return note ? [{ answer: m[q.id] ?? '', note }] : [];
			}),
		};
	});
	return { participants: members.length, questions, medianAnswers };
}

/** Pasted share links, one per line: blank lines are ignored, line numbers kept for messages. */
export function pastedLinks(text: string): { line: number; link: string }[] {
	return text
		.split(/\r?\n/)
		.map((raw, i) => ({ line: i + 1, link: raw.trim() }))
		.filter(({ link }) => link !== '');
}

/**
 * Identifies one member's assessment whichever way it arrived: the system's name and the answers,
 * in a canonical order. The same assessment loaded once as a file and once as a link is one
 * member; two people who gave identical answers to every question under the same name would also
 * count once, which in a workshop is the safer mistake.
 */
export function memberKey(name: string, answers: Answers): string {
	const sorted = Object.keys(answers)
		.sort()
		.map((id) => [id, answers[id]]);
	return JSON.stringify([name.trim(), sorted]);
}

/**
 * The incoming members that are not in the team yet (by `key`, also among themselves), in order,
 * and how many were repeats.
 */
export function newMembers<T extends { key: string }>(
	existing: readonly T[],
	incoming: readonly T[],
): { added: T[]; repeats: number } {
	const keys = new Set(existing.map((m) => m.key));
	const added = incoming.filter((m) => !keys.has(m.key) && keys.add(m.key));
	return { added, repeats: incoming.length - added.length };
}

/** "1 participant", "2 participants". */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
	return `${n} ${n === 1 ? singular : plural}`;
}
