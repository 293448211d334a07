/**
 * Three teams as a consultant would meet them, committed as fixtures with the verdict an expert
 * would sign: the levels in each lens, the sensible target range, the ML Test Score with the tests
 * out of scope, and the first next steps in order. The answers were first written against question
 * bank version 1; the fixtures keep those too, so the migration is checked on realistic data.
 */
import { describe, expect, test } from 'vitest';
import {
	migrateAnswers,
	nextSteps,
	questionBank,
	scoreAssessment,
	suggestedTarget,
} from '@/assessment';
import startup from '../../fixtures/assessment/persona-notebook-startup.json';
import mid from '../../fixtures/assessment/persona-mid-sized-team.json';
import bank from '../../fixtures/assessment/persona-regulated-bank.json';

interface Persona {
	id: string;
	answers: Record<string, string>;
	answersInBankVersion1: Record<string, string>;
	expected: {
		google: number;
		microsoft: number;
		mlTestScore: number;
		suggestedTarget: { low: number; high: number };
		outOfScope: string[];
		topSteps: string[];
	};
}

const personas = [startup, mid, bank] as Persona[];

describe.each(personas.map((p) => [p.id, p] as const))('%s', (_, persona) => {
	const result = scoreAssessment(questionBank, persona.answers);

	test('answers every question that applies', () => {
		expect(result.findings.unanswered).toEqual([]);
	});

	test('reaches the levels an expert would give', () => {
		expect({
			google: result.google.level,
			microsoft: result.microsoft.level,
			mlTestScore: result.mlTestScore.score,
			suggestedTarget: suggestedTarget(questionBank, persona.answers),
			outOfScope: result.mlTestScore.outOfScope,
		}).toEqual({
			google: persona.expected.google,
			microsoft: persona.expected.microsoft,
			mlTestScore: persona.expected.mlTestScore,
			suggestedTarget: persona.expected.suggestedTarget,
			outOfScope: persona.expected.outOfScope,
		});
	});

	test('hears the next steps an expert would give, in that order', () => {
		const steps = nextSteps(
			questionBank,
			persona.answers,
			result,
			persona.expected.topSteps.length,
		);
		expect(steps.map((s) => s.questionId)).toEqual(persona.expected.topSteps);
	});

	test('its version-1 answers migrate to the same answers, plus only questions new in version 2', () => {
		const migrated = migrateAnswers(questionBank, 1, persona.answersInBankVersion1);
		expect(migrated).not.toBeNull();
		const carried = migrated?.answers ?? {};
		for (const [id, value] of Object.entries(carried))
			expect([id, persona.answers[id]]).toEqual([id, value]);
		const added = Object.keys(persona.answers).filter((id) => carried[id] === undefined);
		const newInVersion2 = [
			'code-review',
			'data-validation',
			'model-inventory',
			'independent-validation',
			'periodic-revalidation',
			'adverse-action-reasons',
			'explainability',
			'challenger-model',
			'governance-evidence',
		];
		expect(added.filter((id) => !newInVersion2.includes(id))).toEqual([]);
	});
});

test('the mid-sized team is told to automate its gate before its retraining, and why', () => {
	const answers = (mid as Persona).answers;
	const steps = nextSteps(questionBank, answers, scoreAssessment(questionBank, answers), 2);
	expect(steps[0]?.reasons).toContain('an automated step already runs without this safeguard');
	expect(steps[1]?.waitsFor).toEqual(['validation-gate']);
});

test('the bank is no longer told it is nearly done: model risk holds governance at level 1', () => {
	const r = scoreAssessment(questionBank, (bank as Persona).answers);
	expect(r.dimensions.find((d) => d.id === 'governance')).toMatchObject({ level: 1, next: 2 });
	expect(r.microsoft.level).toBe(4);
});
