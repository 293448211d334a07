/**
 * The deployment lab's link: the candidate as a preset id or `registered-N`, the fallback to a
 * preset where this browser's registry lacks the version, the run a registered candidate gives,
 * and which analysis fields each judge leaves unread (checked against the run config the engine
 * gets, not against the rule's own list).
 */
import { describe, expect, test } from 'vitest';
import type { RegisteredCandidate } from '@sim/labs/deployment';
import {
	deploymentQuery,
	readCandidateParam,
	readDeploymentParams,
	registeredVersionOf,
	toRunConfig,
	unreadAnalysisFields,
	type DeploymentParams,
} from '@/lib/labs/deployment/deployment-params';
import { candidateFallback } from '@/lib/labs/deployment/registered-candidates';

const registered = {
	kind: 'registered',
	version: 3,
	stage: 'staging',
	artifact: { format: 'churn-model/1' },
} as unknown as RegisteredCandidate;

describe('candidate parameter', () => {
	test('reads preset ids and registered-N; anything else is a problem', () => {
		expect(readCandidateParam('slow')).toEqual({ candidate: 'slow' });
		expect(readCandidateParam('registered-3')).toEqual({ candidate: 'registered-3' });
		for (const bad of ['registered-0', 'registered-', 'registered-3.5', 'registered-x', 'v3']) {
			const read = readCandidateParam(bad);
			expect(read).toEqual({
				problem: `Candidate (v2) “${bad}” is neither a preset (good, worseOnSegment, broken, slow, flaky) nor registered-N for your registered version N, so the default (broken) is used.`,
			});
		}
		expect(registeredVersionOf('registered-12')).toBe(12);
		expect(registeredVersionOf('good')).toBeNull();
	});

	test('a link with a registered candidate reads, round-trips, and wins over its preset', () => {
		const read = readDeploymentParams('?preset=broken-canary&candidate=registered-3');
		expect(read.problems).toEqual([]);
		expect(read.params.candidate).toBe('registered-3');
		expect(read.params.preset).toBe('broken-canary');
		expect(new URLSearchParams(deploymentQuery(read.params)).get('candidate')).toBe('registered-3');
		expect(readDeploymentParams(`?${deploymentQuery(read.params)}`).params).toEqual(read.params);
		// A bad candidate leaves the preset's own candidate in place, with the problem said.
		const bad = readDeploymentParams('?preset=slow-canary&candidate=registered-zero');
		expect(bad.params.candidate).toBe('slow');
		expect(bad.problems).toHaveLength(1);
		expect(bad.problems[0]).toContain('“registered-zero” is neither a preset');
	});

	test('a version missing from this browser falls back to the good preset, saying so', () => {
		const { params } = readDeploymentParams('?candidate=registered-3');
		expect(candidateFallback(params, [3])).toEqual({ params, problem: null });
		const missing = candidateFallback(params, [1, 2]);
		expect(missing.params).toEqual({ ...params, candidate: 'good' });
		expect(missing.problem).toBe(
			"The link deploys your registered model v3, which is not in this browser's registry (registered models are kept in the browser that trained them), so the preset “A better model” stands in. Train and register a model in the training lab to deploy your own.",
		);
		const preset = readDeploymentParams('?candidate=slow').params;
		expect(candidateFallback(preset, [])).toEqual({ params: preset, problem: null });
	});

	test('the run deploys the registered version with its weights, or the stand-in', () => {
		const { params } = readDeploymentParams('?candidate=registered-3');
		expect(toRunConfig(params, [registered]).candidate).toBe(registered);
		expect(toRunConfig(params, []).candidate).toBe('good');
		expect(toRunConfig({ ...params, candidate: 'flaky' }, [registered]).candidate).toBe('flaky');
	});
});

describe('fields a judge does not read', () => {
	const base = readDeploymentParams('').params;
	// What the engine runs: Flagger's spec when it runs the canary, else Argo's spec.
	const engineInput = (p: DeploymentParams) => {
		const config = toRunConfig(p);
		return config.flagger ?? config.spec;
	};
	const changed: Record<string, number> = {
		minSuccessRate: 0.5,
		failBelowSuccessRate: 0.4,
		maxLatencyP99Ms: 900,
		failureLimit: 3,
	};

	test.each([
		['flagger', 'canary', ['failBelowSuccessRate', 'failureLimit']],
		[
			'kayenta',
			'canary',
			['minSuccessRate', 'failBelowSuccessRate', 'maxLatencyP99Ms', 'failureLimit'],
		],
		[
			'kayenta',
			'shadow',
			['minSuccessRate', 'failBelowSuccessRate', 'maxLatencyP99Ms', 'failureLimit'],
		],
		['argo', 'canary', []],
		['flagger', 'blueGreen', []],
	] as const)(
		'%s judging %s hides %j, exactly the fields its run ignores',
		(judge, strategy, hidden) => {
			const p = { ...base, judge, strategy } as DeploymentParams;
			expect(unreadAnalysisFields(p)?.fields ?? []).toEqual(hidden);
			for (const [key, value] of Object.entries(changed)) {
				const same =
					JSON.stringify(engineInput({ ...p, [key]: value })) === JSON.stringify(engineInput(p));
				expect([key, same]).toEqual([key, (hidden as readonly string[]).includes(key)]);
			}
		},
	);

	test('the sentence says why', () => {
		expect(unreadAnalysisFields({ judge: 'flagger', strategy: 'canary' })?.why).toContain(
			'Flagger has no failureLimit and no inconclusive band',
		);
	});
});
