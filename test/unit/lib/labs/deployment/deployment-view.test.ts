import { describe, expect, test } from 'vitest';
import { validateCanarySpec } from '@sim/labs/deployment';
import {
	deploymentQuery,
	readDeploymentParams,
	replicaOptions,
	toRunConfig,
} from '@/lib/labs/deployment/deployment-params';
import {
	deploymentStateName,
	formatClock,
	problemsByField,
} from '@/lib/labs/deployment/deployment-view';
import { versionSeries } from '@/lib/labs/deployment/rollout-series';

describe('deployment params', () => {
	test('a bare preset link applies the preset; stated values win over it', () => {
		const bare = readDeploymentParams('?preset=thin-canary');
		expect(bare.problems).toEqual([]);
		expect(bare.params).toMatchObject({
			candidate: 'worseOnSegment',
			firstWeightPercent: 1,
			secondWeightPercent: 100,
			seed: 1,
		});
		const stated = readDeploymentParams('?preset=thin-canary&seed=9');
		expect(stated.params.seed).toBe(9);
	});

	test('a link round-trips through its query', () => {
		const { params } = readDeploymentParams('?preset=slow-canary&pauseSeconds=30');
		expect(readDeploymentParams(`?${deploymentQuery(params)}`).params).toEqual(params);
	});

	test('a bad value is reported and the default kept', () => {
		const read = readDeploymentParams('?candidate=perfect&pauseSeconds=9999');
		expect(read.params.candidate).toBe('broken');
		expect(read.params.pauseSeconds).toBe(60);
		expect(read.problems).toHaveLength(2);
	});
});

describe('deployment view', () => {
	test('names nested live states as dotted leaves', () => {
		expect(deploymentStateName('setup')).toBe('setup');
		expect(deploymentStateName({ live: { playback: 'rolling', rollout: 'degraded' } })).toBe(
			'live.rolling.degraded',
		);
		expect(
			deploymentStateName({ live: { playback: 'paused', rollout: { paused: 'inconclusive' } } }),
		).toBe('live.paused.paused.inconclusive');
	});

	test('formats simulated time as m:ss', () => {
		expect([0, 9.6, 60, 70, 605].map(formatClock)).toEqual([
			'0:00',
			'0:10',
			'1:00',
			'1:10',
			'10:05',
		]);
	});

	test('a version with no traffic in a tick is a gap, not zero', () => {
		const version = (successRate: number) => ({
			served: 1,
			errors: 0,
			successRate,
			latencyP99Ms: 1,
			accuracy: Number.NaN,
		});
		const common = { mirrorPercent: 0, dropped: 0, shadow: version(Number.NaN) };
		const ticks = [
			{
				tick: 1,
				atSeconds: 10,
				weightPercent: 0,
				...common,
				stable: version(1),
				candidate: version(Number.NaN),
			},
			{
				tick: 2,
				atSeconds: 20,
				weightPercent: 10,
				...common,
				stable: version(1),
				candidate: version(0.75),
			},
		];
		expect(versionSeries(ticks, 'candidate', 'successRate')).toEqual([null, 0.75]);
	});

	test("Argo's message for a weight over 100 sits beside the weight that caused it", () => {
		const { params } = readDeploymentParams('?secondWeightPercent=150');
		const messages = validateCanarySpec(toRunConfig(params).spec);
		expect(messages).toEqual([
			'spec.strategy.canary.steps[3].setWeight: Invalid value: 150: SetWeight needs to be between 0 and 100',
		]);
		expect(problemsByField(messages)).toEqual({ secondWeightPercent: messages });
	});
});

describe('replica settings', () => {
	test("maxSurge and maxUnavailable both 0 give Argo's message beside maxSurge", () => {
		const { params } = readDeploymentParams('?maxSurgePercent=0&maxUnavailablePercent=0');
		const messages = validateCanarySpec(toRunConfig(params).spec, replicaOptions(params));
		expect(messages).toEqual([
			'spec.strategy.canary.maxSurge: Invalid value: 0%: MaxSurge and MaxUnavailable both can not be zero',
		]);
		expect(problemsByField(messages)).toEqual({ maxSurgePercent: messages });
	});
});
