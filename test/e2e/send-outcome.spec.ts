/**
 * A lab hands its outcome to the trainer by itself: a seeded drift preset streams to its first
 * alert, the lab's "Send this result to your trainer" link opens /teach/send/ with that outcome
 * filled in, the participant downloads the results file, and the trainer's team view shows the
 * drift outcome. A tampered link is refused with a reason and the manual form still works.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, labHydrated, openPage, useBrowser, waitForLabStatus } from './browser';

const browser = useBrowser();

const allHydrated = (page: Page) =>
	page.waitForFunction(() =>
		[...document.querySelectorAll('astro-island')].every((i) => !i.hasAttribute('ssr')),
	);

describe('sending a lab’s outcome', () => {
	test('drift run → send link → results file → team view', async () => {
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseUrl()}/labs/drift/?preset=harmless-shift`);
		await labHydrated(page);
		// No outcome yet, so no link (and its code is not loaded).
		await expect(page.getByTestId('send-outcome').count()).resolves.toBe(0);
		await page.getByLabel('Speed').selectOption('8');
		await page.getByRole('button', { name: 'Stream days', exact: true }).click();
		await waitForLabStatus(page, 'Finished');
		// The seeded run: discounts drift from day 20 and alert on day 22 (see drift-lab.spec).
		await expect(page.getByTestId('first-alert').textContent()).resolves.toContain(
			'First alert on day 22',
		);
		const send = page.getByRole('link', { name: 'Send this result to your trainer' });
		await expect(send.getAttribute('href')).resolves.toMatch(/^\/teach\/send\/#outcome=/);
		await send.click();
		await page.waitForURL(/\/teach\/send\/#outcome=/);
		await allHydrated(page);
		await expect(page.getByTestId('from-lab').textContent()).resolves.toContain(
			'Filled in from your run in the drift and monitoring lab, day 22.',
		);
		await expect(page.locator('.found').textContent()).resolves.toContain(
			'The drift and monitoring lab: day 22',
		);

		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Download my results file' }).click();
		const file = await readFile((await (await download).path()) ?? '', 'utf8');
		const sent = JSON.parse(file) as {
			labs: { lab: string; firstAlertDay: number; query: string }[];
		};
		expect(sent.labs).toEqual([expect.objectContaining({ lab: 'drift', firstAlertDay: 22 })]);
		expect(new URLSearchParams(sent.labs[0]?.query).get('seed')).toMatch(/^\d+$/);

		await page.goto(`${baseUrl()}/assess/#team-title`);
		await page.locator('#team-files').scrollIntoViewIfNeeded();
		await page.locator('.team').waitFor();
		await allHydrated(page);
		await page
			.locator('#team-files')
			.setInputFiles([
				{ name: 'dana.json', mimeType: 'application/json', buffer: Buffer.from(file) },
			]);
		await expect(page.locator('.team .message').textContent()).resolves.toBe(
			'1 added; 1 participant in the team view.',
		);
		const driftLab = page.getByRole('region', { name: /drift and monitoring lab/ });
		await expect(driftLab.locator('tbody tr td').first().textContent()).resolves.toBe('day 22');
		expect(errors).toEqual([]);
	});

	test('a tampered link is refused with a reason; the form still adds a run by hand', async () => {
		const { page, errors } = await openPage(browser());
		const forged = Buffer.from(
			JSON.stringify({ lab: 'drift', query: 'preset=harmless-shift&seed=1', firstAlertDay: 0 }),
		).toString('base64url');
		await page.goto(`${baseUrl()}/teach/send/#outcome=${forged}`);
		await allHydrated(page);
		await expect(
			page.getByRole('alert').filter({ hasText: 'cannot be used' }).textContent(),
		).resolves.toContain('the first alert day must be a whole number from 1 to 3650.');
		await page.getByLabel('Lab', { exact: true }).selectOption('drift');
		await page
			.getByLabel(/Link of your run/)
			.fill(`${baseUrl()}/labs/drift/?preset=harmless-shift`);
		await page.getByLabel('First alert on day').fill('22');
		await page.getByRole('button', { name: 'Add this run' }).click();
		await expect(page.locator('.found').textContent()).resolves.toContain(
			'The drift and monitoring lab: day 22',
		);
		expect(errors).toEqual([]);
	});
});
