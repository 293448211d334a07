/**
 * Quiz answer positions: four writers each tended to put the right answer second, so a reader
 * could score well by position alone. This checks, per lesson, that the correct option is not
 * always in the same place, and across the course that every position (first to fourth) holds
 * a correct answer somewhere. Options are read from the quiz source, which keeps each option's
 * `why` inside its own object, so reordering never separates an option from its explanation.
 */
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const lessonRoot = 'content/lessons';

/** Top-level `{...}` objects in an options array, skipping braces inside quoted strings. */
function optionObjects(block: string): string[] {
	const found: string[] = [];
	let depth = 0;
	let start = 0;
	let quoted = false;
	for (let i = 0; i < block.length; i++) {
		const c = block[i];
		if (quoted) {
			if (c === '\\') i++;
			else if (c === "'") quoted = false;
		} else if (c === "'") quoted = true;
		else if (c === '{') {
			if (depth === 0) start = i;
			depth++;
		} else if (c === '}') {
			depth--;
			if (depth === 0) found.push(block.slice(start, i + 1));
		}
	}
	return found;
}

const quizzes = readdirSync(lessonRoot, { recursive: true })
	.map(String)
	.filter((f) => f.endsWith('.mdx') && !f.split('/').pop()?.startsWith('_'))
	.map((file) => {
		const text = readFileSync(join(lessonRoot, file), 'utf8');
		const quiz = text.slice(text.lastIndexOf('<Quiz'));
		const positions = [...quiz.matchAll(/options: \[([\s\S]*?)\n\s*\],/g)].map((m) =>
			optionObjects(m[1] ?? '').findIndex((o) => /correct: true/.test(o)),
		);
		return { id: file.replace(/\.mdx$/, ''), positions };
	});

describe('quiz answer positions', () => {
	test.each(quizzes.map((q) => [q.id, q.positions] as const))(
		'%s does not always put the answer in one place',
		(_id, positions) => {
			expect(positions.length).toBeGreaterThanOrEqual(3);
			expect(positions.every((p) => p >= 0)).toBe(true);
			expect(new Set(positions).size).toBeGreaterThanOrEqual(2);
		},
	);

	test('every position from first to fourth holds a correct answer somewhere', () => {
		const used = new Set(quizzes.flatMap((q) => q.positions));
		expect([...used].sort()).toEqual([0, 1, 2, 3]);
	});
});
