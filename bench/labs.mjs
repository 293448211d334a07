/**
 * Lab benchmark (issue 4). Builds the site, serves dist/ with gzip and, in headless Chromium:
 *  1. bytes of JS (gzip) loaded before the training lab scrolls into view, and after;
 *  2. main-thread tasks over 50 ms during a 10-second training run (the worker trains);
 *  3. samples trained per second by the tfjs model and by a plain typed-array implementation
 *     of the same logistic regression, in the same page, and their ratio;
 *  4. tfjs tensors alive after 10 and after 1,000 training steps.
 * Figures, not pass/fail; targets are printed beside them.
 *
 * Usage: npm run bench:labs [-- --no-build]
 */
import { execSync } from 'node:child_process';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { serveDist } from '../scripts/serve-dist.mjs';
import { chromiumFlags, findOrInstallChromium } from '../scripts/find-chromium.mjs';
import { longTasksSince, pageNow, recordLongTasks } from './long-tasks.mjs';

const args = new Set(process.argv.slice(2));
if (!args.has('--no-build')) execSync('npm run build', { stdio: 'inherit' });

const chromiumPath = findOrInstallChromium();
const server = await serveDist({ dir: 'dist' });
const browser = await chromium.launch({
	executablePath: chromiumPath,
	args: chromiumFlags,
});
const kib = (bytes) => (bytes / 1024).toFixed(1);
const labUrl = `${server.url}/labs/training/`;

// 1. JS before and after the lab scrolls into view. A 240-px-high viewport keeps the lab below the fold.
{
	const context = await browser.newContext({ viewport: { width: 1280, height: 240 } });
	const page = await context.newPage();
	let jsBytes = 0;
	page.on('response', (response) => {
		if (response.request().resourceType() === 'script') {
			jsBytes += Number(response.headers()['content-length'] ?? 0);
		}
	});
	await page.goto(labUrl, { waitUntil: 'networkidle' });
	const before = jsBytes;
	const hydratedEarly = await page.locator('astro-island:not([ssr])').count();
	await page.locator('.lab').scrollIntoViewIfNeeded();
	await page.locator('astro-island:not([ssr])').waitFor({ state: 'attached' });
	await page.waitForLoadState('networkidle');
	console.log('\nJavaScript loaded (gzip)');
	console.log(
		`  before the lab scrolls into view: ${kib(before)} KiB (target ≤ 50 KiB; island hydrated early: ${hydratedEarly > 0 ? 'yes' : 'no'})`,
	);
	console.log(`  after it is visible (lab code, no tfjs yet): ${kib(jsBytes)} KiB`);
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await page.waitForFunction(() =>
		/epoch 2 of/.test(document.querySelector('.lab .status')?.textContent ?? ''),
	);
	await page.waitForLoadState('networkidle');
	console.log(`  after pressing Train (adds the tfjs worker): ${kib(jsBytes)} KiB`);
	await context.close();
}

// 2. Long main-thread tasks during 10 s of training at full speed.
{
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await recordLongTasks(page);
	await page.goto(`${labUrl}?epochs=300&datasetSize=5000&hiddenUnits=16`, {
		waitUntil: 'networkidle',
	});
	await page.locator('.lab').scrollIntoViewIfNeeded();
	await page.locator('astro-island:not([ssr])').waitFor({ state: 'attached' });
	await page.getByLabel('Speed').selectOption('4');
	const startMs = await pageNow(page);
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await page.waitForTimeout(10_000);
	const { tasks, longestMs: longest } = await longTasksSince(page, startMs);
	const epochs = await page.evaluate(
		() =>
			document.querySelectorAll('figure.chart')[0]?.querySelectorAll('details table tbody tr')
				.length ?? 0,
	);
	console.log(
		'\nMain thread during a 10-second training run (MLP 16, 3,000 training rows, speed 4×)',
	);
	console.log(`  epochs trained: ${epochs}`);
	console.log(
		`  tasks over 50 ms: ${tasks.length} (target: none)${tasks.length ? `; longest ${longest.toFixed(0)} ms` : ''}`,
	);
	await context.close();
}

// 3 and 4. tfjs vs plain typed arrays, and tensor counts, in one blank page.
{
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
		'\nTraining throughput, logistic regression, batch 32, 3,000 rows × 5 epochs (main thread)',
	);
	console.log(`  tfjs (cpu backend):  ${fmt(figures.tfjsSamplesPerSecond)} samples/s`);
	console.log(`  plain typed arrays:  ${fmt(figures.plainSamplesPerSecond)} samples/s`);
	console.log(`  ratio plain / tfjs:  ${ratio.toFixed(1)}×`);
	console.log('\nTensors alive (after burn-in)');
	console.log(
		`  after 10 steps: ${figures.tensorsAfter10Steps}; after 1,000 steps: ${figures.tensorsAfter1000Steps} (target: equal)`,
	);
	await page.close();
}

await browser.close();
await server.close();
