/**
 * Journeys through the site chrome: the home page leads into the three uses, a lesson reads
 * with its objectives and table of contents, the theme toggle persists without a flash, search
 * finds a lesson and links to the right heading, and the 404 page answers unknown paths.
 */
import { describe, expect, test } from 'vitest';
import { baseUrl, openPage, useBrowser } from './browser';

const browser = useBrowser();

describe('home page', () => {
	test('leads into learning, assessing and teaching', async () => {
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseUrl()}/`);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/model/i);
		for (const name of ['Learn', 'Assess', 'Teach']) {
			expect(await page.getByRole('heading', { level: 2, name }).count()).toBe(1);
		}
		await page.getByRole('link', { name: /Start with/ }).click();
		await page.waitForURL(/\/lessons\/foundations\/01-what-is-mlops\/$/);
		expect(errors).toEqual([]);
	});
});

describe('lesson page', () => {
	test('shows objectives, reading time, a table of contents and next-lesson link', async () => {
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseUrl()}/lessons/foundations/01-what-is-mlops/`);
		expect(await page.getByRole('heading', { name: 'After this lesson you can' }).count()).toBe(1);
		expect(await page.getByText(/\d+ min read/).count()).toBe(1);
		const toc = page.getByRole('navigation', { name: 'On this page' });
		const firstTocLink = toc.getByRole('link').first();
		const href = await firstTocLink.getAttribute('href');
		expect(href).toMatch(/^#/);
		expect(await page.locator(href ?? '#missing').count()).toBe(1);
		expect(errors).toEqual([]);
	});

	test('records the visit so the home page offers to continue', async () => {
		const { page } = await openPage(browser());
		await page.goto(`${baseUrl()}/lessons/foundations/01-what-is-mlops/`);
		// Progress loads once the page has settled (a bounce in the first second is not a visit).
		await page.locator('[data-complete]').waitFor();
		await page.goto(`${baseUrl()}/`);
		const box = page.locator('[data-continue]');
		await expect(box.textContent()).resolves.toContain('What MLOps is');
	});

	test('a glossary term shows its definition on keyboard focus', async () => {
		const { page } = await openPage(browser());
		await page.goto(`${baseUrl()}/lessons/foundations/01-what-is-mlops/`);
		const term = page.locator('.term a').first();
		const tipId = await term.getAttribute('aria-describedby');
		const tip = page.locator(`#${tipId}`);
		expect(await tip.isVisible()).toBe(false);
		await term.focus();
		await page.waitForTimeout(200);
		expect(await tip.isVisible()).toBe(true);
		// WCAG 1.4.13: Escape dismisses it without moving focus; focusing again shows it.
		await page.keyboard.press('Escape');
		expect(await tip.isVisible()).toBe(false);
		expect(await term.evaluate((node) => node === document.activeElement)).toBe(true);
		await page.locator('h1').click();
		await term.focus();
		expect(await tip.isVisible()).toBe(true);
	});

	test('glossary tips stay out of the search index', async () => {
		const { page } = await openPage(browser());
		await page.goto(`${baseUrl()}/lessons/delivery/03-deployment-strategies/`);
		const tips = page.locator('.term-tip');
		expect(await tips.count()).toBeGreaterThan(0);
		const unmarked = await tips.evaluateAll(
			(nodes) => nodes.filter((n) => !n.hasAttribute('data-pagefind-ignore')).length,
		);
		expect(unmarked).toBe(0);
		// And the index agrees: no excerpt carries a definition spliced in as "Term: definition".
		// A string, so the test runner's module transform leaves the dynamic import alone.
		const excerpts: string[] = await page.evaluate(`(async () => {
			const pagefind = await import('/pagefind/pagefind.js');
			const search = await pagefind.search('canary release');
			const data = await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
			return data.map((d) => d.excerpt.replace(/<[^>]+>/g, ''));
		})()`);
		expect(excerpts.length).toBeGreaterThan(0);
		for (const excerpt of excerpts) expect(excerpt).not.toMatch(/Canary release:/i);
	});
});

describe('home page labs', () => {
	test('links the labs that exist and marks the others as coming', async () => {
		const { page } = await openPage(browser());
		await page.goto(`${baseUrl()}/`);
		const items = page.locator('[data-lab]');
		expect(await items.count()).toBe(4);
		let coming = 0;
		for (let i = 0; i < 4; i++) {
			const item = items.nth(i);
			const id = await item.getAttribute('data-lab');
			const linked = (await item.locator(`a[href="/labs/${id}/"]`).count()) === 1;
			const marked = (await item.getByText('Coming soon.').count()) === 1;
			expect(linked).toBe(!marked);
			if (marked) coming += 1;
		}
		const sentence = await page.getByText(/of the four labs (is|are) open|All four labs are open/);
		await expect(sentence.textContent()).resolves.toMatch(
			coming === 0 ? /All four labs are open/ : /still being built/,
		);
	});
});

describe('theme', () => {
	test('follows the system setting, toggles, and keeps the choice on the next page', async () => {
		const { page } = await openPage(browser(), { colorScheme: 'dark' });
		await page.goto(`${baseUrl()}/`);
		const theme = () => page.evaluate(() => document.documentElement.dataset['theme']);
		expect(await theme()).toBe('dark');
		await page.getByRole('button', { name: 'Dark theme' }).click();
		expect(await theme()).toBe('light');
		await page.goto(`${baseUrl()}/glossary/`);
		// Set by the inline head script before first paint, so it is right on first read.
		expect(await theme()).toBe('light');
	});
});

describe('search', () => {
	test('opens from the keyboard, finds a lesson, and links into a section', async () => {
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseUrl()}/glossary/`);
		await page.keyboard.press('/');
		const input = page.getByRole('searchbox');
		await input.fill('technical debt');
		const result = page.locator('.search-results li a').first();
		await result.waitFor({ timeout: 10_000 });
		const href = await result.getAttribute('href');
		expect(href).toMatch(/\/lessons\/.+#/);
		expect(errors).toEqual([]);
	});
});

describe('not found', () => {
	test('unknown paths get the 404 page with ways back', async () => {
		const { page } = await openPage(browser());
		const response = await page.goto(`${baseUrl()}/no/such/page/`);
		expect(response?.status()).toBe(404);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
	});
});
