/**
 * The live strategies on tables. Rolling update: the live controller's ReplicaSets agree pod
 * for pod with `rollingUpdateTimeline` (itself checked against Kubernetes' rules), and the
 * figures for 10 replicas at the 25 %/25 % defaults are worked by hand from rolling.go (surge
 * rounds up to 3, unavailability down to 2: at most 13 pods, at least 8 ready). Recreate: 20 s
 * with no pod up, then everyone on v2. Shadow: no user ever reaches v2. Each preset's golden run
 * through the lab's service is the story its note tells.
 */
import { describe, expect, test } from 'vitest';
import type { MeasurementPhase } from '@sim/deployment/analysis.model';
import type { RolloutStatus } from '@sim/deployment/deployment.protocol';
import type { LiveEngine } from '@sim/deployment/live.model';
import {
	rollingUpdateTimeline,
	syncRollingSets,
	type RollingSets,
} from '@sim/deployment/rolling.model';
import { shadowEngine } from '@sim/deployment/shadow.model';
import { workloadEngine, type WorkloadState } from '@sim/deployment/workload.model';
import {
	canarySpecFrom,
	defaultCanaryShape,
	defaultRunConfig,
	deploymentPresets,
} from '@sim/labs/deployment';
import { presetRunConfig, serveTicks } from './fixtures';

const options = { name: 'churn-model', replicas: 10, tickMs: 10_000, startupTicks: 2 };

function run<S>(engine: LiveEngine<S>, ticks: number, measure: MeasurementPhase = 'Successful') {
	let state = engine.reconcile(engine.start(), 0, () => () => measure);
	const statuses: RolloutStatus[] = [engine.status(state)];
	for (let t = 1; t <= ticks; t++) {
		state = engine.reconcile(state, t * 10_000, () => () => measure);
		statuses.push(engine.status(state));
	}
	return { state, statuses };
}

describe('rolling update, live', () => {
	test.each([
		[10, '25%', '25%', 2],
		[10, '25%', '0%', 1],
		[4, 1, 0, 3],
		[7, '50%', '10%', 2],
	] as const)(
		'%i replicas, maxSurge %s, maxUnavailable %s: the same pods as rollingUpdateTimeline',
		(replicas, maxSurge, maxUnavailable, startupTicks) => {
			const timeline = rollingUpdateTimeline({ replicas, maxSurge, maxUnavailable, startupTicks });
			let sets: RollingSets = {
				replicas,
				maxSurge,
				maxUnavailable,
				startupTicks,
				newRS: { revision: 2, readyAtTick: [] },
				oldRS: { revision: 1, readyAtTick: Array.from({ length: replicas }, () => 0) },
			};
			for (const frame of timeline) {
				sets = syncRollingSets(sets, frame.tick);
				const newAvailable = sets.newRS.readyAtTick.filter((r) => r <= frame.tick).length;
				expect([
					sets.oldRS.readyAtTick.length,
					sets.newRS.readyAtTick.length,
					newAvailable,
				]).toEqual([frame.oldReplicas, frame.newReplicas, frame.newAvailable]);
			}
		},
	);

	test('10 pods at 25 %/25 %: 5 new and 8 old, then 10 new and 3 old, done at 40 s', () => {
		const { statuses } = run(workloadEngine('rolling', options), 4);
		expect(statuses.map((s) => s.replicas)).toEqual([
			{ stable: 8, stableAvailable: 8, candidate: 5, candidateAvailable: 0 },
			{ stable: 8, stableAvailable: 8, candidate: 5, candidateAvailable: 0 },
			{ stable: 3, stableAvailable: 3, candidate: 10, candidateAvailable: 5 },
			{ stable: 3, stableAvailable: 3, candidate: 10, candidateAvailable: 5 },
			{ stable: 0, stableAvailable: 0, candidate: 10, candidateAvailable: 10 },
		]);
		expect(statuses.map((s) => Math.round(s.weightPercent))).toEqual([0, 0, 63, 63, 100]);
		expect(statuses.map((s) => s.phase)).toEqual([
			'Progressing',
			'Progressing',
			'Progressing',
			'Progressing',
			'Healthy',
		]);
		expect(statuses.every((s) => s.droppedPercent === 0)).toBe(true);
		expect(statuses.at(-1)?.message).toBe('deployment "churn-model" successfully rolled out');
	});

	test('undo half-way: the sets swap roles; v2 pods still starting go first, v1 surges back', () => {
		const engine = workloadEngine('rolling', options);
		const { state } = run(engine, 2);
		let s: WorkloadState = engine.command(state, 'rollback');
		expect(engine.status(s).replicas).toEqual({
			stable: 8,
			stableAvailable: 3,
			candidate: 5,
			candidateAvailable: 5,
		});
		for (let t = 3; t <= 5; t++) s = engine.reconcile(s, t * 10_000, () => () => 'Successful');
		expect(engine.status(s).phase).toBe('Progressing');
		s = engine.reconcile(s, 60_000, () => () => 'Successful');
		expect(engine.status(s).phase).toBe('Healthy');
		expect(engine.status(s).stableRevision).toBe(1);
		expect(engine.status(s).weightPercent).toBe(0);
	});
});

