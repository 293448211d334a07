/**
 * The action plan: next steps become actions once (the team's edits survive), actions reorder,
 * the plan survives the JSON round trip and bad plans are refused, and the three exports are
 * exact — Markdown, a CSV an issue tracker imports, and an RFC 5545 calendar file.
 */
import { describe, expect, test } from 'vitest';
import { nextSteps, questionBank as bank, scoreAssessment } from '@/assessment';
import {
	addDays,
	addStepsToPlan,
	moveItem,
	newPlanItem,
	planCsv,
	planIcs,
	planMarkdown,
} from '@/lib/assessment-plan';
import {
	exportAssessment,
	newAssessment,
	parseAssessmentExport,
	type SavedAssessment,
} from '@/lib/assessment-store';
import mid from '../../../content/assessment/personas/mid-sized-team.json';

function planned(): SavedAssessment {
	const a = newAssessment(bank, 'Fraud scoring', Date.UTC(2026, 11, 2));
	a.answers = { ...(mid.answers as Record<string, string>) };
	const steps = nextSteps(bank, a.answers, scoreAssessment(bank, a.answers), 3);
	a.plan = addStepsToPlan(bank, a.plan, steps, '2026-12-02');
	return a;
}

describe('building the plan', () => {
	test('next steps become actions in their ranked order, with a re-assessment a quarter away', () => {
		const a = planned();
		expect(a.plan.items.map((i) => [i.id, i.questionId, i.status])).toEqual([
			['validation-gate', 'validation-gate', 'todo'],
			['retrain-trigger', 'retrain-trigger', 'todo'],
			['quality-alert', 'quality-alert', 'todo'],
		]);
		expect(a.plan.items[0]?.title).toBe(
			'Before a new model can serve, code checks its quality on held-out data against the current production model and a minimum bar, and a candidate that fails is not promoted.',
		);
		expect(a.plan.reassessOn).toBe('2027-03-03');
	});

	test('adding the steps again keeps the team’s edits and adds only what is new', () => {
		const a = planned();
		a.plan.items[0] = { ...a.plan.items[0]!, owner: 'Priya', title: 'Automate the gate' };
		a.plan.reassessOn = '2027-01-15';
		const steps = nextSteps(bank, a.answers, scoreAssessment(bank, a.answers), 4);
		const again = addStepsToPlan(bank, a.plan, steps, '2026-12-09');
		expect(again.items.map((i) => i.id)).toEqual([
			'validation-gate',
			'retrain-trigger',
			'quality-alert',
			'drift-alert',
		]);
		expect(again.items[0]).toMatchObject({ owner: 'Priya', title: 'Automate the gate' });
		expect(again.reassessOn).toBe('2027-01-15');
	});

	test('actions move up and down, clamped at the ends; own actions get fresh ids', () => {
		const items = planned().plan.items;
		expect(moveItem(items, 2, -1).map((i) => i.id)).toEqual([
			'validation-gate',
			'quality-alert',
			'retrain-trigger',
		]);
		expect(moveItem(items, 0, -1).map((i) => i.id)).toEqual(items.map((i) => i.id));
		expect(newPlanItem({ items: [], reassessOn: null }, 'Book the workshop')).toEqual({
			id: 'action-1',
			questionId: null,
			title: 'Book the workshop',
			owner: '',
			due: '',
			status: 'todo',
		});
	});

	test('dates add across month and year ends in UTC', () => {
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
	});
});

