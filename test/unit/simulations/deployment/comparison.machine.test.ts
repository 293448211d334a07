/**
 * The blast-radius comparison machine over an in-page port to the real service: a request runs
 * every strategy once and the results arrive as a past-tense fact; a failing service is reported.
 */
import { describe, expect, test } from 'vitest';
import { createActor } from 'xstate';
import { comparisonActor, comparisonMachine } from '@sim/deployment/comparison.machine';
import { deploymentService } from '@sim/deployment/deployment.service';
import { compareStrategies } from '@sim/deployment/rollout.model';
import { openInPagePort } from '@sim/runtime/worker.port';
import { deploymentFailure } from '@sim/deployment/deployment.protocol';

const inPage = comparisonMachine.provide({
	actors: {
		compare: comparisonActor((onReply) =>
			openInPagePort(async () => deploymentService, onReply, deploymentFailure),
		),
	},
});

function settle(actor: ReturnType<typeof createActor<typeof inPage>>) {
	return new Promise<void>((resolve) => {
		const sub = actor.subscribe((s) => {
			if (!s.matches('comparing')) {
				sub.unsubscribe();
				resolve();
			}
		});
	});
}

describe('comparison machine', () => {
	test('a request computes the same comparison as compareStrategies, strategy by strategy', async () => {
		const actor = createActor(inPage).start();
		actor.send({ type: 'comparison.request', seed: 7, candidate: 'broken' });
		expect(actor.getSnapshot().value).toBe('comparing');
		await settle(actor);
		const snapshot = actor.getSnapshot();
		expect(snapshot.value).toBe('compared');
		expect(snapshot.context.results).toEqual(compareStrategies({ seed: 7, candidate: 'broken' }));
		expect(snapshot.context.results.map((r) => r.strategy)).toEqual([
			'recreate',
			'rolling',
			'blueGreen',
			'canary',
			'flagger',
			'shadow',
		]);
		// Shadow answers no user; recreate lets the broken model answer the most.
		const byStrategy = Object.fromEntries(snapshot.context.results.map((r) => [r.strategy, r]));
		expect(byStrategy.shadow?.blastRadius.servedByCandidate).toBe(0);
		const served = snapshot.context.results.map((r) => r.blastRadius.servedByCandidate);
		expect(Math.max(...served)).toBe(byStrategy.recreate?.blastRadius.servedByCandidate);
		actor.stop();
	});

	test('a service that cannot load ends in failed with its message', async () => {
		const broken = comparisonMachine.provide({
			actors: {
				compare: comparisonActor((onReply) =>
					openInPagePort(
						() => Promise.reject(new Error('no worker today')),
						onReply,
						deploymentFailure,
					),
				),
			},
		});
		const actor = createActor(broken).start();
		actor.send({ type: 'comparison.request', seed: 1, candidate: 'good' });
		await new Promise<void>((resolve) => {
			actor.subscribe((s) => s.matches('failed') && resolve());
		});
		expect(actor.getSnapshot().context.error).toBe('no worker today');
		actor.stop();
	});
});
