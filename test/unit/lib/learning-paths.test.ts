/**
 * Learning paths against the curriculum as written: the learner's path is the whole course,
 * every module in order, and the shorter paths keep prerequisites before the lessons that lean
 * on them (the roles lesson before the hand-off wall it sets up; maturity levels before the tool
 * landscape that is organised by them; drift before the retraining it triggers).
 */
import { describe, expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import { learningPaths } from '@/lib/learning-paths';

const allLessons = readdirSync('content/lessons', { recursive: true })
	.map(String)
	.filter((f) => f.endsWith('.mdx') && !f.split('/').pop()?.startsWith('_'))
	.map((f) => f.replace(/\.mdx$/, ''));
const moduleOrder = [
	'foundations',
	'data-and-experiments',
	'delivery',
	'operations',
	'maturity-and-practice',
];

function path(id: string): readonly string[] {
	const found = learningPaths.find((p) => p.id === id);
	if (!found) throw new Error(`no learning path "${id}"`);
	return found.lessons;
}

function before(lessons: readonly string[], first: string, then: string): boolean {
	const a = lessons.indexOf(first);
	const b = lessons.indexOf(then);
	return a === -1 || b === -1 || a < b;
}

describe('learning paths', () => {
	test('the learner path holds every lesson, module by module, in lesson order', () => {
		const expected = [...allLessons].sort(
			(a, b) =>
				moduleOrder.indexOf(a.split('/')[0] ?? '') - moduleOrder.indexOf(b.split('/')[0] ?? '') ||
				a.localeCompare(b),
		);
		expect(expected.length).toBe(19);
		expect(path('learner')).toEqual(expected);
	});

	test.each([
		['team-lead', 'foundations/03-roles-and-responsibilities', 'foundations/04-why-models-fail'],
		[
			'team-lead',
			'maturity-and-practice/01-maturity-levels',
			'maturity-and-practice/02-tool-landscape',
		],
		['team-lead', 'delivery/01-ci-cd-ct', 'delivery/04-testing-ml-systems'],
		['workshop', 'foundations/01-what-is-mlops', 'foundations/02-ml-lifecycle'],
		['workshop', 'operations/02-drift', 'operations/03-retraining'],
	])('%s reads %s before %s', (id, first, then) => {
		expect(before(path(id), first, then)).toBe(true);
	});

	test('the team-lead path covers maturity, tools and privacy for the self-assessment', () => {
		expect(path('team-lead')).toEqual(
			expect.arrayContaining([
				'maturity-and-practice/01-maturity-levels',
				'maturity-and-practice/02-tool-landscape',
				'maturity-and-practice/03-privacy-security-compliance',
			]),
		);
	});
});
