/**
 * Saved assessments, exports and share links: a full assessment survives export and import
 * byte for byte; malformed, foreign, wrong-version, oversized or tampered input is refused with
 * a message naming the problem; imports never overwrite; CSV and Markdown carry the answers.
 */
import { describe, expect, test } from 'vitest';
import { questionBank as bank } from '@/assessment';
import {
	addImported,
	emptyAssessmentStore,
	exportAssessment,
	maxImportBytes,
	newAssessment,
	parseAssessmentExport,
	parseAssessmentStore,
	parseTeamSession,
	type SavedAssessment,
	readAssessmentFile,
	withAssessmentChanged,
	withNewAssessment,
	withoutAssessment,
	withSharedAnswers,
	exportFileStem,
} from '@/lib/assessment-store';
import { parseShareLink, shareFragment } from '@/lib/assessment-share';
import { assessmentCsv, assessmentMarkdown } from '@/lib/assessment-report';

function sample(): SavedAssessment {
	const a = newAssessment(bank, 'Churn model, v2', 1_700_000_000_000, ['churn-model-v2']);
	bank.questions.forEach((q, i) => {
		a.answers[q.id] =
			i % 9 === 0 ? 'na' : i % 5 === 0 ? 'unknown' : (q.options[i % q.options.length]?.id ?? '');
	});
	a.answers['serving'] = 'online';
	a.naReasons[bank.questions[0]!.id] = 'We have "no" KPI, yet';
	a.evidence[bank.questions[1]!.id] = 'See CI job 12, "build"';
	a.outcomes = { 'monitored-share': 'all' };
	a.targets = { monitoring: 3 };
	a.runs = [{ completedAtMs: 1_700_000_100_000, answers: { ...a.answers } }];
	a.step = 11;
	return a;
}

describe('assessment store', () => {
	test('a new assessment gets a readable, unique id', () => {
		const a = newAssessment(bank, 'Churn model, v2', 5, ['churn-model-v2']);
		expect(a).toMatchObject({
			id: 'churn-model-v2-2',
			name: 'Churn model, v2',
			step: 0,
			answers: {},
		});
	});

	test('the stored value round-trips through JSON and the parser', () => {
		const store = {
			...emptyAssessmentStore(),
			activeId: 'churn-model-v2-2',
			assessments: [sample()],
		};
		expect(parseAssessmentStore(bank, JSON.parse(JSON.stringify(store)))).toEqual(store);
	});

	test('foreign or corrupted storage is refused with a reason', () => {
		expect(() => parseAssessmentStore(bank, { version: 2, assessments: [] })).toThrow(
			'unsupported assessment storage version 2.',
		);
		const bad = {
			...emptyAssessmentStore(),
			assessments: [{ ...sample(), answers: { 'app-ci': 'maybe' } }],
		};
		expect(() => parseAssessmentStore(bank, bad)).toThrow(
			'assessment "churn-model-v2-2": Question "app-ci" has no option "maybe"',
		);
		expect(() =>
			parseAssessmentStore(bank, { ...emptyAssessmentStore(), activeId: 'ghost' }),
		).toThrow('"activeId" does not name a stored assessment.');
	});
});

describe('export and import', () => {
	test('an export imports back to exactly the same assessment, and re-exports to the same text', () => {
		const text = exportAssessment(sample());
		const back = parseAssessmentExport(bank, text);
		expect(back).toEqual(sample());
		expect(exportAssessment(back)).toBe(text);
	});

	test.each([
		['{"format": "mlops-lab-assessment"', 'it is not valid JSON.'],
		['{"format": "something-else"}', 'it is not an MLOps Lab assessment export.'],
		[
			'{"format": "mlops-lab-assessment", "version": 9}',
			'it uses export format version 9; this site reads version 1.',
		],
		[
			JSON.stringify({
				format: 'mlops-lab-assessment',
				version: 1,
				assessment: { ...sample(), bankVersion: 0 },
			}),
			'assessment "churn-model-v2-2" was made with question bank version 0; this site reads versions 1 to 2.',
		],
		[
			`"${'x'.repeat(maxImportBytes)}"`,
			'it is larger than 512 KB, far more than an assessment needs.',
		],
	])('refuses %#', (text, message) => {
		expect(() => parseAssessmentExport(bank, text)).toThrow(message);
	});

	test('importing an id already in use adds a copy instead of overwriting', () => {
		const existing = sample();
		const store = { ...emptyAssessmentStore(), activeId: existing.id, assessments: [existing] };
		const next = addImported(store, { ...sample(), answers: {} });
		expect(next.assessments.map((a) => [a.id, a.name])).toEqual([
			['churn-model-v2-2', 'Churn model, v2'],
			['churn-model-v2-2-2', 'Churn model, v2 (imported)'],
		]);
		expect(next.assessments[0]).toEqual(existing);
		expect(next.activeId).toBe('churn-model-v2-2-2');
	});
});

