// Recreate, rolling, shadow, blue/green and Flagger over the traffic world, and their blast radii
// side by side. Flagger cases follow fluxcd/flagger pkg/controller/scheduler.go (advanceCanary,
// runCanary) and pkg/apis/flagger/v1beta1 GetAnalysisThreshold, worked by hand.
import { describe, expect, test } from 'vitest';
import { createRng } from '@sim/shared/rng';
import {
	advanceFlagger,
	blueGreenStrategy,
	flaggerStrategy,
	flaggerThreshold,
	recreateStrategy,
	runStrategy,
	shadowStrategy,
	startFlagger,
	type BlueGreenOptions,
	type FlaggerState,
} from '@sim/deployment/strategies.model';
import { compareStrategies } from '@sim/deployment/rollout.model';
import { summariseTick } from '@sim/deployment/deployment.service';
import {
	blastRadius,
	createTrafficConfig,
	nearestRankPercentile,
	simulateTick,
	trafficRng,
	windowStats,
} from '@sim/deployment/traffic.model';

const run = { seed: 7, candidate: 'broken' as const, ticks: 12, requestsPerTick: 100 };

describe('traffic world', () => {
	const config = createTrafficConfig({
		seed: 1,
		candidate: 'broken',
		requestsPerTick: 1000,
		labelDelayTicks: 2,
	});
	test('the same seed and tick give the same users whatever the weight', () => {
		const a = simulateTick(config, { candidatePercent: 0 }, 3, createRng(1));
		const b = simulateTick(config, { candidatePercent: 30 }, 3, createRng(1));
		expect(a.stable.served).toBe(1000);
		expect(b.stable.served + b.candidate.served).toBe(1000);
		expect(b.candidate.served).toBeGreaterThan(250);
		expect(b.candidate.served).toBeLessThan(350);
		// The broken model fails about a quarter of what it serves.
		expect(b.candidate.errors / b.candidate.served).toBeGreaterThan(0.18);
		expect(b.candidate.errors / b.candidate.served).toBeLessThan(0.32);
		// The same users: the requests stable answered in b are the ones a answered, minus the
		// candidate's.
		const inB = [...b.stable.userIds, ...b.candidate.userIds].sort((x, y) => x - y);
		expect(inB).toEqual([...a.stable.userIds].sort((x, y) => x - y));
	});
	test('blast radius counts people as well as requests', () => {
		const ticks = [0, 1, 2, 3].map((i) =>
			simulateTick(config, { candidatePercent: 50 }, i, createRng(1)),
		);
		const radius = blastRadius(ticks);
		expect(radius.servedByCandidate).toBe(ticks.reduce((n, t) => n + t.candidate.served, 0));
		expect(radius.usersOfCandidate).toBeLessThan(radius.servedByCandidate);
		expect(radius.usersOfCandidate).toBe(new Set(ticks.flatMap((t) => t.candidate.userIds)).size);
		expect(radius.usersFailedByCandidate).toBeLessThanOrEqual(radius.failedByCandidate);
	});
	test('mirrored copies are answered by the candidate but never reach users', () => {
		const t = simulateTick(config, { candidatePercent: 0, mirrorPercent: 100 }, 0, createRng(1));
		expect(t.stable.served).toBe(1000);
		expect(t.candidate.served).toBe(0);
		expect(t.shadow.served).toBe(1000);
	});
	test('labels arrive late: accuracy waits labelDelayTicks', () => {
		const ticks = [0, 1, 2].map((i) =>
			simulateTick(config, { candidatePercent: 0 }, i, createRng(1)),
		);
		expect(windowStats(ticks, 'stable', 0, 1, 2).labelled).toBe(0);
		expect(Number.isNaN(windowStats(ticks, 'stable', 0, 1, 2).accuracy)).toBe(true);
		const later = windowStats(ticks, 'stable', 0, 2, 2);
		expect(later.labelled).toBe(ticks[0]!.stable.predictions);
		expect(later.accuracy).toBeGreaterThan(0.6);
	});
	test('a tick summary counts accuracy over every earlier tick whose labels have arrived', () => {
		const ticks = [0, 1, 2, 3].map((i) =>
			simulateTick(config, { candidatePercent: 0 }, i, createRng(1)),
		);
		// Tick 3 ends with the labels of ticks 0 and 1 (two ticks late); tick 3's own figures
		// are its traffic alone.
		const summary = summariseTick(ticks, 10_000, 2);
		const arrived = ticks.slice(0, 2).map((t) => t.stable);
		const correct = arrived.reduce((n, v) => n + v.correct, 0);
		const predictions = arrived.reduce((n, v) => n + v.predictions, 0);
		expect(summary.stable.accuracy).toBe(correct / predictions);
		expect(summary.stable.served).toBe(ticks[3]!.stable.served);
		expect(Number.isNaN(summariseTick(ticks.slice(0, 2), 10_000, 2).stable.accuracy)).toBe(true);
	});
	test('per-version quality as labels arrive, error rate and latency (golden, seed 5)', () => {
		const figures = (candidate: 'good' | 'slow') => {
			const c = createTrafficConfig({ seed: 5, candidate, requestsPerTick: 1000 });
			const rng = trafficRng(5);
			const ticks = Array.from({ length: 20 }, (_, i) =>
				simulateTick(c, { candidatePercent: 50 }, i, rng),
			);
			const [s, k] = [
				windowStats(ticks, 'stable', 0, 19, 3),
				windowStats(ticks, 'candidate', 0, 19, 3),
			];
			return [s.accuracy, k.accuracy, k.successRate, k.latencyP99Ms].map((v) =>
				Number(v.toFixed(4)),
			);
		};
		// The good candidate knows the interaction stable misses: slightly more accurate.
		expect(figures('good')).toMatchInlineSnapshot(`
			[
			  0.8213,
			  0.8273,
			  0.9977,
			  183.2885,
			]
		`);
		// The slow one is as accurate, three times slower.
		expect(figures('slow')).toMatchInlineSnapshot(`
			[
			  0.8213,
			  0.8273,
			  0.9977,
			  549.8655,
			]
		`);
	});
	test('nearest-rank percentile', () => {
		expect(nearestRankPercentile([5, 1, 4, 2, 3], 50)).toBe(3);
		expect(nearestRankPercentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 99)).toBe(10);
		expect(Number.isNaN(nearestRankPercentile([], 99))).toBe(true);
	});
});

