/**
 * Saved progress: a quiz score survives a reload and shows on the lessons index; a lesson can
 * be marked complete; a broken import is refused with a message and the existing progress is
 * untouched; an import into full storage never claims success; imports keep only lessons that
 * exist; corrupted storage gets a message, the raw data is kept, and lesson pages point to the
 * recovery tools instead of silently dropping "mark complete".
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, openPage, useBrowser } from './browser';

const browser = useBrowser();

const lesson = '/lessons/foundations/01-what-is-mlops/';

/** Marks the lesson complete, then opens the lessons index once it counts the completion. */
async function completeLessonThenOpenIndex(page: Page): Promise<void> {
	await page.goto(baseUrl() + lesson);
	await page.getByRole('button', { name: 'Mark this lesson complete' }).click();
	await page.goto(`${baseUrl()}/lessons/`);
	await page.getByText(/You have completed 1 of/).waitFor();
}

describe('quiz', () => {
	test('grades answers, explains every option, and keeps the score after a reload', async () => {
		const { page, errors } = await openPage(browser());
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
		const { page } = await openPage(browser());
		await completeLessonThenOpenIndex(page);
		const card = page.locator('[data-lesson-card="foundations/01-what-is-mlops"] [data-status]');
		await expect(card.textContent()).resolves.toContain('Completed');
	});

	test('a broken import is refused and existing progress stays', async () => {
		const { page } = await openPage(browser());
		await completeLessonThenOpenIndex(page);
		const before = await page.evaluate(() => localStorage.getItem('mlops-lab:progress'));
		await page.locator('input[type=file]').setInputFiles({
			name: 'progress.json',
			mimeType: 'application/json',
			buffer: Buffer.from('{"version": 7, "lessons": {}}'),
		});
		await page.getByText(/could not be imported: unsupported progress version 7/).waitFor();
		expect(await page.evaluate(() => localStorage.getItem('mlops-lab:progress'))).toBe(before);
	});

	const importFile = (name: string, text: string) => ({
		name,
		mimeType: 'application/json',
		buffer: Buffer.from(text),
	});

	test('an import into full storage says nothing was imported, and nothing was', async () => {
		const { page } = await openPage(browser());
		await page.goto(`${baseUrl()}/lessons/`);
		await page.getByText(/You have completed 0 of/).waitFor();
		// Every later write fails as it does when the quota is exhausted.
		await page.evaluate(() => {
			Storage.prototype.setItem = () => {
				throw new DOMException('full', 'QuotaExceededError');
			};
		});
		const valid = JSON.stringify({
			version: 1,
			lessons: { 'foundations/01-what-is-mlops': { visitedAtMs: 1, completedAtMs: 2 } },
		});
		await page.locator('input[type=file]').setInputFiles(importFile('valid.json', valid));
		await page
			.getByText(
				'“valid.json” could not be imported: this browser’s storage is unavailable or full. Your progress was not changed.',
			)
			.waitFor();
		expect(await page.getByText(/Imported/).count()).toBe(0);
		await page.getByText(/You have completed 0 of/).waitFor();
		await page.reload();
		await page.getByText(/You have completed 0 of/).waitFor();
	});

	test('an import keeps only lessons that exist and says how many it ignored', async () => {
		const { page } = await openPage(browser());
		await page.goto(`${baseUrl()}/lessons/`);
		await page.getByText(/You have completed 0 of/).waitFor();
		const lessons: Record<string, { visitedAtMs: number; completedAtMs?: number }> = {
			'foundations/01-what-is-mlops': { visitedAtMs: 1, completedAtMs: 2 },
		};
		for (let i = 0; i < 500; i++) lessons[`made-up/lesson-${i}`] = { visitedAtMs: i };
		const file = importFile('mixed.json', JSON.stringify({ version: 1, lessons }));
		await page.locator('input[type=file]').setInputFiles(file);
		await page
			.getByText(
				'Imported 1 lesson from “mixed.json” and merged it with your progress. 500 lessons the site does not have were ignored.',
			)
			.waitFor();
		await page.getByText(/You have completed 1 of/).waitFor();
		const stored = await page.evaluate(() => localStorage.getItem('mlops-lab:progress'));
		expect(Object.keys(JSON.parse(stored ?? '{}').lessons)).toEqual([
			'foundations/01-what-is-mlops',
		]);
	});

	test('import messages end in full sentences and name a foreign file plainly', async () => {
		const { page } = await openPage(browser());
		await page.goto(`${baseUrl()}/lessons/`);
		await page.getByText(/You have completed 0 of/).waitFor();
		const input = page.locator('input[type=file]');
		await input.setInputFiles(importFile('broken.json', '{not json'));
		await page
			.getByText(
				'“broken.json” could not be imported: it is not valid JSON. Your progress was not changed.',
			)
			.waitFor();
		await input.setInputFiles(importFile('package.json', '{"name": "my-app"}'));
		await page
			.getByText(
				'“package.json” could not be imported: it is not an MLOps Lab progress file (it has no "version" and "lessons"). Your progress was not changed.',
			)
			.waitFor();
	});

	test('clearing asks for confirmation first', async () => {
		const { page } = await openPage(browser());
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
		const { page, errors } = await openPage(browser());
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

	test('with unreadable progress, a lesson says why it cannot save and links to recovery', async () => {
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseUrl()}/lessons/`);
		await page.evaluate(() => localStorage.setItem('mlops-lab:progress', '{not json'));
		await page.goto(baseUrl() + lesson);
		const status = page.locator('[data-complete-status]');
		await status.getByRole('link', { name: 'recover it on the lessons page' }).waitFor();
		await expect(status.textContent()).resolves.toBe(
			'Your saved progress could not be read, so this lesson cannot be marked complete until you recover it on the lessons page.',
		);
		expect(await page.getByRole('button', { name: 'Mark this lesson complete' }).count()).toBe(0);
		const result = page.locator('[data-result]');
		const link = result.getByRole('link', { name: 'recover it on the lessons page' });
		await link.waitFor();
		expect(await link.getAttribute('href')).toBe('/lessons/#progress-title');
		// Grading still works and says the score was not saved, again pointing to recovery.
		const questions = page.locator('[data-question]');
		for (let i = 0; i < (await questions.count()); i++) {
			await questions.nth(i).locator('.quiz-option input').first().check();
		}
		await page.getByRole('button', { name: 'Check answers' }).click();
		await expect(result.textContent()).resolves.toMatch(
			/^You got \d of \d\. Your score was not saved because your saved progress could not be read; recover it on the lessons page\.$/,
		);
		// Nothing overwrote the unreadable data.
		expect(await page.evaluate(() => localStorage.getItem('mlops-lab:progress'))).toBe('{not json');
		await link.click();
		await page.waitForURL(/\/lessons\/#progress-title$/);
		await page.getByRole('button', { name: 'Start fresh' }).waitFor();
		expect(errors).toEqual([]);
	});
});
