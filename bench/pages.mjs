/**
 * Page-weight benchmark. Builds the site, serves dist/ with gzip, loads one page of each type
 * in headless Chromium and prints the bytes transferred, split into HTML, CSS, JS and other,
 * then runs Lighthouse on each and prints its four category scores. Figures, not pass/fail:
 * targets (a lesson ≤ 61 KiB transferred with ≤ 15 KiB JS; Lighthouse 100s) are printed beside.
 *
 * Usage: npm run bench:pages [-- --no-build] [-- --no-lighthouse]
 */
import { execSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { serveDist } from '../scripts/serve-dist.mjs';
import { chromiumFlags, findOrInstallChromium } from '../scripts/find-chromium.mjs';

const args = new Set(process.argv.slice(2));
if (!args.has('--no-build')) execSync('npm run build', { stdio: 'inherit' });

const pageTypes = [
	['home', '/'],
	['lesson', '/lessons/foundations/01-what-is-mlops/'],
	['lessons index', '/lessons/'],
	['glossary', '/glossary/'],
	['labs index', '/labs/'],
	['lab: training', '/labs/training/'],
	['lab: drift', '/labs/drift/'],
	['lab: CT', '/labs/continuous-training/'],
	['lab: deployment', '/labs/deployment/'],
	['assessment', '/assess/'],
	['teach', '/teach/'],
];

const chromiumPath = findOrInstallChromium();
const server = await serveDist({ dir: 'dist' });
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
const kib = (bytes) => (bytes / 1024).toFixed(1);

console.log('\nBytes transferred on load (gzip), by page type');
console.log('page type        | total KiB | HTML | CSS  | JS   | other | requests');
const rows = [];
for (const [name, path] of pageTypes) {
	const context = await browser.newContext();
	const page = await context.newPage();
	const sizes = { html: 0, css: 0, js: 0, other: 0 };
	let requests = 0;
	page.on('response', async (response) => {
		const type = response.request().resourceType();
		const length = Number(response.headers()['content-length'] ?? 0);
		requests += 1;
		if (type === 'document') sizes.html += length;
		else if (type === 'stylesheet') sizes.css += length;
		else if (type === 'script') sizes.js += length;
		else sizes.other += length;
	});
	const response = await page.goto(server.url + path, { waitUntil: 'networkidle' });
	if (!response || response.status() !== 200) {
		console.log(`${name.padEnd(16)} | (not built yet: ${response?.status()})`);
		await context.close();
		continue;
	}
	await page.waitForTimeout(500);
	const total = sizes.html + sizes.css + sizes.js + sizes.other;
	rows.push([name, path]);
	console.log(
		`${name.padEnd(16)} | ${kib(total).padStart(9)} | ${kib(sizes.html).padStart(4)} | ${kib(sizes.css).padStart(4)} | ${kib(sizes.js).padStart(4)} | ${kib(sizes.other).padStart(5)} | ${requests}`,
	);
	await context.close();
}
console.log('target: lesson ≤ 61 KiB total, ≤ 15 KiB JS (Starlight: 61 KiB, 33 KiB JS)');
await browser.close();

if (!args.has('--no-lighthouse')) {
	const { default: lighthouse } = await import('lighthouse');
	const chromeLauncher = await import('chrome-launcher');
	const chrome = await chromeLauncher.launch({
		chromePath: chromiumPath,
		chromeFlags: chromiumFlags,
	});
	console.log('\nLighthouse (desktop preset)');
	console.log('page type        | perf | a11y | best practices | SEO');
	for (const [name, path] of rows.filter(
		([n]) =>
			['home', 'lesson', 'glossary', 'lessons index'].includes(n) ||
			n.startsWith('lab') ||
			n === 'assessment',
	)) {
		const result = await lighthouse(server.url + path, {
			port: chrome.port,
			output: 'json',
			logLevel: 'error',
			preset: 'desktop',
			formFactor: 'desktop',
			screenEmulation: {
				mobile: false,
				width: 1350,
				height: 940,
				deviceScaleFactor: 1,
				disabled: false,
			},
			throttlingMethod: 'simulate',
		});
		const c = result?.lhr.categories ?? {};
		const score = (k) => String(Math.round((c[k]?.score ?? 0) * 100)).padStart(4);
		console.log(
			`${name.padEnd(16)} | ${score('performance')} | ${score('accessibility')} | ${score('best-practices').padStart(14)} | ${score('seo')}`,
		);
		const audits = result?.lhr.audits ?? {};
		const ms = (id) => `${Math.round(audits[id]?.numericValue ?? 0)} ms`;
		// The metrics behind the performance score, so a drop can be traced to its cause.
		console.log(
			`  FCP ${ms('first-contentful-paint')}, LCP ${ms('largest-contentful-paint')}, TBT ${ms('total-blocking-time')}, SI ${ms('speed-index')}, CLS ${(audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)}`,
		);
		const failing = Object.values(result?.lhr.audits ?? {}).filter(
			(a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary',
		);
		if (failing.length > 0) console.log(`  not passing: ${failing.map((a) => a.id).join(', ')}`);
	}
	chrome.kill();
}
await server.close();
