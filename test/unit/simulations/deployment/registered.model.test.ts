/**
 * A learner's registered model as the deployment candidate: it answers with its own stored
 * weights (each user's prediction is the artifact's, row for row), with the good preset's latency
 * and errors, through the same service the page's worker runs; damaged weights stop the run with
 * the artifact check's sentence instead of scoring NaNs.
 */
import { describe, expect, test } from 'vitest';
import { createDeploymentHandler } from '@sim/deployment/deployment.service';
import type { DeploymentReply } from '@sim/deployment/deployment.protocol';
import {
	candidateForTraffic,
	registeredServingVersion,
	type RegisteredCandidate,
} from '@sim/deployment/registered.model';
import { candidatePresets } from '@sim/deployment/traffic.model';
import { trainDefaultModel } from '@sim/serving/serving.model';
import { predictWithArtifact } from '@sim/training/artifact';
import { encodeRecords } from '@sim/world/encoding.model';
import { createWorld, generateRecords, noDrift } from '@sim/world/world.model';
import { createRng } from '@sim/shared/rng';
import { defaultRunConfig } from '@sim/labs/deployment';

const world = createWorld();
const artifact = trainDefaultModel(
	generateRecords(world, 0, noDrift, 800, createRng(5).split('train')),
	5,
);
const registered: RegisteredCandidate = {
	kind: 'registered',
	version: 3,
	stage: 'staging',
	artifact,
};

describe('registered candidate', () => {
	test('scores each row with its own artifact, with the good preset’s latency and errors', () => {
		const version = registeredServingVersion(registered, world);
		const good = candidatePresets(world).good.version;
		expect(version.label).toBe('Candidate (your model v3)');
		expect(version.latencyMedianMs).toBe(good.latencyMedianMs);
		expect(version.latencySpread).toBe(good.latencySpread);
		const rows = generateRecords(world, 0, noDrift, 50, createRng(9));
		const expected = predictWithArtifact(artifact, encodeRecords(artifact.encoder, rows));
		rows.forEach((row, i) => {
			expect(version.score(row.features)).toBeCloseTo(expected[i] as number, 6);
			expect(version.errorProbability(row.features)).toBe(good.errorProbability(row.features));
		});
		// Not the preset's scorer under another name: the two disagree on some rows.
		const disagreements = rows.filter(
			(r) => version.score(r.features) >= 0.5 !== good.score(r.features) >= 0.5,
		);
		expect(disagreements.length).toBeGreaterThan(0);
	});

	test('a preset id passes through; damaged weights are refused with a sentence', () => {
		expect(candidateForTraffic('broken')).toBe('broken');
		const damaged = { ...registered, artifact: { ...artifact, layers: [] } };
		expect(() => registeredServingVersion(damaged)).toThrow(
			'The model cannot be served: the stored model has no layers.',
		);
	});

	test('the service runs a canary of the registered model to Healthy; the accuracy is its own', () => {
		const replies: DeploymentReply[] = [];
		const handler = createDeploymentHandler((r) => replies.push(r));
		handler.handle({ type: 'open', config: { ...defaultRunConfig, candidate: registered } });
		let last: DeploymentReply | undefined;
		for (let t = 1; t <= 40; t++) {
			handler.handle({ type: 'tick', tick: t });
			last = replies.at(-1);
			if (last?.type !== 'tick') throw new Error(JSON.stringify(last));
			if (last.rollout.phase === 'Healthy' || last.rollout.phase === 'Degraded') break;
		}
		expect(last?.type === 'tick' && last.rollout.phase).toBe('Healthy');
		// Its accuracy is the artifact's: the same seed with the good preset scores differently.
		const reported = last?.type === 'tick' ? last.summary.candidate.accuracy : Number.NaN;
		const goodRun = createDeploymentHandler((r) => replies.push(r));
		goodRun.handle({ type: 'open', config: { ...defaultRunConfig, candidate: 'good' } });
		for (let t = 1; t <= (last?.type === 'tick' ? last.summary.tick : 0); t++) {
			goodRun.handle({ type: 'tick', tick: t });
		}
		const good = replies.at(-1);
		const goodAccuracy = good?.type === 'tick' ? good.summary.candidate.accuracy : Number.NaN;
		// Golden figures of seed 7: Healthy after two minutes, 313 of 402 labelled answers right
		// against the good preset's 314 on the same users.
		expect(last?.type === 'tick' && last.summary.tick).toBe(12);
		expect(reported).toBe(313 / 402);
		expect(goodAccuracy).toBe(314 / 402);
	});

	test('the comparison accepts a registered candidate', async () => {
		const replies: DeploymentReply[] = [];
		createDeploymentHandler((r) => replies.push(r)).handle({
			type: 'compare',
			seed: 7,
			candidate: registered,
		});
		// A strategy per task (the rollout may share the worker): the answer comes a few tasks later.
		await expect.poll(() => replies.length, { timeout: 10_000 }).toBe(1);
		const reply = replies[0];
		expect(reply?.type).toBe('compared');
		if (reply?.type !== 'compared') return;
		expect(reply.results.map((r) => r.strategy)).toContain('canary');
		expect(reply.results.find((r) => r.strategy === 'canary')?.outcome).not.toBe('Degraded');
	});
});