describe('share links', () => {
	test('round-trip the name and answers through a compressed fragment', () => {
		const a = sample();
		const fragment = shareFragment(a);
		expect(fragment).toMatch(/^#share=[A-Za-z0-9_-]+$/);
		expect(fragment.length).toBeLessThan(1200);
		expect(parseShareLink(bank, `https://example.org/assess/${fragment}`)).toEqual({
			name: a.name,
			answers: a.answers,
			evidence: a.evidence,
		});
	});

	test('carry evidence notes when there are any', () => {
		const a = { ...sample(), evidence: { 'app-ci': 'https://ci.example.org/job/42' } };
		expect(parseShareLink(bank, shareFragment(a)).evidence).toEqual({
			'app-ci': 'https://ci.example.org/job/42',
		});
	});

	test('a tampered or truncated link is refused', () => {
		const fragment = shareFragment(sample());
		const damaged = 'The link is damaged or incomplete; ask for it to be copied again.'.replace(
			'The',
			'the',
		);
		expect(() => parseShareLink(bank, fragment.slice(0, -6))).toThrow(damaged);
		expect(() =>
			parseShareLink(bank, fragment.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) + '!'),
		).toThrow(damaged);
		expect(() => parseShareLink(bank, 'https://example.org/assess/')).toThrow('no “#share=” part');
	});
});

