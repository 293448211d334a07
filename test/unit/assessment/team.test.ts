/**
 * Team aggregation: exact counts, lower medians, disagreement on the ladder's scale, context by
 * majority, and refusal of answer sets naming unknown ids.
 */
import { describe, expect, test } from 'vitest';
import {
	AssessmentInputError,
	countOf,
	memberKey,
	newMembers,
	pastedLinks,
	scoreAssessment,
	summarizeTeam,
} from '@/assessment';
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
			evidence: [],
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

	test('where members disagree, each side’s evidence is shown with the answer it backs', () => {
		const team = summarizeTeam(
			tinyBank,
			[{ a: 'none' }, { a: 'auto' }, { a: 'auto' }],
			[{ a: '  We never ran it  ' }, undefined, { a: 'https://ci.example.org/job/7', b: '' }],
		);
		expect(team.questions[0]?.evidence).toEqual([
			{ answer: 'none', note: 'We never ran it' },
			{ answer: 'auto', note: 'https://ci.example.org/job/7' },
		]);
		expect(team.questions[1]?.evidence).toEqual([]);
	});

	test('no members gives an empty summary; a bad answer set is refused', () => {
		expect(summarizeTeam(tinyBank, []).participants).toBe(0);
		expect(() => summarizeTeam(tinyBank, [{ a: 'auto' }, { z: 'auto' }])).toThrow(
			AssessmentInputError,
		);
	});
});

describe('loading members', () => {
	test('pasted links: blank and whitespace-only lines are ignored, line numbers kept', () => {
		expect(pastedLinks('https://x/#share=a\r\n\n  https://x/#share=b  \n \t\n')).toEqual([
			{ line: 1, link: 'https://x/#share=a' },
			{ line: 3, link: 'https://x/#share=b' },
		]);
		expect(pastedLinks('\n\n')).toEqual([]);
	});

	test('the same assessment by file and by link has one identity, whatever the key order', () => {
		expect(memberKey('Churn ', { b: 'auto', a: 'none' })).toBe(
			memberKey('Churn', { a: 'none', b: 'auto' }),
		);
		expect(memberKey('Churn', { a: 'none' })).not.toBe(memberKey('Churn', { a: 'auto' }));
		expect(memberKey('Churn', { a: 'none' })).not.toBe(memberKey('Fraud', { a: 'none' }));
	});

	test('a member already loaded, or loaded twice at once, is added once', () => {
		const m = (key: string) => ({ key });
		expect(newMembers([m('a')], [m('b'), m('a'), m('b'), m('c')])).toEqual({
			added: [m('b'), m('c')],
			repeats: 2,
		});
	});

	test('counts read naturally', () => {
		expect(countOf(1, 'participant')).toBe('1 participant');
		expect(countOf(0, 'participant')).toBe('0 participants');
		expect(countOf(2, 'member')).toBe('2 members');
	});
});
