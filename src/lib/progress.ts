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
	if (!('version' in record) || !('lessons' in record)) {
		// Some other JSON file (an assessment export, a package.json…): say so plainly rather
		// than reporting an "unsupported version undefined".
		throw new Error('it is not an MLOps Lab progress file (it has no "version" and "lessons").');
	}
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

/** Imported progress narrowed to the lessons this site has, and what was left out. */
export interface ImportedProgress {
	/** Only entries for lessons that exist; `lastLessonId` kept only if it is one of them. */
	progress: Progress;
	/** How many entries named a lesson this site does not have (ignored, never stored). */
	ignoredCount: number;
}

/**
 * Keeps only entries for lessons that exist. An imported file can name anything that looks
 * like a lesson id; storing those would let a file of made-up ids grow the stored entry without
 * bound while the learner sees no change, so unknown ids are dropped and counted instead.
 */
export function keepKnownLessons(
	progress: Progress,
	knownLessonIds: ReadonlySet<string>,
): ImportedProgress {
	const kept = emptyProgress();
	let ignoredCount = 0;
	for (const [id, entry] of Object.entries(progress.lessons)) {
		if (knownLessonIds.has(id)) kept.lessons[id] = entry;
		else ignoredCount += 1;
	}
	if (progress.lastLessonId !== undefined && progress.lastLessonId in kept.lessons) {
		kept.lastLessonId = progress.lastLessonId;
	}
	return { progress: kept, ignoredCount };
}

/** "1 lesson", "3 lessons": counts in messages read as sentences. */
export function countLessons(count: number): string {
	return `${count} ${count === 1 ? 'lesson' : 'lessons'}`;
}

/**
 * The message after an import that was written, or the reason nothing was. Pure, so every
 * wording is tested; the caller passes `saved` from the storage write, so a success message
 * can only follow a write that succeeded.
 */
export function importMessage(
	fileName: string,
	result: ImportedProgress,
	saved: boolean,
): { text: string; kind: 'info' | 'error' } {
	const importedCount = Object.keys(result.progress.lessons).length;
	const ignored =
		result.ignoredCount > 0
			? ` ${countLessons(result.ignoredCount)} the site does not have ${result.ignoredCount === 1 ? 'was' : 'were'} ignored.`
			: '';
	if (importedCount === 0) {
		return {
			text: `“${fileName}” holds no progress for lessons on this site.${ignored} Your progress was not changed.`,
			kind: 'error',
		};
	}
	if (!saved) {
		return {
			text: `“${fileName}” could not be imported: this browser’s storage is unavailable or full. Your progress was not changed.`,
			kind: 'error',
		};
	}
	return {
		text: `Imported ${countLessons(importedCount)} from “${fileName}” and merged ${importedCount === 1 ? 'it' : 'them'} with your progress.${ignored}`,
		kind: 'info',
	};
}
