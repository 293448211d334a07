/**
 * Team results without a server: what a participant sends the trainer besides an assessment
 * (their quiz scores), and how the trainer's team view reads any file it is given. One reader
 * takes every file dropped into the view and says, per file, either what it holds or why it
 * cannot be used, so one bad file never stops the others. Quiz files carry scores only — no
 * names, no visit times — and participants are numbered in the order their files arrive.
 */
import type { QuestionBank } from '../assessment';
import { memberKey } from '../assessment';
import { maxImportBytes, parseAssessmentExport } from './assessment-store';
import { parseProgress, type Progress } from './progress';

/** Version of the quiz results file; bump when its shape changes. */
export const quizResultsVersion = 1;

/** The `format` field that marks a quiz results file. */
export const quizResultsFormat = 'mlops-lab-quiz-results';

/** One participant's quiz scores: lesson id → best score. */
export type QuizScores = Record<string, { correct: number; total: number }>;

/** What one file turned out to hold. */
export type ParticipantFile =
	| {
			kind: 'assessment';
			key: string;
			answers: Record<string, string>;
			evidence: Record<string, string>;
	  }
	| { kind: 'quiz'; key: string; quizzes: QuizScores };

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

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

function parseQuizzes(value: unknown): QuizScores {
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

/**
 * Reads one participant's file: an assessment export, a quiz results file, or a whole progress
 * export (only its quiz scores are used). Throws an Error whose message completes
 * "“name” could not be loaded: …".
 */
export function readParticipantFile(bank: QuestionBank, text: string): ParticipantFile {
	if (new TextEncoder().encode(text).length > maxImportBytes) {
		throw new Error(`it is larger than ${maxImportBytes / 1024} KB, far more than results need.`);
	}
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		throw new Error('it is not valid JSON (damaged or not a results file).');
	}
	if (isObject(data) && data['format'] === 'mlops-lab-assessment') {
		const a = parseAssessmentExport(bank, text);
		return {
			kind: 'assessment',
			key: memberKey(a.name, a.answers),
			answers: a.answers,
			evidence: a.evidence,
		};
	}
	if (isObject(data) && data['format'] === quizResultsFormat) {
		const version = data['version'];
		if (typeof version === 'number' && version > quizResultsVersion) {
			throw new Error(
				`it was made by a newer version of this site (quiz results version ${version}); this site reads version ${quizResultsVersion}.`,
			);
		}
		if (version !== quizResultsVersion) {
			throw new Error(`it has an unknown quiz results version ${JSON.stringify(version)}.`);
		}
		const quizzes = parseQuizzes(data['quizzes']);
		return { kind: 'quiz', key: JSON.stringify(['quiz', quizzes]), quizzes };
	}
	if (isObject(data) && 'lessons' in data && 'version' in data) {
		const quizzes = parseQuizzes(
			Object.fromEntries(
				Object.entries(parseProgress(data).lessons).flatMap(([id, l]) =>
					l.quiz ? [[id, { correct: l.quiz.correct, total: l.quiz.total }]] : [],
				),
			),
		);
		return { kind: 'quiz', key: JSON.stringify(['quiz', quizzes]), quizzes };
	}
	throw new Error('it is neither an MLOps Lab assessment nor a quiz results file.');
}

/** One lesson's quiz across the room. */
export interface QuizSummary {
	lessonId: string;
	/** Participants who sent a score for it. */
	participants: number;
	/** Questions in the quiz (the largest total sent). */
	total: number;
	/** How many participants got 0, 1, … `total` right. */
	counts: number[];
	/** Lower median of the correct counts. */
	median: number;
	/** (best − worst) / total: 0 when everyone scored the same, 1 from none right to all right. */
	spread: number;
}

/**
 * Per-lesson distributions, the widest spread first (ties: more participants, then lesson id),
 * so the quiz the room split on most is discussed first.
 */
export function summarizeQuizzes(participants: readonly QuizScores[]): QuizSummary[] {
	const ids = [...new Set(participants.flatMap((p) => Object.keys(p)))];
	return ids
		.map((lessonId): QuizSummary => {
			const scores = participants.flatMap((p) => (p[lessonId] ? [p[lessonId]] : []));
			const total = Math.max(...scores.map((s) => s.total));
			const correct = scores.map((s) => s.correct).sort((a, b) => a - b);
			const counts = Array.from(
				{ length: total + 1 },
				(_, k) => correct.filter((c) => c === k).length,
			);
			return {
				lessonId,
				participants: scores.length,
				total,
				counts,
				median: correct[Math.floor((correct.length - 1) / 2)] ?? 0,
				spread: ((correct.at(-1) ?? 0) - (correct[0] ?? 0)) / total,
			};
		})
		.sort(
			(a, b) =>
				b.spread - a.spread ||
				b.participants - a.participants ||
				a.lessonId.localeCompare(b.lessonId),
		);
}

/** "Participant 1", "Participant 2": anonymous participants in the order their files arrived. */
export function participantLabel(index: number): string {
	return `Participant ${index + 1}`;
}
