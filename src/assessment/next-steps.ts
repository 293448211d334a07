/**
 * Turns a scored assessment into advice: the few practices to work on next and a target per
 * dimension. A gap's weight adds up whether it blocks the next Google or Microsoft level, whether
 * it holds its dimension back, how many context risks make it worse (online serving, regulated
 * data, a fast-changing world), how far below passing the answer is, and how basic the practice
 * is — so a team that never tests fairness on a credit model hears about it even when no ladder
 * needs it yet, and two teams with different answers get different advice. Dependencies count
 * both ways: a practice whose prerequisites (`requires` in the bank) are not in place yet always
 * ranks after the others, and a missing foundation (version control, a pipeline, prediction logs)
 * gains weight for each failing practice that builds on it, because it is the first move there.
 */
import type { AssessmentDimensionId } from '../schemas/assessment';
import type { Question, QuestionBank } from './bank';
import {
	contextMatches,
	isApplicable,
	isPassing,
	type AssessmentResult,
	type Answers,
} from './scoring';

/** One recommended next step. */
export interface NextStep {
	/** The question whose practice to improve. */
	questionId: string;
	/** Why it ranks where it does, as short phrases ("blocks Google level 1"). */
	reasons: string[];
	/** Failing practices this one builds on; while any remains, the step ranks after the rest. */
	waitsFor: string[];
	/** The option to reach: the question's passing option. */
	targetOption: string;
	/** Ranking weight (higher first). */
	weight: number;
}

/** Ranks the gaps and returns the top `limit` (default 5). */
export function nextSteps(
	bank: QuestionBank,
	answers: Answers,
	result: AssessmentResult,
	limit = 5,
): NextStep[] {
	const dimensionTitles = new Map(bank.dimensions.map((d) => [d.id, d.title]));
	const contextLabels = new Map(
		bank.context.map((c) => [c.id, new Map(c.options.map((o) => [o.id, o.label]))]),
	);
	const byId = new Map(bank.questions.map((q) => [q.id, q]));
	const failing = bank.questions.filter((q) => isApplicable(q, answers) && !isPassing(q, answers));
	const steps = bank.questions
		.map((question, order) => ({ question, order }))
		.filter(({ question }) => failing.includes(question))
		.map(({ question, order }) => {
			const reasons: string[] = [];
			let blocksLens = false;
			if (result.google.blockers.includes(question.id)) {
				blocksLens = true;
				reasons.push(`blocks Google level ${result.google.next}`);
			}
			if (result.microsoft.blockers.includes(question.id)) {
				blocksLens = true;
				reasons.push(`blocks Microsoft level ${result.microsoft.next}`);
			}
			const dimension = result.dimensions.find((d) => d.id === question.dimension);
			const blocksDimension = dimension?.blockers.includes(question.id) ?? false;
			if (dimension && blocksDimension) {
				reasons.push(
					`holds ${dimensionTitles.get(question.dimension)} at level ${dimension.level}`,
				);
			}
			const risks = riskLabels(question, answers, contextLabels);
			if (risks.length > 0) reasons.push(`riskier in this context (${risks.join('; ')})`);
			if (answers[question.id] === 'unknown') reasons.push('nobody knew the answer');
			const waitsFor = (question.requires ?? []).filter((id) => {
				const required = byId.get(id);
				return (
					required !== undefined && isApplicable(required, answers) && !isPassing(required, answers)
				);
			});
			if (waitsFor.length > 0) {
				reasons.push(
					`builds on ${waitsFor.length === 1 ? 'a practice' : `${waitsFor.length} practices`} not yet in place`,
				);
			}
			const unlocks = failing.filter((q) => q.requires?.includes(question.id)).length;
			if (unlocks > 0) {
				reasons.push(
					`unlocks ${unlocks === 1 ? 'a practice that builds' : `${unlocks} practices that build`} on it`,
				);
			}
			const basic = 4 - (question.microsoft ?? 4);
			// Prerequisites first: advice to automate retraining before a pipeline exists is no help.
			const blocked = waitsFor.length > 0 ? 100 : 0;
			// How far below the passing option the answer sits: 1 when not done or unknown.
			const passIndex = question.options.findIndex((o) => o.id === question.pass);
			const current = Math.max(
				0,
				question.options.findIndex((o) => o.id === answers[question.id]),
			);
			const severity = passIndex <= 0 ? 1 : (passIndex - current) / passIndex;
			return {
				questionId: question.id,
				reasons,
				waitsFor,
				targetOption: question.pass,
				weight:
					(blocksLens ? 4 : 0) +
					(blocksDimension ? 2 : 0) +
					4 * risks.length +
					4 * severity +
					Math.min(3, unlocks) +
					0.5 * basic -
					blocked -
					order * 1e-4,
			};
		});
	return steps.sort((a, b) => b.weight - a.weight).slice(0, limit);
}

function riskLabels(
	question: Question,
	answers: Answers,
	labels: Map<string, Map<string, string>>,
): string[] {
	if (!question.riskWhen || !contextMatches(question.riskWhen, answers, 'any')) return [];
	return Object.entries(question.riskWhen)
		.filter(([contextId, values]) => values.includes(answers[contextId] ?? ''))
		.map(([contextId]) => `“${labels.get(contextId)?.get(answers[contextId] ?? '') ?? ''}”`);
}

/** Default targets: one level above the current one in every dimension, capped at 4. */
export function defaultTargets(result: AssessmentResult): Record<AssessmentDimensionId, number> {
	return Object.fromEntries(
		result.dimensions.map((d) => [d.id, Math.min(4, d.level + 1)]),
	) as Record<AssessmentDimensionId, number>;
}

/** The Microsoft level the context makes sensible to aim for (2 unless the context raises it). */
export function suggestedLevel(bank: QuestionBank, answers: Answers): number {
	let level = 2;
	for (const context of bank.context) {
		const option = context.options.find((o) => o.id === answers[context.id]);
		if (option?.suggestsLevel !== undefined) level = Math.max(level, option.suggestsLevel);
	}
	return level;
}