describe('recreate, live', () => {
	test('every old pod goes first: 20 s with nothing up, then all users on v2', () => {
		const { statuses } = run(workloadEngine('recreate', options), 3);
		expect(statuses.map((s) => [s.droppedPercent, s.weightPercent, s.phase])).toEqual([
			[100, 0, 'Progressing'],
			[100, 0, 'Progressing'],
			[0, 100, 'Healthy'],
			[0, 100, 'Healthy'],
		]);
		expect(statuses[2]?.log.map((l) => [l.atMs, l.message])).toEqual([
			[0, 'deployment.apps/churn-model image updated to v2 (strategy Recreate)'],
			[20_000, 'deployment "churn-model" successfully rolled out'],
		]);
	});

	test('undo is a second outage', () => {
		const engine = workloadEngine('recreate', options);
		const back = engine.command(run(engine, 3).state, 'rollback');
		expect(engine.status(back).droppedPercent).toBe(100);
		expect(engine.status(back).log.at(-1)?.message).toBe(
			'deployment.apps/churn-model rolled back to v1 (strategy Recreate)',
		);
	});
});

describe('shadow, live', () => {
	// The lab's default canary metrics, mirrored.
	const metrics = canarySpecFrom(defaultCanaryShape).templates[0]!.metrics;

	test('three passing minutes of mirrored traffic, then a human decides; no user on v2 before', () => {
		const engine = shadowEngine(metrics);
		const { state, statuses } = run(engine, 18);
		expect(
			statuses.every((s, i) => s.weightPercent === 0 && (i >= 18 || s.mirrorPercent === 100)),
		).toBe(true);
		expect(statuses.findIndex((s) => s.phase === 'Paused')).toBe(18);
		expect(statuses[18]?.pauseReason).toBe('ShadowComplete');
		const promoted = engine.status(engine.command(state, 'promote'));
		expect([promoted.phase, promoted.weightPercent, promoted.mirrorPercent]).toEqual([
			'Healthy',
			100,
			0,
		]);
	});

	test('a failing measurement stops the mirror; retry mirrors again', () => {
		const engine = shadowEngine(metrics);
		const { state, statuses } = run(engine, 6, 'Failed');
		expect(statuses.findIndex((s) => s.phase === 'Degraded')).toBe(6);
		expect(statuses[6]?.mirrorPercent).toBe(0);
		expect(statuses[6]?.commands).toEqual(['retry', 'rollback']);
		expect(engine.status(engine.command(state, 'retry')).mirrorPercent).toBe(100);
	});
});

/** Runs a preset through the lab's service for `ticks` ticks. */
const serve = (id: string, ticks: number) => serveTicks(presetRunConfig(id), ticks);

