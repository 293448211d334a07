/**
 * Progress through one assessment: step titles and questions, answered and applicable counts
 * that follow the context questions, when finishing records a run (and when it must not), and
 * evidence notes that are cut to length or removed when blank.
 */
import { describe, expect, test } from 'vitest';
import { questionBank as bank, scoreAssessment } from '@/assessment';
import { newAssessment, maxEvidenceChars } from '@/lib/assessment-store';
import {
	answeredCount,
	applicableCount,
	isFinished,
	stepCount,
	stepQuestions,
	stepTitle,
	withCompletedRun,
	withEvidence,
} from '@/lib/assessment-progress';

const genAi = bank.questions.filter((q) => q.appliesWhen?.['genai']);
const answerAll = (a: ReturnType<typeof newAssessment>) => {
	for (const c of bank.context) a.answers[c.id] = c.options[0]!.id;
	for (const q of bank.questions) a.answers[q.id] = q.options[0]!.id;
	return a;
};

describe('assessment progress', () => {
	test('the walk is the context step, then one step per dimension in bank order', () => {
		expect(stepCount(bank)).toBe(12);
		expect(stepTitle(bank, 0)).toBe('About this system');
		expect(stepTitle(bank, 1)).toBe(bank.dimensions[0]!.title);
		expect(stepTitle(bank, 12)).toBe('');
		expect(stepQuestions(bank, 0)).toEqual([]);
		expect(stepQuestions(bank, 1).map((q) => q.id)).toEqual([
			'success-metric',
			'non-ml-baseline',
			'named-owner',
			'offline-online',
		]);
		const all = bank.dimensions.flatMap((_, i) => stepQuestions(bank, i + 1));
		expect(all).toHaveLength(bank.questions.length);
	});

	test('questions left out by the context leave both counts, even when answered', () => {
		const a = newAssessment(bank, 'Churn', 0);
		expect(genAi.length).toBeGreaterThan(0);
		expect(applicableCount(bank, a)).toBe(bank.questions.length);
		a.answers['genai'] = 'no';
		expect(applicableCount(bank, a)).toBe(bank.questions.length - genAi.length);
		a.answers[genAi[0]!.id] = genAi[0]!.options[0]!.id;
		a.answers['success-metric'] = 'unknown';
		a.answers['named-owner'] = 'na';
		expect(answeredCount(bank, a)).toBe(2);
		a.answers['genai'] = 'own';
		expect(answeredCount(bank, a)).toBe(3);
	});

	test('finishing records a run only for complete answers that changed', () => {
		const a = newAssessment(bank, 'Churn', 0);
		a.answers['success-metric'] = 'unknown';
		const partial = withCompletedRun(a, scoreAssessment(bank, a.answers), 10);
		expect(partial).toBe(a);
		expect(isFinished(a)).toBe(false);

		const complete = answerAll(newAssessment(bank, 'Churn', 0));
		const once = withCompletedRun(complete, scoreAssessment(bank, complete.answers), 10);
		expect(once.runs).toEqual([{ completedAtMs: 10, answers: complete.answers }]);
		expect(once.runs[0]!.answers).not.toBe(complete.answers);
		expect(isFinished(once)).toBe(true);
		const twice = withCompletedRun(once, scoreAssessment(bank, once.answers), 20);
		expect(twice).toBe(once);

		const outcomes = { ...once, outcomes: { 'monitored-share': 'all' } };
		const withOutcomes = withCompletedRun(outcomes, scoreAssessment(bank, outcomes.answers), 30);
		expect(withOutcomes.runs.map((r) => r.completedAtMs)).toEqual([10, 30]);
		expect(withOutcomes.runs[1]!.outcomes).toEqual({ 'monitored-share': 'all' });

		const changed = { ...once, answers: { ...once.answers, 'success-metric': 'unknown' } };
		expect(isFinished(changed)).toBe(false);
		expect(withCompletedRun(changed, scoreAssessment(bank, changed.answers), 40).runs).toHaveLength(
			2,
		);
	});

	test('evidence is cut to the longest kept and a blank note removes it', () => {
		const a = newAssessment(bank, 'Churn', 0);
		const noted = withEvidence(a, 'app-ci', 'x'.repeat(maxEvidenceChars + 20));
		expect(noted.evidence['app-ci']).toHaveLength(maxEvidenceChars);
		expect(a.evidence).toEqual({});
		expect(withEvidence(noted, 'app-ci', '  ').evidence).toEqual({});
	});
});
