/**
 * A workshop run end to end, as a trainer would: open the half-day agenda, open a step's preset
 * in presenter view, show that step as a QR code; two participants send their lab outcomes as
 * files from /teach/send/ and a third file arrives edited by hand; the team view names the bad
 * one and loads the other two; then the Wi-Fi fails — the page reloads from the service worker's
 * cache with the team session intact, and the training lab still trains an epoch.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const hydrated = (page: Page) =>
	page.locator('astro-island:not([ssr])').first().waitFor({ state: 'attached' });

/** A participant on their own device: adds one lab run on /teach/send/ and downloads the file. */
async function participantFile(
	lab: 'drift' | 'deployment',
	fill: (page: Page) => Promise<void>,
): Promise<string> {
	const { page, errors } = await openPage(browser, { viewport: { width: 390, height: 844 } });
	await page.goto(`${baseUrl()}/teach/send/`);
	await hydrated(page);
	await page.getByLabel('Lab', { exact: true }).selectOption(lab);
	await fill(page);
	await page.getByRole('button', { name: 'Add this run' }).click();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download my results file' }).click();
	const text = await readFile((await (await download).path()) ?? '', 'utf8');
	expect(errors).toEqual([]);
	await page.context().close();
	return text;
}

describe('a workshop, start to finish', () => {
	test('agenda → presenter view → QR code → team results, one corrupt → offline, and the lab trains', async () => {
		const { page, errors } = await openPage(browser, { serviceWorkers: 'allow' });
		await page.goto(`${baseUrl()}/teach/`);
		await page
			.getByRole('link', {
				name: 'Half-day hands-on: train, track, monitor, retrain and ship a model',
			})
			.click();
		await page.waitForURL(/\/teach\/hands-on-half-day\/$/);

		// The over-fitting step's preset, on the projector.
		const step = page.locator('.step', { hasText: 'Over-fit on purpose' });
		const presetHref = await step.locator('.step-link a').first().getAttribute('href');
		expect(presetHref).toMatch(/^\/labs\/training\/\?.*seed=42/);
		await step.getByRole('link', { name: /^Present step \d+ on the projector$/ }).click();
		await page.waitForURL(/\/labs\/training\/\?.*present=1/);
		await page.getByRole('region', { name: 'Presenter controls' }).waitFor();
		await hydrated(page);

		// Back on the run sheet, the same step as a QR code for the room.
		await page.goBack();
		await step.getByRole('link', { name: /^QR code for step \d+$/ }).click();
		await page.locator('[data-qr-code] svg').waitFor();
		await expect(page.locator('[data-qr-url]').textContent()).resolves.toBe(
			`${new URL(baseUrl()).host}${presetHref}`,
		);

		// Three participants' files: two sent from the site, one edited by hand on the way.
		const canary = await participantFile('deployment', async (p) => {
			await p
				.getByLabel(/Link of your run/)
				.fill(`${baseUrl()}/labs/deployment/?preset=broken-canary`);
			await p.getByLabel('How the rollout ended').selectOption('aborted');
			await p.getByLabel('After how many minutes').fill('1');
		});
		const drift = await participantFile('drift', async (p) => {
			await p.getByLabel(/Link of your run/).fill(`${baseUrl()}/labs/drift/?preset=concept-drift`);
			await p.getByLabel('First alert on day').fill('27');
		});
		const edited = canary.replace('"rollout": "aborted"', '"rollout": "promoted"');
		expect(edited).not.toBe(canary);

		await page.goto(`${baseUrl()}/assess/#team-title`);
		await page.locator('#team-files').scrollIntoViewIfNeeded();
		await page.locator('.team').waitFor();
		await page.waitForFunction(() =>
			[...document.querySelectorAll('astro-island')].every((i) => !i.hasAttribute('ssr')),
		);
		await page.locator('#team-files').setInputFiles([
			{ name: 'anna.json', mimeType: 'application/json', buffer: Buffer.from(canary) },
			{ name: 'ben.json', mimeType: 'application/json', buffer: Buffer.from(drift) },
			{ name: 'chris.json', mimeType: 'application/json', buffer: Buffer.from(edited) },
		]);
		const alert = page.getByRole('alert').filter({ hasText: 'could not be added' });
		await expect(alert.textContent()).resolves.toContain(
			'“chris.json” could not be loaded: its contents do not match its check code',
		);
		await expect(alert.textContent()).resolves.not.toContain('anna.json');
		await expect(page.locator('.team .message').textContent()).resolves.toBe(
			'2 added; 2 participants in the team view.',
		);
		const deployment = page.getByRole('region', { name: /deployment strategies lab/ });
		await expect(deployment.locator('tbody tr').allInnerTexts()).resolves.toEqual([
			expect.stringMatching(/^Participant 1\s+aborted after 1 min\s+7\s+Open the run/),
		]);
		const driftLab = page.getByRole('region', { name: /drift and monitoring lab/ });
		await expect(driftLab.locator('tbody tr td').first().textContent()).resolves.toBe('day 27');

		// The Wi-Fi fails once the service worker has the site.
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
			timeout: 120_000,
		});
		await page.context().setOffline(true);
		await page.reload();
		await page.locator('.team').scrollIntoViewIfNeeded();
		await page
			.locator('.team .message', {
				hasText: 'Restored the team session saved in this browser: 2 participants.',
			})
			.waitFor();

		await page.goto(`${baseUrl()}${presetHref}`);
		await page.locator('.lab').scrollIntoViewIfNeeded();
		await hydrated(page);
		await page.getByRole('button', { name: 'Train', exact: true }).click();
		await page.waitForFunction(
			() =>
				/epoch [1-9]|Completed|Stopped early/.test(
					document.querySelector('.lab .status')?.textContent ?? '',
				),
			null,
			{ timeout: 90_000 },
		);
		expect(errors).toEqual([]);
	}, 360_000);
});
