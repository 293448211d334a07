/**
 * Scores one set of answers against a question bank. Levels are ladders, not averages: level L
 * in a lens needs every applicable question tagged at or below L to be at its passing option,
 * so a strong area never hides a missing basic. Each dimension climbs its own ladder of rungs
 * (the bank's `rung`), kept apart from the Microsoft tags so that only what Microsoft's model
 * names gates a Microsoft level. Everything here is a pure function of the bank and the answers,
 * which is what lets property tests prove that a better answer never lowers any score or level.
 *
 * The ML Test Score paper gives no rule for a test that does not apply to a system. Ours: a test
 * is out of scope when every question that evidences it is marked not applicable or left out by
 * the context; it then counts as met (1 point) and is listed, so a batch system without personal
 * data can still reach the top band, and marking a test out of scope never lowers a section.
 * The price is that a team could mark tests out of scope to look better, which is why each
 * "not applicable" asks for a reason and the results list every out-of-scope test.
 */
import type { AssessmentDimensionId } from '../schemas/assessment';
import type { Question, QuestionBank } from './bank';

/** Question or context id → option id, `'na'` or `'unknown'`. */
export type Answers = Readonly<Record<string, string>>;

/** Thrown when answers name a question or option the bank does not have. */
export class AssessmentInputError extends Error {
	override name = 'AssessmentInputError';
}

/** A level in one lens with the questions standing between the team and the next level. */
export interface LadderResult {
	/** The level reached. */
	level: number;
	/** The next level, or null at the top. */
	next: number | null;
	/** Exactly the applicable questions that must pass to reach `next` (empty at the top). */
	blockers: string[];
}

/**
 * One dimension's result. Its level is on a 0–4 scale, but only rungs at which the dimension has
 * a question in the bank count (a rung whose questions are all out of scope is met); `next` is
 * null once the top rung passes.
 */
export interface DimensionResult extends LadderResult {
	/** Dimension id. */
	id: AssessmentDimensionId;
	/** 0–10, one decimal: the mean position of the answers on their ladders; null if nothing applies. */
	score: number | null;
	/** How many of its questions apply. */
	applicable: number;
}

/** One ML Test Score test. */
export interface MlTestResult {
	/** Test id, e.g. `data-1`. */
	id: string;
	/** 0, 0.5 or 1; null when the test is out of scope (it then counts as 1 in its section). */
	points: number | null;
	/** The questions that evidence it. */
	questions: string[];
}

/** The ML Test Score by the 2017 rubric. */
export interface MlTestScoreResult {
	/** The minimum of the four section sums. */
	score: number;
	/** Section sums (0–7, out-of-scope tests counting 1) and their tests. */
	sections: { id: string; score: number; tests: MlTestResult[] }[];
	/** Tests out of scope for this system (every question for them n/a or left out), in order. */
	outOfScope: string[];
	/** The Table V band the score falls in. */
	band: { id: string; label: string };
}

/** Everything the results page shows. */
export interface AssessmentResult {
	/** Per dimension, in bank order. */
	dimensions: DimensionResult[];
	/** Google's levels 0–2. */
	google: LadderResult;
	/** Microsoft's levels 0–4. */
	microsoft: LadderResult;
	/** The ML Test Score (2017 scoring). */
	mlTestScore: MlTestScoreResult;
	/** The two headline numbers: the weakest dimension and the mean over dimensions (0–10). */
	headline: {
		weakestLink: { dimension: AssessmentDimensionId; score: number } | null;
		mean: number | null;
	};
	/** Answers worth a conversation. */
	findings: {
		/** Answered "don't know" (scored as not done). */
		unknown: string[];
		/** Marked not applicable by the team. */
		notApplicable: string[];
		/** Left out by the context answers. */
		excludedByContext: string[];
		/** Not answered yet (scored as not done). */
		unanswered: string[];
	};
}

