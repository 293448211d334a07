/**
 * Question bank version 2 split, re-optioned and added questions. Assessments saved, exported or
 * shared with version 1 must still open, with every answer that has a faithful place carried over,
 * nothing guessed, and a plain note of what changed.
 */
import { describe, expect, test } from 'vitest';
import { strToU8, zlibSync } from 'fflate';
import { migrateAnswers, questionBank as bank } from '@/assessment';
import { parseAssessmentExport } from '@/lib/assessment-store';
import { parseShareLink } from '@/lib/assessment-share';
import exportV1 from '../../fixtures/assessment/export-bank-v1.json';

describe('migrateAnswers from version 1', () => {
	test('splits carry each answer to every part, mapped to the new options', () => {
		const m = migrateAnswers(bank, 1, {
			'monitoring-trigger': 'ticket',
			ci: 'app-only',
			'version-control': 'reviewed',
			'data-schema': 'manual',
			'privacy-controls': 'automated',
			'validation-gate': 'automated',
		});
		expect(m?.answers).toEqual({
			'quality-trigger': 'ticket',
			'drift-trigger': 'ticket',
			'app-ci': 'tested',
			'ml-ci': 'none',
			'version-control': 'all',
			'code-review': 'reviewed',
			'data-schema': 'checked-by-hand',
			'data-validation': 'by-hand',
			'privacy-access': 'automated',
			'privacy-minimisation': 'automated',
			'privacy-retention': 'automated',
			'privacy-access-log': 'automated',
			// Automated comparison without a block is a report in version 2, not a gate.
			'validation-gate': 'report',
		});
		expect(m?.report.from).toBe(1);
		expect(m?.report.to).toBe(2);
		expect(m?.report.notes).toContain(
			'Your answer on the four privacy controls now applies to each part separately; check each one.',
		);
	});

	test('an answer with no faithful place is dropped, not guessed', () => {
		const m = migrateAnswers(bank, 1, { 'version-control': 'all', 'feature-lead-time': 'months' });
		expect(m?.answers).toEqual({ 'version-control': 'all' });
		expect(m?.report.notes).toContain('Feature lead time has new bands; please answer it again.');
	});

	test('n/a and don’t know carry over as they are, and n/a reasons follow their question', () => {
		const m = migrateAnswers(bank, 1, { 'monitoring-trigger': 'na', ci: 'unknown' }, [
			{ 'monitoring-trigger': 'Decided by committee' },
		]);
		expect(m?.answers).toEqual({
			'quality-trigger': 'na',
			'drift-trigger': 'na',
			'app-ci': 'unknown',
			'ml-ci': 'unknown',
		});
		expect(m?.texts).toEqual([
			{ 'quality-trigger': 'Decided by committee', 'drift-trigger': 'Decided by committee' },
		]);
	});

	test('an unknown or future version has no path', () => {
		expect(migrateAnswers(bank, 0, {})).toBeNull();
		expect(migrateAnswers(bank, 3, {})).toBeNull();
		expect(migrateAnswers(bank, 1.5, {})).toBeNull();
	});
});

describe('old files and links still open', () => {
	test('a version-1 export imports, with its history migrated and the changes listed', () => {
		const a = parseAssessmentExport(bank, JSON.stringify(exportV1));
		expect(a.bankVersion).toBe(2);
		expect(a.answers['quality-trigger']).toBe('na');
		expect(a.naReasons).toEqual({
			'quality-trigger': 'Retraining is decided by the risk committee',
			'drift-trigger': 'Retraining is decided by the risk committee',
		});
		expect(a.runs[0]?.answers['quality-trigger']).toBe('person');
		expect(a.migration?.from).toBe(1);
		expect(a.migration?.notes[0]).toBe(bank.changes[0]?.summary);
		expect(a.migration?.notes.at(-1)).toMatch(
			/^\d+ questions are new or changed and not answered yet\.$/,
		);
	});

	test('a version-1 share link opens with its answers migrated', () => {
		const payload = {
			v: 1,
			b: 1,
			n: 'Old link',
			a: { ci: 'gate', 'monitoring-trigger': 'automatic' },
		};
		const bytes = zlibSync(strToU8(JSON.stringify(payload)));
		const fragment = '#share=' + Buffer.from(bytes).toString('base64url');
		const shared = parseShareLink(bank, fragment);
		expect(shared.answers).toEqual({
			'app-ci': 'gate',
			'ml-ci': 'gate',
			'quality-trigger': 'automatic',
			'drift-trigger': 'automatic',
		});
		expect(shared.migration?.from).toBe(1);
	});

	test('a link from a future bank is refused with both versions named', () => {
		const bytes = zlibSync(strToU8(JSON.stringify({ v: 1, b: 7, n: 'x', a: {} })));
		expect(() =>
			parseShareLink(bank, '#share=' + Buffer.from(bytes).toString('base64url')),
		).toThrow('the link uses question bank version 7; this site reads versions 1 to 2.');
	});
});
