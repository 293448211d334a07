/**
 * Paper for a workshop: every lesson's handout, and the assessment's one-page summary, printed
 * by Chromium to an A4 PDF, is exactly one page. Pages are counted as the PDF's `/Type /Page`
 * objects (not the `/Pages` tree). Each handout keeps its objectives, key terms, figure and quiz.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addShared, notebookModel } from './assessments';
import { baseUrl, launchBrowser, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const a4Pages = async (page: Page): Promise<number> => {
	await page.emulateMedia({ media: 'print' });
	const pdf = await page.pdf({ format: 'A4' });
	return pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
};

describe('printed on A4', () => {
	test('every lesson handout is one page with its objectives, terms, figure and quiz', async () => {
		const { page, errors } = await openPage(browser);
		await page.goto(`${baseUrl()}/teach/`);
		const handouts = await page
			.locator('.handouts a[href$="/handout/"]')
			.evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('href') ?? ''))]);
		expect(handouts.length).toBeGreaterThanOrEqual(19);
		const pages: Record<string, number> = {};
		for (const href of handouts) {
			await page.emulateMedia({ media: 'screen' });
			await page.goto(`${baseUrl()}${href}`);
			await page.locator('[data-handout-source][data-ready]').waitFor({ state: 'attached' });
			expect(await page.locator('#handout-objectives + ul li').count(), href).toBeGreaterThan(0);
			expect(await page.locator('.from-lesson .quiz-question').count(), href).toBeGreaterThan(0);
			expect(await page.locator('.from-lesson [data-correct]').count(), href).toBe(0);
			pages[href] = await a4Pages(page);
		}
		expect(Object.entries(pages).filter(([, n]) => n !== 1)).toEqual([]);
		expect(errors).toEqual([]);
	}, 240_000);

	test('the assessment’s one-page summary', async () => {
		const { page, errors } = await openPage(browser);
		await addShared(page, notebookModel());
		expect(await a4Pages(page)).toBe(1);
		expect(errors).toEqual([]);
	});
});
