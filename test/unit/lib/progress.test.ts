import { describe, expect, test } from 'vitest';
import {
	emptyProgress,
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