describe('strategies', () => {
	test('recreate: downtime while the new pods start, then everything on the candidate', () => {
		const r = runStrategy(recreateStrategy(2, 3), run);
		expect(r.frames.map((f) => f.decision.phase).slice(0, 6)).toEqual([
			'Stable',
			'Stable',
			'Recreating (down)',
			'Recreating (down)',
			'Recreating (down)',
			'Switched',
		]);
		expect(r.blastRadius.dropped).toBe(300);
		expect(r.blastRadius.servedByCandidate).toBe(700);
	});
	test('shadow: the broken candidate answers every request and harms no user', () => {
		const r = runStrategy(shadowStrategy(0), run);
		expect(r.blastRadius).toMatchObject({
			servedByCandidate: 0,
			failedByCandidate: 0,
			mirrored: 1200,
		});
	});
	// Blue/green of the broken candidate, deployed on the first tick.
	const blueGreen = (options: Omit<BlueGreenOptions, 'deployTick'>) =>
		runStrategy(blueGreenStrategy({ deployTick: 0, ...options }), run);
	const candidatePercents = (r: ReturnType<typeof blueGreen>) =>
		r.frames.map((f) => f.decision.split.candidatePercent);
	test('blue/green: preview, switch, failed post-promotion analysis, instant switch back', () => {
		const r = blueGreen({
			previewTicks: 2,
			postPromotionTicks: 3,
			minSuccessRate: 0.98,
			startupTicks: 2,
		});
		expect(candidatePercents(r)).toEqual([0, 0, 100, 100, 100, 0, 0, 0, 0, 0, 0, 0]);
		expect(r.blastRadius.servedByCandidate).toBe(300);
	});
	test('blue/green past scaleDownDelay: switching back waits for old pods to start', () => {
		const r = blueGreen({
			previewTicks: 0,
			postPromotionTicks: 5,
			minSuccessRate: 0.98,
			scaleDownDelayTicks: 3,
			startupTicks: 2,
		});
		expect(candidatePercents(r)).toEqual([100, 100, 100, 100, 100, 100, 100, 0, 0, 0, 0, 0]);
	});
	test('blue/green without auto-promotion waits in preview', () => {
		const r = blueGreen({
			previewTicks: 1,
			autoPromotionEnabled: false,
			postPromotionTicks: 1,
			minSuccessRate: 0.9,
			startupTicks: 1,
		});
		expect(new Set(r.frames.map((f) => f.decision.phase))).toEqual(new Set(['Preview']));
	});
});

