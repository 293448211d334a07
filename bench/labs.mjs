/**
 * Lab benchmark (issue 4). Builds the site, serves dist/ with gzip and, in headless Chromium:
 *  1. bytes of JS (gzip) loaded before each lab (training, drift, deployment) scrolls into view, and after,
 *     and whether a lab's chunks hold another lab's code;
 *  2. main-thread tasks over 50 ms during a 10-second training run (the worker trains), and
 *     during a deployment rollout with the strategy comparison (the worker simulates traffic),
 *     the latter also by CPU time (a loaded machine stretches tasks' wall time), on a first
 *     visit (the offline precache runs beside it) and on a return visit;
 *  3. samples trained per second by the tfjs model and by a plain typed-array implementation
 *     of the same logistic regression, in the same page (main thread), and their ratio, measured
 *     as `npm run bench:backends` measures its "logistic 32 cpu written" row (labs-entry.ts);
 *  4. tfjs tensors alive after 10 and after 1,000 training steps.
 * Figures, not pass/fail; targets are printed beside them.
 *
 * Usage: npm run bench:labs [-- --no-build] [-- --lab <name>]
 * `--lab training|drift|deployment|continuous-training` runs only the figures of that lab (for
 * repeated runs while working on it); the tfjs figures (3, 4) belong to the training lab.
 * `--dist <dir>` serves another build than dist/ (to alternate runs of two builds).
 */
import { execSync } from 'node:child_process';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { serveDist } from '../scripts/serve-dist.mjs';
import { chromiumFlags, findOrInstallChromium } from '../scripts/find-chromium.mjs';
import {
	cpuTasksReport,
	labHydrated,
	longTasksReport,
	pageNow,
	playLab,
	recordLongTasks,
	traceMainThreadTasks,
} from './long-tasks.mjs';

const argv = process.argv.slice(2);
const args = new Set(argv);
const onlyLab = argv.includes('--lab') ? argv[argv.indexOf('--lab') + 1] : null;
/** Whether to measure the figures of `lab` (all of them without `--lab`). */
const wanted = (lab) => onlyLab === null || onlyLab === lab;
const distDir = argv.includes('--dist') ? argv[argv.indexOf('--dist') + 1] : 'dist';
if (!args.has('--no-build')) execSync('npm run build', { stdio: 'inherit' });

const chromiumPath = findOrInstallChromium();
const server = await serveDist({ dir: distDir, precompress: true });
const browser = await chromium.launch({
	executablePath: chromiumPath,
	args: chromiumFlags,
});
const kib = (bytes) => (bytes / 1024).toFixed(1);
const labUrl = `${server.url}/labs/training/`;

// 1. JS before and after each lab scrolls into view, and whether a lab's chunks hold another
// lab's code. A 240-px-high viewport keeps the lab below the fold. Each lab's machine has event
// names no other lab uses; finding one in a page's scripts means the other lab's code shipped.
const labMarkers = {
	training: ['training.configure', 'trainer.epochCompleted'],
	drift: ['stream.configure', 'clock.dayComputed', 'alert.acknowledge'],
	'continuous-training': ['policy.configure', 'run.select', 'run.request'],
	deployment: ['deployment.configure', 'clock.tickComputed', 'rollout.promoteFull'],
};
// Event names every lab on the kit's clock shares: not a sign of another lab's code.
const kitEvents = new Set(['clock.dayComputed']);
for (const [lab, playLabel, statusText] of [
	['training', 'Train', /epoch 2 of/],
	['drift', 'Stream days', /Day 2 of/],
	['deployment', 'Deploy v2', /0:20/],
].filter(([lab]) => wanted(lab))) {
	const context = await browser.newContext({ viewport: { width: 1280, height: 240 } });
	const page = await context.newPage();
	let jsBytes = 0;
	const scripts = [];
	page.on('response', async (response) => {
		if (response.request().resourceType() === 'script') {
			jsBytes += Number(response.headers()['content-length'] ?? 0);
			scripts.push(response);
		}
	});
	await page.goto(`${server.url}/labs/${lab}/`, { waitUntil: 'networkidle' });
	const before = jsBytes;
	const hydratedEarly = await page.locator('astro-island:not([ssr])').count();
	await page.locator('.lab').scrollIntoViewIfNeeded();
	await page.locator('astro-island:not([ssr])').waitFor({ state: 'attached' });
	await page.waitForLoadState('networkidle');
	const visible = jsBytes;
	const bodies = await Promise.all(scripts.map((r) => r.text().catch(() => '')));
	const foreign = Object.entries(labMarkers)
		.filter(([other]) => other !== lab)
		.flatMap(([, markers]) =>
			markers.filter((m) => !kitEvents.has(m) && bodies.some((b) => b.includes(m))),
		);
	console.log(`\nJavaScript loaded (gzip), ${lab} lab`);
	console.log(
		`  before the lab scrolls into view: ${kib(before)} KiB (target ≤ 50 KiB; island hydrated early: ${hydratedEarly > 0 ? 'yes' : 'no'})`,
	);
	console.log(
		`  lab JS once visible: ${kib(visible - before)} KiB (target ≤ 60 KiB); page total ${kib(visible)} KiB`,
	);
	console.log(
		`  another lab's code in its chunks: ${foreign.length === 0 ? 'none' : foreign.join(', ')} (target: none)`,
	);
	await page.getByRole('button', { name: playLabel, exact: true }).click();
	await page.waitForFunction(
		(pattern) =>
			new RegExp(pattern).test(document.querySelector('.lab .status')?.textContent ?? ''),
		statusText.source,
		{ timeout: 60_000 },
	);
	await page.waitForLoadState('networkidle');
	console.log(`  after pressing ${playLabel} (adds the lab's worker): ${kib(jsBytes)} KiB`);
	await context.close();
}

