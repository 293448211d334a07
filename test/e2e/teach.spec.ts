/**
 * The workshop kit as a trainer uses it: pick a workshop on /teach/, set the start time of its
 * run sheet, show a step's link as a QR code (the encoder loading only then), refuse an off-site
 * link, and open a preset from the facilitator's list.
 */
import { describe, expect, test } from 'vitest';
import { baseUrl, openPage, useBrowser } from './browser';

const browser = useBrowser();

describe('workshop kit', () => {
	test('a trainer opens the 90-minute run sheet, moves its clock and shows a step as a QR code', async () => {
		const { page, errors } = await openPage(browser());
		const scripts: string[] = [];
		page.on('request', (request) => {
			if (request.resourceType() === 'script') scripts.push(request.url());
		});
		await page.goto(`${baseUrl()}/teach/`);
		await expect(page.locator('.agendas > li').count()).resolves.toBe(3);
		await page.getByRole('link', { name: 'MLOps in 90 minutes: an introduction' }).click();
		await page.waitForURL(/\/teach\/introduction-90\/$/);

		const times = () => page.locator('.steps time').allTextContents();
		await expect(times()).resolves.toEqual(expect.arrayContaining(['09:00', '09:10', '09:20']));
		await expect(page.locator('.end time').textContent()).resolves.toBe('10:30');
		await page.getByLabel('Start time').fill('13:45');
		await page.getByLabel('Start time').dispatchEvent('change');
		await expect(page.locator('.end time').textContent()).resolves.toBe('15:15');
		expect(new URL(page.url()).searchParams.get('start')).toBe('13:45');
		// A link with a start time opens with the same clock.
		await page.reload();
		await expect(page.locator('.steps time').first().textContent()).resolves.toBe('13:45');
		expect(scripts.filter((url) => url.includes('/qr.'))).toEqual([]);

		const step = page.locator('#step-3');
		const presetHref = await step.locator('.step-link a').first().getAttribute('href');
		expect(presetHref).toMatch(/^\/labs\/training\/\?.*seed=42/);
		await step.getByRole('link', { name: 'QR code for step 3' }).click();
		await page.locator('[data-qr-code] svg').waitFor();
		expect(scripts.filter((url) => url.includes('/qr.'))).toHaveLength(1);
		const shown = await page.locator('[data-qr-url]').textContent();
		expect(shown).toBe(`${new URL(baseUrl()).host}${presetHref}`);
		await expect(page.getByRole('img', { name: `QR code for ${shown}` }).count()).resolves.toBe(1);
		await expect(
			page.getByRole('link', { name: 'Open the link' }).getAttribute('href'),
		).resolves.toBe(`${baseUrl()}${presetHref}`);
		expect(errors).toEqual([]);
	});

	test('the QR page refuses a link to another site and says why', async () => {
		const { page, errors } = await openPage(browser());
		await page.goto(
			`${baseUrl()}/teach/qr/?url=${encodeURIComponent('https://evil.example.com/x')}`,
		);
		await expect(page.getByRole('alert').textContent()).resolves.toContain(
			'Only links to this site can be shown as a QR code here',
		);
		await expect(page.locator('[data-qr-code] svg').count()).resolves.toBe(0);
		expect(errors).toEqual([]);
	});

	test('every preset on the facilitator’s list has a question and opens its lab', async () => {
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseUrl()}/teach/presets/`);
		const presets = page.locator('.preset');
		await expect(presets.count()).resolves.toBe(26);
		await expect(presets.locator('dt', { hasText: 'Ask the room' }).count()).resolves.toBe(26);
		await page.getByRole('link', { name: 'Open Concept drift' }).click();
		await page.waitForURL(/\/labs\/drift\/\?preset=concept-drift/);
		await page.locator('astro-island:not([ssr])').first().waitFor({ state: 'attached' });
		await page.getByTestId('preset-notice').waitFor();
		expect(errors).toEqual([]);
	});
});

describe('presenter view', () => {
	test('a preset opened with ?present=1 shows the timer, the shortcuts and drives marked controls', async () => {
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseUrl()}/teach/presets/`);
		await page.getByRole('link', { name: 'Present Concept drift on the projector' }).click();
		await page.waitForURL(/present=1/);
		const bar = page.getByRole('region', { name: 'Presenter controls' });
		await bar.waitFor();
		await expect(page.locator('html').getAttribute('data-presenter')).resolves.toBe('');
		// The timer moves.
		await page.waitForFunction(
			() => document.querySelector('.presenter-timer')?.textContent !== '0:00',
			null,
			{ timeout: 5000 },
		);
		await page.keyboard.press('Shift+?');
		const help = page.getByRole('dialog', { name: 'Presenter shortcuts' });
		await help.waitFor();
		await expect(help.locator('tbody tr').count()).resolves.toBe(9);
		await page.keyboard.press('Escape');
		await expect(help.isVisible()).resolves.toBe(false);

		// The shortcut layer is generic: it clicks whatever the page marks for the action.
		await page.evaluate(() => {
			const button = document.createElement('button');
			button.type = 'button';
			button.textContent = 'Fixture play';
			button.dataset.presenterAction = 'play-pause';
			button.addEventListener('click', () => {
				button.dataset.clicks = String(Number(button.dataset.clicks ?? 0) + 1);
			});
			document.querySelector('main')?.prepend(button);
			(document.activeElement as HTMLElement | null)?.blur();
		});
		await page.keyboard.press('k');
		await expect(
			page.getByRole('button', { name: 'Fixture play' }).getAttribute('data-clicks'),
		).resolves.toBe('1');
		// The lab marks its own controls (LabShell): step moves the drift lab one day.
		await page.locator('.lab').scrollIntoViewIfNeeded();
		await page.locator('astro-island:not([ssr])').first().waitFor({ state: 'attached' });
		await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
		await page.keyboard.press('.');
		await page.waitForFunction(
			() => document.querySelector('.lab .status')?.textContent?.includes('Paused after day 1'),
			null,
			{ timeout: 30_000 },
		);

		// Presenter view survives a reload in the same tab even if the lab rewrote its URL.
		await page.evaluate(() => history.replaceState(null, '', location.pathname));
		await page.reload();
		await bar.waitFor();
		await page.getByRole('link', { name: 'Leave presenter view' }).click();
		await page.waitForURL((url) => !url.search.includes('present'));
		await expect(page.locator('html').getAttribute('data-presenter')).resolves.toBeNull();
		expect(errors).toEqual([]);
	});

	test('a lesson has a Presenter view button that keeps the mode in its links', async () => {
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseUrl()}/lessons/foundations/01-what-is-mlops/`);
		await page.getByRole('button', { name: 'Presenter view' }).click();
		await page.getByRole('region', { name: 'Presenter controls' }).waitFor();
		expect(new URL(page.url()).searchParams.get('present')).toBe('1');
		const next = await page.locator('a[rel="next"]').getAttribute('href');
		expect(next).toMatch(/^\/lessons\/.*\?present=1$/);
		const size = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
		expect(size).toBe('20px');
		expect(errors).toEqual([]);
	});
});

describe('handouts', () => {
	test('a lesson handout shows objectives, terms, one figure and the quiz without answers, on one A4 page', async () => {
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseUrl()}/lessons/foundations/02-ml-lifecycle/`);
		await page.getByRole('link', { name: 'Printable handout' }).click();
		await page.waitForURL(/\/lessons\/foundations\/02-ml-lifecycle\/handout\/$/);
		await page.locator('[data-handout-source][data-ready]').waitFor({ state: 'attached' });
		await expect(page.locator('#handout-objectives + ul li').count()).resolves.toBeGreaterThan(1);
		await expect(page.locator('.terms dt').count()).resolves.toBeGreaterThan(0);
		await expect(page.locator('.from-lesson figure.lesson-figure').count()).resolves.toBe(1);
		const questions = await page.locator('.from-lesson .quiz-question').count();
		expect(questions).toBeGreaterThanOrEqual(3);
		// No answer survives in the page: no marked option, no explanation.
		await expect(page.locator('.from-lesson [data-correct]').count()).resolves.toBe(0);
		await expect(page.locator('.from-lesson .quiz-why').count()).resolves.toBe(0);

		await page.emulateMedia({ media: 'print' });
		const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
		const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
		expect(pages).toHaveLength(1);
		expect(errors).toEqual([]);
	});
});
