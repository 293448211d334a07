/**
 * The deployment lab as a learner uses it: open the broken-model preset from the page's own list
 * of links, deploy v2 under the canary, and see the automatic rollback at the step the
 * simulation predicts (the first analysis, one simulated minute in): Degraded, all traffic back
 * on v1, Argo's abort message, and only retry and rollback offered.
 */
import { describe, expect, test } from 'vitest';
import { baseUrl, openPage, useBrowser, waitForLabStatus, waitForText } from './browser';

const browser = useBrowser();

describe('deployment lab', () => {
	test('the broken preset under canary rolls back automatically after the first analysis', async () => {
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseUrl()}/labs/deployment/`);
		await page.getByText('Presets: one lesson each').click();
		await page.getByRole('link', { name: 'A broken model, caught by the canary' }).click();
		await page.waitForURL(/preset=broken-canary/);
		await page.locator('.lab').scrollIntoViewIfNeeded();
		await page.locator('astro-island:not([ssr])').waitFor({ state: 'attached' });
		await expect(page.getByTestId('preset-notice').textContent()).resolves.toContain(
			'A quarter of v2',
		);
		await page.getByLabel('Speed').selectOption('8');
		await page.getByRole('button', { name: 'Deploy v2', exact: true }).click();
		await waitForLabStatus(page, 'Degraded');
		const status = (await page.locator('.lab .status').textContent()) ?? '';
		expect(status).toContain('all traffic is back on v1');
		await waitForText(page, '[data-testid="rollout-log"]', 'Rollout aborted');
		await waitForText(page, '[data-testid="analysis-runs"]', 'Failed');
		await expect(
			page.getByText('Traffic on v2', { exact: true }).locator('..').textContent(),
		).resolves.toContain('0 %');
		// Aborted at the first analysis: one simulated minute in, at 10 % weight.
		await expect(page.getByTestId('rollout-log').textContent()).resolves.toMatch(
			/1:00\s*Rollout aborted update to revision 2: Metric "success-rate" assessed Failed/,
		);
		await expect(
			page.getByRole('button', { name: 'Retry', exact: true }).isEnabled(),
		).resolves.toBe(true);
		await expect(
			page.getByRole('button', { name: 'Promote', exact: true }).isEnabled(),
		).resolves.toBe(false);
		expect(errors).toEqual([]);
	});

	test('the blast-radius comparison lists every strategy; shadow answers no user', async () => {
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseUrl()}/labs/deployment/?preset=broken-canary`);
		await page.locator('.lab').scrollIntoViewIfNeeded();
		await page.locator('astro-island:not([ssr])').waitFor({ state: 'attached' });
		await page.getByRole('button', { name: 'Compare every strategy', exact: true }).click();
		const table = page.getByTestId('blast-radius');
		await table.waitFor({ timeout: 30_000 });
		await expect(table.locator('tbody tr').count()).resolves.toBe(6);
		const shadow = table.locator('tbody tr', { hasText: 'Shadow' });
		await expect(shadow.locator('td').first().textContent()).resolves.toBe('0');
		expect(errors).toEqual([]);
	});

	test('a weight Argo would reject shows its message beside the field and blocks the deploy', async () => {
		const { page } = await openPage(browser());
		await page.goto(`${baseUrl()}/labs/deployment/?firstWeightPercent=150`);
		await page.locator('.lab').scrollIntoViewIfNeeded();
		await page.locator('astro-island:not([ssr])').waitFor({ state: 'attached' });
		await expect(
			page.getByText('SetWeight needs to be between 0 and 100').first().isVisible(),
		).resolves.toBe(true);
		await expect(
			page.getByRole('button', { name: 'Deploy v2', exact: true }).isEnabled(),
		).resolves.toBe(false);
	});
});
