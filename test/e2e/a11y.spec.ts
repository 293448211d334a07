/**
 * Accessibility sweep: every page in the sitemap, in light and dark themes, checked by axe
 * (WCAG 2.x A and AA rules plus best practices). Any violation fails with the rule, the page
 * and the offending elements, so the report says exactly what to fix.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { baseUrl, launchBrowser, openPage, sitemapPaths } from './browser';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const paths = await sitemapPaths();

describe('axe sweep', () => {
	test('the sitemap lists the main pages', () => {
		expect(paths).toEqual(expect.arrayContaining(['/', '/lessons/', '/glossary/']));
		expect(paths.length).toBeGreaterThan(4);
	});

	for (const scheme of ['light', 'dark'] as const) {
		test.each(paths)(`%s has no violations (${scheme})`, async (path) => {
			const { page } = await openPage(browser, { colorScheme: scheme });
			await page.goto(`${baseUrl()}${path}`, { waitUntil: 'load' });
			// Let islands hydrate so the checked DOM is what a user meets.
			await page.waitForTimeout(300);
			const results = await new AxeBuilder({ page })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
				.analyze();
			const summary = results.violations.map(
				(v) =>
					`${v.id} (${v.impact}): ${v.help} — ${v.nodes
						.map((n) => n.target.join(' '))
						.slice(0, 5)
						.join(', ')}`,
			);
			expect(summary).toEqual([]);
			await page.context().close();
		});
	}
});
