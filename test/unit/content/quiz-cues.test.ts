/**
 * Quiz answer cues: a learner who does not read should score no better than chance. The
 * first edition's quizzes could be gamed two ways: the right answer was the longest option in
 * 84 of 96 questions, and some writers always put it in the same place. This test plays the
 * strategies a test-wise learner uses — "pick the longest", "pick the shortest" and "always
 * pick position p" — against every quiz and fails when any of them beats chance: per lesson for
 * the longest option and for a fixed position, and across the course for all of them.
 *
 * Key decision: near-ties. A learner cannot tell options apart by length when they differ by a
 * word or so, so options within TIE_CHARS characters or TIE_SHARE of the longest (whichever is
 * larger) count as tied, and the strategy picks among tied options at random (credit 1/t when
 * the answer is one of t tied options). Padding a wrong option by one word therefore does not hide a long right
 * answer, and options of truly alike length score exactly chance.
 *
 * The quiz is read by evaluating the `questions={[...]}` literal of the lesson's last <Quiz>,
 * the same object the component receives, so the test sees exactly what the page renders.
 */
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';

const lessonRoot = 'content/lessons';

/** Options this close to the longest (or shortest) are indistinguishable at a glance. */
const TIE_CHARS = 10;
const TIE_SHARE = 0.1;
/** Course-wide, a strategy may beat pure chance by at most this share of questions. */
const COURSE_ALLOWANCE = 0.1;

interface Option {
	text: string;
	correct?: boolean;
	why: string;
}
interface Question {
	q: string;
	options: Option[];
}

function readQuiz(file: string): Question[] {
	const text = readFileSync(join(lessonRoot, file), 'utf8');
	const quiz = text.slice(text.lastIndexOf('<Quiz'));
	const start = quiz.indexOf('questions={');
	const end = quiz.lastIndexOf('}');
	if (start === -1 || end <= start) throw new Error(`${file}: no questions={…} in the last <Quiz>`);
	return runInNewContext(`(${quiz.slice(start + 'questions={'.length, end)})`) as Question[];
}

const quizzes = readdirSync(lessonRoot, { recursive: true })
	.map(String)
	.filter((f) => f.endsWith('.mdx') && !f.split('/').pop()?.startsWith('_'))
	.sort()
	.map((file) => ({ id: file.replace(/\.mdx$/, ''), questions: readQuiz(file) }));

/**
 * Expected credit, between 0 and 1, of picking the option whose length is most extreme in one
 * direction: `sign` 1 for longest, -1 for shortest. Near-ties share the credit.
 */
function lengthCredit(options: Option[], sign: 1 | -1): number {
	const lengths = options.map((o) => o.text.length);
	const extreme = sign === 1 ? Math.max(...lengths) : Math.min(...lengths);
	const slack = Math.max(TIE_CHARS, TIE_SHARE * extreme);
	const tied = lengths
		.map((length, i) => ({ length, i }))
		.filter(({ length }) => sign * (length - extreme) >= -slack);
	const hit = tied.some(({ i }) => options[i]?.correct === true);
	return hit ? 1 / tied.length : 0;
}

/** What a learner guessing at random expects to score on these questions. */
function chance(questions: Question[]): number {
	return questions.reduce((sum, q) => sum + 1 / q.options.length, 0);
}

function answerPosition(q: Question): number {
	return q.options.findIndex((o) => o.correct === true);
}

describe('the length rule itself', () => {
	const opt = (text: string, correct = false): Option => ({ text, correct, why: '' });
	test('a clearly longest correct option earns full credit', () => {
		expect(
			lengthCredit([opt('a'.repeat(80), true), opt('b'.repeat(40)), opt('c'.repeat(40))], 1),
		).toBe(1);
	});
	test('padding a wrong option by one word only ties with the answer', () => {
		const credit = lengthCredit(
			[opt('a'.repeat(80), true), opt('b'.repeat(86)), opt('c'.repeat(40))],
			1,
		);
		expect(credit).toBe(0.5);
	});
	test('options of alike length score exactly chance', () => {
		const options = [
			opt('a'.repeat(60), true),
			opt('b'.repeat(62)),
			opt('c'.repeat(57)),
			opt('d'.repeat(64)),
		];
		expect(lengthCredit(options, 1)).toBe(0.25);
		expect(lengthCredit(options, -1)).toBe(0.25);
	});
	test('a clearly shorter answer earns nothing for the longest strategy', () => {
		expect(
			lengthCredit([opt('a'.repeat(40), true), opt('b'.repeat(80)), opt('c'.repeat(70))], 1),
		).toBe(0);
	});
});

describe('quiz answer cues, per lesson', () => {
	test('there are quizzes to check', () => {
		expect(quizzes.length).toBeGreaterThan(0);
	});

	// Per lesson the longest-option strategy may score at most the whole number of questions a
	// random guesser expects, rounded up: ceil(sum of 1/k). Rounding up is the allowance — with
	// five questions a lesson cannot sit exactly on 1.25 — and it allows at most one question
	// more than chance, never a pattern.
	test.each(quizzes.map((q) => [q.id, q.questions] as const))(
		'%s: picking the longest option does no better than chance',
		(_id, questions) => {
			const score = questions.reduce((sum, q) => sum + lengthCredit(q.options, 1), 0);
			expect(score).toBeLessThanOrEqual(Math.ceil(chance(questions) - 1e-9));
		},
	);

	test.each(quizzes.map((q) => [q.id, q.questions] as const))(
		'%s: the answer is not always in the same position',
		(_id, questions) => {
			const positions = questions.map(answerPosition);
			expect(positions.every((p) => p >= 0)).toBe(true);
			expect(new Set(positions).size).toBeGreaterThanOrEqual(2);
		},
	);
});

describe('quiz answer cues, across the course', () => {
	const all = quizzes.flatMap((q) => q.questions);
	const chanceShare = chance(all) / all.length;

	for (const [name, sign] of [
		['longest', 1],
		['shortest', -1],
	] as const) {
		test(`always picking the ${name} option scores at most chance + 10 percent`, () => {
			const share = all.reduce((sum, q) => sum + lengthCredit(q.options, sign), 0) / all.length;
			expect(share).toBeLessThanOrEqual(chanceShare + COURSE_ALLOWANCE);
		});
	}

	for (const position of [0, 1, 2, 3]) {
		test(`always picking option ${position + 1} scores at most chance + 10 percent`, () => {
			const hits = all.filter((q) => answerPosition(q) === position).length;
			const expected = all.reduce(
				(sum, q) => sum + (position < q.options.length ? 1 / q.options.length : 0),
				0,
			);
			expect(hits).toBeLessThanOrEqual(expected + COURSE_ALLOWANCE * all.length);
			// And every position holds an answer somewhere, so none is a safe "never" either.
			expect(hits).toBeGreaterThan(0);
		});
	}
});
