/**
 * The levels follow their sources. Each case names the source statement it checks: Google's
 * "MLOps: continuous delivery and automation pipelines" (levels 0–2), Microsoft's "MLOps maturity
 * model" (levels 0–4) and Breck et al., "The ML Test Score" (2017), as summarised in
 * /work/shared/research/maturity.md.
 */
import { describe, expect, test } from 'vitest';
import { questionBank, scoreAssessment, type Question } from '@/assessment';

const q = (id: string): Question => {
	const question = questionBank.questions.find((x) => x.id === id);
	if (!question) throw new Error(`no question ${id}`);
	return question;
};
const top = Object.fromEntries(
	questionBank.questions.map((x) => [x.id, x.options.at(-1)?.id ?? '']),
);
const passing = (id: string, option: string) =>
	q(id).options.findIndex((o) => o.id === option) >=
	q(id).options.findIndex((o) => o.id === q(id).pass);

describe('Google tags', () => {
	test('monitoring is the first fix for level 0, and quality and drift triggers are level 1', () => {
		for (const id of [
			'prediction-logging',
			'quality-alert',
			'drift-alert',
			'quality-trigger',
			'drift-trigger',
		])
			expect([id, q(id).google]).toEqual([id, 1]);
	});

	test('level 1 needs automated data validation: a check by hand or a report does not pass', () => {
		expect(q('data-validation').google).toBe(1);
		expect(passing('data-validation', 'by-hand')).toBe(false);
		expect(passing('data-validation', 'report')).toBe(false);
		expect(passing('data-validation', 'stops')).toBe(true);
		// Writing the schema down is the ML Test Score's data-1, not a Google gate.
		expect(q('data-schema').google).toBeUndefined();
	});

	test('training–serving skew is met at level 1 by an optional feature store: not a gate', () => {
		expect(q('training-serving-skew').google).toBeUndefined();
	});

	test('canary or A/B online validation is level 1; load tests and environments are level 2 CD', () => {
		expect(q('canary').google).toBe(1);
		expect(q('load-test').google).toBe(2);
		expect(q('environments').google).toBe(2);
	});
});

describe('Microsoft tags', () => {
	test('level 1 is automated builds and tests of application code; tests of all code are level 3', () => {
		expect(q('app-ci').microsoft).toBe(1);
		expect(q('ml-ci').microsoft).toBe(3);
	});

	test('reproducible models are level 2', () => {
		expect(q('reproducible-training').microsoft).toBe(2);
	});

	test('level 4 is automatic retraining: a ticket does not pass', () => {
		for (const id of ['quality-trigger', 'drift-trigger']) {
			expect(q(id).microsoft).toBe(4);
			expect(passing(id, 'ticket')).toBe(false);
			expect(passing(id, 'automatic')).toBe(true);
		}
	});

	test('practices Microsoft does not name never gate its levels', () => {
		const notMicrosoft = [
			'success-metric',
			'non-ml-baseline',
			'simple-baseline',
			'feature-value',
			'feature-cost',
			'hyperparameter-search',
			'skills',
			'fairness',
			'data-rules',
			'privacy-access',
			'privacy-minimisation',
			'privacy-retention',
			'privacy-access-log',
			'model-inventory',
			'independent-validation',
		];
		for (const id of notMicrosoft) expect([id, q(id).microsoft]).toEqual([id, undefined]);
		// With all of them failing, a team that does everything else still reaches level 4.
		const answers = { ...top, regulated: 'regulated' } as Record<string, string>;
		for (const id of notMicrosoft) answers[id] = q(id).options[0]?.id ?? '';
		expect(scoreAssessment(questionBank, answers).microsoft.level).toBe(4);
	});
});

describe('ML Test Score', () => {
	test('a perfect team without personal data reaches the top band; its privacy tests are out of scope', () => {
		const r = scoreAssessment(questionBank, { ...top, regulated: 'no' });
		expect(r.mlTestScore.outOfScope).toEqual(['data-4', 'data-5', 'model-7']);
		expect(r.mlTestScore.score).toBe(7);
		expect(r.mlTestScore.band.id).toBe('exceptional');
	});

	test('a batch team that marks canary not applicable stays at 7', () => {
		const r = scoreAssessment(questionBank, { ...top, serving: 'batch', canary: 'na' });
		expect(r.mlTestScore.outOfScope).toEqual(['infra-6']);
		expect(r.mlTestScore.score).toBe(7);
	});

	test('a dashboard that alerts nobody is not an alert: half a point, and quality alerting fails', () => {
		const r = scoreAssessment(questionBank, { ...top, 'quality-alert': 'dashboard' });
		const monitor = r.mlTestScore.sections.find((s) => s.id === 'monitor');
		expect(monitor?.tests.find((t) => t.id === 'monitor-7')?.points).toBe(0.5);
		expect(monitor?.score).toBe(6.5);
		expect(passing('quality-alert', 'dashboard')).toBe(false);
	});

	test('feature lead time: one to two months is what the paper calls efficient', () => {
		expect(q('feature-lead-time').pass).toBe('months');
		expect(q('feature-lead-time').options.map((o) => o.mts)).toEqual([0, 0, 0.5, 1]);
	});
});

describe('dimensions show progress', () => {
	test('every dimension has practices on more than one rung', () => {
		for (const d of questionBank.dimensions) {
			const rungs = new Set(
				questionBank.questions.filter((x) => x.dimension === d.id).map((x) => x.rung),
			);
			expect([d.id, rungs.size > 1]).toEqual([d.id, true]);
		}
	});

	test('one-click deploy, one-step rollback and infrastructure as code read above deployment level 0', () => {
		const answers = {
			serving: 'online',
			'automated-deploy': 'one-click',
			rollback: 'one-step',
			environments: 'iac',
			canary: 'none',
			'load-test': 'none',
		};
		const deployment = scoreAssessment(questionBank, answers).dimensions.find(
			(d) => d.id === 'deployment',
		);
		expect(deployment).toMatchObject({ level: 1, next: 2, blockers: ['load-test'] });
	});
});

describe('questions a team can answer from evidence', () => {
	test('compound questions are split', () => {
		for (const id of ['monitoring-trigger', 'privacy-controls', 'ci'])
			expect(questionBank.questions.some((x) => x.id === id)).toBe(false);
		expect(questionBank.questions.filter((x) => x.id.startsWith('privacy-')).length).toBe(4);
	});

	test('no prompt leaves "significant" without a threshold', () => {
		expect(
			questionBank.questions.filter((x) => /significant/i.test(x.prompt)).map((x) => x.id),
		).toEqual([]);
	});

	test('being in version control does not pass a question about reviewed changes', () => {
		expect(q('version-control').prompt).not.toMatch(/review/i);
		expect(q('code-review').options.map((o) => o.id)).not.toContain('all');
	});
});
