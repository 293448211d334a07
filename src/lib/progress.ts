/**
 * Learner progress: which lessons were visited and completed, and the best quiz score per
 * lesson. Kept in local storage under one versioned key. Parsing is strict so that a foreign
 * or corrupted value is reported rather than half-used, and imports are checked the same way.
 */

/** Progress format version; bump when the shape changes and migrate in `parseProgress`. */
export const progressVersion = 1;

/** One lesson's progress. */
export interface LessonProgress {
	/** When the lesson was first opened, ms since the epoch. */
	visitedAtMs: number;
	/** When the learner marked it complete (or passed its quiz). */
	completedAtMs?: number;
	/** Best quiz result so far. */
	quiz?: { correct: number; total: number; atMs: number };
}

/** Everything the site remembers about a learner. */
export interface Progress {
	version: typeof progressVersion;
	/** Keyed by lesson id, e.g. `foundations/01-what-is-mlops`. */
	lessons: Record<string, LessonProgress>;
	/** The lesson most recently opened, for "continue where you left off". */
	lastLessonId?: string;
}

/** The storage key (after the site prefix). */
export const progressKey = 'progress';

/** A fresh, empty progress record. */
export function emptyProgress(): Progress {
	return { version: progressVersion, lessons: {} };
}

function isFiniteNonNegative(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** Validates unknown data as progress; throws an Error saying what is wrong. */
export function parseProgress(data: unknown): Progress {
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		throw new Error('expected an object with "version" and "lessons".');
	}
	const record = data as Record<string, unknown>;
	if (record['version'] !== progressVersion) {
		throw new Error(`unsupported progress version ${JSON.stringify(record['version'])}.`);
	}
	const lessons = record['lessons'];
	if (typeof lessons !== 'object' || lessons === null || Array.isArray(lessons)) {
		throw new Error('"lessons" must be an object.');
	}
	const parsed: Progress = emptyProgress();
	for (const [id, value] of Object.entries(lessons)) {
		if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(id)) throw new Error(`"${id}" is not a lesson id.`);
		if (typeof value !== 'object' || value === null)
			throw new Error(`lesson "${id}" is not an object.`);
		const lesson = value as Record<string, unknown>;
		if (!isFiniteNonNegative(lesson['visitedAtMs'])) {
			throw new Error(`lesson "${id}" has no valid visitedAtMs.`);
		}
		const entry: LessonProgress = { visitedAtMs: lesson['visitedAtMs'] };
		if (lesson['completedAtMs'] !== undefined) {
			if (!isFiniteNonNegative(lesson['completedAtMs'])) {
				throw new Error(`lesson "${id}" has an invalid completedAtMs.`);
			}
			entry.completedAtMs = lesson['completedAtMs'];
		}
		if (lesson['quiz'] !== undefined) {
			const quiz = lesson['quiz'] as Record<string, unknown> | null;
			if (
				!quiz ||
				!Number.isInteger(quiz['correct']) ||
				!Number.isInteger(quiz['total']) ||
				!isFiniteNonNegative(quiz['atMs']) ||
				(quiz['correct'] as number) < 0 ||
				(quiz['total'] as number) < 1 ||
				(quiz['correct'] as number) > (quiz['total'] as number)
			) {
				throw new Error(`lesson "${id}" has an invalid quiz score.`);
			}
			entry.quiz = {
				correct: quiz['correct'] as number,
				total: quiz['total'] as number,
				atMs: quiz['atMs'] as number,
			};
		}
		parsed.lessons[id] = entry;
	}
	const last = record['lastLessonId'];
	if (last !== undefined) {
		if (typeof last !== 'string' || !(last in parsed.lessons)) {
			throw new Error('"lastLessonId" does not name a visited lesson.');
		}
		parsed.lastLessonId = last;
	}
	return parsed;
}

/** Records a visit (first visit time is kept). */
export function recordVisit(progress: Progress, lessonId: string, nowMs: number): Progress {
	const previous = progress.lessons[lessonId];
	return {
		...progress,
		lessons: {
			...progress.lessons,
			[lessonId]: { ...previous, visitedAtMs: previous?.visitedAtMs ?? nowMs },
		},
		lastLessonId: lessonId,
	};
}

/** Marks a lesson complete (idempotent: the first completion time is kept). */
export function recordCompletion(progress: Progress, lessonId: string, nowMs: number): Progress {
	const previous = progress.lessons[lessonId] ?? { visitedAtMs: nowMs };
	return {
		...progress,
		lessons: {
			...progress.lessons,
			[lessonId]: { ...previous, completedAtMs: previous.completedAtMs ?? nowMs },
		},
	};
}

/** Keeps the better of the stored and the new quiz score (ties keep the earlier one). */
export function recordQuizScore(
	progress: Progress,
	lessonId: string,
	correct: number,
	total: number,
	nowMs: number,
): Progress {
	if (
		!Number.isInteger(correct) ||
		!Number.isInteger(total) ||
		total < 1 ||
		correct < 0 ||
		correct > total
	) {
		throw new RangeError(`Invalid quiz score ${correct}/${total}.`);
	}
	const previous = progress.lessons[lessonId] ?? { visitedAtMs: nowMs };
	const best =
		previous.quiz && previous.quiz.correct / previous.quiz.total >= correct / total
			? previous.quiz
			: { correct, total, atMs: nowMs };
	return { ...progress, lessons: { ...progress.lessons, [lessonId]: { ...previous, quiz: best } } };
}

/** Merges imported progress into existing progress without losing anything from either. */
export function mergeProgress(current: Progress, incoming: Progress): Progress {
	const merged = emptyProgress();
	const ids = new Set([...Object.keys(current.lessons), ...Object.keys(incoming.lessons)]);
	for (const id of ids) {
		const a = current.lessons[id];
		const b = incoming.lessons[id];
		if (!a || !b) {
			merged.lessons[id] = (a ?? b) as LessonProgress;
			continue;
		}
		const entry: LessonProgress = { visitedAtMs: Math.min(a.visitedAtMs, b.visitedAtMs) };
		const completions = [a.completedAtMs, b.completedAtMs].filter(
			(t): t is number => t !== undefined,
		);
		if (completions.length > 0) entry.completedAtMs = Math.min(...completions);
		const quizzes = [a.quiz, b.quiz].filter((q) => q !== undefined);
		if (quizzes.length > 0) {
			entry.quiz = quizzes.reduce((best, q) =>
				q.correct / q.total > best.correct / best.total ? q : best,
			);
		}
		merged.lessons[id] = entry;
	}
	const last = current.lastLessonId ?? incoming.lastLessonId;
	if (last !== undefined) merged.lastLessonId = last;
	return merged;
}
