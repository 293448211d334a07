/**
 * The deployment lab as a learner uses it: open the broken-model preset from the page's own list
 * of links, deploy v2 under the canary, and see the automatic rollback at the step the
 * simulation predicts (the first analysis, one simulated minute in): Degraded, all traffic back
 * on v1, Argo's abort message, and only retry and rollback offered. Then the learner's own
 * registered model, written into the browser's store as the training lab writes it, picked as
 * the candidate and rolled out under canary; its link opened in a browser without that model.
 * And the rollout charts, whose code loads only once v2 is deployed, drawn with the chart
 * components' styles (the build once left those off this page) in the place held for them.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
	baseUrl,
	labHydrated,
	openPage,
	openPresetFromList,
	runLabUntil,
	storeRegisteredRun,
	useBrowser,
	waitForText,
} from './browser';
import { trainDefaultModel } from '../../simulations/serving/serving.model';
import {
	defaultTrainingParams,
	trainingDataVersion,
} from '../../simulations/training/training.data';
import { createWorld, generateDataset } from '../../simulations/world/world.model';

const browser = useBrowser();

/** Deploys v2 at top speed, waits until the lab's status reaches `phase`, and returns the status. */
async function deployUntil(page: Page, phase: string): Promise<string> {
	await runLabUntil(page, { speed: '8', button: 'Deploy v2', status: phase });
	return (await page.locator('.lab .status').textContent()) ?? '';
}

describe('deployment lab', () => {
	test('the broken preset under canary rolls back automatically after the first analysis', async () => {
		const { page, errors } = await openPage(browser());
		const notice = await openPresetFromList(
			page,
			'deployment',
			'A broken model, caught by the canary',
		);
		expect(page.url()).toMatch(/preset=broken-canary/);
		expect(notice).toContain('A quarter of v2');
		const status = await deployUntil(page, 'Degraded');
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

	test('the rollout charts, loaded once v2 is deployed, are styled and fill the places held for them', async () => {
		// Dark theme: unstyled tick text is black there, which is how the missing styles showed.
		const { page, errors } = await openPage(browser(), { colorScheme: 'dark' });
		await page.goto(`${baseUrl()}/labs/deployment/?preset=broken-canary`);
		await labHydrated(page);
		const slots = page.locator('.chart-stack > div');
		const slotHeights = () =>
			slots.evaluateAll((divs) => divs.map((div) => div.getBoundingClientRect().height));
		await expect(slots.locator('figure').count()).resolves.toBe(0);
		const held = await slotHeights();
		expect(held).toHaveLength(4);

		await deployUntil(page, 'Degraded');
		// Drawn one per task after the chart code arrives.
		await slots.nth(3).locator('figure').waitFor();
		// To the pixel (text metrics leave hundredths over); unstyled, each stood 26 px taller.
		expect(await slotHeights()).toEqual(held.map((height) => expect.closeTo(height, 0)));
		const styles = await page.locator('.chart-stack').evaluate((stack) => {
			// A theme colour as the browser computes it, to compare with a computed stroke or fill.
			const themeColour = (name: string) => {
				const probe = document.createElement('span');
				probe.style.color = `var(${name})`;
				stack.append(probe);
				const colour = getComputedStyle(probe).color;
				probe.remove();
				return colour;
			};
			const style = (selector: string) => getComputedStyle(stack.querySelector(selector)!);
			return {
				grid: style('line.grid').stroke,
				tick: style('text.tick').fill,
				threshold: style('line.threshold').stroke,
				chartGrid: themeColour('--chart-grid'),
				textMuted: themeColour('--text-muted'),
				warning: themeColour('--warning'),
			};
		});
		expect(styles.tick).not.toBe('rgb(0, 0, 0)');
		expect({ grid: styles.grid, tick: styles.tick, threshold: styles.threshold }).toEqual({
			grid: styles.chartGrid,
			tick: styles.textMuted,
			threshold: styles.warning,
		});
		expect(errors).toEqual([]);
	});

	test('the blast-radius comparison lists every strategy; shadow answers no user', async () => {
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseUrl()}/labs/deployment/?preset=broken-canary`);
		await labHydrated(page);
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
		await labHydrated(page);
		await expect(
			page.getByText('SetWeight needs to be between 0 and 100').first().isVisible(),
		).resolves.toBe(true);
		await expect(
			page.getByRole('button', { name: 'Deploy v2', exact: true }).isEnabled(),
		).resolves.toBe(false);
	});

	test('a registered model is offered, picked, linked and rolled out under canary', async () => {
		const { page, errors } = await openPage(browser());
		const artifact = trainDefaultModel(
			generateDataset(createWorld(), { size: 600, seed: 4 }).records,
			4,
		);
		const params = { ...defaultTrainingParams, seed: 4 };
		// The home page has no lab island, so nothing holds the database open while it is written.
		await page.goto(`${baseUrl()}/`);
		await storeRegisteredRun(page, {
			runId: 'run-e2e-deploy',
			params,
			dataVersion: trainingDataVersion(params),
			final: {
				loss: 0.45,
				accuracy: 0.81,
				precision: 0.7,
				recall: 0.6,
				f1: 0.65,
				auc: 0.85,
				confusion: { truePositive: 1, falsePositive: 1, trueNegative: 1, falseNegative: 1 },
			},
			artifact,
			version: 3,
			stage: 'staging',
		});
		await page.goto(`${baseUrl()}/labs/deployment/`);
		await labHydrated(page);
		const candidate = page.getByLabel('Candidate (v2)');
		const label = 'Your model v3 (staging, test accuracy 0.81)';
		// The registry is read when the learner reaches the candidate choice.
		await candidate.focus();
		await page.waitForFunction(
			(text) => [...document.querySelectorAll('option')].some((o) => o.textContent === text),
			label,
		);
		await candidate.selectOption({ label });
		await page.waitForURL(/candidate=registered-3/);
		const link = page.url();
		const status = await deployUntil(page, 'Healthy');
		expect(status).toContain('v2 is stable and takes all traffic');
		await waitForText(page, '[data-testid="analysis-runs"]', 'Successful');
		await expect(page.locator('.lab').textContent()).resolves.toContain(`${label} · canary`);
		expect(errors).toEqual([]);

		// The same link in a browser whose registry lacks v3: a preset stands in, with the reason.
		const other = await openPage(browser());
		await other.page.goto(link);
		await labHydrated(other.page);
		await waitForText(other.page, '.lab', "not in this browser's registry");
		await expect(other.page.getByLabel('Candidate (v2)').inputValue()).resolves.toBe('good');
		await other.page.waitForURL((url) => url.searchParams.get('candidate') === 'good');
		expect(other.errors).toEqual([]);
	});

	test('with Flagger judging, the Argo-only analysis fields are hidden and the form says why', async () => {
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseUrl()}/labs/deployment/`);
		await labHydrated(page);
		await expect(page.getByLabel('failureLimit').count()).resolves.toBe(1);
		await page.getByLabel('Analysis judged by').selectOption('flagger');
		await waitForText(page, '[data-testid="unread-fields"]', 'Flagger has no failureLimit');
		await expect(page.getByLabel('failureLimit').count()).resolves.toBe(0);
		await expect(page.getByLabel(/Fail below success rate/).count()).resolves.toBe(0);
		await expect(page.getByLabel(/Success rate at least/).count()).resolves.toBe(1);
		expect(errors).toEqual([]);
	});
});
