/**
 * A four-question bank small enough to work out every expected score by hand, used by the
 * scoring tests alongside the real bank.
 */
import type { QuestionBank } from '@/assessment';

const ladder = [
	{ id: 'none', label: 'Not done', mts: 0 as const },
	{ id: 'manual', label: 'By hand', mts: 0.5 as const },
	{ id: 'auto', label: 'Automated', mts: 1 as const },
];

const common = {
	why: 'x'.repeat(30),
	good: 'y'.repeat(30),
	lesson: 'foundations/01-what-is-mlops',
};

/** Questions a (google 1, microsoft 1), b (2, 2; builds on a), c (online only, ms 3), d (google 0, ms 1). */
export const tinyBank: QuestionBank = {
	version: 2,
	changes: [{ version: 2, summary: 'A test change summary.', notes: ['A test change note.'] }],
	outcomes: [
		{
			id: 'lead-time',
			title: 'Lead time',
			prompt: 'How long from idea to production?',
			options: [
				{ id: 'slow', label: 'Slow' },
				{ id: 'medium', label: 'Medium' },
				{ id: 'fast', label: 'Fast' },
			],
		},
	],
	context: [
		{
			id: 'serving',
			prompt: 'How are predictions served?',
			help: 'Decides what applies.',
			options: [
				{ id: 'batch', label: 'Batch' },
				{ id: 'online', label: 'Online', suggestsLevel: 3 },
			],
		},
	],
	dimensions: [
		{ id: 'problem-framing', title: 'Problem framing', summary: 'The first dimension here.' },
		{ id: 'data-management', title: 'Data management', summary: 'The second dimension here.' },
	],
	mlTestScore: {
		sections: [
			{ id: 'data', title: 'Data', tests: [{ id: 'data-1', title: 'Schema is captured' }] },
			{ id: 'model', title: 'Model', tests: [{ id: 'model-1', title: 'Specs are reviewed' }] },
			{ id: 'infra', title: 'Infra', tests: [{ id: 'infra-1', title: 'Reproducible training' }] },
			{
				id: 'monitor',
				title: 'Monitor',
				tests: [{ id: 'monitor-1', title: 'Dependency changes' }],
			},
		],
	},
	questions: [
		{
			id: 'a',
			dimension: 'problem-framing',
			prompt: 'Question a',
			options: ladder,
			pass: 'manual',
			google: 1,
			microsoft: 1,
			rung: 1,
			mlTestScore: 'data-1',
			...common,
		},
		{
			id: 'b',
			dimension: 'problem-framing',
			prompt: 'Question b',
			options: ladder,
			pass: 'auto',
			requires: ['a'],
			google: 2,
			microsoft: 2,
			rung: 2,
			mlTestScore: 'model-1',
			...common,
		},
		{
			id: 'c',
			dimension: 'data-management',
			prompt: 'Question c',
			options: ladder,
			pass: 'manual',
			microsoft: 3,
			rung: 3,
			mlTestScore: 'infra-1',
			appliesWhen: { serving: ['online'] },
			...common,
		},
		{
			id: 'd',
			dimension: 'data-management',
			prompt: 'Question d',
			options: ladder,
			pass: 'manual',
			google: 0,
			microsoft: 1,
			rung: 1,
			mlTestScore: 'monitor-1',
			riskWhen: { serving: ['batch'] },
			...common,
		},
	],
};
