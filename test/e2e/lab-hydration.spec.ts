/**
 * How a lab island wakes up (`client:intent`, src/integrations/hydrate-on-intent.client.ts), on a
 * phone, where the lab's controls start near the bottom of the first screen: the page loads the
 * lab's code but does not hydrate it while the learner reads; the first tap, a keyboard focus, or
 * scrolling the lab up the window hydrates it, and the tap itself is not lost; a link with
 * parameters hydrates at once, because the server drew the defaults.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, openPage, useBrowser, waitForLabStatus } from './browser';

const browser = useBrowser();
const phone = { width: 390, height: 844 };

/** Whether the drift lab's island has hydrated (Astro drops `ssr` then). */
const hydrated = (page: Page): Promise<boolean> =>
	page.locator('astro-island[client="intent"]').evaluate((island) => !island.hasAttribute('ssr'));

/** Opens the bare drift lab on a phone and waits until its code has loaded. */
async function openBareLab(): Promise<{ page: Page; errors: string[] }> {
	const opened = await openPage(browser(), { viewport: phone });
	await opened.page.goto(`${baseUrl()}/labs/drift/`, { waitUntil: 'networkidle' });
	// The lab's controls are on the first screen, so its code is loaded...
	await expect(opened.page.getByRole('button', { name: 'Step one day' }).isVisible()).resolves.toBe(
		true,
	);
	// ...but nothing has hydrated it yet.
	await opened.page.waitForTimeout(500);
	expect(await hydrated(opened.page)).toBe(false);
	return opened;
}

describe('lab hydration on a phone', () => {
	test('the first tap hydrates the lab and still does what it says', async () => {
		const { page, errors } = await openBareLab();
		await page.getByRole('button', { name: 'Step one day', exact: true }).click();
		await waitForLabStatus(page, 'Paused after day 1');
		expect(errors).toEqual([]);
	});

	test('focusing a control from the keyboard hydrates it, and Enter presses it', async () => {
		const { page, errors } = await openBareLab();
		await page.getByRole('button', { name: 'Step one day', exact: true }).focus();
		expect(await hydrated(page)).toBe(true);
		await page.keyboard.press('Enter');
		await waitForLabStatus(page, 'Paused after day 1');
		expect(errors).toEqual([]);
	});

	test('scrolling the lab up the window hydrates it without a touch', async () => {
		const { page, errors } = await openBareLab();
		await page.locator('.lab').evaluate((lab) => lab.scrollIntoView({ block: 'start' }));
		await page.waitForFunction(() => !document.querySelector('astro-island[ssr][client="intent"]'));
		expect(errors).toEqual([]);
	});

	test('a link with parameters hydrates as soon as the lab is visible', async () => {
		const { page, errors } = await openPage(browser(), { viewport: phone });
		await page.goto(`${baseUrl()}/labs/drift/?seed=7`);
		await page.waitForFunction(() => !document.querySelector('astro-island[ssr][client="intent"]'));
		expect(errors).toEqual([]);
	});
});
