/**
 * Shared browser plumbing for e2e specs: launch the Chromium found by global setup with the
 * flags this environment needs (one browser per spec file, `useBrowser`), and open pages with a
 * chosen colour scheme. Every page records uncaught errors and console errors, so specs can
 * assert a page ran cleanly. The labs' waits (hydrated, a status reached) live here too, so every
 * lab spec waits the same way.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { chromiumFlags } from '../../scripts/find-chromium.mjs';

/** Base URL of the static server, e.g. http://127.0.0.1:43121 */
export const baseUrl = (): string => inject('baseUrl');

/** Launches headless Chromium with flags safe for CI sandboxes and closed networks. */
export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: inject('chromiumPath'),
		args: chromiumFlags,
	});
}

/**
 * One browser for the spec file that calls this (at its top level): launched before its first
 * test, closed after its last. Returns the browser's getter.
 */
export function useBrowser(): () => Browser {
	let browser: Browser | undefined;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});
	return () => {
		if (browser === undefined) throw new Error('The browser is launched in beforeAll.');
		return browser;
	};
}

/** A page plus the errors it raised. */
export interface TrackedPage {
	page: Page;
	errors: string[];
}

/**
 * Opens a new page (own context, so storage is fresh) with the given colour scheme. The service
 * worker is blocked unless a spec asks for it: its background precache would compete with the
 * page under test for the CPU and the server, and requests it answers bypass request tracking.
 */
export async function openPage(
	browser: Browser,
	options: {
		colorScheme?: 'light' | 'dark';
		viewport?: { width: number; height: number };
		serviceWorkers?: 'allow' | 'block';
	} = {},
): Promise<TrackedPage> {
	const context = await browser.newContext({
		colorScheme: options.colorScheme ?? 'light',
		viewport: options.viewport ?? { width: 1280, height: 800 },
		serviceWorkers: options.serviceWorkers ?? 'block',
	});
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(`console: ${message.text()}`);
	});
	return { page, errors };
}

/** Every page path listed in the built sitemap, e.g. ['/', '/lessons/', …]. */
export async function sitemapPaths(): Promise<string[]> {
	const { readFile, readdir } = await import('node:fs/promises');
	const files = (await readdir('dist')).filter((f) => /^sitemap-\d+\.xml$/.test(f));
	const paths: string[] = [];
	for (const file of files) {
		const xml = await readFile(`dist/${file}`, 'utf8');
		for (const match of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) {
			paths.push(new URL(match[1] ?? '/').pathname);
		}
	}
	return paths.sort();
}

/** Waits until `selector` contains `text` (charts and tables redraw at most every 250 ms). */
export async function waitForText(
	page: Page,
	selector: string,
	text: string,
	timeoutMs = 30_000,
): Promise<void> {
	await page.waitForFunction(
		([sel, expected]) =>
			document.querySelector(sel as string)?.textContent?.includes(expected as string) ?? false,
		[selector, text],
		{ timeout: timeoutMs },
	);
}

/** Waits until the lab's status line contains `text`. */
export function waitForLabStatus(page: Page, text: string, timeoutMs = 60_000): Promise<void> {
	return waitForText(page, '.lab .status', text, timeoutMs);
}

/** Scrolls the lab into view and waits until its island has hydrated (Astro drops `ssr` then). */
export async function labHydrated(page: Page): Promise<void> {
	await page.locator('.lab').scrollIntoViewIfNeeded();
	await page.locator('astro-island:not([ssr])').waitFor({ state: 'attached' });
}

/**
 * Opens a lab page and follows one of its own preset links as a learner does (the list, the link
 * by name), waits for the page the link names and for the island to hydrate; returns the preset
 * notice, for the spec to check (with the URL).
 */
export async function openPresetFromList(page: Page, lab: string, name: string): Promise<string> {
	await page.goto(`${baseUrl()}/labs/${lab}/`);
	await page.getByText('Presets: one lesson each').click();
	const link = page.getByRole('link', { name });
	const href = await link.getAttribute('href');
	await link.click();
	await page.waitForURL(new URL(href ?? '', page.url()).href);
	await labHydrated(page);
	return (await page.getByTestId('preset-notice').textContent()) ?? '';
}

/** Picks the lab's speed, presses its run button and waits until the status contains `status`. */
export async function runLabUntil(
	page: Page,
	run: { speed: string; button: string; status: string; timeoutMs?: number },
): Promise<void> {
	await page.getByLabel('Speed').selectOption(run.speed);
	await page.getByRole('button', { name: run.button, exact: true }).click();
	await waitForLabStatus(page, run.status, run.timeoutMs);
}

/**
 * Writes entries into the labs' IndexedDB store from the current page (an undefined value
 * deletes the key), creating the stores as the site does when the database is new. Call it from
 * a page without a lab island, so no lab holds the database open meanwhile.
 */
export async function writeLabStore(
	page: Page,
	entries: { store: string; key: string; value: unknown }[],
): Promise<void> {
	await page.evaluate(
		(list) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('mlops-lab', 1);
				open.onupgradeneeded = () => {
					for (const name of ['runs', 'artifacts', 'registry']) {
						if (!open.result.objectStoreNames.contains(name)) open.result.createObjectStore(name);
					}
				};
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(['runs', 'artifacts', 'registry'], 'readwrite');
					for (const { store, key, value } of list) {
						if (value === undefined) tx.objectStore(store).delete(key);
						else tx.objectStore(store).put(value, key);
					}
					tx.oncomplete = () => {
						db.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		entries,
	);
}

/** A registry entry as the training lab writes it, registered at `stage` on 1 January 2026. */
export function registryEntry(version: number, runId: string, stage: 'staging' | 'production') {
	const at = '2026-01-01T00:00:00.000Z';
	return { version, runId, stage, registeredAt: at, history: [{ stage, at }] };
}

/**
 * Stores a completed training run, its model artifact and its registry entry as the training lab
 * writes them, so a spec can start another lab with the learner's own model. Only what a spec
 * varies is asked for; the rest of the run record is a plain completed run logged by 'e2e'.
 * Like `writeLabStore`, call it from a page without a lab island.
 */
export function storeRegisteredRun(
	page: Page,
	registered: {
		runId: string;
		params: unknown;
		dataVersion: string;
		final: unknown;
		artifact: unknown;
		version: number;
		stage: 'staging' | 'production';
	},
): Promise<void> {
	const { runId, params, dataVersion, final, artifact, version, stage } = registered;
	const run = {
		id: runId,
		number: 1,
		startedAt: '2026-01-01T00:00:00.000Z',
		status: 'completed',
		params,
		dataVersion,
		codeVersion: 'e2e',
		epochs: [],
		final,
		bestEpoch: null,
		durationMs: 1,
		learningRateChanges: [],
		error: null,
		reproducedFrom: null,
		hasArtifact: true,
	};
	return writeLabStore(page, [
		{ store: 'runs', key: runId, value: run },
		{ store: 'artifacts', key: runId, value: artifact },
		{ store: 'registry', key: `v${version}`, value: registryEntry(version, runId, stage) },
	]);
}
