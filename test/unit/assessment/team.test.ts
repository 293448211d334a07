/**
 * Team aggregation: exact counts, lower medians, disagreement on the ladder's scale, context by
 * majority, and refusal of answer sets naming unknown ids.
 */
import { describe, expect, test } from 'vitest';
import { AssessmentInputError, scoreAssessment, summarizeTeam } from '@/assessment';
import { tinyBank } from './fixture';

describe('summarizeTeam', () => {
	test('counts, lower median, disagreement and majority context', () => {
		const team = summarizeTeam(tinyBank, [
			{ serving: 'online', a: 'none', b: 'auto', c: 'na' },
			{ serving: 'online', a: 'auto', b: 'auto', c: 'unknown' },
			{ serving: 'batch', a: 'manual', b: 'auto' },
			{ a: 'auto' },
		]);
		expect(team.participants).toBe(4);
		expect(team.questions[0]).toEqual({
			questionId: 'a',
			responses: 4,
			counts: [1, 1, 2],
			unknown: 0,
			notApplicable: 0,
			median: 1,
			disagreement: 1,
		});
		expect(team.questions[1]).toMatchObject({ responses: 3, median: 2, disagreement: 0 });
		expect(team.questions[2]).toMatchObject({
			responses: 0,
			unknown: 1,
			notApplicable: 1,
			median: null,
			disagreement: 0,
		});
		expect(team.medianAnswers).toEqual({
			serving: 'online',
			a: 'manual',
			b: 'auto',
			c: 'unknown',
			d: 'unknown',
		});
		expect(scoreAssessment(tinyBank, team.medianAnswers).google.level).toBe(0);
	});

	test('no members gives an empty summary; a bad answer set is refused', () => {
		expect(summarizeTeam(tinyBank, []).participants).toBe(0);
		expect(() => summarizeTeam(tinyBank, [{ a: 'auto' }, { z: 'auto' }])).toThrow(
			AssessmentInputError,
		);
	});
});
