/**
 * Accessibility sweep: every page in the sitemap, in light and dark themes, checked by axe
 * (WCAG 2.x A and AA rules plus best practices). Any violation fails with the rule, the page
 * and the offending elements, so the report says exactly what to fix. A second pass at phone
 * width (360 px) checks axe again (controls lose visible text there) and that no page scrolls
 * sideways.
 */
import { describe, expect, test } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { baseUrl, openPage, sitemapPaths, useBrowser } from './browser';

const browser = useBrowser();

const paths = await sitemapPaths();

describe('axe sweep', () => {
	test('the sitemap lists the main pages', () => {
		expect(paths).toEqual(expect.arrayContaining(['/', '/lessons/', '/glossary/']));
		expect(paths.length).toBeGreaterThan(4);
	});

	for (const scheme of ['light', 'dark'] as const) {
		test.each(paths)(`%s has no violations (${scheme})`, async (path) => {
			const { page } = await openPage(browser(), { colorScheme: scheme });
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

	test.each(paths)('%s has no violations and no sideways scroll at 360 px', async (path) => {
		const { page } = await openPage(browser(), { viewport: { width: 360, height: 740 } });
		await page.goto(`${baseUrl()}${path}`, { waitUntil: 'load' });
		await page.waitForTimeout(300);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
		);
		expect(overflow, 'page is wider than the viewport').toBeLessThanOrEqual(0);
		const results = await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
			.analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
		await page.context().close();
	});
});
