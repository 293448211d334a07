/**
 * The quiz results file a participant sends a workshop's trainer: their best score per lesson quiz
 * and nothing else (no visit times). Kept apart from the team view's reader so the lessons page,
 * which writes it, does not load the question bank.
 */
import type { Progress } from './progress';

/** Version of the quiz results file; bump when its shape changes. */
export const quizResultsVersion = 1;

/** The `format` field that marks a quiz results file. */
export const quizResultsFormat = 'mlops-lab-quiz-results';

/** One participant's quiz scores: lesson id → best score. */
export type QuizScores = Record<string, { correct: number; total: number }>;

/** The file a participant sends: their best score per lesson quiz, nothing else. */
export function quizResultsFile(progress: Progress): string {
	const quizzes: QuizScores = {};
	for (const [id, lesson] of Object.entries(progress.lessons).sort(([a], [b]) =>
		a.localeCompare(b),
	)) {
		if (lesson.quiz) quizzes[id] = { correct: lesson.quiz.correct, total: lesson.quiz.total };
	}
	return JSON.stringify(
		{ format: quizResultsFormat, version: quizResultsVersion, quizzes },
		null,
		2,
	);
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseQuizzes(value: unknown): QuizScores {
	if (!isObject(value)) throw new Error('its "quizzes" must map lesson ids to scores.');
	const quizzes: QuizScores = {};
	for (const [id, score] of Object.entries(value)) {
		if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(id)) throw new Error(`"${id}" is not a lesson id.`);
		const correct = isObject(score) ? score['correct'] : undefined;
		const total = isObject(score) ? score['total'] : undefined;
		if (
			!Number.isInteger(correct) ||
			!Number.isInteger(total) ||
			(total as number) < 1 ||
			(total as number) > 50 ||
			(correct as number) < 0 ||
			(correct as number) > (total as number)
		) {
			throw new Error(`the score for lesson "${id}" is not a valid quiz score.`);
		}
		quizzes[id] = { correct: correct as number, total: total as number };
	}
	if (Object.keys(quizzes).length === 0) throw new Error('it holds no quiz scores yet.');
	return quizzes;
}
