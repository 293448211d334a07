/**
 * The deployment lab's service and machine. The service is driven tick by tick as the clock
 * would; its golden figures (the tick of the abort, the weights) are the ones the lab's presets
 * promise in their notes. The machine is checked against a table written from Argo's CLI
 * documentation of which command applies in which phase, not from the machine's own code.
 */
import { describe, expect, test } from 'vitest';
import { transition, type SnapshotFrom } from 'xstate';
import { createDeploymentHandler } from '@sim/deployment/deployment.service';
import { compareStrategies } from '@sim/deployment/rollout.model';
import type { DeploymentReply } from '@sim/deployment/deployment.protocol';
import {
	deploymentLabMachine,
	rolloutCommandEvents,
	type DeploymentLabEvent,
	type RolloutStatus,
} from '@sim/labs/deployment';
import { presetRunConfig, serveTicks } from './fixtures';
import { runPure } from '../pure-run';

/** Runs a preset through the service for up to `ticks` ticks, stopping at Healthy or Degraded. */
const serve = (id: string, ticks = 40) => serveTicks(presetRunConfig(id), ticks, true);

describe('deployment service', () => {
	test('broken preset: 10 % for a minute, the first analysis fails at tick 6 and aborts', () => {
		const { frames } = serve('broken-canary');
		expect(frames).toHaveLength(6);
		expect(frames.map((f) => f.summary.weightPercent)).toEqual([10, 10, 10, 10, 10, 10]);
		const last = frames.at(-1) as (typeof frames)[number];
		expect(last.summary.atSeconds).toBe(60);
		expect(last.rollout.phase).toBe('Degraded');
		expect(last.rollout.weightPercent).toBe(0);
		expect(last.rollout.message).toBe(
			'Rollout aborted update to revision 2: Metric "success-rate" assessed Failed due to failed (1) > failureLimit (0)',
		);
		const run = last.rollout.analysisRuns.at(-1);
		expect(run?.run.phase).toBe('Failed');
		// A quarter of v2's answers fail: the one measurement is well under 0.98.
		const value = run?.run.metrics[0]?.measurements[0]?.value ?? 1;
		expect(value).toBeGreaterThan(0.6);
		expect(value).toBeLessThan(0.85);
	});

	test('good preset: both analyses pass and v2 is Healthy at 2 minutes', () => {
		const { frames } = serve('good-canary');
		expect(frames.map((f) => f.summary.weightPercent)).toEqual([
			10, 10, 10, 10, 10, 10, 50, 50, 50, 50, 50, 50,
		]);
		const last = frames.at(-1);
		expect(last?.rollout.phase).toBe('Healthy');
		expect(last?.rollout.stableRevision).toBe(2);
		expect(last?.rollout.analysisRuns.map((r) => r.run.phase)).toEqual([
			'Successful',
			'Successful',
		]);
	});

	test('slow preset: the latency metric, not the success rate, aborts', () => {
		const { frames } = serve('slow-canary');
		const last = frames.at(-1);
		expect(frames).toHaveLength(6);
		expect(last?.rollout.phase).toBe('Degraded');
		const metrics = last?.rollout.analysisRuns.at(-1)?.run.metrics;
		expect(metrics?.map((m) => [m.name, m.phase])).toEqual([
			['success-rate', 'Successful'],
			['latency-p99', 'Failed'],
		]);
	});

	test('thin canary: the analysis at 1 % passes, the one at 100 % fails after everyone met v2', () => {
		const { frames } = serve('thin-canary');
		const last = frames.at(-1);
		expect(frames.map((f) => f.summary.weightPercent)).toEqual([
			1, 1, 1, 1, 1, 1, 100, 100, 100, 100, 100, 100,
		]);
		expect(last?.rollout.analysisRuns.map((r) => r.run.phase)).toEqual(['Successful', 'Failed']);
		expect(last?.rollout.phase).toBe('Degraded');
		const servedAtOnePercent = frames
			.slice(0, 6)
			.reduce((n, f) => n + f.summary.candidate.served, 0);
		expect(servedAtOnePercent).toBeLessThan(30);
	});

	test('commands act between ticks: retry after the abort starts again at step 1', () => {
		const { handler, replies } = serve('broken-canary');
		handler.handle({ type: 'command', command: 'retry' });
		const reply = replies.at(-1);
		expect(reply?.type).toBe('commanded');
		if (reply?.type !== 'commanded') return;
		expect(reply.rollout.phase).toBe('Progressing');
		expect(reply.rollout.progress).toBe('Step 1 of 6');
	});

	// The rollout's clock and the comparison share one worker (sharedWorkerPortOpener); a worker
	// answers one message at a time, so the comparison yields a task after each strategy.
	test('a comparison runs a strategy per task: ticks asked meanwhile are answered before it ends', async () => {
		const replies: DeploymentReply[] = [];
		const handler = createDeploymentHandler((r) => replies.push(r));
		handler.handle({ type: 'open', config: presetRunConfig('broken-canary') });
		handler.handle({ type: 'compare', seed: 7, candidate: 'broken' });
		expect(replies).toEqual([]);
		await new Promise((resolve) => setTimeout(resolve, 0));
		handler.handle({ type: 'tick', tick: 1 });
		await expect.poll(() => replies.at(-1)?.type, { timeout: 10_000 }).toBe('compared');
		expect(replies.map((r) => r.type)).toEqual(['tick', 'compared']);
		expect(replies[1]).toEqual({
			type: 'compared',
			results: compareStrategies({ seed: 7, candidate: 'broken' }),
		});
	});

	test('disposing the service cancels a comparison under way', async () => {
		const replies: DeploymentReply[] = [];
		const handler = createDeploymentHandler((r) => replies.push(r));
		handler.handle({ type: 'compare', seed: 7, candidate: 'broken' });
		await new Promise((resolve) => setTimeout(resolve, 0));
		handler.dispose?.();
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(replies).toEqual([]);
	});

	test('a tick before open is answered with an error, not a throw', () => {
		const replies: DeploymentReply[] = [];
		createDeploymentHandler((r) => replies.push(r)).handle({ type: 'tick', tick: 1 });
		expect(replies).toEqual([
			{ type: 'error', message: 'The rollout was asked for a tick before it opened.' },
		]);
	});
});

