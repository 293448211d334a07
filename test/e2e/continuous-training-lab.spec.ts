/**
 * The continuous-training lab as a learner uses it: open the "gate rejects corrupted data"
 * preset from the page's own list, run the year, and see the day-90 challenger rejected with its
 * reason in the step graph (the gate step Failed, deployment Skipped), while policy B (no gate)
 * promotes it; the shared link reproduces the same run. Also: the maturity comparison opens at a
 * level from a link, and a bad level explains itself.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
	baseUrl,
	labHydrated,
	openPage,
	openPresetFromList,
	runLabUntil,
	useBrowser,
} from './browser';

const browser = useBrowser();

/** The whole year at speed 4; its daily pipeline runs outlast the default wait. */
const year = { speed: '4', button: 'Run the year', status: 'Finished', timeoutMs: 90_000 };

/** Opens run A3 (day 90) and returns its headline. */
async function dayNinetyRun(page: Page): Promise<string> {
	await page.getByRole('button', { name: /^A3, day 90:/ }).click();
	return (await page.getByTestId('run-headline').textContent()) ?? '';
}

describe('continuous-training lab', () => {
	test('the corrupted-data preset: the gate rejects the day-90 challenger and says why', async () => {
		const { page, errors } = await openPage(browser());
		const link = 'A gate that rejects a challenger trained on corrupted data';
		const notice = await openPresetFromList(page, 'continuous-training', link);
		expect(page.url()).toMatch(/preset=gate-rejects-corrupted/);
		expect(notice).toContain('backfill job scrambles');
		await runLabUntil(page, year);
		const headline = await dayNinetyRun(page);
		// The seeded year (the library's golden test): 74.5 % against the champion's 81.3 %.
		expect(headline).toContain('run 3 on day 90');
		expect(headline).toContain('rejected by the gate');
		expect(headline).toContain('accuracy 74.5 % vs champion 81.3 % (−6.8 points)');
		const gate = page.locator('.step', { hasText: 'Gate' });
		await expect(gate.getAttribute('data-status')).resolves.toBe('Failed');
		const deployment = page.locator('.step', { hasText: 'Deployment' });
		await expect(deployment.getAttribute('data-status')).resolves.toBe('Skipped');
		// Policy B has no gate: its day-90 run is promoted.
		await expect(page.getByRole('button', { name: /^B3, day 90: promoted/ }).count()).resolves.toBe(
			1,
		);
		// The chart's marker of that run is a button too, reached and pressed with the keyboard.
		const marker = page.getByRole('button', { name: 'Chart marker: B3, day 90: promoted' });
		await marker.focus();
		await page.keyboard.press('Enter');
		await expect(marker.getAttribute('aria-pressed')).resolves.toBe('true');
		await expect(page.getByTestId('run-headline').textContent()).resolves.toMatch(
			/^Policy B, run 3 on day 90 .*promoted/,
		);
		// Policy A's training steps were trained again with TensorFlow.js in the worker.
		await page
			.getByRole('button', { name: 'Chart marker: A3, day 90: rejected by the gate' })
			.click();
		await expect(page.getByTestId('tfjs-replay').textContent()).resolves.toMatch(
			/TensorFlow\.js \(cpu backend\).*Live tensors before and after: (\d+) and \1\./,
		);

		const shared = page.url();
		const second = await openPage(browser());
		await second.page.goto(shared);
		await labHydrated(second.page);
		await runLabUntil(second.page, year);
		expect(await dayNinetyRun(second.page)).toBe(headline);
		expect(errors).toEqual([]);
		expect(second.errors).toEqual([]);
	}, 240_000);

	test('the maturity comparison opens at a level from a link; a bad level says so', async () => {
		const { page } = await openPage(browser());
		await page.goto(`${baseUrl()}/labs/continuous-training/?level=1#maturity`);
		const row = page.locator('#maturity tr.current');
		await expect(row.getAttribute('data-level')).resolves.toBe('1');
		await expect(row.textContent()).resolves.toContain('(your level)');
		await page.goto(`${baseUrl()}/labs/continuous-training/?level=7`);
		await expect(page.locator('[data-level-problem]').textContent()).resolves.toContain(
			'levels are 0, 1 and 2',
		);
		await expect(page.locator('#maturity tr.current').count()).resolves.toBe(0);
	});
});
