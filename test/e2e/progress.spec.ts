/**
 * Saved progress: a quiz score survives a reload and shows on the lessons index; a lesson can
 * be marked complete; a broken import is refused with a message and the existing progress is
 * untouched; corrupted storage gets a message and the raw data is kept.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, launchBrowser, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const lesson = '/lessons/foundations/01-what-is-mlops/';

describe('quiz', () => {
	test('grades answers, explains every option, and keeps the score after a reload', async () => {
		const { page, errors } = await openPage(browser);
		await page.goto(baseUrl() + lesson);
		const questions = page.locator('[data-question]');
		const count = await questions.count();
		expect(count).toBeGreaterThanOrEqual(3);
		// Answer the first question wrongly and the rest correctly.
		for (let i = 0; i < count; i++) {
			const option = questions
				.nth(i)
				.locator(`.quiz-option[data-correct="${i === 0 ? 'false' : 'true'}"] input`)
				.first();
			await option.check();
		}
		await page.getByRole('button', { name: 'Check answers' }).click();
		const result = page.locator('[data-result]');
		await expect(result.textContent()).resolves.toContain(`You got ${count - 1} of ${count}`);
		// Every option's explanation is now visible.
		const explanations = page.locator('.quiz-why');
		const visible = await explanations.evaluateAll((nodes) =>
			nodes.every((n) => (n as HTMLDetailsElement).open),
		);
		expect(visible).toBe(true);

		await page.reload();
		// Grading loads after the page has loaded; wait for it before reading the saved score.
		await page.locator('[data-quiz].is-interactive').waitFor();
		await expect(page.locator('[data-result]').textContent()).resolves.toContain(
			`Your best score so far: ${count - 1} of ${count}`,
		);
		await page.goto(`${baseUrl()}/lessons/`);
		const card = page.locator('[data-lesson-card="foundations/01-what-is-mlops"] [data-status]');
		await expect(card.textContent()).resolves.toContain(`quiz ${count - 1}/${count}`);
		expect(errors).toEqual([]);
	});
});

describe('progress tools', () => {
	test('marking complete shows on the lessons index and in the path', async () => {
		const { page } = await openPage(browser);
		await page.goto(baseUrl() + lesson);
		await page.getByRole('button', { name: 'Mark this lesson complete' }).click();
		await page.goto(`${baseUrl()}/lessons/`);
		await page.getByText(/You have completed 1 of/).waitFor();
		const card = page.locator('[data-lesson-card="foundations/01-what-is-mlops"] [data-status]');
		await expect(card.textContent()).resolves.toContain('Completed');
	});

	test('a broken import is refused and existing progress stays', async () => {
		const { page } = await openPage(browser);
		await page.goto(baseUrl() + lesson);
		await page.getByRole('button', { name: 'Mark this lesson complete' }).click();
		await page.goto(`${baseUrl()}/lessons/`);
		await page.getByText(/You have completed 1 of/).waitFor();
		const before = await page.evaluate(() => localStorage.getItem('mlops-lab:progress'));
		await page.locator('input[type=file]').setInputFiles({
			name: 'progress.json',
			mimeType: 'application/json',
			buffer: Buffer.from('{"version": 7, "lessons": {}}'),
		});
		await page.getByText(/could not be imported: unsupported progress version 7/).waitFor();
		expect(await page.evaluate(() => localStorage.getItem('mlops-lab:progress'))).toBe(before);
	});

	test('clearing asks for confirmation first', async () => {
		const { page } = await openPage(browser);
		await page.goto(baseUrl() + lesson);
		await page.getByRole('button', { name: 'Mark this lesson complete' }).click();
		await page.goto(`${baseUrl()}/lessons/`);
		await page.getByRole('button', { name: 'Clear progress…' }).click();
		await page.getByRole('button', { name: 'Keep it' }).click();
		await page.getByText(/You have completed 1 of/).waitFor();
		await page.getByRole('button', { name: 'Clear progress…' }).click();
		await page.getByRole('button', { name: 'Yes, clear' }).click();
		await page.getByText(/You have completed 0 of/).waitFor();
	});

	test('corrupted storage gets a message and the raw data is kept', async () => {
		const { page, errors } = await openPage(browser);
		await page.goto(`${baseUrl()}/lessons/`);
		await page.evaluate(() => localStorage.setItem('mlops-lab:progress', '{not json'));
		await page.reload();
		await page
			.getByRole('alert')
			.getByText(/could not be read/)
			.waitFor();
		expect(await page.evaluate(() => localStorage.getItem('mlops-lab:progress'))).toBe('{not json');
		await page.getByRole('button', { name: 'Start fresh' }).click();
		const keys = await page.evaluate(() => Object.keys(localStorage));
		expect(keys.some((k) => k.startsWith('mlops-lab:progress.unreadable-'))).toBe(true);
		// The lesson page still works with corrupted storage elsewhere.
		await page.goto(baseUrl() + lesson);
		expect(errors).toEqual([]);
	});
});
