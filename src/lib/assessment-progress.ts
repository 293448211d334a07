/**
 * Where a team stands in one assessment, as the assessment page walks it: the steps (context
 * first, then one per dimension), how many applicable questions are answered, whether the current
 * answers are already a completed run, and the changes the page makes to a saved assessment when
 * a step is finished or an evidence note typed. Pure functions over the bank and a saved
 * assessment, so the rules are tested here and the Svelte views only show and send.
 */
import {
	appliesInContext,
	type AssessmentResult,
	type Question,
	type QuestionBank,
} from '../assessment';
import { maxEvidenceChars, type SavedAssessment } from './assessment-store';

/** Steps in the walk: the context step, then one per dimension. */
export const stepCount = (bank: QuestionBank): number => bank.dimensions.length + 1;

/** A step's heading: "About this system" for the context step, else the dimension's title. */
export function stepTitle(bank: QuestionBank, step: number): string {
	return step === 0 ? 'About this system' : (bank.dimensions[step - 1]?.title ?? '');
}

/** The practice questions of a dimension step (none for the context step). */
export function stepQuestions(bank: QuestionBank, step: number): Question[] {
	const dimension = bank.dimensions[step - 1];
	return dimension ? bank.questions.filter((q) => q.dimension === dimension.id) : [];
}

/** Practice questions that apply in this assessment's context. */
export function applicableCount(bank: QuestionBank, assessment: SavedAssessment): number {
	return bank.questions.filter((q) => appliesInContext(q, assessment.answers)).length;
}

/** Applicable practice questions with an answer (an answer to a question left out does not count). */
export function answeredCount(bank: QuestionBank, assessment: SavedAssessment): number {
	return bank.questions.filter(
		(q) => appliesInContext(q, assessment.answers) && assessment.answers[q.id] !== undefined,
	).length;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Whether the answers are exactly those of the last completed run (the team saw their results). */
export function isFinished(assessment: SavedAssessment): boolean {
	const last = assessment.runs.at(-1);
	return last !== undefined && same(last.answers, assessment.answers);
}

/**
 * The assessment with a new completed run when the team finishes: only when every applicable
 * question is answered and the answers or outcome measures differ from the last run, so
 * pressing "See the results" twice does not fill the history with copies. Otherwise unchanged.
 */
export function withCompletedRun(
	assessment: SavedAssessment,
	result: AssessmentResult,
	nowMs: number,
): SavedAssessment {
	if (result.findings.unanswered.length > 0) return assessment;
	const last = assessment.runs.at(-1);
	if (isFinished(assessment) && same(last?.outcomes ?? {}, assessment.outcomes)) return assessment;
	const outcomes = Object.keys(assessment.outcomes).length > 0;
	return {
		...assessment,
		runs: [
			...assessment.runs,
			{
				completedAtMs: nowMs,
				answers: { ...assessment.answers },
				...(outcomes ? { outcomes: { ...assessment.outcomes } } : {}),
			},
		],
	};
}

/** The assessment with an answer's evidence note set, cut to the longest kept, or removed when blank. */
export function withEvidence(
	assessment: SavedAssessment,
	questionId: string,
	text: string,
): SavedAssessment {
	const evidence = { ...assessment.evidence };
	if (text.trim() === '') delete evidence[questionId];
	else evidence[questionId] = text.slice(0, maxEvidenceChars);
	return { ...assessment, evidence };
}
