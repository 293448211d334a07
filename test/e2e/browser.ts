/**
 * Shared browser plumbing for e2e specs: launch the Chromium found by global setup with the
 * flags this environment needs, and open pages with a chosen colour scheme. Every page records
 * uncaught errors and console errors, so specs can assert a page ran cleanly.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
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