describe('Flagger', () => {
	const analysis = { stepWeight: 20, maxWeight: 60, threshold: 2 };
	const walk = (checks: boolean[]) => {
		let s: FlaggerState = startFlagger();
		return checks.map((ok) => (s = advanceFlagger(s, analysis, ok)));
	};
	test('threshold defaults to 1 when unset or not positive', () => {
		expect(flaggerThreshold({ stepWeight: 10 })).toBe(1);
		expect(flaggerThreshold({ stepWeight: 10, threshold: 0 })).toBe(1);
		expect(flaggerThreshold({ stepWeight: 10, threshold: 5 })).toBe(5);
	});
	test('passing checks step the weight to maxWeight, then promote, finalise, succeed', () => {
		expect(
			walk([true, true, true, true, true, true]).map((s) => [s.phase, s.canaryWeight]),
		).toEqual([
			['Progressing', 20],
			['Progressing', 40],
			['Progressing', 60],
			['Promoting', 60],
			['Finalising', 60],
			['Succeeded', 0],
		]);
	});
	test('a failed check holds the weight; failures count across the analysis, not in a row', () => {
		expect(
			walk([false, false, true, false, true]).map((s) => [s.phase, s.canaryWeight, s.failedChecks]),
		).toEqual([
			// The first tick runs only the pre-rollout gate, so its check is not counted.
			['Progressing', 20, 0],
			['Progressing', 20, 1],
			['Progressing', 40, 1],
			['Progressing', 40, 2],
			// Threshold 2 reached: rolled back on the next tick whatever the check says.
			['Failed', 0, 2],
		]);
	});
	test('against traffic: the broken candidate is rolled back at its first weight', () => {
		const r = runStrategy(
			flaggerStrategy(0, analysis, { intervalTicks: 2, minSuccessRate: 0.98 }),
			run,
		);
		expect(Math.max(...r.frames.map((f) => f.decision.split.candidatePercent))).toBe(20);
		expect(r.frames.at(-1)?.decision.phase).toBe('Failed');
	});
});

test('blast radius of every strategy on the same broken candidate (golden, seed 42)', () => {
	const rows = compareStrategies({ seed: 42, candidate: 'broken' }).map((r) => [
		r.strategy,
		r.outcome,
		r.blastRadius.servedByCandidate,
		r.blastRadius.failedByCandidate,
		r.blastRadius.dropped,
	]);
	expect(rows).toMatchInlineSnapshot(`
		[
		  [
		    "recreate",
		    "Switched",
		    5600,
		    1346,
		    400,
		  ],
		  [
		    "rolling",
		    "Complete",
		    5445,
		    1308,
		    0,
		  ],
		  [
		    "blueGreen",
		    "Rolled back",
		    600,
		    157,
		    0,
		  ],
		  [
		    "canary",
		    "Degraded",
		    109,
		    30,
		    0,
		  ],
		  [
		    "flagger",
		    "Failed",
		    341,
		    96,
		    0,
		  ],
		  [
		    "shadow",
		    "Shadowing",
		    0,
		    0,
		    0,
		  ],
		]
	`);
	const failed = Object.fromEntries(rows.map((r) => [r[0], r[3] as number]));
	// Shadow harms nobody; canary and Flagger far fewer than recreate, rolling or blue/green.
	expect(failed['shadow']).toBe(0);
	expect(failed['canary']).toBeLessThan(failed['blueGreen']! / 2);
	expect(failed['flagger']).toBeLessThan(failed['rolling']! / 2);
	expect(failed['recreate']).toBeGreaterThan(failed['rolling']!);
});
