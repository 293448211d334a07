/**
 * Offline, as a workshop with failing Wi-Fi meets it: one visit installs the service worker,
 * which precaches the site; then the network goes away, and a lesson, the training lab (with a
 * preset-style query string) and the search index still load, and the lab still trains with
 * TensorFlow.js in its worker. Also checks the web app manifest the install prompt reads.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { baseUrl, openPage, useBrowser } from './browser';

const browser = useBrowser();

const lesson = '/lessons/foundations/01-what-is-mlops/';

describe('offline', () => {
	test('after one visit, lessons, the lab and search work without a network', async () => {
		const { page, errors } = await openPage(browser(), { serviceWorkers: 'allow' });
		await page.goto(`${baseUrl()}${lesson}`);
		// The worker claims the page once it has activated, which is after the precache filled.
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
			timeout: 90_000,
		});
		const title = await page.locator('h1').textContent();
		await page.context().setOffline(true);
		await expect(page.evaluate(() => navigator.onLine)).resolves.toBe(false);

		await page.reload();
		await expect(page.locator('h1').textContent()).resolves.toBe(title);

		await page.goto(`${baseUrl()}/labs/training/?epochs=3&datasetSize=400&seed=42`);
		await page.locator('.lab').scrollIntoViewIfNeeded();
		await page.locator('astro-island:not([ssr])').waitFor({ state: 'attached' });
		await page.getByRole('button', { name: 'Train', exact: true }).click();
		await page.waitForFunction(
			() => document.querySelector('.lab .status')?.textContent?.includes('Completed 3 epochs'),
			null,
			{ timeout: 60_000 },
		);
		// It trained in the module worker, whose TensorFlow.js bundle came from the cache.
		const searchIndex = await page.evaluate(async () => {
			const response = await fetch('/pagefind/pagefind-entry.json');
			return response.ok;
		});
		expect(searchIndex).toBe(true);
		expect(errors).toEqual([]);
	});

	test('a new deployment shows a polite notice whose Reload switches to it', async () => {
		const { page, errors } = await openPage(browser(), { serviceWorkers: 'allow' });
		await page.goto(`${baseUrl()}/`);
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
			timeout: 90_000,
		});
		// A "new deployment": the same worker with one line more, which the browser must install.
		// (Request routing does not see the browser's update check, so the file itself changes, and
		// is put back whatever happens.)
		const original = await readFile('dist/sw.js', 'utf8');
		try {
			await writeFile('dist/sw.js', `${original}\n// next deployment\n`);
			await page.evaluate(async () => {
				const registration = await navigator.serviceWorker.getRegistration();
				await registration?.update();
			});
		} finally {
			await writeFile('dist/sw.js', original);
		}
		const notice = page.getByRole('status').filter({ hasText: 'A new version' });
		await notice.waitFor({ timeout: 60_000 });
		const reload = notice.getByRole('button', { name: 'Reload' });
		await reload.focus();
		const navigated = page.waitForEvent('framenavigated');
		await page.keyboard.press('Enter');
		await navigated;
		await page.waitForLoadState('load');
		await expect(page.locator('#update-notice').count()).resolves.toBe(0);
		expect(errors).toEqual([]);
	});

	test('the manifest names the app, its colours and icons that exist', async () => {
		const { page } = await openPage(browser());
		await page.goto(`${baseUrl()}/`);
		const href = await page.locator('link[rel="manifest"]').getAttribute('href');
		expect(href).toBe('/manifest.webmanifest');
		const manifest = (await (await page.request.get(`${baseUrl()}${href}`)).json()) as {
			name: string;
			display: string;
			theme_color: string;
			icons: { src: string; sizes: string; type: string }[];
		};
		expect(manifest.name).toBe('MLOps Lab');
		expect(manifest.display).toBe('standalone');
		expect(manifest.theme_color).toBe('#0b6b58');
		expect(manifest.icons.map((icon) => icon.sizes)).toEqual(
			expect.arrayContaining(['192x192', '512x512']),
		);
		for (const icon of manifest.icons) {
			const response = await page.request.get(`${baseUrl()}${icon.src}`);
			expect(response.status(), icon.src).toBe(200);
			expect(response.headers()['content-type']).toContain(icon.type.split('+')[0]);
		}
	});
});