describe('presets through the service', () => {
	test('broken-recreate: 400 requests lost in 20 s, then v2 answers everyone and fails a quarter', () => {
		const { frames } = serve('broken-recreate', 6);
		expect(frames.map((f) => f.summary.dropped)).toEqual([200, 200, 0, 0, 0, 0]);
		expect(frames.map((f) => f.summary.weightPercent)).toEqual([0, 0, 100, 100, 100, 100]);
		expect(frames[0]?.summary.stable.served).toBe(0);
		const failed = frames.slice(2).reduce((n, f) => n + f.summary.candidate.errors, 0);
		expect(failed / 800).toBeGreaterThan(0.2);
	});

	test('broken-shadow: the test fails at 1:00 and no user was ever served by v2', () => {
		const { frames } = serve('broken-shadow', 12);
		expect(frames.every((f) => f.summary.candidate.served === 0)).toBe(true);
		expect(frames.slice(0, 6).every((f) => f.summary.shadow.served === 200)).toBe(true);
		expect(frames.findIndex((f) => f.rollout.phase === 'Degraded')).toBe(5);
		expect(frames[5]?.rollout.message).toBe(
			'Shadow test stopped: Metric "success-rate" assessed Failed due to failed (1) > failureLimit (0); no user was served by v2',
		);
	});

	test('broken-bluegreen: switched at 0:20, analysed at 1:20, back on v1 at once', () => {
		const { frames } = serve('broken-bluegreen', 12);
		expect(frames.map((f) => f.summary.weightPercent)).toEqual([
			0, 0, 100, 100, 100, 100, 100, 100, 0, 0, 0, 0,
		]);
		expect(frames[7]?.rollout.phase).toBe('Degraded');
		expect(frames[7]?.rollout.services).toEqual({ active: 1, preview: 2 });
		// v2's pods go abortScaleDownDelaySeconds (30 s) after the abort.
		expect(frames[11]?.rollout.log.map((l) => l.atMs / 1000)).toEqual([0, 20, 80, 110]);
	});

	test('preview-bluegreen: waits on the previewService, testers only, until promoted', () => {
		const { handler, replies, frames } = serve('preview-bluegreen', 8);
		expect(frames.slice(1).every((f) => f.rollout.pauseReason === 'BlueGreenPause')).toBe(true);
		expect(frames.every((f) => f.summary.candidate.served === 0)).toBe(true);
		expect(frames.slice(2).every((f) => f.summary.mirrorPercent === 5)).toBe(true);
		handler.handle({ type: 'command', command: 'promote' });
		handler.handle({ type: 'tick', tick: 9 });
		handler.handle({ type: 'tick', tick: 10 });
		const last = replies.at(-1);
		expect(last?.type === 'tick' && last.summary.weightPercent).toBe(100);
	});

	test('inconclusive-canary: the first analysis is Inconclusive and the rollout waits at 10 %', () => {
		const { handler, replies, frames } = serve('inconclusive-canary', 12);
		expect(frames[5]?.rollout.pauseReason).toBe('InconclusiveAnalysisRun');
		const measurement = frames[5]?.rollout.analysisRuns[0]?.run.metrics[0]?.measurements[0];
		expect(measurement?.phase).toBe('Inconclusive');
		expect(measurement?.value).toBeGreaterThanOrEqual(0.95);
		expect(measurement?.value).toBeLessThan(0.98);
		expect(frames.slice(5).every((f) => f.summary.weightPercent === 10)).toBe(true);
		handler.handle({ type: 'command', command: 'abort' });
		const reply = replies.at(-1);
		expect(reply?.type === 'commanded' && reply.rollout.phase).toBe('Degraded');
	});

	test('good-canary: once v2 is stable it takes every request', () => {
		const { frames } = serve('good-canary', 14);
		expect(frames[11]?.rollout.phase).toBe('Healthy');
		expect(frames.slice(12).map((f) => f.summary.weightPercent)).toEqual([100, 100]);
	});

	test('kayenta-canary: the judge scores 50 (errors High, latency Pass) and Argo fails it at 1:00', () => {
		const { frames } = serve('kayenta-canary', 6);
		expect(frames[5]?.rollout.phase).toBe('Degraded');
		const measurement = frames[5]?.rollout.analysisRuns[0]?.run.metrics[0]?.measurements[0];
		expect([measurement?.value, measurement?.phase]).toEqual([50, 'Failed']);
	});

	test('the Kayenta judge passes the good model: score 100, both steps Successful', () => {
		const p = deploymentPresets.find((x) => x.id === 'kayenta-canary')!;
		const { frames } = serveTicks(
			{ ...defaultRunConfig, seed: 7, candidate: 'good', spec: canarySpecFrom(p.params.shape) },
			12,
		);
		const last = frames[11]!;
		expect(last.rollout.phase).toBe('Healthy');
		expect(last.rollout.analysisRuns.map((r) => r.run.metrics[0]?.measurements[0]?.value)).toEqual([
			100, 100,
		]);
	});

	test('flagger-canary: 10 % then held by two failed checks; rolled back one interval later', () => {
		const { frames } = serve('flagger-canary', 20);
		expect(frames.map((f) => f.summary.weightPercent).slice(0, 19)).toEqual([
			...Array(18).fill(10),
			0,
		]);
		const log = frames[18]?.rollout.log.map((l) => `${l.atMs / 1000} ${l.message}`);
		expect(log).toEqual([
			'0 New revision detected! Scaling up churn-model',
			'0 Starting canary analysis for churn-model',
			'0 Advance churn-model canary weight 10',
			expect.stringMatching(
				/^60 Halt churn-model advancement success rate 7\d\.\d\d% < 98% \(failed checks 1 of 2\)$/,
			),
			expect.stringMatching(
				/^120 Halt churn-model advancement success rate 7\d\.\d\d% < 98% \(failed checks 2 of 2\)$/,
			),
			'180 Rolling back churn-model failed checks threshold reached 2',
			'180 Canary failed! Scaling down churn-model',
		]);
		expect(frames[18]?.rollout.phase).toBe('Degraded');
		expect(frames[18]?.rollout.commands).toEqual(['retry']);
	});
});
