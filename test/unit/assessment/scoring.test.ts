/**
 * The scoring engine: exact results on a hand-worked bank and on the real bank's extremes,
 * then properties over random answers to the real bank — a better answer never lowers
 * anything, `na` removes a question exactly, `unknown` scores as not done, blockers are exactly
 * what stands before the next level, and unknown ids are refused.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
	AssessmentInputError,
	nextSteps,
	questionBank,
	scoreAssessment,
	suggestedLevel,
	suggestedTarget,
	defaultTargets,
	type Answers,
	type AssessmentResult,
	type QuestionBank,
} from '@/assessment';
import { tinyBank } from './fixture';

describe('scoreAssessment on a hand-worked bank', () => {
	test('no answers: everything at zero, the lowest-tagged questions block', () => {
		const r = scoreAssessment(tinyBank, {});
		expect(r.dimensions).toEqual([
			{ id: 'problem-framing', score: 0, applicable: 2, level: 0, next: 1, blockers: ['a'] },
			{ id: 'data-management', score: 0, applicable: 2, level: 0, next: 1, blockers: ['d'] },
		]);
		expect(r.google).toEqual({ level: 0, next: 1, blockers: ['a', 'd'] });
		expect(r.microsoft).toEqual({ level: 0, next: 1, blockers: ['a', 'd'] });
		expect(r.mlTestScore.score).toBe(0);
		expect(r.mlTestScore.band.id).toBe('research');
		expect(r.headline).toEqual({
			weakestLink: { dimension: 'problem-framing', score: 0 },
			mean: 0,
		});
		expect(r.findings.unanswered).toEqual(['a', 'b', 'c', 'd']);
	});

	test('batch context drops c; levels climb to the first failing gate', () => {
		const r = scoreAssessment(tinyBank, { serving: 'batch', a: 'manual', b: 'manual', d: 'auto' });
		expect(r.dimensions).toEqual([
			{ id: 'problem-framing', score: 5, applicable: 2, level: 1, next: 2, blockers: ['b'] },
			// c (rung 3) is out of scope, so its rung is met: the dimension is at its top.
			{ id: 'data-management', score: 10, applicable: 1, level: 3, next: null, blockers: [] },
		]);
		expect(r.google).toEqual({ level: 1, next: 2, blockers: ['b'] });
		expect(r.microsoft).toEqual({ level: 1, next: 2, blockers: ['b'] });
		// infra-1 is out of scope (its only question, c, is left out by the batch context): it
		// counts as met, so the infrastructure section is 1, not 0, and the final score is 0.5.
		expect(r.mlTestScore.sections.map((s) => s.score)).toEqual([0.5, 0.5, 1, 1]);
		expect(r.mlTestScore.sections[2]?.tests[0]).toEqual({
			id: 'infra-1',
			points: null,
			questions: [],
		});
		expect(r.mlTestScore.outOfScope).toEqual(['infra-1']);
		expect(r.mlTestScore.score).toBe(0.5);
		expect(r.headline).toEqual({
			weakestLink: { dimension: 'problem-framing', score: 5 },
			mean: 7.5,
		});
		expect(r.findings.excludedByContext).toEqual(['c']);
	});

	test('top answers everywhere reach the top of every ladder', () => {
		const r = scoreAssessment(tinyBank, {
			serving: 'online',
			a: 'auto',
			b: 'auto',
			c: 'auto',
			d: 'auto',
		});
		expect(r.google).toEqual({ level: 2, next: null, blockers: [] });
		expect(r.microsoft).toEqual({ level: 4, next: null, blockers: [] });
		expect(r.mlTestScore.score).toBe(1);
		expect(r.mlTestScore.band).toEqual({
			id: 'holes',
			label: 'Not untested, but serious holes in reliability are likely',
		});
		expect(r.headline.mean).toBe(10);
	});

	test('a failing level-0 question keeps the floor at 0 and blocks level 1', () => {
		const r = scoreAssessment(tinyBank, { a: 'auto', b: 'auto', c: 'auto', d: 'none' });
		expect(r.google).toEqual({ level: 0, next: 1, blockers: ['d'] });
		expect(r.microsoft).toEqual({ level: 0, next: 1, blockers: ['d'] });
	});

	test('na drops a question out; unknown scores as not done and is a finding', () => {
		const na = scoreAssessment(tinyBank, { a: 'na', b: 'auto', c: 'manual', d: 'manual' });
		expect(na.dimensions[0]).toEqual({
			id: 'problem-framing',
			score: 10,
			applicable: 1,
			level: 2,
			next: null,
			blockers: [],
		});
		expect(na.findings.notApplicable).toEqual(['a']);
		expect(na.mlTestScore.sections[0]?.tests[0]?.points).toBeNull();
		const unknown = scoreAssessment(tinyBank, {
			a: 'unknown',
			b: 'auto',
			c: 'manual',
			d: 'manual',
		});
		const none = scoreAssessment(tinyBank, { a: 'none', b: 'auto', c: 'manual', d: 'manual' });
		expect(unknown.findings.unknown).toEqual(['a']);
		expect({ ...unknown, findings: none.findings }).toEqual(none);
	});

	test('unknown question or option ids are refused with the id in the message', () => {
		expect(() => scoreAssessment(tinyBank, { zzz: 'auto' })).toThrow(
			new AssessmentInputError('Unknown question id "zzz".'),
		);
		expect(() => scoreAssessment(tinyBank, { a: 'great' })).toThrow(
			'Question "a" has no option "great"; expected one of none, manual, auto, na, unknown.',
		);
		expect(() => scoreAssessment(tinyBank, { serving: 'na' })).toThrow(AssessmentInputError);
		expect(() => scoreAssessment(tinyBank, { a: 3 as unknown as string })).toThrow(/no option 3/);
	});

	test('next steps rank gates first, then context risk, and name their reasons', () => {
		const answers = { serving: 'batch', a: 'manual', b: 'none', d: 'none' };
		const r = scoreAssessment(tinyBank, answers);
		const steps = nextSteps(tinyBank, answers, r);
		expect(steps.map((s) => s.questionId)).toEqual(['d', 'b']);
		expect(steps[0]?.reasons).toEqual([
			'blocks Google level 1',
			'blocks Microsoft level 1',
			'holds Data management at level 0',
			'riskier in this context (“Batch”)',
		]);
		expect(steps[1]?.reasons).toEqual(['holds Problem framing at level 1']);
		expect(steps[1]?.waitsFor).toEqual([]);
		expect(suggestedTarget(tinyBank, { serving: 'online' })).toEqual({ low: 3, high: 4 });
		expect(suggestedLevel(tinyBank, {})).toBe(1);
		// Targets stop at the top of the context's range (1–2 here): problem framing's next rung is 2.
		expect(defaultTargets(tinyBank, answers, r)).toEqual({
			'problem-framing': 2,
			'data-management': 1,
		});
		// Data management's rung 1 is d alone; c's rung 3 is out of scope in a batch context.
		expect(r.dimensions[1]).toMatchObject({ level: 0, next: 1, blockers: ['d'] });
	});
});

test('a practice waits for the practices it builds on', () => {
	const answers = { serving: 'online', a: 'none', b: 'none', c: 'none', d: 'manual' };
	const steps = nextSteps(tinyBank, answers, scoreAssessment(tinyBank, answers));
	expect(steps.map((s) => s.questionId)).toEqual(['a', 'c', 'b']);
	expect(steps[2]?.waitsFor).toEqual(['a']);
	expect(steps[2]?.reasons.at(-1)).toBe('builds on a practice not yet in place');
});

describe('scoreAssessment on the real bank', () => {
	const top = Object.fromEntries(
		questionBank.questions.map((q) => [q.id, q.options.at(-1)?.id ?? '']),
	);
	const bottom = Object.fromEntries(
		questionBank.questions.map((q) => [q.id, q.options[0]?.id ?? '']),
	);

	test('top answers: Google 2, Microsoft 4, ML Test Score 7 (exceptional)', () => {
		const r = scoreAssessment(questionBank, top);
		expect(r.google.level).toBe(2);
		expect(r.microsoft.level).toBe(4);
		expect(r.mlTestScore.score).toBe(7);
		expect(r.mlTestScore.band.id).toBe('exceptional');
		expect(r.dimensions.every((d) => d.score === 10 && d.next === null)).toBe(true);
		expect(r.dimensions.map((d) => d.level)).toEqual([3, 3, 3, 3, 4, 3, 3, 3, 3, 4, 3]);
	});

	test('a credit model with untested fairness hears about fairness before stale documentation', () => {
		const answers = {
			...top,
			regulated: 'regulated',
			serving: 'online',
			fairness: 'none',
			'model-documentation': 'stale',
		};
		const steps = nextSteps(questionBank, answers, scoreAssessment(questionBank, answers));
		expect(steps.map((s) => s.questionId)).toEqual(['fairness', 'model-documentation']);
		// Fairness is not a Microsoft rung; it is governance's own level 2 and a regulated risk.
		expect(steps[0]?.reasons).toEqual([
			'holds Governance at level 1',
			'riskier in this context (“Yes: credit, health, hiring, insurance or a similar regulated area”)',
		]);
	});

	test('a regulated system hears about untested fairness even when no ladder needs it yet', () => {
		// Privacy access holds governance at level 0 and is a regulated risk, so it ranks first;
		// fairness (governance rung 2, no Microsoft rung) blocks no next level yet.
		const answers = {
			...top,
			regulated: 'regulated',
			'ml-ci': 'none',
			'privacy-access': 'none',
			fairness: 'none',
		};
		const steps = nextSteps(questionBank, answers, scoreAssessment(questionBank, answers));
		expect(steps.map((s) => s.questionId)).toEqual(['privacy-access', 'ml-ci', 'fairness']);
		expect(steps[2]?.reasons).toEqual([
			'riskier in this context (“Yes: credit, health, hiring, insurance or a similar regulated area”)',
		]);
	});

	test('a missing foundation ranks first because the practices that build on it wait for it', () => {
		const answers = {
			...top,
			'version-control': 'none',
			'ml-ci': 'none',
			'model-code-tests': 'none',
		};
		const steps = nextSteps(questionBank, answers, scoreAssessment(questionBank, answers));
		expect(steps.map((s) => s.questionId)).toEqual([
			'version-control',
			'model-code-tests',
			'ml-ci',
		]);
		expect(steps[0]?.reasons.at(-1)).toBe('unlocks 2 practices that build on it');
		// Model-code tests stand before code quality's next rung (2) with version control, so they
		// follow it at once; ML CI is a rung higher.
		expect(steps[1]?.waitsFor).toEqual(['version-control']);
	});

	test('lowest answers: level 0 everywhere, Google blocked by its level-0 and level-1 practices', () => {
		const r = scoreAssessment(questionBank, bottom);
		expect(r.google.level).toBe(0);
		expect(r.google.blockers).toEqual([
			'ingestion-pipeline',
			'data-validation',
			'experiment-tracking',
			'version-control',
			'orchestrated-pipeline',
			'same-pipeline',
			'retrain-trigger',
			'quality-trigger',
			'drift-trigger',
			'validation-gate',
			'slice-quality',
			'automated-deploy',
			'canary',
			'prediction-logging',
			'quality-alert',
			'drift-alert',
		]);
		// Only what Microsoft's level 1 names: an automatic data pipeline, code in version control,
		// automated builds and tests of the application.
		expect(r.microsoft.blockers).toEqual(['ingestion-pipeline', 'version-control', 'app-ci']);
		expect(r.mlTestScore.score).toBe(0);
		expect(r.headline).toEqual({
			weakestLink: { dimension: 'problem-framing', score: 0 },
			mean: 0,
		});
	});
});

// Random answers to the real bank: each question gets an option, na, unknown or nothing.
const contextAnswers = fc.record(
	Object.fromEntries(
		questionBank.context.map((c) => [
			c.id,
			fc.option(fc.constantFrom(...c.options.map((o) => o.id)), { nil: undefined }),
		]),
	),
);
const practiceAnswers = fc.tuple(
	...questionBank.questions.map((q) =>
		fc.option(fc.constantFrom(...q.options.map((o) => o.id), 'na', 'unknown'), { nil: undefined }),
	),
);
const answerSets = fc.tuple(contextAnswers, practiceAnswers).map(([context, practice]) => {
	const answers: Record<string, string> = {};
	for (const [id, value] of Object.entries(context)) if (value !== undefined) answers[id] = value;
	questionBank.questions.forEach((q, i) => {
		const value = practice[i];
		if (value !== undefined) answers[q.id] = value;
	});
	return answers;
});

function numbers(r: AssessmentResult): number[] {
	return [
		r.google.level,
		r.microsoft.level,
		r.mlTestScore.score,
		...r.mlTestScore.sections.map((s) => s.score),
		...r.dimensions.flatMap((d) => [d.level, d.score ?? 0]),
		r.headline.mean ?? 0,
		r.headline.weakestLink?.score ?? 0,
	];
}

const withAnswer = (answers: Answers, id: string, value: string): Answers => ({
	...answers,
	[id]: value,
});
const topOf = (id: string) =>
	questionBank.questions.find((q) => q.id === id)?.options.at(-1)?.id ?? '';

describe('properties', () => {
	test('a better answer never lowers any score or level', () => {
		fc.assert(
			fc.property(answerSets, fc.nat(), fc.nat(), (answers, qi, step) => {
				const q = questionBank.questions[qi % questionBank.questions.length];
				if (!q || answers[q.id] === 'na') return;
				const current = q.options.findIndex((o) => o.id === answers[q.id]);
				const better = current + 1 + (step % (q.options.length - current - 1 || 1));
				const option = q.options[better];
				if (!option) return;
				const before = numbers(scoreAssessment(questionBank, answers));
				const after = numbers(scoreAssessment(questionBank, withAnswer(answers, q.id, option.id)));
				after.forEach((value, i) => expect(value).toBeGreaterThanOrEqual(before[i] ?? 0));
			}),
			{ numRuns: 300 },
		);
	});

	test('na scores like removing the question from the bank, except that its rung stays', () => {
		fc.assert(
			fc.property(answerSets, fc.nat(), (answers, qi) => {
				const q = questionBank.questions[qi % questionBank.questions.length];
				if (!q) return;
				const without: QuestionBank = {
					...questionBank,
					questions: questionBank.questions.filter((x) => x !== q),
				};
				const rest = { ...answers };
				delete rest[q.id];
				const na = scoreAssessment(questionBank, withAnswer(answers, q.id, 'na'));
				const removed = scoreAssessment(without, rest);
				// Scores match exactly; a level may be higher with n/a, because the question's rung
				// stays on its dimension's ladder as met (out of scope) instead of vanishing.
				const scores = (r: AssessmentResult) =>
					r.dimensions.map((d) => ({ id: d.id, score: d.score, applicable: d.applicable }));
				expect(scores(na)).toEqual(scores(removed));
				na.dimensions.forEach((d, i) =>
					expect(d.level).toBeGreaterThanOrEqual(removed.dimensions[i]?.level ?? 0),
				);
				expect(na.google).toEqual(removed.google);
				expect(na.microsoft).toEqual(removed.microsoft);
				expect(na.headline).toEqual(removed.headline);
			}),
			{ numRuns: 200 },
		);
	});

	test('unknown scores exactly like the lowest option and like no answer', () => {
		fc.assert(
			fc.property(answerSets, fc.nat(), (answers, qi) => {
				const q = questionBank.questions[qi % questionBank.questions.length];
				if (!q || !q.options[0]) return;
				const strip = (r: AssessmentResult) => ({ ...r, findings: null });
				const unknown = strip(scoreAssessment(questionBank, withAnswer(answers, q.id, 'unknown')));
				const lowest = strip(
					scoreAssessment(questionBank, withAnswer(answers, q.id, q.options[0].id)),
				);
				const rest = { ...answers };
				delete rest[q.id];
				expect(unknown).toEqual(lowest);
				expect(unknown).toEqual(strip(scoreAssessment(questionBank, rest)));
			}),
			{ numRuns: 200 },
		);
	});

	test('blockers are exactly what stands before the next level', () => {
		fc.assert(
			fc.property(answerSets, fc.constantFrom('google', 'microsoft'), (answers, lens) => {
				const r = scoreAssessment(questionBank, answers)[lens];
				if (r.next === null) return expect(r.blockers).toEqual([]);
				const fixed = { ...answers };
				for (const id of r.blockers) fixed[id] = topOf(id);
				expect(scoreAssessment(questionBank, fixed)[lens].level).toBeGreaterThanOrEqual(r.next);
				for (const id of r.blockers) {
					const allButOne = withAnswer(fixed, id, answers[id] ?? 'unknown');
					expect(scoreAssessment(questionBank, allButOne)[lens].level).toBeLessThan(r.next);
				}
			}),
			{ numRuns: 200 },
		);
	});

	test('out of scope never lowers a score: marking a question not applicable lowers no ML Test Score, section or level', () => {
		const levelsAndTests = (r: AssessmentResult) => [
			r.google.level,
			r.microsoft.level,
			r.mlTestScore.score,
			...r.mlTestScore.sections.map((s) => s.score),
			...r.dimensions.map((d) => d.level),
		];
		fc.assert(
			fc.property(answerSets, fc.nat(), (answers, qi) => {
				const q = questionBank.questions[qi % questionBank.questions.length];
				if (!q) return;
				const before = levelsAndTests(scoreAssessment(questionBank, answers));
				const after = levelsAndTests(
					scoreAssessment(questionBank, withAnswer(answers, q.id, 'na')),
				);
				after.forEach((value, i) => expect(value).toBeGreaterThanOrEqual(before[i] ?? 0));
			}),
			{ numRuns: 300 },
		);
	});

	test('a context answer that leaves tests out of scope never lowers the ML Test Score', () => {
		// "No personal data" and "batch" only ever remove questions; they never add any.
		fc.assert(
			fc.property(answerSets, (answers) => {
				const narrowed = { ...answers, regulated: 'no', serving: 'batch' };
				const widened = { ...answers, regulated: 'regulated', serving: 'online' };
				expect(scoreAssessment(questionBank, narrowed).mlTestScore.score).toBeGreaterThanOrEqual(
					scoreAssessment(questionBank, widened).mlTestScore.score,
				);
			}),
			{ numRuns: 200 },
		);
	});

	test('every dimension spans more than one rung, and its level is always 0 or one of its rungs', () => {
		for (const d of questionBank.dimensions) {
			const rungs = [
				...new Set(questionBank.questions.filter((q) => q.dimension === d.id).map((q) => q.rung)),
			].sort();
			expect([d.id, rungs.length > 1]).toEqual([d.id, true]);
		}
		fc.assert(
			fc.property(answerSets, (answers) => {
				const r = scoreAssessment(questionBank, answers);
				for (const d of r.dimensions) {
					const rungs = questionBank.questions
						.filter((q) => q.dimension === d.id)
						.map((q) => q.rung);
					expect([0, ...rungs]).toContain(d.level);
				}
			}),
			{ numRuns: 200 },
		);
	});

	test('each dimension can stand on its lowest rung while a higher rung fails', () => {
		for (const d of questionBank.dimensions) {
			const own = questionBank.questions.filter((q) => q.dimension === d.id);
			const lowest = Math.min(...own.map((q) => q.rung));
			const answers: Record<string, string> = {
				regulated: 'regulated',
				serving: 'online',
				genai: 'own',
			};
			for (const q of own)
				answers[q.id] = q.rung === lowest ? topOf(q.id) : (q.options[0]?.id ?? '');
			const r = scoreAssessment(questionBank, answers).dimensions.find((x) => x.id === d.id);
			expect([d.id, r?.level, r?.next !== null]).toEqual([d.id, lowest, true]);
		}
	});

	test('any id outside the bank is refused', () => {
		const known = new Set([
			...questionBank.questions.map((q) => q.id),
			...questionBank.context.map((c) => c.id),
		]);
		fc.assert(
			fc.property(fc.string(), fc.string(), (id, value) => {
				fc.pre(!known.has(id));
				expect(() => scoreAssessment(questionBank, { [id]: value })).toThrow(AssessmentInputError);
				const q = questionBank.questions[0];
				if (q && !q.options.some((o) => o.id === value) && value !== 'na' && value !== 'unknown') {
					expect(() => scoreAssessment(questionBank, { [q.id]: value })).toThrow(/has no option/);
				}
			}),
		);
	});
});
