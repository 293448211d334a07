/**
 * Deployment-lab benchmark (issue 12). Figures, not pass/fail; targets are printed beside them.
 *  1. A full canary computed in Node: four weights (10, 25, 50, 75 %), each held for a one-minute
 *     pause and then checked by a step analysis (success rate and p99 latency), with 10,000
 *     simulated requests per step (ticks of 10 s, 1,667 requests a tick), on the good candidate so
 *     every step runs. Run three times; the warm runs are the figure.
 *  2. The side-by-side blast-radius comparison (six strategies, 30 ticks of 200 requests).
 * The lab's view does not exist yet, so there is no browser part (main-thread tasks) here.
 *
 * Usage: npm run bench:deployment
 */
import { importTs } from '../scripts/import-ts.mjs';

const { runCanaryRollout, compareStrategies } = await importTs({
	exports: { 'simulations/deployment/rollout.model': ['runCanaryRollout', 'compareStrategies'] },
});

const check = { templates: ['checks'] };
const spec = {
	steps: [10, 25, 50, 75].flatMap((setWeight) => [
		{ setWeight },
		{ pause: { duration: '1m' } },
		{ analysis: check },
	]),
	templates: [
		{
			name: 'checks',
			metrics: [
				{
					name: 'success-rate',
					source: 'successRate',
					lookback: '1m',
					successCondition: { op: '>=', value: 0.98 },
				},
				{
					name: 'latency-p99',
					source: 'latencyP99Ms',
					lookback: '1m',
					successCondition: { op: '<=', value: 250 },
				},
			],
		},
	],
};

const timings = [];
let result;
for (let repeat = 0; repeat < 3; repeat++) {
	const start = performance.now();
	result = runCanaryRollout({
		spec,
		seed: 1,
		candidate: 'good',
		tickMs: 10_000,
		requestsPerTick: 1667,
	});
	timings.push(performance.now() - start);
}
const steps = spec.steps.filter((s) => 'pause' in s).length;
console.log('Full canary in Node (4 weights × [1-minute pause + step analysis], 2 metrics)');
console.log(`  outcome: ${result.final.phase}, ${result.final.message}`);
console.log(
	`  requests simulated: ${result.requests.toLocaleString('en')} (${(result.requests / steps).toLocaleString('en')} per step), ticks: ${result.frames.length}`,
);
console.log(`  first run (cold): ${timings[0].toFixed(0)} ms`);
console.log(
	`  warm runs: ${timings
		.slice(1)
		.map((t) => t.toFixed(0))
		.join(' ms, ')} ms (target < 1000 ms)`,
);

const compareStart = performance.now();
const rows = compareStrategies({ seed: 42, candidate: 'broken' });
console.log(
	`\nBlast radius, six strategies on the broken candidate: ${(performance.now() - compareStart).toFixed(0)} ms`,
);
for (const r of rows) {
	console.log(
		`  ${r.strategy.padEnd(10)} ${r.outcome.padEnd(12)} served by candidate ${String(r.blastRadius.servedByCandidate).padStart(5)}, failed ${String(r.blastRadius.failedByCandidate).padStart(5)}, dropped ${r.blastRadius.dropped}`,
	);
}
