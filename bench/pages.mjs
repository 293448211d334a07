/**
 * Page-weight benchmark. Builds the site, serves dist/ with gzip, loads one page of each type
 * in headless Chromium and prints the bytes transferred, split into HTML, CSS, JS and other,
 * then runs Lighthouse on each and prints its four category scores. Figures, not pass/fail:
 * targets (a lesson ≤ 61 KiB transferred with ≤ 15 KiB JS; Lighthouse 100s) are printed beside.
 *
 * Lighthouse runs the way a standalone `lighthouse` CLI run does: each run gets a fresh browser
 * with a fresh profile (no cache, storage or service worker carried over from the page before),
 * and the preset's whole configuration (the desktop preset's throttling as well as its screen:
 * the node API ignores a `preset` flag). Each page is audited `--runs` times (3 by default) and
 * the median of each figure is printed, with the spread of the performance score and the load
 * average when the page's runs began: simulated throttling multiplies the real main-thread time,
 * so a busy machine costs points that a quiet one does not (which is also why the browser's own
 * UI pages are turned off, see lighthouseChromeFlags).
 *
 * Usage: npm run bench:pages [-- --no-build] [-- --no-lighthouse] [-- --mobile | --both]
 *        [-- --runs 3] [-- --pages lab] (only pages whose name or path contains "lab")
 *        [-- --detail] (the median run's long tasks and layout shifts, to trace a lost point)
 *        [-- --dir path] (serve another build than dist/, e.g. a copy of the build before a change,
 *        so before and after can be measured alternately under the same load)
 */
import { execSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { serveDist } from '../scripts/serve-dist.mjs';
import { chromiumFlags, findOrInstallChromium } from '../scripts/find-chromium.mjs';

const argv = process.argv.slice(2);
const args = new Set(argv);
/** The value after `name` on the command line (`--runs 5`), or undefined. */
const optionValue = (name) => {
	const i = argv.indexOf(name);
	return i >= 0 ? argv[i + 1] : undefined;
};
const runs = Math.max(1, Number(optionValue('--runs') ?? 3));
if (!args.has('--no-build') && !optionValue('--dir'))
	execSync('npm run build', { stdio: 'inherit' });

const only = optionValue('--pages');
const allPageTypes = [
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
const pageTypes = allPageTypes.filter(
	([name, path]) => !only || name.includes(only) || path.includes(only),
);

const chromiumPath = findOrInstallChromium();
const server = await serveDist({ dir: optionValue('--dir') ?? 'dist', precompress: true });
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
	const presets = args.has('--both')
		? ['desktop', 'mobile']
		: [args.has('--mobile') ? 'mobile' : 'desktop'];
	const audited = rows.filter(
		([n]) =>
			['home', 'lesson', 'glossary', 'lessons index'].includes(n) ||
			n.startsWith('lab') ||
			n === 'assessment',
	);
	for (const preset of presets) {
		await lighthouseTable(preset, audited);
	}
}
await server.close();

/** The median of `values` (the middle one, or the mean of the middle two). */
function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * chrome-launcher's flags plus ours, with one `--disable-features` list: Chromium keeps only
 * the last such switch, so ours carries chrome-launcher's own list as well.
 */
function lighthouseChromeFlags(launcher) {
	// Browser-UI pages that Chromium (156 here) starts even when headless: the omnibox popup's
	// WebUI renderer (chrome://omnibox-popup.top-chrome/) burned about 1.2 s of CPU in the 8 s
	// after each launch, beside the page under test on a 2-core machine, and Lighthouse multiplies
	// the page's main-thread time by four on mobile. Turned off, the page's own work is measured.
	const browserUiFeatures = [
		'WebUIOmniboxPopup',
		'WebUIOmniboxAimPopup',
		'WebUIOmniboxFullPopup',
		'PreloadTopChromeWebUI',
	];
	const prefix = '--disable-features=';
	const launcherOff = launcher.Launcher.defaultFlags()
		.filter((flag) => flag.startsWith(prefix))
		.flatMap((flag) => flag.slice(prefix.length).split(','));
	return [...chromiumFlags, `${prefix}${[...launcherOff, ...browserUiFeatures].join(',')}`];
}

/** One Lighthouse run of `url` with `preset`, in a browser started for it alone. */
async function lighthouseRun(url, preset) {
	const { default: lighthouse } = await import('lighthouse');
	const chromeLauncher = await import('chrome-launcher');
	// chrome-launcher gives every launch a new temporary profile, as the CLI does.
	const chrome = await chromeLauncher.launch({
		chromePath: chromiumPath,
		chromeFlags: lighthouseChromeFlags(chromeLauncher),
	});
	try {
		const config =
			preset === 'desktop'
				? (await import('lighthouse/core/config/desktop-config.js')).default
				: undefined;
		const result = await lighthouse(
			url,
			{ port: chrome.port, output: 'json', logLevel: 'error' },
			config,
		);
		if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
		return result.lhr;
	} finally {
		chrome.kill();
	}
}

/** Audits each of `pages` `runs` times with `preset` and prints the medians, one page a row. */
async function lighthouseTable(preset, pages) {
	console.log(
		`\nLighthouse (${preset} preset), median of ${runs} run(s) per page, a fresh browser each`,
	);
	console.log(
		'page type        | perf (range) | a11y | bp  | SEO | FCP ms | LCP ms | TBT ms | CLS   | load avg',
	);
	const pad = (value, width) => String(value).padStart(width);
	for (const [name, path] of pages) {
		const load = loadavg()[0].toFixed(1);
		const lhrs = [];
		for (let i = 0; i < runs; i += 1) lhrs.push(await lighthouseRun(server.url + path, preset));
		const score = (lhr, k) => Math.round((lhr.categories[k]?.score ?? 0) * 100);
		const metric = (lhr, id) => lhr.audits[id]?.numericValue ?? 0;
		const med = (f) => median(lhrs.map(f));
		const perfs = lhrs.map((l) => score(l, 'performance'));
		console.log(
			[
				name.padEnd(16),
				`${pad(
					med((l) => score(l, 'performance')),
					4,
				)} (${pad(Math.min(...perfs), 3)}–${pad(Math.max(...perfs), 3)})`,
				pad(
					med((l) => score(l, 'accessibility')),
					4,
				),
				pad(
					med((l) => score(l, 'best-practices')),
					3,
				),
				pad(
					med((l) => score(l, 'seo')),
					3,
				),
				pad(Math.round(med((l) => metric(l, 'first-contentful-paint'))), 6),
				pad(Math.round(med((l) => metric(l, 'largest-contentful-paint'))), 6),
				pad(Math.round(med((l) => metric(l, 'total-blocking-time'))), 6),
				med((l) => metric(l, 'cumulative-layout-shift')).toFixed(3),
				`${load}`,
			].join(' | '),
		);
		// The run whose performance score is the median one, for the details below.
		const typical = [...lhrs].sort((a, b) => score(a, 'performance') - score(b, 'performance'))[
			Math.floor(lhrs.length / 2)
		];
		const failing = Object.values(typical.audits).filter(
			(a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary',
		);
		if (failing.length > 0) console.log(`  not passing: ${failing.map((a) => a.id).join(', ')}`);
		if (args.has('--detail')) printDetail(typical);
	}
}

/** The long tasks (as Lighthouse simulates them) and layout shifts of one run. */
function printDetail(lhr) {
	const short = (url) => (url ?? '').replace(server.url, '');
	const tasks = lhr.audits['long-tasks']?.details?.items ?? [];
	console.log(
		`  long tasks: ${tasks.map((t) => `${Math.round(t.duration)} ms @${Math.round(t.startTime)} ${short(t.url)}`).join('; ') || 'none'}`,
	);
	const shifts = lhr.audits['layout-shifts']?.details?.items ?? [];
	for (const shift of shifts) {
		// Lighthouse names a likely cause when it finds one (an unsized image, a web font…).
		const causes = (shift.subItems?.items ?? []).map((c) => c.cause).filter(Boolean);
		console.log(
			`  layout shift ${shift.score.toFixed(3)}: ${shift.node?.selector ?? '(unknown element)'}${causes.length ? ` (${causes.join('; ')})` : ''}`,
		);
	}
}
