/**
 * The lesson islands in a real browser: the lifecycle stepper and the pipeline steps are driven
 * by keyboard alone and must change what they show and announce; the maturity explorer's tabs
 * follow the arrow keys; and with JavaScript disabled every step and level is on the page.
 * Islands are found in the built site by their `data-island` attribute, so the spec follows the
 * lessons that embed them rather than hard-coding where they live.
 */
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { baseUrl, openPage, useBrowser } from './browser';

const browser = useBrowser();

/** URL path of the first built page that contains the island, e.g. '/lessons/x/y/'. */
async function pathWithIsland(island: string, dir = 'dist'): Promise<string | undefined> {
	for (const entry of await readdir(dir, { withFileTypes: true })) {
		const full = join(dir, entry.name);
		// Lesson handouts render the lesson too, but keep only its figure and quiz.
		const skipped = ['_astro', 'pagefind', 'handout'];
		if (entry.isDirectory() && !skipped.includes(entry.name)) {
			const found = await pathWithIsland(island, full);
			if (found) return found;
		} else if (entry.name === 'index.html') {
			const html = await readFile(full, 'utf8');
			if (html.includes(`data-island="${island}"`)) {
				return `/${dir.replace(/^dist\/?/, '')}/`.replace(/\/+/g, '/');
			}
		}
	}
	return undefined;
}

/** Opens the page holding the island and returns the island once hydrated. */
async function openIsland(page: Page, island: string, readyButton: RegExp): Promise<Locator> {
	const path = await pathWithIsland(island);
	expect(path, `no built page embeds ${island}`).toBeDefined();
	await page.goto(`${baseUrl()}${path ?? '/'}`);
	const root = page.locator(`[data-island="${island}"]`).first();
	await root.scrollIntoViewIfNeeded();
	await root.getByRole('button', { name: readyButton }).first().waitFor();
	return root;
}

/** The text of the one phase or step heading that is currently visible in the island. */
async function visibleHeading(root: Locator): Promise<string> {
	const heading = root.locator('h3:visible');
	expect(await heading.count()).toBe(1);
	return (await heading.textContent())?.replace(/\s+/g, ' ').trim() ?? '';
}

const liveText = async (root: Locator): Promise<string> =>
	(await root.locator('[aria-live="polite"]').textContent()) ?? '';

describe('lifecycle stepper', () => {
	test('steps forward, jumps and loops back by keyboard, announcing each phase', async () => {
		const { page, errors } = await openPage(browser());
		const root = await openIsland(page, 'lifecycle-stepper', /Next/);
		expect(await visibleHeading(root)).toBe('Phase 1 of 8: Business understanding');

		await root.getByRole('button', { name: 'Next →' }).focus();
		await page.keyboard.press('Enter');
		expect(await visibleHeading(root)).toBe('Phase 2 of 8: Data acquisition and understanding');
		expect(await liveText(root)).toBe(
			'Phase 2 of 8: Data acquisition and understanding. Stage: Design.',
		);

		const current = root.locator('[aria-current="step"]');
		await current.focus();
		await page.keyboard.press('End');
		expect(await current.textContent()).toContain('Retraining');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Retraining');
		expect(await visibleHeading(root)).toBe('Phase 8 of 8: Retraining');

		const loop = root.getByRole('button', { name: /Loop back to data acquisition/ });
		await loop.focus();
		await page.keyboard.press('Space');
		expect(await visibleHeading(root)).toBe('Phase 2 of 8: Data acquisition and understanding');
		expect(await liveText(root)).toMatch(/^Looped back to phase 2 of 8/);

		await root.locator('[aria-current="step"]').focus();
		await page.keyboard.press('ArrowLeft');
		expect(await visibleHeading(root)).toBe('Phase 1 of 8: Business understanding');
		expect(await root.getByRole('button', { name: '← Previous' }).isDisabled()).toBe(true);
		expect(errors).toEqual([]);
	});
});

