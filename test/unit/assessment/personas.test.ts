/**
 * Four teams as a consultant would meet them, committed as content (content/assessment/personas/,
 * which the trainers' persona page reads too) with the verdict an expert would sign: the levels in each lens, the sensible target range, the ML Test Score with the tests
 * out of scope, and the first next steps in order. Three were first written against question bank
 * version 1 and keep those answers too, so the migration is checked on realistic data. The
 * trainer's answer key (personaKey) must show exactly the engine's levels and blockers.
 */
import { describe, expect, test } from 'vitest';
import {
	migrateAnswers,
	nextSteps,
	questionBank,
	scoreAssessment,
	suggestedTarget,
	validateAnswers,
} from '@/assessment';
import mid from '../../../content/assessment/personas/mid-sized-team.json';
import bank from '../../../content/assessment/personas/regulated-bank.json';
import { personaKey, personas as loaded, type Persona } from '@/lib/personas';

const personas = loaded;

test('four personas, from a notebook startup to a regulated bank, in order of maturity', () => {
	expect(personas.map((p) => p.id)).toEqual([
		'notebook-startup',
		'mid-sized-team',
		'platform-scale-up',
		'regulated-bank',
	]);
});

describe.each(personas.map((p) => [p.id, p] as const))('%s', (_, persona) => {
	const result = scoreAssessment(questionBank, persona.answers);

	test('answers every question that applies, for the current bank version, with valid options', () => {
		expect(persona.bankVersion).toBe(questionBank.version);
		expect(() => validateAnswers(questionBank, persona.answers)).not.toThrow();
		expect(result.findings.unanswered).toEqual([]);
		expect(questionBank.context.filter((c) => !persona.answers[c.id])).toEqual([]);
		expect(questionBank.outcomes.map((o) => [o.id, typeof persona.outcomes[o.id]])).toEqual(
			questionBank.outcomes.map((o) => [o.id, 'string']),
		);
		expect(persona.paragraph.length).toBeGreaterThan(200);
	});

	test("the trainer's key shows the engine's levels and exactly its blockers", () => {
		const key = personaKey(questionBank, persona);
		expect([key.google.level, key.microsoft.level, key.mlTestScore.score]).toEqual([
			persona.expected.google,
			persona.expected.microsoft,
			persona.expected.mlTestScore,
		]);
		expect(key.google.blockers.map((b) => b.questionId)).toEqual(result.google.blockers);
		expect(key.microsoft.blockers.map((b) => b.questionId)).toEqual(result.microsoft.blockers);
		expect(key.dimensions.map((d) => [d.id, d.level, d.blockers.map((b) => b.questionId)])).toEqual(
			result.dimensions.map((d) => [d.id, d.level, d.blockers]),
		);
		for (const b of [...key.google.blockers, ...key.microsoft.blockers]) {
			expect(b.needs).not.toBe('');
			expect(b.answer).not.toBe(b.needs);
		}
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

	test.runIf(persona.answersInBankVersion1)(
		'its version-1 answers migrate to the same answers, plus only questions new in version 2',
		() => {
			const migrated = migrateAnswers(questionBank, 1, persona.answersInBankVersion1 ?? {});
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
		},
	);
});

test('the mid-sized team is told to automate its gate before its retraining, and why', () => {
	const answers = (mid as unknown as Persona).answers;
	const steps = nextSteps(questionBank, answers, scoreAssessment(questionBank, answers), 2);
	expect(steps[0]?.reasons).toContain('an automated step already runs without this safeguard');
	expect(steps[1]?.waitsFor).toEqual(['validation-gate']);
});

test('the bank is no longer told it is nearly done: model risk holds governance at level 1', () => {
	const r = scoreAssessment(questionBank, (bank as unknown as Persona).answers);
	expect(r.dimensions.find((d) => d.id === 'governance')).toMatchObject({ level: 1, next: 2 });
	expect(r.microsoft.level).toBe(4);
});

test('the platform team: one practice, delivering pipeline changes by hand, holds both Google 2 and Microsoft 3', () => {
	const key = personaKey(questionBank, personas[2] as Persona);
	expect(key.google).toMatchObject({ level: 1, next: 2 });
	expect(key.microsoft).toMatchObject({ level: 2, next: 3 });
	expect(key.google.blockers).toEqual([
		{
			questionId: 'pipeline-cd',
			prompt: questionBank.questions.find((q) => q.id === 'pipeline-cd')?.prompt,
			answer: 'Done by hand, written down and repeatable',
			needs: 'Automated, runs on every change or on a schedule',
		},
	]);
	expect(key.microsoft.blockers.map((b) => b.questionId)).toEqual(['pipeline-cd']);
});
