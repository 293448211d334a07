// Kubernetes' rolling update. Cases marked "k8s:" are translated from kubernetes/kubernetes
// pkg/controller/deployment/util/deployment_util_test.go (test name given); the timelines were
// worked out by hand from rolling.go's reconcileNewReplicaSet / reconcileOldReplicaSets.
import { describe, expect, test } from 'vitest';
import {
	newReplicaSetReplicas,
	resolveFenceposts,
	rollingUpdateTimeline,
	scaledValue,
	validateRollingUpdate,
} from '@sim/deployment/rolling.model';

describe('fenceposts', () => {
	// k8s: TestResolveFenceposts
	test('percentages: surge rounds up, unavailable rounds down; 0/0 becomes 0/1', () => {
		expect(resolveFenceposts('0%', '0%', 0)).toEqual({ surge: 0, unavailable: 1 });
		expect(resolveFenceposts('39%', '39%', 10)).toEqual({ surge: 4, unavailable: 3 });
		expect(() => resolveFenceposts('oops', '39%', 10)).toThrow(
			'invalid type: string is not a percentage',
		);
		expect(() => resolveFenceposts('55%', 'urg', 10)).toThrow(
			'invalid type: string is not a percentage',
		);
		expect(() => scaledValue('x%', 10, true)).toThrow(
			'invalid value for IntOrString: invalid value "x%": strconv.Atoi: parsing "x": invalid syntax',
		);
	});
	test('the defaults (25 %/25 %) on 10 replicas: 3 surge, 2 unavailable; on 1 replica: 1 and 0', () => {
		expect(resolveFenceposts('25%', '25%', 10)).toEqual({ surge: 3, unavailable: 2 });
		expect(resolveFenceposts('25%', '25%', 1)).toEqual({ surge: 1, unavailable: 0 });
		expect(resolveFenceposts('10%', '10%', 3)).toEqual({ surge: 1, unavailable: 0 });
		expect(resolveFenceposts(0, '10%', 3)).toEqual({ surge: 0, unavailable: 1 });
	});
	// k8s: TestNewRSNewReplicas (the other ReplicaSet holds 5 replicas)
	test('the new ReplicaSet grows only within desired + surge', () => {
		expect(newReplicaSetReplicas(1, 1, 5, 5)).toBe(5);
		expect(newReplicaSetReplicas(6, 10, 5, 2)).toBe(6);
	});
	test('validation rejects 0/0 with the apps validation message', () => {
		expect(validateRollingUpdate(0, 0)).toBe(
			'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
		);
		expect(validateRollingUpdate('0%', '0%')).toBe(
			'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0',
		);
		expect(validateRollingUpdate('25%', '150%')).toBe(
			'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "150%": must not be greater than 100%',
		);
		expect(validateRollingUpdate('25%', '25%')).toBeNull();
	});
});

describe('rollingUpdateTimeline', () => {
	const shape = (frames: ReturnType<typeof rollingUpdateTimeline>) =>
		frames.map((f) => [f.oldReplicas, f.newReplicas, f.newAvailable]);

	test('10 replicas at the defaults: 13 pods at most, never fewer than 8 available', () => {
		const frames = rollingUpdateTimeline({ replicas: 10, startupTicks: 2 });
		expect(shape(frames)).toEqual([
			[8, 5, 0],
			[8, 5, 0],
			[3, 10, 5],
			[3, 10, 5],
			[0, 10, 10],
		]);
		for (const f of frames) {
			expect(f.oldReplicas + f.newReplicas).toBeLessThanOrEqual(13);
			expect(f.oldAvailable + f.newAvailable).toBeGreaterThanOrEqual(8);
		}
	});

	test('maxSurge 1, maxUnavailable 0: one pod at a time, capacity never drops', () => {
		expect(
			shape(
				rollingUpdateTimeline({ replicas: 4, maxSurge: 1, maxUnavailable: 0, startupTicks: 1 }),
			),
		).toEqual([
			[4, 1, 0],
			[3, 2, 1],
			[2, 3, 2],
			[1, 4, 3],
			[0, 4, 4],
		]);
	});

	test('maxSurge 0, maxUnavailable 1: old pods go first, one at a time', () => {
		expect(
			shape(
				rollingUpdateTimeline({ replicas: 3, maxSurge: 0, maxUnavailable: 1, startupTicks: 1 }),
			),
		).toEqual([
			[2, 1, 0],
			[1, 2, 1],
			[0, 3, 2],
			[0, 3, 3],
		]);
	});
});
