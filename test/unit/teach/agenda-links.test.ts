import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { agendaSchema, type AgendaStep } from '../../../src/schemas/agenda';
import {
	agendaLinkProblems,
	agendaLinkTarget,
	clockTime,
	durationText,
	minutesOfDay,
	stepOffsets,
	type KnownTargets,
} from '../../../src/lib/teach/agenda-links';
import { labPresetLinks, presetKey } from '../../../src/lib/teach/lab-presets';
import { availableLabs } from '../../../src/lib/site-links';

const step = (title: string, link?: AgendaStep['link']): AgendaStep => ({
	title,
	kind: 'lab',
	minutes: 10,
	goal: 'The room sees the thing.',
	say: 'Open the link and look.',
	do: 'Look at it.',
	prompts: [],
	observation: 'The thing was there all along.',
	link,
});

const known: KnownTargets = {
	lessons: new Set(['foundations/01-what-is-mlops']),
	labs: new Set(['training', 'drift']),
	presets: new Set(['training/overfit', 'drift/concept-drift']),
};

describe('agendaLinkProblems', () => {
	test('accepts links to a lesson, a preset and the assessment that exist', () => {
		expect(
			agendaLinkProblems(
				[
					step('Read', { kind: 'lesson', lesson: 'foundations/01-what-is-mlops' }),
					step('Train', { kind: 'preset', lab: 'training', preset: 'overfit' }),
					step('Assess', { kind: 'assessment', part: 'dimension', dimension: 'monitoring' }),
					step('No link'),
				],
				known,
			),
		).toEqual([]);
	});

	test('names the step and the lesson that does not exist', () => {
		expect(
			agendaLinkProblems(
				[
					step('Read', { kind: 'lesson', lesson: 'foundations/01-what-is-mlops' }),
					step('Lost', { kind: 'lesson', lesson: 'foundations/99-nowhere' }),
				],
				known,
			),
		).toEqual(['step 2 ("Lost") links lesson "foundations/99-nowhere", which does not exist.']);
	});

	test('refuses labs that are not built and presets a lab lacks', () => {
		expect(
			agendaLinkProblems(
				[
					step('Retrain', { kind: 'preset', lab: 'continuous-training', preset: 'schedule' }),
					step('Drift', { kind: 'preset', lab: 'drift', preset: 'overfit' }),
				],
				known,
			),
		).toEqual([
			'step 1 ("Retrain") links the continuous-training lab, whose page is not built yet.',
			'step 2 ("Drift") links preset "overfit", which the drift lab lacks.',
		]);
	});

	test('an assessment link names a dimension exactly when it links one', () => {
		expect(
			agendaLinkProblems(
				[
					step('A', { kind: 'assessment', part: 'dimension' }),
					step('B', { kind: 'assessment', part: 'team', dimension: 'monitoring' }),
				],
				known,
			),
		).toHaveLength(2);
	});
});

describe('agendaLinkTarget', () => {
	const presets = new Map([
		['drift/concept-drift', { href: '/labs/drift/?preset=x', title: 'Concept drift' }],
	]);
	const titles = new Map([['foundations/01-what-is-mlops', 'What MLOps is']]);
	test.each([
		[
			{ kind: 'lesson', lesson: 'foundations/01-what-is-mlops' },
			'/lessons/foundations/01-what-is-mlops/',
			'Lesson: What MLOps is',
		],
		[
			{ kind: 'preset', lab: 'drift', preset: 'concept-drift' },
			'/labs/drift/?preset=x',
			'Lab preset: Concept drift',
		],
		[{ kind: 'assessment', part: 'team' }, '/assess/#team-title', 'Assessment: team view'],
		[
			{ kind: 'assessment', part: 'dimension', dimension: 'monitoring' },
			'/assess/#dimension-monitoring',
			'Assessment: monitoring',
		],
		[{ kind: 'assessment', part: 'self' }, '/assess/', 'The self-assessment'],
	] as const)('links %o to %s', (link, href, label) => {
		expect(agendaLinkTarget(link, presets, titles)).toEqual({ href, label });
	});
});

describe('clock times', () => {
	test('offsets add up the minutes, ending with the total', () => {
		expect(stepOffsets([{ minutes: 10 }, { minutes: 15 }, { minutes: 5 }])).toEqual([
			0, 10, 25, 30,
		]);
	});
	test('lengths read as hours and minutes', () => {
		expect([45, 60, 90, 210].map(durationText)).toEqual([
			'45 min',
			'1 h',
			'1 h 30 min',
			'3 h 30 min',
		]);
	});

	test('times wrap past midnight', () => {
		expect(clockTime(minutesOfDay('23:50') + 25)).toBe('00:15');
		expect(clockTime(minutesOfDay('09:00') + 90)).toBe('10:30');
	});
});

describe('the agendas in content/agendas/', () => {
	const lessonIds = new Set(
		readdirSync('content/lessons', { recursive: true, encoding: 'utf8' })
			.filter((file) => file.endsWith('.mdx') && !file.split('/').pop()?.startsWith('_'))
			.map((file) => file.replace(/\.mdx$/, '')),
	);
	const files = readdirSync('content/agendas').filter((file) => file.endsWith('.yaml'));

	test('there are the three ready workshops', () => {
		expect(files.sort()).toEqual([
			'hands-on-half-day.yaml',
			'introduction-90.yaml',
			'team-maturity.yaml',
		]);
	});

	test.each(files)('%s parses and links only what exists', (file) => {
		const agenda = agendaSchema.parse(parse(readFileSync(`content/agendas/${file}`, 'utf8')));
		const problems = agendaLinkProblems(agenda.steps, {
			lessons: lessonIds,
			labs: new Set(availableLabs),
			presets: new Set(labPresetLinks.map(presetKey)),
		});
		expect(problems).toEqual([]);
	});

	test('the 90-minute introduction lasts 90 minutes and the half-day three and a half hours', () => {
		const total = (file: string) =>
			stepOffsets(
				agendaSchema.parse(parse(readFileSync(`content/agendas/${file}`, 'utf8'))).steps,
			).at(-1);
		expect(total('introduction-90.yaml')).toBe(90);
		expect(total('hands-on-half-day.yaml')).toBe(210);
	});

	test('the half-day goes through all four labs, each step a preset with its words for the room', () => {
		const agenda = agendaSchema.parse(
			parse(readFileSync('content/agendas/hands-on-half-day.yaml', 'utf8')),
		);
		const presets = agenda.steps.flatMap((step) =>
			step.link?.kind === 'preset' ? [`${step.link.lab}/${step.link.preset}`] : [],
		);
		expect(
			presets.filter((key) => !key.startsWith('training/') && !key.startsWith('drift/')),
		).toEqual([
			'continuous-training/schedule-misses-shift',
			'continuous-training/gate-rejects-corrupted',
			'deployment/broken-canary',
			'deployment/thin-canary',
		]);
		const known = new Set(labPresetLinks.map(presetKey));
		expect(presets.filter((key) => !known.has(key))).toEqual([]);
		for (const step of agenda.steps.filter((s) => s.kind === 'lab')) {
			expect(step.prompts.length, step.title).toBeGreaterThan(0);
			expect(
				step.say.length + step.do.length + step.observation.length,
				step.title,
			).toBeGreaterThan(100);
		}
	});
});