/** Band limits of Table V (2017): an upper bound and its meaning. */
export const mlTestScoreBands = [
	{ id: 'research', max: 0, label: 'More a research project than a production system' },
	{ id: 'holes', max: 1, label: 'Not untested, but serious holes in reliability are likely' },
	{
		id: 'first-pass',
		max: 2,
		label: 'A first pass at production readiness; more investment needed',
	},
	{ id: 'reasonable', max: 3, label: 'Reasonably tested; more could be automated' },
	{
		id: 'strong',
		max: 5,
		label: 'Strong automated testing and monitoring, fit for critical systems',
	},
	{ id: 'exceptional', max: Infinity, label: 'Exceptional automated testing and monitoring' },
] as const;

/** The Table V band for a final ML Test Score. */
export function mlTestScoreBand(score: number): { id: string; label: string } {
	const band = mlTestScoreBands.find((b) => score <= b.max) ?? mlTestScoreBands[5];
	return { id: band.id, label: band.label };
}

/** Checks answers against the bank; throws `AssessmentInputError` naming the bad id. */
export function validateAnswers(bank: QuestionBank, answers: Answers): void {
	const questions = new Map(bank.questions.map((q) => [q.id, q]));
	const context = new Map(bank.context.map((c) => [c.id, c]));
	for (const [id, value] of Object.entries(answers)) {
		const options =
			questions
				.get(id)
				?.options.map((o) => o.id)
				.concat('na', 'unknown') ??
			context
				.get(id)
				?.options.map((o) => o.id)
				.concat('unknown');
		if (!options) throw new AssessmentInputError(`Unknown question id "${id}".`);
		if (typeof value !== 'string' || !options.includes(value)) {
			throw new AssessmentInputError(
				`Question "${id}" has no option ${JSON.stringify(value)}; expected one of ${options.join(', ')}.`,
			);
		}
	}
}

/** Whether a condition over context answers holds (an unanswered context question never excludes). */
export function contextMatches(
	condition: Readonly<Record<string, readonly string[]>>,
	answers: Answers,
	mode: 'all' | 'any',
): boolean {
	const checks = Object.entries(condition).map(([contextId, values]) => {
		const answer = answers[contextId];
		if (answer === undefined || answer === 'unknown') return mode === 'all';
		return values.includes(answer);
	});
	return mode === 'all' ? checks.every(Boolean) : checks.some(Boolean);
}

/** Whether the context answers let a question apply (ignoring the team's own n/a). */
export function appliesInContext(question: Question, answers: Answers): boolean {
	return !question.appliesWhen || contextMatches(question.appliesWhen, answers, 'all');
}

/** Whether a question counts for this system: not marked n/a and allowed by the context. */
export function isApplicable(question: Question, answers: Answers): boolean {
	return answers[question.id] !== 'na' && appliesInContext(question, answers);
}

/** Index of the chosen option, or -1 for unknown or unanswered (scored as not done). */
function optionIndex(question: Question, answers: Answers): number {
	const answer = answers[question.id];
	return answer === undefined ? -1 : question.options.findIndex((o) => o.id === answer);
}

/** Whether the answer is at or above the question's passing option. */
export function isPassing(question: Question, answers: Answers): boolean {
	const pass = question.options.findIndex((o) => o.id === question.pass);
	return optionIndex(question, answers) >= pass;
}

/** Position on the question's ladder from 0 (lowest or not done) to 1 (highest option). */
export function answerFraction(question: Question, answers: Answers): number {
	return Math.max(0, optionIndex(question, answers)) / (question.options.length - 1);
}

/**
 * A ladder over tagged questions. With `rungs` omitted every level from 0 to `top` exists (the
 * published models' levels); with `rungs` given, only those levels exist, so a dimension whose
 * first question sits at level 3 does not hand out levels 1 and 2 for free.
 */
