/**
 * The question bank as content: it passes the schema, covers the eleven dimensions and all 28
 * ML Test Score tests, links only to known lessons, and keeps the conventions the scoring relies
 * on (passing is never the lowest option, ids stable and unique). The schema itself is shown to
 * refuse broken banks with a message naming the problem.
 */
import { describe, expect, test } from 'vitest';
import {
	assessmentDimensionIds,
	assessmentLessonIds,
	questionBankSchema,
	type QuestionBankSource,
} from '@/schemas/assessment';
import { questionBank, questionBankSource } from '@/assessment';

const clone = (): QuestionBankSource => structuredClone(questionBankSource);
const issues = (bank: unknown) => {
	const parsed = questionBankSchema.safeParse(bank);
	return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('the question bank', () => {
	test('passes the schema', () => {
		expect(issues(questionBankSource)).toEqual([]);
	});

	test('has 60–75 practice questions, at least four per dimension, all eleven dimensions', () => {
		expect(questionBank.questions.length).toBeGreaterThanOrEqual(60);
		expect(questionBank.questions.length).toBeLessThanOrEqual(75);
		expect(questionBank.dimensions.map((d) => d.id)).toEqual([...assessmentDimensionIds]);
		for (const id of assessmentDimensionIds) {
			expect(
				questionBank.questions.filter((q) => q.dimension === id).length,
			).toBeGreaterThanOrEqual(4);
		}
	});

	test('asks the five context questions first', () => {
		expect(questionBank.context.map((c) => c.id)).toEqual([
			'serving',
			'regulated',
			'models',
			'change',
			'genai',
		]);
	});

	test('links only to lessons in the curriculum list', () => {
		const known = new Set<string>(assessmentLessonIds);
		expect(questionBank.questions.filter((q) => !known.has(q.lesson)).map((q) => q.id)).toEqual([]);
	});

	test('never makes the lowest option passing, and the lowest option scores 0 ML Test Score points', () => {
		for (const q of questionBank.questions) {
			expect(q.options[0]?.id, q.id).not.toBe(q.pass);
			if (q.mlTestScore) expect(q.options[0]?.mts, q.id).toBe(0);
		}
	});

	test('puts questions on every rung of both ladders', () => {
		for (const level of [1, 2])
			expect(questionBank.questions.some((q) => q.google === level)).toBe(true);
		for (const level of [1, 2, 3, 4])
			expect(questionBank.questions.some((q) => q.microsoft === level)).toBe(true);
	});

	test('phrases practices, not self-ratings', () => {
		const selfRating =
			/\brate (your|our|the)\b|\bhow (mature|good) (is|are)\b|\bmaturity\b|on a scale/i;
		expect(
			questionBank.questions.filter((q) => selfRating.test(q.prompt)).map((q) => q.id),
		).toEqual([]);
	});
});

describe('the schema refuses broken banks', () => {
	test('a dangling pass option', () => {
		const bank = clone();
		bank.questions[0]!.pass = 'perfect';
		expect(issues(bank)).toEqual([
			'questions.0.pass: pass option "perfect" is not one of the options',
		]);
	});

	test('a duplicate id and a reserved option id', () => {
		const bank = clone();
		bank.questions[1]!.id = bank.questions[0]!.id;
		bank.questions[0]!.options![0]!.id = 'na';
		expect(issues(bank)).toEqual([
			'questions.0.options: "na" and "unknown" are reserved answer ids',
			'questions.1.id: duplicate id "success-metric"',
		]);
	});

	test('falling ML Test Score points and an unknown context option', () => {
		const bank = clone();
		const q = bank.questions.find((x) => x.id === 'rollback')!;
		q.options![3]!.mts = 0;
		q.appliesWhen = { serving: ['satellite'] };
		const at = bank.questions.indexOf(q);
		expect(issues(bank)).toEqual([
			`questions.${at}.options: "mts" points must not fall from one option to the next`,
			`questions.${at}.appliesWhen.serving: "satellite" is not an option of "serving"`,
		]);
	});

	test('an ML Test Score test with no question', () => {
		const bank = clone();
		bank.questions = bank.questions.filter((x) => x.mlTestScore !== 'infra-5');
		expect(issues(bank)).toEqual(['questions: no question maps to ML Test Score test "infra-5"']);
	});
});
