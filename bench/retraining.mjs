/**
 * Continuous-training benchmark (issue 11). Figures, not pass/fail; targets are printed beside
 * them. A simulated year of 500 records a day with 24 retrains (a schedule every 15 days on the
 * sudden-shift world), run in Node:
 *  1. with the headless typed-array trainer (the default), twice; the second (warm) run counts;
 *  2. with the training lab's tfjs model (8-unit MLP, full-batch steps, warm starts), printing
 *     the live tensor count before and after, which must not grow across retrains;
 *  3. the three-level maturity comparison (three years);
 *  4. in headless Chromium, in a Web Worker running the lab's own year service: the time to open
 *     a year (the click-to-first-day wait the learner sees) for the harmless-drift preset (a drift
 *     trigger, policy B beside it) and for the 24-retrain schedule alone, then the whole year
 *     streamed with every training step of policy A replayed with TensorFlow.js, with the live
 *     tensor count after each replay (flat means no leak).
 * The machine's load is printed first: on shared 2-core machines it decides the wall times.
 *
 * Usage: node bench/retraining.mjs [--browser-only | --node-only]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { serveDist } from '../scripts/serve-dist.mjs';
import { chromiumFlags, findOrInstallChromium } from '../scripts/find-chromium.mjs';
import { runInPageWorker } from '../scripts/page-worker.mjs';
import { importTs } from '../scripts/import-ts.mjs';

const args = new Set(process.argv.slice(2));

// With tfjs inside: one copy of its ES-module builds, so the cpu backend and the gradients
// register on the engine the model uses (see importTs).
const {
	simulateContinuousTraining,
	compareMaturityLevels,
	tfjsTrainer,
	tf,
	useCpuBackend,
	retrainingPresets,
} = await importTs({
	exports: {
		'simulations/retraining/retraining.model': ['simulateContinuousTraining'],
		'simulations/retraining/maturity.model': ['compareMaturityLevels'],
		'simulations/retraining/retraining.tfjs-trainer': ['tfjsTrainer'],
		'simulations/shared/tf-backend': ['tf', 'useCpuBackend'],
		'simulations/retraining/retraining.presets': ['retrainingPresets'],
	},
	tfjs: { cacheName: 'bench-retraining' },
});

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
if (!args.has('--browser-only')) {
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
if (!args.has('--browser-only')) {
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
if (!args.has('--browser-only')) {
	const { value, wallMs, cpuMs } = timed(() => compareMaturityLevels());
	console.log('\nMaturity comparison (three years, maturity-year scenario)');
	console.log(`  ${wallMs.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU`);
	for (const o of value) {
		console.log(
			`  ${o.label}: detect ${o.meanTimeToDetectDays} d, recover ${o.meanTimeToRecoverDays} d, accuracy lost ${o.accuracyLost.toFixed(1)} accuracy-days, incidents ${o.incidents.length}, runs ${o.runs}`,
		);
	}
}

// 4. Chromium, in a worker, on the lab's year service (the page's own protocol).
if (!args.has('--node-only')) {
	const worker = await build({
		stdin: {
			contents: `
				import { createYearHandler } from './simulations/retraining/ct-lab.service';
				import { findRetrainingPreset } from './simulations/retraining/retraining.presets';
				let handler = null;
				let waiting = null;
				self.onmessage = (event) => {
					const { policies, days, replays: withReplays } = event.data;
					const started = performance.now();
					let opened = null;
					const replays = [];
					handler = createYearHandler(on, withReplays ? {} : { replay: null });
					function on(reply) {
						if (reply.type === 'error') return self.postMessage({ error: reply.message });
						if (reply.result.day === 1) opened = performance.now() - started;
						replays.push(...reply.result.replays);
						if (reply.result.day === days)
							self.postMessage({ openMs: opened, totalMs: performance.now() - started, replays });
					}
					handler.handle({ type: 'open', policies });
					for (let d = 1; d <= days; d++) handler.handle({ type: 'day', day: d });
				};`,
			resolveDir: process.cwd(),
			loader: 'ts',
		},
		bundle: true,
		write: false,
		format: 'iife',
		platform: 'browser',
		mainFields: ['module', 'main'],
		target: 'es2022',
		logLevel: 'error',
		loader: { '.wasm': 'empty' },
	});
	const code = worker.outputFiles[0].text;
	const scratch = mkdtempSync(join(tmpdir(), 'bench-retraining-'));
	writeFileSync(join(scratch, 'index.html'), '<!doctype html><title>bench</title>');
	const server = await serveDist({ dir: scratch });
	const browser = await chromium.launch({
		executablePath: findOrInstallChromium(),
		args: chromiumFlags,
	});
	const drift = retrainingPresets.find((p) => p.id === 'harmless-drift');
	const cases = [
		[
			'harmless-drift preset (drift trigger, cooldown 14 d) with policy B',
			{ a: drift.params.config, b: drift.params.compareWith },
		],
		['harmless-drift preset, policy A alone', { a: drift.params.config, b: null }],
		['schedule every 15 days (24 runs), alone', { a: config, b: null }],
	];
	console.log(
		"\nChromium (headless), the lab's year service in a Web Worker (days asked back to back)",
	);
	const inWorker = (policies, replays) =>
		runInPageWorker(browser, `${server.url}/`, code, {
			policies,
			days: policies.a.days,
			replays,
		});
	for (const [label, policies] of cases) {
		console.log(`  ${label}`);
		const year = await inWorker(policies, false);
		if (year.error) {
			console.log(`    failed: ${year.error}`);
			continue;
		}
		console.log(
			`    open to day 1: ${year.openMs.toFixed(0)} ms; the whole year: ${(year.totalMs / 1000).toFixed(2)} s (target < 5 s)`,
		);
		const replayed = await inWorker(policies, true);
		const r = replayed.replays;
		const wall = r.reduce((s, x) => s + x.wallMs, 0);
		const gaps = r
			.filter((x) => x.referenceValidationAccuracy !== null)
			.map((x) => Math.abs(x.validationAccuracy - x.referenceValidationAccuracy) * 100);
		console.log(
			`    with policy A's ${r.length} training steps replayed in tfjs: ${(replayed.totalMs / 1000).toFixed(2)} s (replays ${(wall / 1000).toFixed(2)} s, ${r.length ? (wall / r.length).toFixed(0) : 0} ms each; at 60 ms a day the year plays in ~22 s)`,
		);
		if (r.length)
			console.log(
				`    tensors before/after each replay: ${[...new Set(r.map((x) => `${x.tensorsBefore}/${x.tensorsAfter}`))].join(', ')} (target: equal); largest validation-accuracy gap to the reference: ${Math.max(...gaps).toFixed(2)} points`,
			);
	}
	await browser.close();
	await server.close();
	rmSync(scratch, { recursive: true, force: true });
}
console.log(
	`\nload average at the end (1, 5, 15 min): ${loadavg()
		.map((x) => x.toFixed(2))
		.join(', ')}`,
);
