/**
 * Team results without a server: what a participant sends the trainer besides an assessment
 * (quiz scores, or quiz scores and lab outcomes together: see `teach/participant-results.ts`),
 * and how the trainer's team view reads any file it is given. One reader
 * takes every file dropped into the view and says, per file, either what it holds or why it
 * cannot be used, so one bad file never stops the others. Quiz files carry scores only — no
 * names, no visit times — and participants are numbered in the order their files arrive.
 */
import type { QuestionBank } from '../assessment';
import { memberKey } from '../assessment';
import { maxImportBytes, parseAssessmentExport } from './assessment-store';
import { parseProgress } from './progress';
import {
	isObject,
	parseQuizzes,
	quizResultsFormat,
	quizResultsVersion,
	type QuizScores,
} from './quiz-results';
import {
	parseLabOutcomes,
	parseResults,
	resultsCheck,
	resultsFormat,
	type ParticipantResults,
} from './teach/participant-results';

export {
	quizResultsFile,
	quizResultsFormat,
	quizResultsVersion,
	type QuizScores,
} from './quiz-results';

/** What one file turned out to hold. */
export type ParticipantFile =
	| {
			kind: 'assessment';
			key: string;
			answers: Record<string, string>;
			evidence: Record<string, string>;
	  }
	| { kind: 'quiz'; key: string; quizzes: QuizScores }
	| { kind: 'results'; key: string; results: ParticipantResults };

/** One participant's results as the team view counts them: the same results twice count once. */
export const resultsKey = (results: ParticipantResults): string =>
	JSON.stringify(['results', resultsCheck(results), results]);

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
	if (isObject(data) && data['format'] === resultsFormat) {
		const results = parseResults(data);
		return { kind: 'results', key: resultsKey(results), results };
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
	throw new Error(
		'it is neither an MLOps Lab assessment nor a results file (quiz scores or lab outcomes).',
	);
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

/** The storage key (after the site prefix) of the quiz scores loaded into the team view. */
export const teamQuizzesKey = 'assessment-team-quizzes';

/** Version of the stored team results: 1 held quiz scores only, 2 adds lab outcomes. */
export const teamQuizzesVersion = 2;

/**
 * The quiz scores and lab outcomes loaded into the team view, kept so a reload mid-workshop loses
 * nothing (stored under `teamQuizzesKey`, the name it had when it held quiz scores only).
 */
export interface TeamQuizzes {
	version: typeof teamQuizzesVersion;
	/** One entry per participant who sent quiz scores or lab outcomes, in arrival order. */
	participants: ParticipantResults[];
}

/** Validates the stored team results, reading version 1 too; throws saying what is wrong. */
export function parseTeamQuizzes(data: unknown): TeamQuizzes {
	const version = isObject(data) ? data['version'] : undefined;
	if (!isObject(data) || (version !== 1 && version !== teamQuizzesVersion)) {
		throw new Error('expected an object with "version": 1 or 2 and "participants".');
	}
	const list = data['participants'];
	if (!Array.isArray(list)) throw new Error('"participants" must be a list.');
	return {
		version: teamQuizzesVersion,
		participants: list.map((p: unknown, i): ParticipantResults => {
			try {
				if (version === 1) return { quizzes: parseQuizzes(p), labs: [] };
				if (!isObject(p)) throw new Error('expected quiz scores and lab outcomes.');
				return {
					...(p['quizzes'] !== undefined ? { quizzes: parseQuizzes(p['quizzes']) } : {}),
					labs: parseLabOutcomes(p['labs']),
				};
			} catch (error) {
				throw new Error(`${participantLabel(i)}: ${(error as Error).message}`, { cause: error });
			}
		}),
	};
}
