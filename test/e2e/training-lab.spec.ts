/**
 * The training lab as a learner uses it: train (in the Web Worker), watch the curves grow
 * epoch by epoch, find the run in the experiment log, register it and move it to staging,
 * reload, and find the run and the registry intact — with the stored model reloading to the
 * same test accuracy. Also: a huge learning rate diverges visibly, and a bad link explains
 * itself instead of breaking the lab.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { baseUrl, labHydrated, openPage, useBrowser, waitForLabStatus } from './browser';

const browser = useBrowser();

const lossRows = (page: Page) =>
	page.locator('figure.chart').first().locator('details table tbody tr').count();
const status = (page: Page) => page.locator('.lab .status').textContent();

/** Opens the lab and waits until its island has hydrated (Astro drops `ssr` then). */
async function openLab(page: Page, query: string) {
	await page.goto(`${baseUrl()}/labs/training/${query}`);
	await labHydrated(page);
}

describe('training lab', () => {
	test('trains, logs the run, registers it, and keeps both after a reload', async () => {
		const { page, errors } = await openPage(browser());
		await openLab(page, '?epochs=8&datasetSize=1000');
		const train = page.getByRole('button', { name: 'Train', exact: true });
		await expect(status(page)).resolves.toContain('Ready to train');
		await train.click();

		await waitForLabStatus(page, 'epoch 2 of 8');
		// Training runs in a module Web Worker, not on the page.
		expect(page.workers().length).toBe(1);
		const early = await lossRows(page);
		await waitForLabStatus(page, 'Completed 8 epochs');
		const late = await lossRows(page);
		expect(early).toBeGreaterThanOrEqual(2);
		expect(late).toBe(8);
		// The results section loads when first shown, so it is awaited rather than polled once.
		await page.getByRole('heading', { name: 'Test results' }).waitFor({ state: 'visible' });
		await page.locator('table.confusion').waitFor({ state: 'visible' });
		// The metrics are also read out in words, counted from the 200 test records.
		await expect(page.getByTestId('metrics-reading').textContent()).resolves.toMatch(
			/flagged \d+ of 200 test subscribers/,
		);
		// Leaving the session terminates the worker.
		await expect.poll(() => page.workers().length).toBe(0);

		const row = page.locator('[data-testid="run-table"] tr[data-run="1"]');
		await expect(row.textContent()).resolves.toContain('completed');
		const dataVersion = await page.getByTestId('data-version').textContent();
		await expect(row.textContent()).resolves.toContain(dataVersion ?? 'missing');

		await page.getByRole('button', { name: 'Register run 1' }).click();
		const version = page.locator('[data-testid="registry-table"] tr[data-version="1"]');
		await expect(version.textContent()).resolves.toContain('none');
		await page.getByRole('button', { name: 'Move version 1 to staging' }).click();
		await expect(version.textContent()).resolves.toContain('staging');

		await page.reload();
		await page.locator('astro-island:not([ssr])').waitFor({ state: 'attached' });
		await page.locator('[data-testid="run-table"] tr[data-run="1"]').waitFor();
		await expect(
			page.locator('[data-testid="run-table"] tr[data-run="1"]').textContent(),
		).resolves.toContain('completed');
		const reloaded = page.locator('[data-testid="registry-table"] tr[data-version="1"]');
		await expect(reloaded.textContent()).resolves.toContain('staging');
		await page.getByRole('button', { name: 'Reload version 1 from the browser' }).click();
		await page.getByText('the same as when it was trained').waitFor();
		expect(errors).toEqual([]);
	});

	test('the statechart draws the machine and lights the state a step moves it to', async () => {
		const { page, errors } = await openPage(browser());
		await openLab(page, '?epochs=3&datasetSize=400');
		const diagram = page.getByTestId('statechart-diagram');
		await expect(diagram.isVisible()).resolves.toBe(true);
		const activeStates = () =>
			diagram.locator('[data-state].active').evaluateAll((gs) => gs.map((g) => g.dataset.state));
		await expect(activeStates()).resolves.toEqual(['idle']);
		// Every state of the machine is a box, the nested ones inside their parent.
		await expect(diagram.locator('[data-state]').count()).resolves.toBe(9);

		await page.getByRole('button', { name: 'Step one epoch' }).click();
		await expect.poll(activeStates).toEqual(['session', 'session.paused']);
		await expect(
			diagram.locator('[data-edge="idle->session.paused"]').getAttribute('class'),
		).resolves.toContain('taken');
		const chart = page.locator('section.statechart');
		await expect(chart.locator('.exits').textContent()).resolves.toContain('playback.start');
		await expect(chart.locator('[aria-live]').textContent()).resolves.toBe(
			'State machine: now in session › paused, after playback.step.',
		);

		// The highlight flows along the arrow taken, unless the learner asked for less motion.
		const pulse = diagram.locator('[data-edge="idle->session.paused"] .pulse');
		const animation = () => pulse.evaluate((el) => getComputedStyle(el).animationName);
		await expect(animation()).resolves.not.toBe('none');
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await expect(animation()).resolves.toBe('none');

		// Folding the diagram leaves the pill row, and the button says how to get it back.
		await page.getByRole('button', { name: 'Hide diagram' }).click();
		await expect(diagram.isVisible()).resolves.toBe(false);
		await expect(chart.locator('ol.states').isVisible()).resolves.toBe(true);
		await page.getByRole('button', { name: 'Show diagram' }).click();
		await expect(diagram.isVisible()).resolves.toBe(true);
		expect(errors).toEqual([]);
		await page.context().close();
	});

	test('on a phone the statechart is the row of state pills', async () => {
		const { page, errors } = await openPage(browser(), { viewport: { width: 390, height: 844 } });
		await openLab(page, '');
		await expect(page.getByTestId('statechart-diagram').isVisible()).resolves.toBe(false);
		const pills = page.locator('section.statechart ol.states');
		await expect(pills.isVisible()).resolves.toBe(true);
		await expect(pills.locator('[aria-current="step"]').textContent()).resolves.toContain('idle');
		expect(errors).toEqual([]);
		await page.context().close();
	});

	test('a huge learning rate diverges and says why', async () => {
		const { page, errors } = await openPage(browser());
		await openLab(page, '?learningRate=100&model=logistic');
		await page.getByRole('button', { name: 'Train', exact: true }).click();
		await waitForLabStatus(page, 'Diverged');
		await expect(page.getByRole('alert').first().textContent()).resolves.toContain(
			'The loss exploded',
		);
		// One click sets a rate ten times smaller and hands focus back to Train.
		await page.getByRole('button', { name: 'Set the learning rate to 10' }).click();
		await expect(page.getByLabel('Learning rate').inputValue()).resolves.toBe('10');
		expect(new URL(page.url()).searchParams.get('learningRate')).toBe('10');
		await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe(
			'Train',
		);
		expect(errors).toEqual([]);
	});

	test('a run that diverges in its first epoch still shows its one point', async () => {
		const { page, errors } = await openPage(browser());
		await openLab(page, '?model=mlp&learningRate=100&seed=42');
		await page.getByRole('button', { name: 'Train', exact: true }).click();
		await waitForLabStatus(page, 'Diverged at epoch 1');
		await expect(lossRows(page)).resolves.toBe(1);
		// A line through one point draws nothing, so each series gets a dot.
		await expect(page.locator('figure.chart').first().locator('svg circle').count()).resolves.toBe(
			2,
		);
		expect(errors).toEqual([]);
	});

	test('trains on the page when the browser has no Web Workers', async () => {
		const { page, errors } = await openPage(browser());
		await page.addInitScript(() => {
			Reflect.deleteProperty(globalThis, 'Worker');
		});
		await openLab(page, '?epochs=3&datasetSize=400');
		await page.getByRole('button', { name: 'Train', exact: true }).click();
		await waitForLabStatus(page, 'Completed 3 epochs');
		expect(page.workers()).toHaveLength(0);
		await expect(lossRows(page)).resolves.toBe(3);
		expect(errors).toEqual([]);
	});

	test('a bad link opens the lab with defaults and a message', async () => {
		const { page, errors } = await openPage(browser());
		await openLab(page, '?epochs=banana&seed=7');
		await page.getByText('Some settings in the link could not be used.').waitFor();
		await expect(page.getByRole('spinbutton', { name: 'Epochs' }).inputValue()).resolves.toBe('40');
		await expect(page.getByRole('spinbutton', { name: 'Seed' }).inputValue()).resolves.toBe('7');
		expect(errors).toEqual([]);
	});

	test('reproduces a run exactly, then shows what differs on other data', async () => {
		const { page, errors } = await openPage(browser());
		await openLab(page, '?epochs=4&datasetSize=500&seed=11');
		await page.getByRole('button', { name: 'Train', exact: true }).click();
		await waitForLabStatus(page, 'Completed 4 epochs');
		await page.getByRole('button', { name: 'Reproduce run 1' }).click();
		await page.getByText('Reproduced exactly.').waitFor({ timeout: 60_000 });
		await page.getByRole('button', { name: /Now run it on other data \(seed 12\)/ }).click();
		await page.getByText('This run differs from run 1.').waitFor({ timeout: 60_000 });
		await expect(page.locator('.notice.error').textContent()).resolves.toContain(
			'The data version changed',
		);
		await expect(page.locator('[data-testid="run-table"] tbody tr').count()).resolves.toBe(3);
		expect(errors).toEqual([]);
	});

	test('a learning rate changed mid-run is logged and replayed when reproducing', async () => {
		const { page, errors } = await openPage(browser());
		await openLab(page, '?epochs=12&datasetSize=500');
		await page.getByRole('button', { name: 'Train', exact: true }).click();
		await waitForLabStatus(page, 'epoch 2 of 12');
		await page.getByLabel('Learning rate').selectOption('0.01');
		await waitForLabStatus(page, 'Completed 12 epochs');
		const row = page.locator('[data-testid="run-table"] tr[data-run="1"]');
		await expect(row.textContent()).resolves.toContain('0.1*');
		await page.getByRole('button', { name: 'Reproduce run 1' }).click();
		await page.getByText('Reproduced exactly.').waitFor({ timeout: 60_000 });
		expect(errors).toEqual([]);
	});

	test('has no axe violations with runs, results, a comparison and the registry shown', async () => {
		for (const colorScheme of ['light', 'dark'] as const) {
			const { page } = await openPage(browser(), { colorScheme });
			await openLab(page, '?epochs=3&datasetSize=400');
			for (const run of [1, 2]) {
				await page.getByRole('button', { name: 'Train', exact: true }).click();
				await waitForLabStatus(page, 'Completed 3 epochs');
				await page.getByRole('checkbox', { name: `Compare run ${run}` }).check();
			}
			await page.getByRole('button', { name: 'Register run 1' }).click();
			await page.getByRole('button', { name: 'Move version 1 to staging' }).click();
			await page.getByRole('button', { name: 'Reload version 1 from the browser' }).click();
			await page.getByText('the same as when it was trained').waitFor();
			const results = await new AxeBuilder({ page })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
				.analyze();
			const summary = results.violations.map(
				(v) => `${v.id} (${colorScheme}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
			);
			expect(summary).toEqual([]);
			await page.context().close();
		}
	});

	test('on a phone the parameters fold into a summary so the curves follow the controls', async () => {
		const { page, errors } = await openPage(browser(), { viewport: { width: 390, height: 844 } });
		await openLab(page, '?epochs=3&datasetSize=400&seed=9');
		const summary = page.locator('.lab .parameters summary');
		await expect(summary.textContent()).resolves.toContain('3 epochs · 400 records · seed 9');
		await expect(page.getByRole('spinbutton', { name: 'Epochs' }).isVisible()).resolves.toBe(false);
		const curves = await page.getByRole('heading', { name: 'Learning curves' }).boundingBox();
		const panel = await page.locator('.lab .parameters').boundingBox();
		expect(curves && panel && curves.y - (panel.y + panel.height)).toBeLessThan(100);
		await summary.click();
		await expect(page.getByRole('spinbutton', { name: 'Epochs' }).isVisible()).resolves.toBe(true);
		await summary.click();

		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			await page.getByRole('button', { name: 'Train', exact: true }).click();
			await waitForLabStatus(page, 'Completed 3 epochs');
		}
		await page.getByRole('checkbox', { name: 'Compare run 1' }).check();
		await page.getByRole('checkbox', { name: 'Compare run 2' }).check();
		await page.getByRole('button', { name: 'Register run 1' }).click();
		const diff = page.locator('table.diff');
		await expect(diff.getByRole('rowheader', { name: 'Hidden units' }).count()).resolves.toBe(1);
		await expect(diff.getByRole('row', { name: /Code version/ }).textContent()).resolves.toMatch(
			/[0-9a-f]{7,}/,
		);
		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
			);
			expect(overflow).toBeLessThanOrEqual(0);
			const results = await new AxeBuilder({ page })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
				.analyze();
			expect(
				results.violations.map(
					(v) => `${v.id} (${colorScheme}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
				),
			).toEqual([]);
		}
		expect(errors).toEqual([]);
	});

	test('the over-fitting link sets its parameters and the lab names what happened', async () => {
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseUrl()}/labs/training/`);
		await page.getByText('Things to try').click();
		await page.getByRole('link', { name: 'Over-fit on purpose' }).click();
		await page.waitForURL(/hiddenUnits=64.*seed=42#lab$/);
		await page.locator('astro-island:not([ssr])').waitFor({ state: 'attached' });
		await expect(page.getByRole('spinbutton', { name: 'Hidden units' }).inputValue()).resolves.toBe(
			'64',
		);
		await expect(page.getByRole('spinbutton', { name: 'Dataset size' }).inputValue()).resolves.toBe(
			'200',
		);
		await page.getByLabel('Speed').selectOption('4');
		await page.getByRole('button', { name: 'Train', exact: true }).click();
		await waitForLabStatus(page, 'Completed 150 epochs');
		const insight = page.getByTestId('insights');
		await expect(insight.textContent()).resolves.toMatch(
			/Over-fitting: validation loss was lowest at epoch \d+/,
		);
		// The live region says it too, not just the page.
		await expect(page.locator('.lab p[role="status"][aria-live]').textContent()).resolves.toContain(
			'Over-fitting',
		);
		// The run records the build's git commit as its code version.
		await expect(
			page.locator('[data-testid="run-table"] tr[data-run="1"] code[title]').textContent(),
		).resolves.toMatch(/^[0-9a-f]{7,}$/);
		expect(errors).toEqual([]);
	});

	test('keyboard: focus follows the action (play/pause, register, promote, reproduce)', async () => {
		const { page, errors } = await openPage(browser());
		await openLab(page, '?epochs=3&datasetSize=400');
		await page.getByRole('button', { name: 'Train', exact: true }).focus();
		await page.keyboard.press('Enter');
		await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Pause');
		await waitForLabStatus(page, 'Completed 3 epochs');
		await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe(
			'Train',
		);
		// Registering disables its button; focus moves on to the new version's first action.
		const focusedLabel = () =>
			page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
		await page.getByRole('button', { name: 'Register run 1' }).focus();
		await page.keyboard.press('Enter');
		await expect.poll(focusedLabel).toBe('Move version 1 to staging');
		await page.keyboard.press('Enter');
		await expect.poll(focusedLabel).toMatch(/^Move version 1 /);
		await expect(
			page.locator('[data-testid="registry-table"] tr[data-version="1"]').textContent(),
		).resolves.toContain('staging');
		// Reproducing disables every Reproduce button; focus lands on the curves it redraws.
		await page.getByRole('button', { name: 'Reproduce run 1' }).focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('curves-heading');
		await page.getByText('Reproduced exactly.').waitFor({ timeout: 60_000 });
		expect(errors).toEqual([]);
	});
});
