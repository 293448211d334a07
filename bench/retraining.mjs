/**
 * Continuous-training benchmark (issue 11). Figures, not pass/fail; targets are printed beside
 * them. A simulated year of 500 records a day with 24 retrains (a schedule every 15 days on the
 * sudden-shift world), run in Node:
 *  1. with the headless typed-array trainer (the default), twice; the second (warm) run counts;
 *  2. with the training lab's tfjs model (8-unit MLP, full-batch steps, warm starts), printing
 *     the live tensor count before and after, which must not grow across retrains;
 *  3. the three-level maturity comparison (three years).
 * The machine's load is printed first: on shared 2-core machines it decides the wall times.
 *
 * Usage: node bench/retraining.mjs
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { build } from 'esbuild';

const bundle = await build({
	stdin: {
		contents:
			"export { simulateContinuousTraining } from './simulations/retraining/retraining.model';\n" +
			"export { compareMaturityLevels } from './simulations/retraining/maturity.model';\n" +
			"export { tfjsTrainer } from './simulations/retraining/retraining.tfjs-trainer';\n" +
			"export { tf, useCpuBackend } from './simulations/shared/tf-backend';",
		resolveDir: process.cwd(),
		loader: 'ts',
	},
	bundle: true,
	write: false,
	format: 'esm',
	platform: 'node',
	target: 'node22',
	logLevel: 'error',
	// The site's `?url` imports of the wasm binaries are Vite's; the cpu backend never needs them.
	loader: { '.wasm': 'empty' },
	// One copy of tfjs (its ES module builds, as the site bundles it), so the cpu backend and the
	// gradients register on the engine the model uses; tfjs's Node platform still calls require().
	mainFields: ['module', 'main'],
	banner: {
		js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
	},
});
// Written to a file (not a data: URL): with tfjs inside, the bundle is large.
mkdirSync('node_modules/.cache', { recursive: true });
const file = 'node_modules/.cache/bench-retraining.mjs';
writeFileSync(file, bundle.outputFiles[0].text);
const { simulateContinuousTraining, compareMaturityLevels, tfjsTrainer, tf, useCpuBackend } =
	await import(`../${file}`);

console.log(
	`load average (1, 5, 15 min): ${loadavg()
		.map((x) => x.toFixed(2))
		.join(', ')}`,
);

const config = {
	seed: 42,
	scenario: 'sudden-concept',
	days: 365,
	trigger: { kind: 'schedule', everyDays: 15 },
	cooldownDays: 0,
	windowDays: null,
	warmStart: false,
	maturityLevel: 1,
};

function timed(fn) {
	const wall = performance.now();
	const cpu = process.cpuUsage();
	const value = fn();
	const used = process.cpuUsage(cpu);
	return { value, wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 };
}

// 1. The default trainer.
{
	const runs = [
		timed(() => simulateContinuousTraining(config)),
		timed(() => simulateContinuousTraining(config)),
	];
	const { value, wallMs, cpuMs } = runs[1];
	const trained = value.runs.filter((r) => r.rowEpochs > 0).length;
	console.log('\nA year (365 days × 500 records), schedule every 15 days, typed-array trainer');
	console.log(`  first run: ${runs[0].wallMs.toFixed(0)} ms wall`);
	console.log(
		`  second run: ${wallMs.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU (target < 5000 ms)`,
	);
	console.log(
		`  runs: ${value.summary.runs} (${trained} trained; ${value.summary.promoted} promoted, ${value.summary.rejected} rejected, ${value.summary.failed} failed)`,
	);
}

// 2. The tfjs model, with tensor counts.
{
	await useCpuBackend();
	const before = tf.memory().numTensors;
	const { value, wallMs, cpuMs } = timed(() =>
		simulateContinuousTraining({ ...config, warmStart: true }, { train: tfjsTrainer() }),
	);
	const after = tf.memory().numTensors;
	console.log('\nThe same year with the tfjs MLP (full-batch, warm starts)');
	console.log(
		`  ${wallMs.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU; runs: ${value.summary.runs}`,
	);
	console.log(`  tensors before: ${before}, after: ${after} (target: equal)`);
}

// 3. Levels 0, 1 and 2.
{
	const { value, wallMs, cpuMs } = timed(() => compareMaturityLevels());
	console.log('\nMaturity comparison (three years, maturity-year scenario)');
	console.log(`  ${wallMs.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU`);
	for (const o of value) {
		console.log(
			`  ${o.label}: detect ${o.meanTimeToDetectDays} d, recover ${o.meanTimeToRecoverDays} d, accuracy lost ${o.accuracyLost.toFixed(1)} accuracy-days, incidents ${o.incidents.length}, runs ${o.runs}`,
		);
	}
}
