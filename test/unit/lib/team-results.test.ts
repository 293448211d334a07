/**
 * What the trainer's team view makes of each file it is given: quiz results, whole progress
 * exports, assessment exports, and every kind of bad file with the message it earns; then the
 * per-lesson quiz distributions in the order the room should discuss them.
 */
import { describe, expect, test } from 'vitest';
import { questionBank as bank } from '@/assessment';
import { exportAssessment, newAssessment } from '@/lib/assessment-store';
import { emptyProgress, recordQuizScore, recordVisit } from '@/lib/progress';
import {
	parseTeamQuizzes,
	participantLabel,
	quizResultsFile,
	readParticipantFile,
	summarizeQuizzes,
} from '@/lib/team-results';

const progress = recordQuizScore(
	recordQuizScore(
		recordVisit(emptyProgress(), 'foundations/02-lifecycle', 10),
		'foundations/01-what-is-mlops',
		3,
		4,
		20,
	),
	'monitoring/01-drift',
	5,
	5,
	30,
);

describe('quizResultsFile', () => {
	test('holds the best score per lesson and nothing else (no visit times)', () => {
		expect(JSON.parse(quizResultsFile(progress))).toEqual({
			format: 'mlops-lab-quiz-results',
			version: 1,
			quizzes: {
				'foundations/01-what-is-mlops': { correct: 3, total: 4 },
				'monitoring/01-drift': { correct: 5, total: 5 },
			},
		});
	});

	test('reads back as the same scores', () => {
		const file = readParticipantFile(bank, quizResultsFile(progress));
		expect(file).toEqual({
			kind: 'quiz',
			key: JSON.stringify([
				'quiz',
				{
					'foundations/01-what-is-mlops': { correct: 3, total: 4 },
					'monitoring/01-drift': { correct: 5, total: 5 },
				},
			]),
			quizzes: {
				'foundations/01-what-is-mlops': { correct: 3, total: 4 },
				'monitoring/01-drift': { correct: 5, total: 5 },
			},
		});
	});
});

describe('readParticipantFile', () => {
	test('a whole progress export counts for its quiz scores only', () => {
		const file = readParticipantFile(bank, JSON.stringify(progress));
		expect(file.kind === 'quiz' && file.quizzes).toEqual({
			'foundations/01-what-is-mlops': { correct: 3, total: 4 },
			'monitoring/01-drift': { correct: 5, total: 5 },
		});
	});

	test('an assessment export becomes a member with answers and evidence', () => {
		const a = {
			...newAssessment(bank, 'Churn model', 5),
			answers: { 'version-control': 'all' },
			evidence: { 'version-control': 'repo link' },
		};
		const file = readParticipantFile(bank, exportAssessment(a));
		expect(file).toEqual({
			kind: 'assessment',
			key: JSON.stringify(['Churn model', [['version-control', 'all']]]),
			answers: { 'version-control': 'all' },
			evidence: { 'version-control': 'repo link' },
		});
	});

	const quiz = (body: object) =>
		JSON.stringify({ format: 'mlops-lab-quiz-results', version: 1, ...body });

	test.each([
		['{"format": "mlops', 'it is not valid JSON (damaged or not a results file).'],
		[
			'{"name": "package"}',
			'it is neither an MLOps Lab assessment nor a results file (quiz scores or lab outcomes).',
		],
		[
			'[1, 2]',
			'it is neither an MLOps Lab assessment nor a results file (quiz scores or lab outcomes).',
		],
		[
			JSON.stringify({ format: 'mlops-lab-quiz-results', version: 2, quizzes: {} }),
			'it was made by a newer version of this site (quiz results version 2); this site reads version 1.',
		],
		[
			JSON.stringify({ format: 'mlops-lab-quiz-results', version: '1', quizzes: {} }),
			'it has an unknown quiz results version "1".',
		],
		[quiz({ quizzes: {} }), 'it holds no quiz scores yet.'],
		[quiz({ quizzes: [] }), 'its "quizzes" must map lesson ids to scores.'],
		[
			quiz({ quizzes: { 'a/b': { correct: 6, total: 5 } } }),
			'the score for lesson "a/b" is not a valid quiz score.',
		],
		[quiz({ quizzes: { '../x': { correct: 1, total: 5 } } }), '"../x" is not a lesson id.'],
		[
			JSON.stringify({ format: 'mlops-lab-assessment', version: 3, assessment: {} }),
			'it uses export format version 3; this site reads version 1.',
		],
		[
			JSON.stringify({ version: 1, lessons: { 'a/b': { visitedAtMs: -1 } } }),
			'lesson "a/b" has no valid visitedAtMs.',
		],
		[' '.repeat(600 * 1024), 'it is larger than 512 KB, far more than results need.'],
	])('refuses %#: %s', (text, message) => {
		expect(() => readParticipantFile(bank, text)).toThrow(message);
	});
});

