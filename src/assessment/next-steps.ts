/**
 * Turns a scored assessment into advice: the few practices to work on next and a target per
 * dimension. A gap's weight adds up whether it blocks the next Google or Microsoft level, whether
 * it holds its dimension back, how many context risks make it worse (online serving, regulated
 * data, a fast-changing world), how far below passing the answer is, and how basic the practice
 * is — so a team that never tests fairness on a credit model hears about it even when no ladder
 * needs it yet, and two teams with different answers get different advice. Dependencies count
 * three ways: a practice whose prerequisites (`requires` in the bank) are not in place yet always
 * ranks after the others; a missing foundation (version control, a pipeline, prediction logs)
 * gains weight for each failing practice that builds on it, because it is the first move there;
 * and a missing safeguard (`guards` in the bank) of automation that already runs is a live risk
 * (retraining or deployment that runs on its own with no automated gate will one day promote a
 * worse model), so it weighs most of all.
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
	const failingIds = new Set(failing.map((q) => q.id));
	const dimensionsById = new Map(result.dimensions.map((d) => [d.id, d]));
	// Failing practices per prerequisite, counted once instead of per step.
	const dependents = new Map<string, number>();
	for (const q of failing)
		for (const id of q.requires ?? []) dependents.set(id, (dependents.get(id) ?? 0) + 1);
	const steps = bank.questions
		.map((question, order) => ({ question, order }))
		.filter(({ question }) => failingIds.has(question.id))
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
			const dimension = dimensionsById.get(question.dimension);
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
			// Automation already running without the safeguard this practice would give it.
			const unguarded = (question.guards ?? []).filter((id) => {
				const guarded = byId.get(id);
				return (
					guarded !== undefined && isApplicable(guarded, answers) && isPassing(guarded, answers)
				);
			}).length;
			if (unguarded > 0) {
				reasons.push(
					`${unguarded === 1 ? 'an automated step already runs' : `${unguarded} automated steps already run`} without this safeguard`,
				);
			}
			const unlocks = dependents.get(question.id) ?? 0;
			if (unlocks > 0) {
				reasons.push(
					`unlocks ${unlocks === 1 ? 'a practice that builds' : `${unlocks} practices that build`} on it`,
				);
			}
			const basic = 4 - question.rung;
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
					6 * Math.min(2, unguarded) +
					4 * severity +
					Math.min(3, unlocks) +
					0.5 * basic -
					order * 1e-4,
			};
		});
	const { high } = suggestedTarget(bank, answers);
	const nextLevelsOf = new Map(
		steps.map((step) => {
			const question = byId.get(step.questionId);
			// Beyond the Microsoft level this context needs: ranked on weight alone, never pulled forward.
			if ((question?.microsoft ?? 0) > high) return [step.questionId, []];
			const dimension = question ? dimensionsById.get(question.dimension) : undefined;
			const levels = [
				result.google.blockers.includes(step.questionId) ? 'google' : '',
				result.microsoft.blockers.includes(step.questionId) ? 'microsoft' : '',
				dimension?.blockers.includes(step.questionId) ? `dimension:${dimension.id}` : '',
			].filter(Boolean);
			return [step.questionId, levels];
		}),
	);
	return prerequisitesFirst(steps, nextLevelsOf).slice(0, limit);
}

/**
 * Orders steps by weight, except that a step never comes before a failing practice it builds on:
 * each pick is the heaviest step whose prerequisites have all been placed. Advice to automate
 * retraining before the gate that guards it is no help. And a step that the one just listed
 * unlocks follows it at once when both stand before the same next level (the gate, then the
 * scheduled retraining it makes safe), so a prerequisite and what it enables read as one move —
 * unless the follower sits above the Microsoft level the context needs.
 */
function prerequisitesFirst(
	steps: NextStep[],
	nextLevelsOf: ReadonlyMap<string, readonly string[]>,
): NextStep[] {
	const remaining = [...steps].sort((a, b) => b.weight - a.weight);
	const placed = new Set<string>();
	const ordered: NextStep[] = [];
	const ready = (s: NextStep) => s.waitsFor.every((id) => placed.has(id));
	while (remaining.length > 0) {
		const last = ordered.at(-1);
		const lastLevels = last ? (nextLevelsOf.get(last.questionId) ?? []) : [];
		const unlocked = last
			? remaining.findIndex(
					(s) =>
						s.waitsFor.includes(last.questionId) &&
						ready(s) &&
						(nextLevelsOf.get(s.questionId) ?? []).some((l) => lastLevels.includes(l)),
				)
			: -1;
		// A cycle in `requires` cannot happen in a valid bank; fall back to weight order if it did.
		const index =
			unlocked >= 0
				? unlocked
				: Math.max(
						0,
						remaining.findIndex((s) => ready(s)),
					);
		const [next] = remaining.splice(index, 1);
		if (!next) break;
		placed.add(next.questionId);
		ordered.push(next);
	}
	return ordered;
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

/**
 * Default targets: the dimension's next rung, but not above the top of the range the context
 * makes sensible (a one-model startup is not told to aim for level 4), and never below where the
 * dimension already is.
 */
export function defaultTargets(
	bank: QuestionBank,
	answers: Answers,
	result: AssessmentResult,
): Record<AssessmentDimensionId, number> {
	const { high } = suggestedTarget(bank, answers);
	return Object.fromEntries(
		result.dimensions.map((d) => [d.id, Math.max(d.level, Math.min(d.next ?? d.level, high))]),
	) as Record<AssessmentDimensionId, number>;
}

/**
 * The Microsoft levels the context makes sensible to aim for, as a range of two: the lowest is
 * the highest floor any context answer sets (one model: 1; a few: 2; many, regulated decisions
 * or a world that changes in days: 3), and one more is the stretch. Google and OWASP SAMM both
 * say the top level is not for everyone.
 */
export function suggestedTarget(
	bank: QuestionBank,
	answers: Answers,
): { low: number; high: number } {
	let low = 1;
	for (const context of bank.context) {
		const option = context.options.find((o) => o.id === answers[context.id]);
		if (option?.suggestsLevel !== undefined) low = Math.max(low, option.suggestsLevel);
	}
	return { low, high: Math.min(4, low + 1) };
}

/** The lowest Microsoft level the context makes sensible to aim for. */
export function suggestedLevel(bank: QuestionBank, answers: Answers): number {
	return suggestedTarget(bank, answers).low;
}
