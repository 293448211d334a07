import { describe, expect, test } from 'vitest';
import { lifecyclePhases, loopBackIndex, stages } from '@/components/interactive/lifecycle.data';
import { focusSummary, isCellInFocus, roleCell, roles } from '@/components/interactive/roles.data';
import { pipelineFor, pipelineKinds } from '@/components/interactive/pipeline.data';
import {
	googleLevels,
	microsoftLevels,
	threeLevelTable,
} from '@/components/interactive/maturity.data';
import { routeWidth, strategies, trafficInWords } from '@/components/interactive/deployment.data';

describe('lifecycle data', () => {
	test('runs from business understanding to retraining and loops back to data acquisition', () => {
		expect(lifecyclePhases.map((p) => p.id)).toEqual([
			'business',
			'data-acquisition',
			'data-preparation',
			'modelling',
			'evaluation',
			'deployment',
			'monitoring',
			'retraining',
		]);
		expect(loopBackIndex).toBe(1);
	});

	test('keeps the three stages in order and every phase says who, what and what goes wrong', () => {
		const stageOrder = stages.map((s) => s.id);
		const phaseStages = lifecyclePhases.map((p) => stageOrder.indexOf(p.stage));
		expect(phaseStages).toEqual([...phaseStages].sort((a, b) => a - b));
		for (const phase of lifecyclePhases) {
			expect(phase.who.length, phase.id).toBeGreaterThan(0);
			expect(phase.produces.length, phase.id).toBeGreaterThan(0);
			expect(phase.goesWrong.length, phase.id).toBeGreaterThan(0);
		}
	});
});

describe('roles matrix', () => {
	test('has a cell for every role and phase, with text exactly when involved', () => {
		for (const role of roles) {
			for (const phase of lifecyclePhases) {
				const cell = roleCell(role.id, phase.id);
				expect(cell.does === '', `${role.id}/${phase.id}`).toBe(cell.involvement === 'absent');
			}
		}
	});

	test('throws a clear error for an unknown cell', () => {
		expect(() => roleCell('astronaut', 'business')).toThrow(/astronaut/);
	});

	test('focusing on a role lists its phases in lifecycle order, leaving out absent ones', () => {
		expect(focusSummary({ kind: 'role', id: 'devops' })).toEqual([
			{
				label: 'Deployment',
				involvement: 'responsible',
				does: 'Integrates the model into the application and CI/CD',
			},
			{
				label: 'Monitoring',
				involvement: 'consulted',
				does: 'Keeps infrastructure, latency and uptime healthy',
			},
		]);
	});

	test('focusing on a phase lists responsible roles before consulted ones', () => {
		const lines = focusSummary({ kind: 'phase', id: 'deployment' });
		expect(lines.map((l) => [l.label, l.involvement])).toEqual([
			['ML engineer', 'responsible'],
			['Software / DevOps engineer', 'responsible'],
			['Business stakeholder / product owner', 'consulted'],
			['Data scientist', 'consulted'],
			['Data engineer', 'consulted'],
		]);
		expect(focusSummary({ kind: 'none' })).toEqual([]);
	});

	test('isCellInFocus matches the focused row or column only', () => {
		expect(isCellInFocus('sme', 'business', { kind: 'none' })).toBe(true);
		expect(isCellInFocus('sme', 'business', { kind: 'role', id: 'sme' })).toBe(true);
		expect(isCellInFocus('sme', 'business', { kind: 'role', id: 'devops' })).toBe(false);
		expect(isCellInFocus('sme', 'business', { kind: 'phase', id: 'monitoring' })).toBe(false);
	});
});

describe('pipelines', () => {
	test('CT is monitor, measure, retrain, serve, and building the model belongs to CI', () => {
		expect(pipelineFor('ct').steps.map((s) => s.name)).toEqual([
			'Monitor',
			'Measure',
			'Retrain',
			'Serve',
		]);
		expect(pipelineFor('ci').steps.map((s) => s.name)).toContain('Build and package');
		expect(pipelineFor('ct').steps.map((s) => s.name)).not.toContain('Build and package');
	});

	test('every step names its artefact and what a failure stops', () => {
		for (const kind of pipelineKinds) {
			for (const step of pipelineFor(kind).steps) {
				expect(step.artefact.length, `${kind}/${step.name}`).toBeGreaterThan(0);
				expect(step.failureStops.length, `${kind}/${step.name}`).toBeGreaterThan(0);
			}
		}
	});

	test('rejects an unknown kind with a message naming the allowed ones', () => {
		expect(() => pipelineFor('cx')).toThrow('kind must be "ci", "cd" or "ct", not "cx"');
	});
});

describe('maturity data', () => {
	test('numbers Google 0–2 and Microsoft 0–4, with a next-level signal on all but the top', () => {
		expect(googleLevels.map((l) => l.level)).toEqual([0, 1, 2]);
		expect(microsoftLevels.map((l) => l.level)).toEqual([0, 1, 2, 3, 4]);
		for (const levels of [googleLevels, microsoftLevels]) {
			expect(levels.map((l) => l.readyForNext === undefined)).toEqual(
				levels.map((_, i) => i === levels.length - 1),
			);
		}
	});

	test('level 0 is the manual, script-driven and interactive process', () => {
		expect(googleLevels[0]?.looksLike[0]).toMatch(
			/^A manual, script-driven and interactive process/,
		);
	});

	test('the three-level table covers automation, collaboration and monitoring', () => {
		expect(threeLevelTable.map((r) => r.aspect)).toEqual([
			'Automation',
			'Collaboration',
			'Monitoring',
		]);
	});
});

describe('deployment strategies', () => {
	test('routeWidth keeps small shares visible and clamps out-of-range values', () => {
		expect(routeWidth(0)).toBe(1.5);
		expect(routeWidth(5)).toBe(1.9);
		expect(routeWidth(100)).toBe(10);
		expect(routeWidth(250)).toBe(10);
	});

	test('trafficInWords describes each diagram', () => {
		const byId = Object.fromEntries(strategies.map((s) => [s.id, s]));
		expect(trafficInWords(byId.canary!)).toBe(
			'95 % of requests are answered by Current; 5 % of requests are answered by New (canary).',
		);
		expect(trafficInWords(byId.shadow!)).toBe(
			'100 % of requests are answered by Current; a copy of 100 % of requests goes to New (shadow), whose answers are only logged.',
		);
		expect(trafficInWords(byId['blue-green']!)).toBe(
			'100 % of requests are answered by Green (new); Blue (standby) keeps running with no traffic, ready for rollback.',
		);
		expect(trafficInWords(byId.basic!)).toBe('100 % of requests are answered by New.');
	});

	test('answered traffic adds up to 100 % for every strategy', () => {
		for (const s of strategies) {
			const answered = s.routes
				.filter((r) => r.answersUsers)
				.reduce((sum, r) => sum + r.percent, 0);
			expect(answered, s.id).toBe(100);
		}
	});
});
