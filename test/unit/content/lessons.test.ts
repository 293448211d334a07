/**
 * Content checks that the build cannot make on its own: every lesson teaches with a figure or
 * an interactive element and ends with a well-formed quiz; every glossary reference resolves;
 * learning paths name real lessons; and the schema rejects bad frontmatter with a message
 * naming the field.
 */
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { learningPaths } from '@/lib/learning-paths';

const lessonRoot = 'content/lessons';
const glossaryRoot = 'content/glossary';
const lessons = readdirSync(lessonRoot, { recursive: true })
	.map(String)
	.filter((f) => f.endsWith('.mdx') && !f.split('/').pop()?.startsWith('_'))
	.map((file) => {
		const text = readFileSync(join(lessonRoot, file), 'utf8');
		const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
		return {
			id: file.replace(/\.mdx$/, ''),
			data: parse(frontmatter) as Record<string, unknown>,
			body,
		};
	});
const glossaryIds = new Set(readdirSync(glossaryRoot).map((f) => f.replace(/\.md$/, '')));
const islands = [
	'LifecycleStepper',
	'RolesMatrix',
	'PipelineSteps',
	'MaturityExplorer',
	'DeploymentStrategyCompare',
];

describe('lessons', () => {
	test('there are lessons to check', () => {
		expect(lessons.length).toBeGreaterThan(0);
	});

	test.each(lessons.map((l) => [l.id, l] as const))(
		'%s has objectives, a figure and a quiz',
		(_id, lesson) => {
			expect((lesson.data['objectives'] as unknown[]).length).toBeGreaterThanOrEqual(2);
			const hasFigure =
				lesson.body.includes('<Figure') || islands.some((name) => lesson.body.includes(`<${name}`));
			expect(hasFigure).toBe(true);
			const quiz = /<Quiz[\s\S]*?\/>\s*$/.exec(lesson.body.trim())?.[0] ?? '';
			expect(quiz, 'the lesson ends with a <Quiz />').not.toBe('');
			const questions = quiz.match(/\bq:\s*['"`]/g) ?? [];
			expect(questions.length).toBeGreaterThanOrEqual(3);
			expect(questions.length).toBeLessThanOrEqual(6);
			// An explanation for every option.
			const options = quiz.match(/\btext:\s*['"`]/g) ?? [];
			const whys = quiz.match(/\bwhy:\s*['"`]/g) ?? [];
			expect(whys.length).toBe(options.length);
		},
	);

	test.each(lessons.map((l) => [l.id, l] as const))(
		'%s refers only to glossary terms that exist',
		(_id, lesson) => {
			const inline = [...lesson.body.matchAll(/<Term id="([^"]+)"/g)].map((m) => m[1]);
			const listed = (lesson.data['keyTerms'] as string[] | undefined) ?? [];
			const missing = [...inline, ...listed].filter((id) => !glossaryIds.has(id ?? ''));
			expect(missing).toEqual([]);
		},
	);
});

describe('glossary', () => {
	test('related terms exist', () => {
		const missing: string[] = [];
		for (const id of glossaryIds) {
			const text = readFileSync(join(glossaryRoot, `${id}.md`), 'utf8');
			const data = parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') as { related?: string[] };
			for (const other of data.related ?? [])
				if (!glossaryIds.has(other)) missing.push(`${id} → ${other}`);
		}
		expect(missing).toEqual([]);
	});
});

describe('learning paths', () => {
	test('every path names lessons that exist, once each', () => {
		for (const path of learningPaths) {
			expect(new Set(path.lessons).size).toBe(path.lessons.length);
			const missing = path.lessons.filter((id) => !existsSync(join(lessonRoot, `${id}.mdx`)));
			expect(missing, `missing lessons in path ${path.id}`).toEqual([]);
		}
	});
});

describe('assessment bank', () => {
	test('every question links to a lesson that exists', async () => {
		const { default: bank } = await import('../../../content/assessment/bank.json');
		const missing = bank.questions
			.map((q: { id: string; lesson?: string }) => [q.id, q.lesson] as const)
			.filter(
				([, lesson]) => lesson !== undefined && !existsSync(join(lessonRoot, `${lesson}.mdx`)),
			);
		expect(missing).toEqual([]);
	});
});
