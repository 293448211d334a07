/**
 * The manifests the deployment lab's YAML section shows: each strategy's settings reach the
 * document the learner would apply (the writer itself is tested in rollout.spec.test.ts).
 */
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { deploymentManifest } from '@/lib/labs/deployment/deployment-manifest';
import { readDeploymentParams, toRunConfig } from '@/lib/labs/deployment/deployment-params';

function manifestsFor(query: string): Record<string, unknown>[] {
	const { params, problems } = readDeploymentParams(query);
	expect(problems).toEqual([]);
	const text = deploymentManifest(params, toRunConfig(params));
	return text
		.split(/^---$/m)
		.map((doc) => parse(doc) as Record<string, unknown> | null)
		.filter((doc): doc is Record<string, unknown> => doc !== null);
}

describe('deploymentManifest', () => {
	test('a canary preset is an Argo Rollout with its canary steps', () => {
		const [rollout] = manifestsFor('?preset=broken-canary');
		expect(rollout?.['kind']).toBe('Rollout');
		const strategy = (rollout?.['spec'] as { strategy: Record<string, unknown> }).strategy;
		expect(Object.keys(strategy)).toEqual(['canary']);
	});

	test('blue/green carries the preview switch and the scale-down delay from the form', () => {
		const [rollout] = manifestsFor('?preset=preview-bluegreen');
		const strategy = (rollout?.['spec'] as { strategy: { blueGreen: Record<string, unknown> } })
			.strategy.blueGreen;
		expect(strategy['autoPromotionEnabled']).toBe(false);
		expect(typeof strategy['scaleDownDelaySeconds']).toBe('number');
	});

	test('a rolling update is a plain Deployment, not a Rollout', () => {
		const kinds = manifestsFor('?preset=broken-rolling').map((doc) => doc['kind']);
		expect(kinds).toContain('Deployment');
		expect(kinds).not.toContain('Rollout');
	});
});