// 2. Long main-thread tasks during 10 s of training at full speed.
if (wanted('training')) {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await recordLongTasks(page);
	await page.goto(`${labUrl}?epochs=300&datasetSize=5000&hiddenUnits=16`, {
		waitUntil: 'networkidle',
	});
	await labHydrated(page);
	const startMs = await playLab(page, '4', 'Train');
	await page.waitForTimeout(10_000);
	const epochs = await page.evaluate(
		() =>
			document.querySelectorAll('figure.chart')[0]?.querySelectorAll('details table tbody tr')
				.length ?? 0,
	);
	console.log(
		'\nMain thread during a 10-second training run (MLP 16, 3,000 training rows, speed 4×)',
	);
	console.log(`  epochs trained: ${epochs}`);
	console.log(await longTasksReport(page, startMs));
	await context.close();
}

// 2b. Long main-thread tasks during a deployment rollout of 10,000 requests per 10-second tick
// at top speed, with the blast-radius comparison asked for while it runs (both in the worker).
// Twice: on a first visit, when the offline service worker's precache of the whole site (about
// 6.7 MB, started once the page is idle) runs beside the rollout, and on a return visit, with
// the site already cached — a learner who reads the lab before deploying is the second case.
if (wanted('deployment')) {
	for (const visit of ['first visit', 'return visit']) {
		const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
		const page = await context.newPage();
		const url = `${server.url}/labs/deployment/?preset=good-canary&requestsPerTick=10000`;
		if (visit === 'return visit') {
			await page.goto(url, { waitUntil: 'networkidle' });
			// Ready once the worker is active, which is after its install has cached every file.
			await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		}
		await recordLongTasks(page);
		await page.goto(url, { waitUntil: 'networkidle' });
		await labHydrated(page);
		// Traced too: each task's CPU time, which the load of other work on the machine leaves alone.
		const stopTrace = await traceMainThreadTasks(page);
		const startMs = await playLab(page, '8', 'Deploy v2');
		await page.getByRole('button', { name: 'Compare every strategy', exact: true }).click();
		await page.waitForTimeout(10_000);
		const status = await page.locator('.lab .status').textContent();
		console.log(
			`\nMain thread during a 10-second canary rollout (10,000 requests per tick, speed 8×), ${visit}`,
		);
		console.log(`  status after 10 s: ${status?.trim()}`);
		console.log(await longTasksReport(page, startMs));
		console.log(cpuTasksReport(await stopTrace()));
		await context.close();
	}
}