describe('summarizeQuizzes', () => {
	test('distribution, lower median and spread; widest spread first', () => {
		const summary = summarizeQuizzes([
			{ 'a/one': { correct: 4, total: 4 }, 'b/two': { correct: 1, total: 3 } },
			{ 'a/one': { correct: 4, total: 4 }, 'b/two': { correct: 3, total: 3 } },
			{ 'a/one': { correct: 3, total: 4 } },
			{ 'b/two': { correct: 2, total: 3 }, 'c/three': { correct: 2, total: 2 } },
		]);
		expect(summary).toEqual([
			{
				lessonId: 'b/two',
				participants: 3,
				total: 3,
				counts: [0, 1, 1, 1],
				median: 2,
				spread: 2 / 3,
			},
			{
				lessonId: 'a/one',
				participants: 3,
				total: 4,
				counts: [0, 0, 0, 1, 2],
				median: 4,
				spread: 0.25,
			},
			{ lessonId: 'c/three', participants: 1, total: 2, counts: [0, 0, 1], median: 2, spread: 0 },
		]);
	});

	test('nobody: nothing to show', () => {
		expect(summarizeQuizzes([])).toEqual([]);
	});
});

test('participants are numbered from 1', () => {
	expect([0, 1, 9].map(participantLabel)).toEqual([
		'Participant 1',
		'Participant 2',
		'Participant 10',
	]);
});

describe('parseTeamQuizzes', () => {
	test('reads back what was stored, quiz scores and lab outcomes', () => {
		const stored = {
			version: 2,
			participants: [
				{ quizzes: { 'a/one': { correct: 1, total: 2 } }, labs: [] },
				{
					labs: [{ lab: 'drift', query: 'preset=concept-drift&seed=42', firstAlertDay: null }],
				},
			],
		};
		expect(parseTeamQuizzes(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
	});

	test('reads a session stored before lab outcomes (version 1) as quiz-only participants', () => {
		const stored = { version: 1, participants: [{ 'a/one': { correct: 1, total: 2 } }] };
		expect(parseTeamQuizzes(stored)).toEqual({
			version: 2,
			participants: [{ quizzes: { 'a/one': { correct: 1, total: 2 } }, labs: [] }],
		});
	});

	test.each([
		[null, 'expected an object with "version": 1 or 2 and "participants".'],
		[{ version: 3, participants: [] }, 'expected an object with "version": 1 or 2'],
		[
			{ version: 2, participants: [{ labs: [{ lab: 'drift', query: 'seed=1' }] }] },
			'Participant 1: lab outcome 1: the first alert day must be a whole number from 1 to 3650.',
		],
		[{ version: 1, participants: {} }, '"participants" must be a list.'],
		[
			{ version: 1, participants: [{ 'a/one': { correct: 1, total: 2 } }, { 'a/one': 3 }] },
			'Participant 2: the score for lesson "a/one" is not a valid quiz score.',
		],
	])('refuses %j', (data, message) => {
		expect(() => parseTeamQuizzes(data)).toThrow(message);
	});
});