describe('reports', () => {
	test('the CSV has a header, one row per question and escapes quotes and commas', () => {
		const lines = assessmentCsv(bank, sample()).trimEnd().split('\r\n');
		expect(lines[0]).toBe(
			'question_id,dimension,question,answer_id,answer,not_applicable_reason,evidence',
		);
		expect(lines).toHaveLength(
			1 + bank.context.length + bank.questions.length + bank.outcomes.length,
		);
		expect(lines[1]).toBe(
			'serving,context,How does this system deliver its predictions?,online,"Online, answering requests as they arrive",,',
		);
		expect(lines[1 + bank.context.length]).toMatch(
			/,na,Not applicable,"We have ""no"" KPI, yet",$/,
		);
		expect(lines[2 + bank.context.length]).toMatch(/,"See CI job 12, ""build"""$/);
		expect(lines.at(-1)).toBe(
			"monitored-share,outcome,What share of the team's production models have automated quality or drift monitoring that alerts someone?,all,All of them,,",
		);
	});

	test('the Markdown report names the levels, the blockers and the next steps', () => {
		const md = assessmentMarkdown(bank, sample(), '2026-11-23');
		expect(md).toContain('# MLOps maturity: Churn model, v2\n');
		expect(md).toContain('Assessed 2026-11-23');
		expect(md).toMatch(/- \*\*Google\*\* \(0–2\): level \d/);
		expect(md).toContain('### Why not Google level 1');
		expect(md).toContain('| Monitoring | ');
		expect(md).toContain('## Next steps\n\n1. ');
		expect(md).toContain('## Nobody knew');
		expect(md).toContain('| Models monitored | All of them |');
		expect(md).toMatch(/## Evidence\n\n- Before building the model, .*: See CI job 12, "build"\n/);
		expect(md.trimEnd().endsWith('## Action plan\n\nNo actions planned yet.')).toBe(true);
	});
});

describe('team session', () => {
	test('a stored session round-trips through JSON and keeps every member in order', () => {
		const session = {
			version: 1 as const,
			bankVersion: 2,
			members: [{ serving: 'batch', 'app-ci': 'unknown' }, { 'version-control': 'none' }, {}],
		};
		expect(parseTeamSession(bank, JSON.parse(JSON.stringify(session)))).toEqual(session);
	});

	test('a session saved before bank version 2 is carried forward', () => {
		const old = { version: 1, members: [{ serving: 'batch', ci: 'unknown' }] };
		expect(parseTeamSession(bank, old)).toEqual({
			version: 1,
			bankVersion: 2,
			members: [{ serving: 'batch', 'app-ci': 'unknown', 'ml-ci': 'unknown' }],
		});
	});

	test('foreign, wrong-version or bad answers are refused with the member named', () => {
		expect(() => parseTeamSession(bank, [])).toThrow('expected an object with "version"');
		expect(() => parseTeamSession(bank, { version: 9, members: [] })).toThrow(
			'unsupported team session version 9.',
		);
		expect(() => parseTeamSession(bank, { version: 1, members: {} })).toThrow(
			'"members" must be a list.',
		);
		expect(() =>
			parseTeamSession(bank, { version: 1, members: [{ ci: 'none' }, { ci: 'great' }] }),
		).toThrow('Question "ci" has no option "great" in question bank version 1.');
		expect(() =>
			parseTeamSession(bank, {
				version: 1,
				bankVersion: 2,
				members: [{ 'app-ci': 'none' }, { 'app-ci': 'great' }],
			}),
		).toThrow(/^member 2: Question "app-ci" has no option "great"/);
	});
});

describe('changes to the stored assessments', () => {
	test('a new assessment is added under a free id and becomes the active one', () => {
		const one = withNewAssessment(bank, emptyAssessmentStore(), 'Churn', 5);
		const two = withNewAssessment(bank, one, 'Churn', 6, (a) => ({
			...a,
			answers: { serving: 'batch' },
		}));
		expect(two.assessments.map((a) => [a.id, a.name, a.createdAtMs])).toEqual([
			['churn', 'Churn', 5],
			['churn-2', 'Churn', 6],
		]);
		expect(two.activeId).toBe('churn-2');
		expect(two.assessments[1]!.answers).toEqual({ serving: 'batch' });
	});

	test('a change touches one assessment and stamps it; removing the active one clears it', () => {
		const store = withNewAssessment(
			bank,
			withNewAssessment(bank, emptyAssessmentStore(), 'A', 1),
			'B',
			2,
		);
		const changed = withAssessmentChanged(store, 'a', (a) => ({ ...a, step: 3 }), 99);
		expect(changed.assessments.map((a) => [a.id, a.step, a.updatedAtMs])).toEqual([
			['a', 3, 99],
			['b', 0, 2],
		]);
		expect(withoutAssessment(changed, 'a')).toMatchObject({
			activeId: 'b',
			assessments: [{ id: 'b' }],
		});
		expect(withoutAssessment(changed, 'b')).toMatchObject({
			activeId: null,
			assessments: [{ id: 'a' }],
		});
		expect(exportFileStem(changed.assessments[0]!)).toBe('mlops-assessment-a');
	});
});

describe('reading a chosen file', () => {
	test('an export file is read; one over the limit is refused before it is read', async () => {
		const a = sample();
		expect(await readAssessmentFile(bank, new Blob([exportAssessment(a)]))).toEqual(a);
		const big = new Blob(['x'.repeat(maxImportBytes + 1)]);
		let read = false;
		const watched = Object.assign(big, {
			text: () => ((read = true), Promise.resolve('')),
		});
		await expect(readAssessmentFile(bank, watched)).rejects.toThrow(
			`it is larger than ${maxImportBytes / 1024} KB.`,
		);
		expect(read).toBe(false);
		await expect(readAssessmentFile(bank, new Blob(['{']))).rejects.toThrow(
			'it is not valid JSON.',
		);
	});
});

describe('adding a shared assessment', () => {
	test('the answers, the evidence and the migration note come along; nothing else changes', () => {
		const a = sample();
		const shared = parseShareLink(bank, shareFragment(a));
		const created = newAssessment(bank, shared.name, 7);
		const added = withSharedAnswers(created, shared);
		expect(added).toEqual({ ...created, answers: a.answers, evidence: a.evidence });
		const migration = { from: 1, to: bank.version, notes: ['x'] };
		expect(withSharedAnswers(created, { ...shared, migration }).migration).toEqual(migration);
	});
});