// 3 and 4. tfjs vs plain typed arrays, and tensor counts, in one blank page.
if (wanted('training')) {
	const bundle = await build({
		entryPoints: ['bench/labs-entry.ts'],
		bundle: true,
		write: false,
		format: 'iife',
		platform: 'browser',
		target: 'es2022',
		logLevel: 'error',
		// The site's `?url` imports of tfjs wasm binaries are Vite's; this page trains on cpu.
		loader: { '.wasm': 'empty' },
	});
	const page = await browser.newPage();
	await page.goto(`${server.url}/404.html`);
	await page.addScriptTag({ content: bundle.outputFiles[0].text });
	const figures = await page.evaluate(() => /** @type {any} */ (globalThis).labBench);
	const ratio = figures.plainSamplesPerSecond / figures.tfjsSamplesPerSecond;
	const fmt = (n) => Math.round(n).toLocaleString('en');
	console.log(
		`\nTraining throughput, logistic regression, batch 32, ${fmt(figures.trainRows)} rows (main thread; as bench:backends measures it)`,
	);
	console.log(`  tfjs (cpu backend):  ${fmt(figures.tfjsSamplesPerSecond)} samples/s`);
	console.log(`  plain typed arrays:  ${fmt(figures.plainSamplesPerSecond)} samples/s`);
	console.log(`  tfjs / plain:        1/${ratio.toFixed(1)} (target: at least 1/10)`);
	console.log('\nTensors alive (after burn-in)');
	console.log(
		`  after 10 steps: ${figures.tensorsAfter10Steps}; after 1,000 steps: ${figures.tensorsAfter1000Steps} (target: equal)`,
	);
	await page.close();
}

// 5. The continuous-training lab (issue 11): JS once visible, other labs' code, the year's
// simulation time in the worker (click to the first day shown, for a preset with about 20
// retrains), and main-thread long tasks while the year plays at 4×.
if (wanted('continuous-training')) {
	const context = await browser.newContext({ viewport: { width: 1280, height: 240 } });
	const page = await context.newPage();
	await recordLongTasks(page);
	let jsBytes = 0;
	const scripts = [];
	page.on('response', (response) => {
		if (response.request().resourceType() === 'script') {
			jsBytes += Number(response.headers()['content-length'] ?? 0);
			scripts.push(response);
		}
	});
	await page.goto(`${server.url}/labs/continuous-training/?preset=harmless-drift&seed=42`, {
		waitUntil: 'networkidle',
	});
	const before = jsBytes;
	await labHydrated(page);
	await page.waitForLoadState('networkidle');
	const visible = jsBytes;
	const bodies = await Promise.all(scripts.map((r) => r.text().catch(() => '')));
	const foreign = Object.entries(labMarkers)
		.filter(([other]) => other !== 'continuous-training')
		.flatMap(([, markers]) => markers.filter((m) => !kitEvents.has(m)))
		.filter((m) => bodies.some((b) => b.includes(m)));
	console.log(
		'\nContinuous-training lab (preset harmless-drift: a drift trigger, cooldown 14 days)',
	);
	console.log(`  JS before the lab scrolls into view: ${kib(before)} KiB (target ≤ 50 KiB)`);
	console.log(`  lab JS once visible: ${kib(visible - before)} KiB (target ≤ 60 KiB)`);
	console.log(
		`  another lab's code in its chunks: ${foreign.length === 0 ? 'none' : foreign.join(', ')} (target: none)`,
	);
	const startMs = await playLab(page, '4', 'Run the year');
	await page.waitForFunction(
		() => /Day \d+ of/.test(document.querySelector('.lab .status')?.textContent ?? ''),
		undefined,
		{ timeout: 60_000 },
	);
	const firstDayMs = (await pageNow(page)) - startMs;
	await page.waitForFunction(
		() => document.querySelector('.lab .status')?.textContent?.includes('Finished') ?? false,
		undefined,
		{ timeout: 120_000 },
	);
	const yearMs = (await pageNow(page)) - startMs;
	const runs = await page.locator('[data-testid="policy-a"] .run-button').count();
	console.log(
		`  the year simulated in the worker (click to day 1 shown, ${runs} retrains of policy A plus policy B): ${(firstDayMs / 1000).toFixed(2)} s (target < 5 s)`,
	);
	console.log(`  the whole year played at 4× (15 ms a day): ${(yearMs / 1000).toFixed(1)} s`);
	console.log(await longTasksReport(page, startMs, 'main-thread tasks over 50 ms while it played'));
	await context.close();
}

await browser.close();
await server.close();