describe('pipeline steps', () => {
	test('moves through the steps with Tab, Enter and the arrow keys', async () => {
		const { page, errors } = await openPage(browser());
		const root = await openIsland(page, 'pipeline-steps', /Next/);
		const first = await visibleHeading(root);
		expect(first).toMatch(/^Step 1 of \d: /);
		const count = Number(/of (\d)/.exec(first)?.[1]);

		// From the last step button, Tab skips the disabled "Previous" and lands on "Next".
		await root
			.getByRole('list', { name: /^Steps of / })
			.getByRole('button')
			.last()
			.focus();
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Next →');
		await page.keyboard.press('Enter');
		const second = await visibleHeading(root);
		expect(second).toMatch(/^Step 2 of \d: /);
		expect(await liveText(root)).toBe(`${second}.`);

		await root.locator('[aria-current="step"]').focus();
		await page.keyboard.press('ArrowRight');
		expect(await visibleHeading(root)).toMatch(/^Step 3 of \d: /);
		await page.keyboard.press('End');
		expect(await visibleHeading(root)).toMatch(new RegExp(`^Step ${count} of ${count}: `));
		expect(await root.getByRole('button', { name: 'Next →' }).isDisabled()).toBe(true);
		await page.keyboard.press('Home');
		expect(await visibleHeading(root)).toBe(first);
		expect(errors).toEqual([]);
	});
});

describe('maturity explorer', () => {
	test('tabs follow the arrow keys and level buttons show one level at a time', async () => {
		const { page, errors } = await openPage(browser());
		const root = await openIsland(page, 'maturity-explorer', /Level 1/);
		const google = root.getByRole('tab', { name: 'Google (0–2)' });
		expect(await google.getAttribute('aria-selected')).toBe('true');

		await root.getByRole('button', { name: /Level 1/ }).click();
		expect(await root.locator('h4:visible').textContent()).toBe('Level 1: ML pipeline automation');

		await google.focus();
		await page.keyboard.press('ArrowRight');
		const microsoft = root.getByRole('tab', { name: 'Microsoft (0–4)' });
		expect(await microsoft.getAttribute('aria-selected')).toBe('true');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');
		expect(await root.getByRole('tabpanel').locator('h3').textContent()).toMatch(/Microsoft/);
		await root.getByRole('button', { name: /Level 4/ }).click();
		expect(await root.locator('h4:visible').textContent()).toBe(
			'Level 4: Full MLOps automated operations',
		);
		expect(await liveText(root)).toBe('Microsoft level 4: Full MLOps automated operations.');
		expect(errors).toEqual([]);
	});
});

describe('without JavaScript', () => {
	test('every phase, step and level is rendered and no controls are shown', async () => {
		const context = await browser().newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		for (const island of ['lifecycle-stepper', 'pipeline-steps', 'maturity-explorer']) {
			const path = await pathWithIsland(island);
			expect(path, `no built page embeds ${island}`).toBeDefined();
			await page.goto(`${baseUrl()}${path ?? '/'}`);
			const root = page.locator(`[data-island="${island}"]`).first();
			expect(await root.getByRole('button').count(), island).toBe(0);
			if (island === 'lifecycle-stepper') {
				const headings = await root.locator('h3:visible').allTextContents();
				expect(headings.map((h) => h.replace(/\s+/g, ' ').trim())).toEqual([
					'Phase 1 of 8: Business understanding',
					'Phase 2 of 8: Data acquisition and understanding',
					'Phase 3 of 8: Data preparation and feature engineering',
					'Phase 4 of 8: Modelling and experimentation',
					'Phase 5 of 8: Evaluation',
					'Phase 6 of 8: Deployment',
					'Phase 7 of 8: Monitoring',
					'Phase 8 of 8: Retraining',
				]);
			} else if (island === 'pipeline-steps') {
				const headings = await root.locator('h3:visible').allTextContents();
				expect(headings.length).toBeGreaterThanOrEqual(4);
				headings.forEach((h, i) =>
					expect(h.replace(/\s+/g, ' ').trim()).toMatch(
						new RegExp(`^Step ${i + 1} of ${headings.length}: `),
					),
				);
			} else {
				expect(await root.locator('h4:visible').allTextContents()).toEqual([
					'Level 0: Manual process',
					'Level 1: ML pipeline automation',
					'Level 2: CI/CD pipeline automation',
					'Level 0: No MLOps',
					'Level 1: DevOps but no MLOps',
					'Level 2: Automated training',
					'Level 3: Automated model deployment',
					'Level 4: Full MLOps automated operations',
				]);
			}
		}
		await context.close();
	});
});
