/**
 * Drift-lab benchmark (issue 5). Figures, not pass/fail; targets are printed beside them.
 *  1. A 365-day monitoring run computed in Node: 500 records a day through the default model,
 *     every feature tested with every test (KS, normed Wasserstein and PSI for numbers;
 *     chi-square, Jensen–Shannon and PSI for categories) on one-day windows of 500 rows, plus
 *     the CBPE estimate and the serving metrics. Run twice; the second (warm) run is the figure.
 *  2. Main-thread tasks over 50 ms while the lab streams in headless Chromium at top speed.
 *
 * Usage: npm run bench:drift [-- --no-build]
 */
import { execSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { importTs } from '../scripts/import-ts.mjs';
import { serveDist } from '../scripts/serve-dist.mjs';
import { chromiumFlags, findOrInstallChromium } from '../scripts/find-chromium.mjs';
import { labHydrated, longTasksReport, playLab, recordLongTasks } from './long-tasks.mjs';

const args = new Set(process.argv.slice(2));

// 1. The Node run, bundled from the TypeScript sources.
{
	const { runDriftStream, defaultStreamConfig, createWorld, generateDay, createRng } =
		await importTs({
			exports: {
				'simulations/monitoring/stream.model': ['runDriftStream', 'defaultStreamConfig'],
				'simulations/world/world.model': ['createWorld', 'generateDay'],
				'simulations/shared/rng': ['createRng'],
			},
		});
	const config = { ...defaultStreamConfig, windowDays: 1, recordsPerDay: 500 };
	const timings = [];
	let results = [];
	for (let repeat = 0; repeat < 2; repeat++) {
		const start = performance.now();
		results = runDriftStream(config, 365);
		timings.push(performance.now() - start);
	}
	const tests = results.reduce(
		(n, day) => n + day.features.reduce((m, f) => m + Object.keys(f.tests).length, 0),
		0,
	);
	console.log('365-day monitoring run in Node (11 features × 3 tests, windows of 500 rows)');
	console.log(`  first run (cold, includes reference and model): ${timings[0].toFixed(0)} ms`);
	console.log(`  second run (warm): ${timings[1].toFixed(0)} ms (target < 1000 ms)`);
	console.log(`  drift tests computed per run: ${tests.toLocaleString('en')}`);
	// The floor set by the shared world: generating the same 365 days and nothing else.
	const world = createWorld({ recordsPerDay: 500 });
	const rng = createRng(config.seed).split('production');
	const generationStart = performance.now();
	for (let day = 1; day <= 365; day++) generateDay(world, day, {}, rng);
	console.log(
		`  of which generating the 182,500 records alone takes: ${(performance.now() - generationStart).toFixed(0)} ms`,
	);
}

// 2. Long main-thread tasks while the lab streams in Chromium.
{
	if (!args.has('--no-build')) execSync('npm run build', { stdio: 'inherit' });
	const server = await serveDist({ dir: 'dist', precompress: true });
	const browser = await chromium.launch({
		executablePath: findOrInstallChromium(),
		args: chromiumFlags,
	});
	for (const [name, query] of [
		['one-day windows, 365 days', '?preset=false-alarms'],
		['14-day windows (7,000 rows), 30 days', '?preset=tiny-shift'],
	]) {
		const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		await recordLongTasks(page);
		await page.goto(`${server.url}/labs/drift/${query}`, { waitUntil: 'networkidle' });
		await labHydrated(page);
		const startMs = await playLab(page, '8', 'Stream days');
		await page.waitForTimeout(15_000);
		const status = await page.evaluate(
			() => document.querySelector('.lab .status')?.textContent ?? '',
		);
		console.log(`\nMain thread while the lab streams for 15 s at 8× (${name})`);
		console.log(`  status at the end: ${status.trim()}`);
		console.log(await longTasksReport(page, startMs));
		await page.close();
	}
	await browser.close();
	await server.close();
}
