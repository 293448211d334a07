/**
 * Finds a Chromium for the browser tests, installing one if none is found. Order: the
 * CHROMIUM_PATH environment variable; system packages (/usr/bin/chromium and friends);
 * Playwright's own browser cache. If none exists: on Debian/Ubuntu as root, the distribution's
 * `chromium` package; otherwise Playwright's browser download. Prints what it chose and why.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const systemCandidates = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome',
	'/usr/bin/google-chrome-stable',
	'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
	'/Applications/Chromium.app/Contents/MacOS/Chromium',
];

function playwrightCacheCandidates() {
	const roots = [
		process.env.PLAYWRIGHT_BROWSERS_PATH,
		join(homedir(), '.cache', 'ms-playwright'),
		join(homedir(), 'Library', 'Caches', 'ms-playwright'),
		join(homedir(), 'AppData', 'Local', 'ms-playwright'),
	].filter(Boolean);
	const found = [];
	for (const root of roots) {
		if (!existsSync(root)) continue;
		for (const dir of readdirSync(root)
			.filter((d) => d.startsWith('chromium'))
			.sort()
			.reverse()) {
			for (const rel of [
				'chrome-linux/chrome',
				'chrome-linux64/chrome',
				'chrome-mac/Chromium.app/Contents/MacOS/Chromium',
				'chrome-win/chrome.exe',
				'chrome-headless-shell-linux64/chrome-headless-shell',
			]) {
				found.push(join(root, dir, rel));
			}
		}
	}
	return found;
}

function locate() {
	if (process.env.CHROMIUM_PATH) {
		if (existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
		throw new Error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but no file is there.`);
	}
	return [...systemCandidates, ...playwrightCacheCandidates()].find((p) => existsSync(p));
}

function canAptInstall() {
	return (
		process.platform === 'linux' &&
		typeof process.getuid === 'function' &&
		process.getuid() === 0 &&
		spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0
	);
}

/** Returns the path of a usable Chromium, installing one when needed. */
/**
 * Launch flags for headless Chromium in CI sandboxes and closed networks, shared by the browser
 * tests and the benchmarks: no sandbox (containers), no GPU, nothing fetched in the background.
 */
export const chromiumFlags = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];

export function findOrInstallChromium({ log = console.log } = {}) {
	const existing = locate();
	if (existing) return existing;
	if (canAptInstall()) {
		log('No Chromium found: installing Debian’s chromium package with apt-get (as root)…');
		execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
		execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
	} else {
		log(
			'No Chromium found: downloading Playwright’s Chromium (npx playwright-core install chromium)…',
		);
		execFileSync('npx', ['playwright-core', 'install', 'chromium'], { stdio: 'inherit' });
	}
	const installed = locate();
	if (!installed) {
		throw new Error(
			'Could not find or install Chromium. Install Chromium or Chrome and set CHROMIUM_PATH to its executable.',
		);
	}
	return installed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	try {
		console.log(`Chromium: ${findOrInstallChromium()}`);
	} catch (error) {
		console.error(String(error instanceof Error ? error.message : error));
		process.exit(1);
	}
}
