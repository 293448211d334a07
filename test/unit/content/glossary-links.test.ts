/**
 * The glossary as one web, not four writers' islands: every entry has a body beyond its
 * tooltip, related links run both ways for the term families a reader moves between (drift
 * kinds, retraining methods, tracking and registry), and no entry lists itself.
 */
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

const entries = new Map(
	readdirSync('content/glossary')
		.filter((f) => f.endsWith('.md'))
		.map((f) => {
			const text = readFileSync(`content/glossary/${f}`, 'utf8');
			const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text) ?? [];
			const data = parse(frontmatter) as { related?: string[] };
			return [f.replace(/\.md$/, ''), { related: data.related ?? [], body: body.trim() }] as const;
		}),
);

describe('glossary', () => {
	test.each([...entries].map(([id, e]) => [id, e] as const))(
		'%s has a body and no self-link',
		(id, e) => {
			expect(
				e.body.split(/\s+/).length,
				`${id} needs a paragraph beyond its tooltip`,
			).toBeGreaterThanOrEqual(25);
			expect(e.related).not.toContain(id);
		},
	);

	test.each([
		['data-drift', 'covariate-shift'],
		['data-drift', 'label-drift'],
		['data-drift', 'concept-drift'],
		['concept-drift', 'label-drift'],
		['experiment-tracking', 'model-registry'],
		['full-retraining', 'incremental-training'],
		['incremental-training', 'online-learning'],
		['statistical-monitoring', 'computational-monitoring'],
		['continuous-integration', 'continuous-delivery'],
		['retraining', 'retraining-trigger'],
	])('%s and %s link to each other', (a, b) => {
		expect(entries.get(a)?.related).toContain(b);
		expect(entries.get(b)?.related).toContain(a);
	});
});
