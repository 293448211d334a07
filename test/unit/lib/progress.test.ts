import { describe, expect, test } from 'vitest';
import {
	emptyProgress,
	importMessage,
	keepKnownLessons,
	mergeProgress,
	parseProgress,
	recordCompletion,
	recordQuizScore,
	recordVisit,
} from '@/lib/progress';

describe('parseProgress', () => {
	test('accepts what the recorders produce', () => {
		let progress = recordVisit(emptyProgress(), 'foundations/01-what-is-mlops', 1000);
		progress = recordQuizScore(progress, 'foundations/01-what-is-mlops', 3, 4, 2000);
		progress = recordCompletion(progress, 'foundations/01-what-is-mlops', 3000);
		expect(parseProgress(JSON.parse(JSON.stringify(progress)))).toEqual(progress);
	});

	test.each([
		['null', null, /expected an object/],
		['an array', [], /expected an object/],
		['another version', { version: 2, lessons: {} }, /unsupported progress version 2/],
		[
			'some other JSON file',
			{ name: 'my-app', dependencies: {} },
			/^it is not an MLOps Lab progress file \(it has no "version" and "lessons"\)\.$/,
		],
		['lessons without a version', { lessons: {} }, /not an MLOps Lab progress file/],
		['lessons as a list', { version: 1, lessons: [] }, /"lessons" must be an object/],
		[
			'a bad lesson id',
			{ version: 1, lessons: { '../x': { visitedAtMs: 1 } } },
			/is not a lesson id/,
		],
		[
			'an impossible quiz score',
			{
				version: 1,
				lessons: { 'a/b': { visitedAtMs: 1, quiz: { correct: 5, total: 4, atMs: 1 } } },
			},
			/invalid quiz score/,
		],
		[
			'a dangling last lesson',
			{ version: 1, lessons: {}, lastLessonId: 'a/b' },
			/does not name a visited lesson/,
		],
	])('rejects %s with a clear message', (_name, data, message) => {
		expect(() => parseProgress(data)).toThrow(message);
	});
});

describe('recordQuizScore', () => {
	test('keeps the best score, not the latest', () => {
		let progress = recordQuizScore(emptyProgress(), 'a/b', 4, 4, 10);
		progress = recordQuizScore(progress, 'a/b', 1, 4, 20);
		expect(progress.lessons['a/b']?.quiz).toEqual({ correct: 4, total: 4, atMs: 10 });
	});

	test('rejects impossible scores', () => {
		expect(() => recordQuizScore(emptyProgress(), 'a/b', 5, 4, 1)).toThrow(RangeError);
	});
});

describe('recordVisit', () => {
	test('keeps the first visit time and remembers the last lesson', () => {
		let progress = recordVisit(emptyProgress(), 'a/b', 100);
		progress = recordVisit(progress, 'c/d', 200);
		progress = recordVisit(progress, 'a/b', 300);
		expect(progress.lessons['a/b']?.visitedAtMs).toBe(100);
		expect(progress.lastLessonId).toBe('a/b');
	});
});

describe('mergeProgress', () => {
	test('loses nothing from either side', () => {
		const mine = recordCompletion(recordVisit(emptyProgress(), 'a/b', 50), 'a/b', 60);
		const theirs = recordQuizScore(recordVisit(emptyProgress(), 'c/d', 10), 'a/b', 2, 3, 70);
		const merged = mergeProgress(mine, theirs);
		expect(merged.lessons['a/b']).toEqual({
			visitedAtMs: 50,
			completedAtMs: 60,
			quiz: { correct: 2, total: 3, atMs: 70 },
		});
		expect(merged.lessons['c/d']?.visitedAtMs).toBe(10);
		expect(merged.lastLessonId).toBe('a/b');
	});
});

describe('keepKnownLessons', () => {
	const known = new Set(['foundations/01-what-is-mlops', 'operations/02-drift']);

	test('keeps entries for lessons that exist and counts the rest', () => {
		let incoming = recordVisit(emptyProgress(), 'foundations/01-what-is-mlops', 10);
		incoming = recordVisit(incoming, 'made/up-1', 20);
		incoming = recordVisit(incoming, 'made/up-2', 30);
		const result = keepKnownLessons(incoming, known);
		expect(Object.keys(result.progress.lessons)).toEqual(['foundations/01-what-is-mlops']);
		expect(result.ignoredCount).toBe(2);
		// The last lesson was a made-up one, so it is not carried over.
		expect(result.progress.lastLessonId).toBeUndefined();
		expect(() => parseProgress(result.progress)).not.toThrow();
	});

	test('a file of 20,000 made-up ids adds nothing, however often it is imported', () => {
		const lessons: Record<string, { visitedAtMs: number }> = {};
		for (let i = 0; i < 20_000; i++) lessons[`fake/lesson-${i}`] = { visitedAtMs: i };
		const incoming = parseProgress({ version: 1, lessons });
		let stored = recordCompletion(emptyProgress(), 'operations/02-drift', 5);
		const sizeBefore = JSON.stringify(stored).length;
		for (let round = 0; round < 5; round++) {
			const result = keepKnownLessons(incoming, known);
			expect(result.ignoredCount).toBe(20_000);
			stored = mergeProgress(stored, result.progress);
		}
		expect(JSON.stringify(stored).length).toBe(sizeBefore);
	});
});

describe('importMessage', () => {
	const one = keepKnownLessons(
		recordVisit(recordVisit(emptyProgress(), 'a/b', 1), 'x/y', 2),
		new Set(['a/b']),
	);

	test('reports success only after a write that succeeded', () => {
		expect(importMessage('p.json', one, true)).toEqual({
			text: 'Imported 1 lesson from “p.json” and merged it with your progress. 1 lesson the site does not have was ignored.',
			kind: 'info',
		});
		expect(importMessage('p.json', one, false)).toEqual({
			text: '“p.json” could not be imported: this browser’s storage is unavailable or full. Your progress was not changed.',
			kind: 'error',
		});
	});

	test('counts in plural and leaves out the ignored note when nothing was ignored', () => {
		let progress = recordVisit(emptyProgress(), 'a/b', 1);
		progress = recordVisit(progress, 'c/d', 2);
		const both = keepKnownLessons(progress, new Set(['a/b', 'c/d']));
		expect(importMessage('q.json', both, true).text).toBe(
			'Imported 2 lessons from “q.json” and merged them with your progress.',
		);
	});

	test('a file with no known lesson changes nothing and says so', () => {
		const none = keepKnownLessons(
			recordVisit(recordVisit(emptyProgress(), 'x/y', 1), 'x/z', 2),
			new Set(['a/b']),
		);
		expect(importMessage('r.json', none, false)).toEqual({
			text: '“r.json” holds no progress for lessons on this site. 2 lessons the site does not have were ignored. Your progress was not changed.',
			kind: 'error',
		});
	});
});