function ladder(
	questions: readonly Question[],
	answers: Answers,
	tagOf: (q: Question) => number | undefined,
	top: number,
	rungs?: readonly number[],
): LadderResult {
	const failing = questions.filter((q) => tagOf(q) !== undefined && !isPassing(q, answers));
	const lowestFailing = Math.min(...failing.map((q) => tagOf(q) as number));
	const levels = rungs ?? Array.from({ length: top + 1 }, (_, i) => i);
	// A failing question tagged 0 leaves the team at the floor, 0, with it among the blockers.
	const level = Math.max(0, ...levels.filter((l) => l < lowestFailing));
	const next = levels
		.filter((l) => l > level)
		.reduce<number | null>((low, l) => (low === null || l < low ? l : low), null);
	const blockers =
		next === null ? [] : failing.filter((q) => (tagOf(q) as number) <= next).map((q) => q.id);
	return { level, next, blockers };
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** Scores answers against the bank. Throws `AssessmentInputError` on unknown ids. */
export function scoreAssessment(bank: QuestionBank, answers: Answers): AssessmentResult {
	validateAnswers(bank, answers);
	const applicable = bank.questions.filter((q) => isApplicable(q, answers));

	// Unrounded dimension means, so the headline mean is not built from rounded parts.
	const rawScores: number[] = [];
	const dimensions: DimensionResult[] = bank.dimensions.map((dimension) => {
		const own = applicable.filter((q) => q.dimension === dimension.id);
		// Every rung the dimension has in the bank counts, even when its questions are out of
		// scope (then it is met), so marking a question not applicable never lowers a level.
		const rungs = bank.questions.filter((q) => q.dimension === dimension.id).map((q) => q.rung);
		const sum = own.reduce((total, q) => total + answerFraction(q, answers), 0);
		if (own.length > 0) rawScores.push(sum / own.length);
		return {
			id: dimension.id,
			score: own.length === 0 ? null : round1((10 * sum) / own.length),
			applicable: own.length,
			...ladder(own, answers, (q) => q.rung, 4, rungs),
		};
	});

	const sections = bank.mlTestScore.sections.map((section) => {
		const tests = section.tests.map((test): MlTestResult => {
			const evidence = applicable.filter((q) => q.mlTestScore === test.id);
			const points = evidence.map((q) => q.options[optionIndex(q, answers)]?.mts ?? 0);
			return {
				id: test.id,
				points: points.length === 0 ? null : Math.min(...points),
				questions: evidence.map((q) => q.id),
			};
		});
		return { id: section.id, score: tests.reduce((s, t) => s + (t.points ?? 1), 0), tests };
	});
	const outOfScope = sections.flatMap((s) =>
		s.tests.filter((t) => t.points === null).map((t) => t.id),
	);
	const mtsScore = Math.min(...sections.map((s) => s.score));

	const scored = dimensions.filter((d) => d.score !== null) as (DimensionResult & {
		score: number;
	})[];
	const weakest = scored.reduce<(typeof scored)[number] | undefined>(
		(low, d) => (low === undefined || d.score < low.score ? d : low),
		undefined,
	);
	const rawMean =
		rawScores.length === 0 ? null : rawScores.reduce((a, b) => a + b, 0) / rawScores.length;

	return {
		dimensions,
		google: ladder(applicable, answers, (q) => q.google, 2),
		microsoft: ladder(applicable, answers, (q) => q.microsoft, 4),
		mlTestScore: { score: mtsScore, sections, outOfScope, band: mlTestScoreBand(mtsScore) },
		headline: {
			weakestLink: weakest ? { dimension: weakest.id, score: weakest.score } : null,
			mean: rawMean === null ? null : round1(10 * rawMean),
		},
		findings: {
			unknown: bank.questions.filter((q) => answers[q.id] === 'unknown').map((q) => q.id),
			notApplicable: bank.questions.filter((q) => answers[q.id] === 'na').map((q) => q.id),
			excludedByContext: bank.questions
				.filter((q) => answers[q.id] !== 'na' && !isApplicable(q, answers))
				.map((q) => q.id),
			unanswered: applicable.filter((q) => answers[q.id] === undefined).map((q) => q.id),
		},
	};
}
