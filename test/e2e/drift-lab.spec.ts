/**
 * The drift lab as a learner uses it: open a preset from the page's own list of links, stream
 * the days, and see the first alert on the day the simulation predicts; then open the lab's
 * shareable link in a fresh page and get the same alert on the same day. Also: a bad link
 * explains itself and the lab still runs with defaults.
 */
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

async function waitForStatus(page: Page, text: string) {
	await page.waitForFunction(
		(expected) => document.querySelector('.lab .status')?.textContent?.includes(expected) ?? false,
		text,
		{ timeout: 60_000 },
	);
}

async function hydrated(page: Page) {
	await page.locator('.lab').scrollIntoViewIfNeeded();
	await page.locator('astro-island:not([ssr])').waitFor({ state: 'attached' });
}

/** Streams at top speed until the run finishes and returns the first-alert sentence. */
async function runToEnd(page: Page, button = 'Stream days'): Promise<string> {
	await page.getByLabel('Speed').selectOption('8');
	await page.getByRole('button', { name: button, exact: true }).click();
	await waitForStatus(page, 'Finished');
	return (await page.getByTestId('first-alert').textContent()) ?? '';
}

describe('drift lab', () => {
	test('a preset link injects drift, the alert comes on the expected day, and the shared link reproduces it', async () => {
		const { page, errors } = await openPage(browser);
		await page.goto(`${baseUrl()}/labs/drift/`);
		await page.getByText('Presets: one lesson each').click();
		await page.getByRole('link', { name: 'Detected but harmless' }).click();
		await page.waitForURL(/preset=harmless-shift/);
		await hydrated(page);
		await expect(page.getByTestId('preset-notice').textContent()).resolves.toContain(
			'Discounts jump on day 20',
		);
		await expect(page.getByTestId('monitor-state').textContent()).resolves.toContain('Healthy');
		const first = await runToEnd(page);
		// The seeded run: discounts drift from day 20, three days in a row make an alert on day 22.
		expect(first).toContain('First alert on day 22: Discount');
		await expect(page.getByTestId('monitor-state').textContent()).resolves.toContain('Alerting');
		await page.getByRole('button', { name: 'Acknowledge alerts' }).click();
		await expect(page.getByTestId('monitor-state').textContent()).resolves.toContain(
			'Acknowledged',
		);
		const shared = page.url();
		expect(errors).toEqual([]);

		const again = await openPage(browser);
		await again.page.goto(shared);
		await hydrated(again.page);
		expect(await runToEnd(again.page)).toBe(first);
		expect(again.errors).toEqual([]);
	});

	test('a run with drift injected mid-run is shared and replays to the same first alert', async () => {
		const { page, errors } = await openPage(browser);
		await page.goto(`${baseUrl()}/labs/drift/?preset=harmless-shift`);
		await hydrated(page);
		// Discounts drift from day 20 and alert on day 22; on day 24 a seats shift replaces them.
		for (let day = 1; day <= 23; day++) {
			await page.getByRole('button', { name: 'Step one day', exact: true }).click();
			await waitForStatus(page, `Paused after day ${day}`);
		}
		await page.locator('form.params').getByLabel(/^Kind/).selectOption('sudden');
		await page
			.locator('form.params')
			.getByLabel(/^Feature/)
			.selectOption('seats');
		await page.getByRole('button', { name: 'Inject this scenario' }).click();
		await page.waitForURL(/inject=24_sudden_seats_/);
		const first = await runToEnd(page, 'Resume');
		expect(first).toContain('First alert on day 22: Discount');
		const shared = page.url();
		// The link keeps the run's start (the discount shift) beside the injection.
		expect(shared).toContain('scenario=sudden');
		expect(shared).toContain('feature=discountPercent');
		expect(errors).toEqual([]);

		const again = await openPage(browser);
		await again.page.goto(shared);
		await hydrated(again.page);
		expect(await runToEnd(again.page)).toBe(first);
		const chart = (await again.page.locator('.lab').textContent()) ?? '';
		expect(chart).not.toContain('is not a valid');
		expect(again.errors).toEqual([]);
	});

	test('the statechart lights the state the lab moves to', async () => {
		const { page, errors } = await openPage(browser);
		await page.goto(`${baseUrl()}/labs/drift/`);
		await hydrated(page);
		const diagram = page.getByTestId('statechart-diagram');
		await expect(diagram.isVisible()).resolves.toBe(true);
		const activeStates = () =>
			diagram.locator('[data-state].active').evaluateAll((gs) => gs.map((g) => g.dataset.state));
		await expect(activeStates()).resolves.toEqual(['idle']);
		await page.getByRole('button', { name: 'Step one day' }).click();
		await expect.poll(activeStates).toEqual(['running', 'running.paused']);
		await expect(
			diagram.locator('[data-edge="idle->running.paused"]').getAttribute('class'),
		).resolves.toContain('taken');
		expect(errors).toEqual([]);
		await page.context().close();
	});

	test('a bad link explains itself and the lab still runs with defaults', async () => {
		const { page, errors } = await openPage(browser);
		await page.goto(`${baseUrl()}/labs/drift/?window=0&scenario=tsunami&days=3`);
		await hydrated(page);
		const text = (await page.locator('.lab').textContent()) ?? '';
		expect(text).toContain('Window (days) 0 is outside 1–20');
		expect(text).toContain('Scenario “tsunami” is not one of');
		await page.getByRole('button', { name: 'Step one day', exact: true }).click();
		await waitForStatus(page, 'Paused after day 1');
		// The day charts load with the first day: wait for them rather than read the page at once.
		await expect.poll(() => page.getByTestId('feature-table').isVisible()).toBe(true);
		expect(errors).toEqual([]);
	});
});