describe('the plan travels with the assessment', () => {
	test('an export with a plan, evidence and outcomes imports back unchanged', () => {
		const a = planned();
		a.plan.items[1] = { ...a.plan.items[1]!, owner: 'Sam', due: '2027-01-31', status: 'doing' };
		a.evidence = { 'validation-gate': 'Checklist in wiki/ml/release.md' };
		a.outcomes = { 'model-lead-time': '1-4-weeks', 'time-to-restore': 'unknown' };
		expect(parseAssessmentExport(bank, exportAssessment(a))).toEqual(a);
	});

	test('an assessment saved before plans existed loads with an empty plan', () => {
		const a = planned() as Partial<SavedAssessment>;
		delete a.plan;
		delete a.evidence;
		delete a.outcomes;
		const loaded = parseAssessmentExport(
			bank,
			JSON.stringify({ format: 'mlops-lab-assessment', version: 1, assessment: a }),
		);
		expect(loaded.plan).toEqual({ items: [], reassessOn: null });
		expect(loaded.evidence).toEqual({});
		expect(loaded.outcomes).toEqual({});
	});

	test.each([
		[
			{ items: [{ id: 'x', questionId: null, title: '', owner: '', due: '', status: 'todo' }] },
			'needs a title',
		],
		[
			{
				items: [
					{ id: 'x', questionId: null, title: 'T', owner: '', due: '31/12/2026', status: 'todo' },
				],
			},
			'the due date must be a date',
		],
		[
			{ items: [{ id: 'x', questionId: null, title: 'T', owner: '', due: '', status: 'blocked' }] },
			'the status must be one of todo, doing, done',
		],
		[
			{ items: [{ id: 'x', questionId: 'nope', title: 'T', owner: '', due: '', status: 'todo' }] },
			'names an unknown question',
		],
		[{ items: [], reassessOn: 'soon' }, 'the re-assessment date must be a date'],
		[{ items: {} }, '"plan" must have a list of "items"'],
	])('a bad plan is refused (%#)', (plan, message) => {
		const a = { ...planned(), plan };
		expect(() =>
			parseAssessmentExport(
				bank,
				JSON.stringify({ format: 'mlops-lab-assessment', version: 1, assessment: a }),
			),
		).toThrow(message);
	});

	test('bad evidence and outcomes are refused with the field named', () => {
		const wrap = (assessment: unknown) =>
			JSON.stringify({ format: 'mlops-lab-assessment', version: 1, assessment });
		expect(() =>
			parseAssessmentExport(bank, wrap({ ...planned(), evidence: { 'app-ci': 'x'.repeat(501) } })),
		).toThrow('"evidence" must map question ids to texts of at most 500 characters.');
		expect(() =>
			parseAssessmentExport(bank, wrap({ ...planned(), outcomes: { speed: 'fast' } })),
		).toThrow('"speed" is not an outcome measure.');
		expect(() =>
			parseAssessmentExport(bank, wrap({ ...planned(), outcomes: { 'model-lead-time': 'fast' } })),
		).toThrow('outcome "model-lead-time" has no option "fast".');
	});
});

describe('exports', () => {
	function sample(): SavedAssessment {
		const a = planned();
		a.plan.items[0] = {
			...a.plan.items[0]!,
			owner: 'Priya | Ops',
			due: '2027-01-15',
			status: 'doing',
		};
		a.plan.items.push({ ...newPlanItem(a.plan, 'Review, then "ship"'), due: '2027-02-01' });
		return a;
	}

	test('Markdown: a table in the team’s order and the re-assessment date', () => {
		const md = planMarkdown(bank, sample());
		expect(md.split('\n').slice(0, 5)).toEqual([
			'## Action plan',
			'',
			'| # | Action | Owner | Due | Status | Practice |',
			'|---|---|---|---|---|---|',
			'| 1 | Before a new model can serve, code checks its quality on held-out data against the current production model and a minimum bar, and a candidate that fails is not promoted. | Priya \\| Ops | 2027-01-15 | In progress | validation-gate |',
		]);
		expect(md).toContain('| 4 | Review, then "ship" | — | 2027-02-01 | To do |  |');
		expect(md.trimEnd().endsWith('Assess again on 2027-03-03.')).toBe(true);
	});

	test('CSV: the columns issue trackers map, one row per action, quoted per RFC 4180', () => {
		const lines = planCsv(bank, sample()).split('\r\n');
		expect(lines[0]).toBe('Summary,Description,Assignee,Due date,Status,Labels');
		expect(lines).toHaveLength(6);
		expect(lines[1]).toMatch(
			/^"Before a new model can serve, code checks .*",".*practice ""validation-gate""\)",Priya \| Ops,2027-01-15,In progress,mlops model-release$/,
		);
		expect(lines[4]).toBe(
			'"Review, then ""ship""",From the MLOps self-assessment of Fraud scoring.,,2027-02-01,To do,mlops',
		);
		expect(lines[5]).toBe('');
	});

	test('calendar: RFC 5545 lines, the re-assessment and each dated action as all-day events', () => {
		const ics = planIcs(sample(), Date.UTC(2026, 11, 2, 9, 30, 5));
		const lines = ics.split('\r\n');
		expect(lines.slice(0, 14)).toEqual([
			'BEGIN:VCALENDAR',
			'VERSION:2.0',
			'PRODID:-//MLOps Lab//Self-assessment plan//EN',
			'CALSCALE:GREGORIAN',
			'BEGIN:VEVENT',
			'UID:reassess-fraud-scoring@mlops-lab',
			'DTSTAMP:20261202T093005Z',
			'DTSTART;VALUE=DATE:20270303',
			'DTEND;VALUE=DATE:20270304',
			'SUMMARY:Re-assess MLOps practice: Fraud scoring',
			'DESCRIPTION:Run the MLOps self-assessment again and compare it with the las',
			' t run in its history.',
			'TRANSP:TRANSPARENT',
			'END:VEVENT',
		]);
		expect(ics).toContain('SUMMARY:Due: Review\\, then "ship"');
		expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(3);
		expect(lines.every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
		expect(lines.at(-2)).toBe('END:VCALENDAR');
	});
});