type Snapshot = SnapshotFrom<typeof deploymentLabMachine>;

const run = (events: readonly DeploymentLabEvent[]): Snapshot =>
	runPure(deploymentLabMachine, {}, events);

/** Argo's commands by phase (kubectl argo rollouts: promote needs a pause, retry an abort). */
const acceptedByPhase: Record<string, string[]> = {
	progressing: ['rollout.promoteFull', 'rollout.abort'],
	'paused.pauseStep': ['rollout.promote', 'rollout.promoteFull', 'rollout.abort'],
	'paused.inconclusive': ['rollout.promote', 'rollout.promoteFull', 'rollout.abort'],
	degraded: ['rollout.retry', 'rollout.rollback'],
	healthy: [],
};

describe('deployment lab machine (pure transitions)', () => {
	const { frames } = serve('broken-canary');
	const tickEvents: DeploymentLabEvent[] = frames.map((f) => ({
		type: 'clock.tickComputed',
		summary: f.summary,
		rollout: f.rollout,
	}));
	const accepted = (s: Snapshot) => rolloutCommandEvents.filter((e) => s.can(e)).map((e) => e.type);

	test('setup accepts no rollout command; start goes live and rolls', () => {
		expect(accepted(run([]))).toEqual([]);
		expect(run([{ type: 'playback.start' }]).value).toEqual({
			live: { playback: 'rolling', rollout: 'progressing' },
		});
	});

	test('the broken preset reaches degraded on its sixth tick, and only then offers retry', () => {
		let s = run([{ type: 'playback.start' }]);
		tickEvents.slice(0, 5).forEach((e, i) => {
			s = transition(deploymentLabMachine, s, e)[0];
			expect(s.matches({ live: { rollout: 'degraded' } }), `tick ${i + 1}`).toBe(false);
		});
		s = transition(deploymentLabMachine, s, tickEvents[5] as DeploymentLabEvent)[0];
		expect(s.value).toEqual({ live: { playback: 'rolling', rollout: 'degraded' } });
		expect(s.context.ticks).toHaveLength(6);
		expect(accepted(s)).toEqual(acceptedByPhase.degraded);
	});

	test('each rollout phase accepts exactly the commands Argo allows in it', () => {
		const base = frames[0]?.rollout as RolloutStatus;
		// The machine takes the commands from the engine's status; the canary's are Argo's.
		const cases: [Partial<RolloutStatus>, string][] = [
			[{ phase: 'Progressing', commands: ['promoteFull', 'abort'] }, 'progressing'],
			[
				{
					phase: 'Paused',
					pauseReason: 'CanaryPauseStep',
					commands: ['promote', 'promoteFull', 'abort'],
				},
				'paused.pauseStep',
			],
			[
				{
					phase: 'Paused',
					pauseReason: 'InconclusiveAnalysisRun',
					commands: ['promote', 'promoteFull', 'abort'],
				},
				'paused.inconclusive',
			],
			[{ phase: 'Degraded', commands: ['retry', 'rollback'] }, 'degraded'],
			[{ phase: 'Healthy', commands: [] }, 'healthy'],
		];
		for (const [patch, name] of cases) {
			const s = run([
				{ type: 'playback.start' },
				{ type: 'clock.commandApplied', rollout: { ...base, ...patch } },
			]);
			expect(accepted(s), name).toEqual(acceptedByPhase[name]);
		}
	});

	test('pause keeps the rollout state; reset returns to setup with nothing recorded', () => {
		let s = run([
			{ type: 'playback.start' },
			...tickEvents.slice(0, 2),
			{ type: 'playback.pause' },
		]);
		expect(s.value).toEqual({ live: { playback: 'paused', rollout: { paused: 'pauseStep' } } });
		s = transition(deploymentLabMachine, s, { type: 'playback.reset' })[0];
		expect(s.value).toBe('setup');
		expect(s.context.ticks).toEqual([]);
		expect(s.context.rollout).toBeNull();
	});

	test('a service failure finishes the run with its message', () => {
		const s = run([{ type: 'playback.start' }, { type: 'clock.failed', message: 'boom' }]);
		expect(s.value).toBe('finished');
		expect(s.context.error).toBe('boom');
	});
});
