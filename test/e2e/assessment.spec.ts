/**
 * The self-assessment end to end, by keyboard alone: name a system, answer every question with
 * Tab, arrow keys and Enter, reload half-way and find every answer still there, reach the
 * results, export them, delete the assessment, import the file and get the same results; a
 * broken file and a tampered share link are refused while the saved answers stay untouched.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { addShared, notebookModel } from './assessments';
import { baseUrl, openPage, useBrowser } from './browser';
import { questionBank } from '../../src/assessment';
import { newAssessment } from '../../src/lib/assessment-store';
import { shareFragment } from '../../src/lib/assessment-share';

const browser = useBrowser();

const storageKey = 'mlops-lab:assessments';
const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), storageKey);

/** Opens the assessment page and starts a new assessment named `name`. */
async function startAssessment(page: Page, name: string): Promise<void> {
	await page.goto(`${baseUrl()}/assess/`);
	await page.locator('#new-name').fill(name);
	await page.getByRole('button', { name: 'Start a new assessment' }).click();
}

/** Presses Tab until the focused element satisfies `matches` (a page-side predicate source). */
async function tabUntil(page: Page, matches: string, limit = 40): Promise<void> {
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		const ok = await page.evaluate(
			(source) => new Function('el', `return ${source}`)(document.activeElement) as boolean,
			matches,
		);
		if (ok) return;
	}
	throw new Error(`Tab never reached an element matching ${matches}`);
}

/** Answers every question on the current step by keyboard: option i % 3 of each radio group. */
async function answerStepByKeyboard(page: Page): Promise<number> {
	const groups = await page.locator('fieldset[data-question]').count();
	for (let i = 0; i < groups; i++) {
		await tabUntil(
			page,
			`el.type === 'radio' && el.closest('fieldset') === document.querySelectorAll('fieldset[data-question]')[${i}]`,
		);
		const moves = i % 3;
		if (moves === 0) await page.keyboard.press('Space');
		for (let m = 0; m < moves; m++) await page.keyboard.press('ArrowDown');
	}
	return groups;
}

async function nextStepByKeyboard(page: Page): Promise<void> {
	await tabUntil(
		page,
		`el.tagName === 'BUTTON' && /^(Next|See the results)/.test(el.textContent.trim())`,
	);
	await page.keyboard.press('Enter');
	await page.waitForFunction(() => document.activeElement?.hasAttribute('data-focus-on-view'));
}

const resultsText = (page: Page) =>
	page.evaluate(() =>
		[...document.querySelectorAll('.results .headline, .results table, #next-steps + ol')]
			.map((n) => (n as HTMLElement).innerText)
			.join('\n'),
	);

describe('assessment', () => {
	test('by keyboard alone: answer, reload half-way, finish, export, delete, import, same results', async () => {
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseUrl()}/assess/`);
		await page.locator('#new-name').waitFor();
		await tabUntil(page, `el.id === 'new-name'`);
		await page.keyboard.type('Churn model');
		await page.keyboard.press('Enter');
		await page.waitForFunction(() => document.activeElement?.id === 'step-title');

		let answered = 0;
		for (let step = 0; step < 6; step++) {
			answered += await answerStepByKeyboard(page);
			await nextStepByKeyboard(page);
		}
		const before = await stored(page);
		const heading = await page.locator('#step-title').innerText();
		const checkedBefore = await page.locator('input[type=radio]:checked').count();

		await page.reload();
		await page.locator('#step-title').waitFor();
		expect(await page.locator('#step-title').innerText()).toBe(heading);
		expect(await stored(page)).toBe(before);
		expect(await page.locator('input[type=radio]:checked').count()).toBe(checkedBefore);
		const saved = JSON.parse(before ?? '{}') as { assessments: { answers: object }[] };
		expect(Object.keys(saved.assessments[0]?.answers ?? {})).toHaveLength(answered);

		await page.locator('#step-title').focus();
		for (let step = 6; step < 12; step++) {
			await answerStepByKeyboard(page);
			await nextStepByKeyboard(page);
		}
		await page.locator('.results').waitFor();
		expect(await page.getByText(/questions are not answered yet/).count()).toBe(0);
		expect(await page.locator('.history li').count()).toBe(1);
		const results = await resultsText(page);
		expect(results).toMatch(/Level \d of 2/);

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Export JSON' }).click(),
		]);
		const exported = await readFile((await download.path()) as string, 'utf8');
		expect(JSON.parse(exported).format).toBe('mlops-lab-assessment');

		await page.getByRole('button', { name: 'All assessments' }).click();
		await page.getByRole('button', { name: 'Delete… Churn model' }).click();
		await page.getByRole('button', { name: 'Yes, delete' }).click();
		await page.getByText('None yet.').waitFor();

		await page.getByLabel('Assessment file to import').setInputFiles({
			name: 'churn.json',
			mimeType: 'application/json',
			buffer: Buffer.from(exported),
		});
		await page.locator('.results').waitFor();
		expect(await resultsText(page)).toBe(results);
		expect(errors).toEqual([]);
	});

	test('a broken file is refused and the saved answers stay', async () => {
		const { page } = await openPage(browser());
		await startAssessment(page, 'Fraud model');
		await page.locator('input[name="answer-serving"][value="online"]').check();
		await page.getByRole('button', { name: 'Save and leave' }).click();
		const before = await stored(page);
		expect(before).toContain('"serving":"online"');
		for (const [name, text, reason] of [
			['broken.json', '{"format": "mlops-lab-assessment", ', 'it is not valid JSON.'],
			[
				'old.json',
				'{"format": "mlops-lab-assessment", "version": 0}',
				'it uses export format version 0',
			],
		] as const) {
			await page.getByLabel('Assessment file to import').setInputFiles({
				name,
				mimeType: 'application/json',
				buffer: Buffer.from(text),
			});
			await page
				.getByText(`“${name}” could not be imported: ${reason}`, { exact: false })
				.waitFor();
			expect(await stored(page)).toBe(before);
		}
	});

	test('a share link opens as a new assessment; a tampered one gets a clear error', async () => {
		const shared = newAssessment(questionBank, 'Shared churn model', 0);
		shared.answers = { serving: 'batch', 'code-review': 'reviewed', 'app-ci': 'unknown' };
		const fragment = shareFragment(shared);
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseUrl()}/assess/${fragment}`);
		await page.getByRole('button', { name: 'Add it to my assessments' }).click();
		await page.getByRole('heading', { name: 'Results for Shared churn model' }).waitFor();
		expect(await stored(page)).toContain('"code-review":"reviewed"');
		const middle = Math.floor(fragment.length / 2);
		const flipped = fragment[middle] === 'A' ? 'B' : 'A';
		const tampered = fragment.slice(0, middle) + flipped + fragment.slice(middle + 1);
		const before = await stored(page);
		await page.goto(`${baseUrl()}/assess/${tampered}`);
		await page.reload();
		await page.getByText(/This share link cannot be opened: the link is damaged/).waitFor();
		expect(await stored(page)).toBe(before);
		expect(errors).toEqual([]);
	});

	test('the results print on one A4 and one Letter page, with the radar and its table', async () => {
		const countPages = (pdf: Buffer) =>
			pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length;
		const unanswered = newAssessment(questionBank, 'Just started', 0);
		unanswered.answers = { serving: 'online', regulated: 'regulated' };
		const lowest = notebookModel();
		for (const assessment of [unanswered, lowest]) {
			const { page, errors } = await openPage(browser());
			await addShared(page, assessment);
			// The radar is on screen beside the dimensions; the print summary has its own.
			expect(await page.locator('.radar-box .radar').isVisible()).toBe(true);
			expect(await page.locator('.print-summary .radar').isVisible()).toBe(false);
			// Each next step names the lesson it links to.
			expect(await page.locator('.steps a[href^="/lessons/"]').first().innerText()).toMatch(
				/^Lesson: \S/,
			);
			await page.emulateMedia({ media: 'print' });
			expect(await page.locator('.print-summary .radar svg').isVisible()).toBe(true);
			expect(await page.locator('.print-levels tbody tr').count()).toBe(
				questionBank.dimensions.length,
			);
			expect(await page.locator('.steps > li').count()).toBe(5);
			for (const format of ['A4', 'Letter'] as const) {
				expect(countPages(await page.pdf({ format })), `${assessment.name} on ${format}`).toBe(1);
			}
			expect(errors).toEqual([]);
			await page.context().close();
		}
	});

	test('team mode: pasted links from members give participation, spread and the median levels', async () => {
		const member = (name: string, answer: string) => {
			const a = newAssessment(questionBank, name, 0);
			a.answers = Object.fromEntries(
				questionBank.questions.map((q) => [
					q.id,
					answer === 'top' ? (q.options.at(-1)?.id ?? '') : (q.options[0]?.id ?? ''),
				]),
			);
			return `${baseUrl()}/assess/${shareFragment(a)}`;
		};
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseUrl()}/assess/`);
		await page.getByRole('heading', { name: 'Team workshop' }).scrollIntoViewIfNeeded();
		await page
			.getByLabel('Or paste share links, one per line')
			.fill(
				[
					member('a', 'top'),
					member('b', 'low'),
					member('c', 'top'),
					'https://x/#share=broken',
				].join('\n'),
			);
		await page.getByRole('button', { name: 'Add links' }).click();
		await page.getByText('3 added; 3 participants in the team view.').waitFor();
		await page
			.getByRole('alert')
			.getByText(/Line 4: the link is damaged/)
			.waitFor();
		expect(await page.locator('.team .summary').innerText()).toMatch(
			/3\s+assessments[\s\S]*Google level 2[\s\S]*Microsoft level 4/,
		);
		expect(await page.locator('.team svg rect').count()).toBe(questionBank.questions.length);
		// A facilitator who reloads mid-workshop keeps the loaded members until clearing them.
		await page.reload();
		await page
			.getByText('Restored the team session saved in this browser: 3 participants.')
			.waitFor();
		expect(await page.locator('.team .summary').innerText()).toMatch(/3\s+assessments/);
		await page.getByRole('button', { name: 'Clear the team session' }).click();
		await page.getByText(/Team session cleared/).waitFor();
		await page.reload();
		await page.getByRole('heading', { name: 'Team workshop' }).scrollIntoViewIfNeeded();
		await page.getByRole('button', { name: 'Add links' }).waitFor();
		expect(await page.locator('.team .summary').count()).toBe(0);
		expect(errors).toEqual([]);
	});

	for (const scheme of ['light', 'dark'] as const) {
		test(`the question steps, the results and the team view have no axe violations (${scheme})`, async () => {
			const { page } = await openPage(browser(), { colorScheme: scheme });
			const axe = async () =>
				(
					await new AxeBuilder({ page })
						.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
						.analyze()
				).violations.map(
					(v) =>
						`${v.id}: ${v.nodes
							.map((n) => n.target.join(' '))
							.slice(0, 3)
							.join(', ')}`,
				);
			await startAssessment(page, 'Axe model');
			await page.locator('input[name="answer-serving"][value="online"]').check();
			await page.getByRole('button', { name: /^Next/ }).click();
			await page.locator('input[name="answer-success-metric"][value="na"]').check();
			await page.locator('fieldset[data-question="success-metric"] summary').click();
			expect(await axe()).toEqual([]);
			for (let step = 1; step < 12; step++)
				await page.getByRole('button', { name: /^Next|See the results/ }).click();
			await page.locator('.results').waitFor();
			await page
				.getByLabel('Or paste share links, one per line')
				.fill(`${baseUrl()}/assess/${shareFragment(newAssessment(questionBank, 'x', 0))}`);
			await page.getByRole('button', { name: 'Add links' }).click();
			await page.locator('.team .summary').waitFor();
			expect(await axe()).toEqual([]);
		});
	}

	test('two completed runs compare side by side with deltas per dimension and question', async () => {
		const { page, errors } = await openPage(browser());
		await startAssessment(page, 'History model');
		for (let step = 0; step < 12; step++) {
			const groups = page.locator('fieldset[data-question]');
			for (let g = 0; g < (await groups.count()); g++) {
				await groups.nth(g).locator('input[type=radio]').first().check();
			}
			await page.getByRole('button', { name: /^Next|See the results/ }).click();
		}
		await page.getByRole('button', { name: 'Edit answers' }).click();
		for (let step = 0; step < 12; step++) {
			if (step === 3) {
				await page
					.locator('fieldset[data-question="experiment-tracking"] input[value="recorded"]')
					.check();
			}
			await page.getByRole('button', { name: /^Next|See the results/ }).click();
		}
		await page.getByRole('button', { name: 'Edit answers' }).click();
		for (let step = 0; step < 12; step++) {
			await page.getByRole('button', { name: /^Next|See the results/ }).click();
		}
		// Finishing again without changes records no third run.
		expect(await page.locator('.history ol li').count()).toBe(2);
		const table = await page.locator('.history table').innerText();
		expect(table).toContain('Experimentation (score, level)\t0, L0\t2, L0\t+2');
		expect(table).toContain('Monitoring (score, level)\t0, L0\t0, L0\t±0');
		expect(await page.locator('.history ul li').allInnerTexts()).toEqual([
			expect.stringMatching(
				/No, we could not find it out → Yes, recorded automatically for every run or release$/,
			),
		]);
		expect(errors).toEqual([]);
	});

	test('corrupted storage gets a message and the raw data can be kept', async () => {
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseUrl()}/assess/`);
		await page.evaluate(
			(key) => localStorage.setItem(key, '{"version":1,"assessments":7}'),
			storageKey,
		);
		await page.reload();
		await page
			.getByRole('alert')
			.getByText(/could not be read: "assessments" must be a list/)
			.waitFor();
		await page.getByRole('button', { name: 'Start fresh' }).click();
		const keys = await page.evaluate(() => Object.keys(localStorage));
		expect(keys.some((k) => k.startsWith(`${'mlops-lab:assessments'}.unreadable-`))).toBe(true);
		expect(errors).toEqual([]);
	});
	test('a plan: answer, add evidence, build a plan, export it, reload, and the plan is intact', async () => {
		const { page, errors } = await openPage(browser());
		await startAssessment(page, 'Fraud scoring');
		await page.locator('input[name="answer-serving"][value="online"]').check();
		await page.locator('input[name="outcome-model-lead-time"][value="1-6-months"]').check();
		for (let step = 0; step < 12; step++) {
			const groups = page.locator('fieldset[data-question]');
			for (let g = 0; g < (await groups.count()); g++) {
				const options = groups.nth(g).locator('.choice:not(.extra) input[type=radio]');
				if ((await options.count()) > 2) await options.nth(1).check();
				else await options.first().check();
			}
			if (step === 1) {
				await page
					.locator('fieldset[data-question="success-metric"]')
					.getByLabel(/Evidence/)
					.fill('https://wiki.example.org/kpi');
			}
			await page.getByRole('button', { name: /^Next|See the results/ }).click();
		}
		await page.locator('.results').waitFor();
		await page.getByRole('heading', { name: 'Evidence behind the answers' }).waitFor();
		expect(await page.locator('.evidence a').getAttribute('href')).toBe(
			'https://wiki.example.org/kpi',
		);

		await page.getByRole('button', { name: /^Add 5 next steps to the plan$/ }).click();
		const items = page.locator('[data-plan-item]');
		expect(await items.count()).toBe(5);
		const ids = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-plan-item')));
		await items.nth(0).getByLabel('Owner').fill('Priya');
		await items.nth(0).getByLabel('Owner').press('Tab');
		await items.nth(0).getByLabel('Due').fill('2027-01-15');
		await items.nth(0).getByLabel('Status').selectOption('doing');
		// Reorder by keyboard: the third action moves to the top, focus stays on its button.
		await items
			.nth(2)
			.getByRole('button', { name: /^Move up/ })
			.focus();
		await page.keyboard.press('Enter');
		await page.waitForFunction(
			(id) =>
				document.activeElement?.closest('[data-plan-item]')?.getAttribute('data-plan-item') === id,
			ids[2],
		);
		await page.keyboard.press('Enter');
		await page.getByLabel('Another action').fill('Book the model-risk review');
		await page.getByRole('button', { name: 'Add action' }).click();
		const order = [ids[2], ids[0], ids[1], ids[3], ids[4], 'action-6'];
		expect(
			await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-plan-item'))),
		).toEqual(order);

		const download = async (name: RegExp) => {
			const [file] = await Promise.all([
				page.waitForEvent('download'),
				page.getByRole('button', { name }).click(),
			]);
			return {
				name: file.suggestedFilename(),
				text: await readFile((await file.path()) as string, 'utf8'),
			};
		};
		const md = await download(/^Download plan \(Markdown\)$/);
		expect(md.name).toBe('mlops-plan-fraud-scoring.md');
		expect(md.text).toMatch(/\| 2 \| .* \| Priya \| 2027-01-15 \| In progress \| /);
		expect(md.text).toContain('| 6 | Book the model-risk review | — | — | To do |  |');
		const csv = await download(/issue tracker \(CSV\)$/);
		expect(csv.text.split('\r\n')[0]).toBe('Summary,Description,Assignee,Due date,Status,Labels');
		expect(csv.text.split('\r\n')).toHaveLength(8);
		const ics = await download(/calendar \(\.ics\)$/);
		expect(ics.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
		expect(ics.text).toContain('DTSTART;VALUE=DATE:20270115');
		expect(ics.text).toContain('UID:reassess-fraud-scoring@mlops-lab');
		const report = await download(/^Download Markdown report$/);
		expect(report.text).toContain('## Evidence');
		expect(report.text).toContain('https://wiki.example.org/kpi');
		expect(report.text).toContain('## Action plan');
		const json = await download(/^Export JSON$/);
		expect(JSON.parse(json.text).assessment.plan.items).toHaveLength(6);

		await page.reload();
		await page.locator('.results').waitFor();
		expect(
			await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-plan-item'))),
		).toEqual(order);
		expect(await items.nth(1).getByLabel('Owner').inputValue()).toBe('Priya');
		expect(await items.nth(1).getByLabel('Due').inputValue()).toBe('2027-01-15');
		expect(await items.nth(1).getByLabel('Status').inputValue()).toBe('doing');
		expect(errors).toEqual([]);
	});

	test('when storage is full the failed save is said where the user is looking, with a download', async () => {
		const { page } = await openPage(browser());
		await startAssessment(page, 'Full disk');
		await page.getByRole('button', { name: /^Next/ }).click();
		await page.evaluate(() => {
			Storage.prototype.setItem = () => {
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			};
		});
		await page.locator('fieldset[data-question="success-metric"] input[value="written"]').check();
		const alert = page.getByRole('alert');
		await alert.getByText(/Not saved: this browser’s storage is full/).waitFor();
		expect(await page.locator('.progress-line').innerText()).toMatch(/· not saved$/);
		const box = await alert.boundingBox();
		expect(box && box.y >= 0 && box.y + box.height <= 800).toBe(true);
		const [file] = await Promise.all([
			page.waitForEvent('download'),
			alert.getByRole('button', { name: 'Download your answers' }).click(),
		]);
		const saved = JSON.parse(await readFile((await file.path()) as string, 'utf8'));
		expect(saved.assessment.answers['success-metric']).toBe('written');
	});

	test('at 360 px the results and a long unbroken name stay within the screen', async () => {
		const long = newAssessment(questionBank, 'M'.repeat(80), 0);
		long.answers = { serving: 'online', regulated: 'regulated' };
		const { page, errors } = await openPage(browser(), { viewport: { width: 360, height: 740 } });
		await page.goto(`${baseUrl()}/assess/${shareFragment(long)}`);
		await page.getByRole('button', { name: 'Add it to my assessments' }).click();
		await page.locator('.results').waitFor();
		const overflow = () =>
			page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
			);
		expect(await overflow()).toBeLessThanOrEqual(0);
		await page.getByRole('button', { name: 'All assessments' }).click();
		await page.locator('.saved').waitFor();
		expect(await overflow()).toBeLessThanOrEqual(0);
		const del = await page.getByRole('button', { name: /^Delete…/ }).boundingBox();
		expect(del && del.x + del.width <= 360).toBe(true);
		expect(errors).toEqual([]);
	});

	test('team mode: one member reads "1 participant"; a member added by file and link counts once; blank lines are ignored; a corrupt session is reported on its own', async () => {
		const a = newAssessment(questionBank, 'Churn', 0);
		a.answers = { serving: 'online', 'version-control': 'all' };
		a.evidence = { 'version-control': 'All repos in GitLab group ml' };
		const { page, errors } = await openPage(browser());
		// The corrupt session is stored from a page without the team view: on /assess/ itself, an
		// island that hydrates after the write (as on a loaded machine) would read it, move it aside
		// and report it before the reload this test checks.
		await page.goto(`${baseUrl()}/`);
		await page.evaluate(() =>
			localStorage.setItem('mlops-lab:assessment-team', '{"version":1,"members":3}'),
		);
		await page.goto(`${baseUrl()}/assess/`);
		await page.getByRole('heading', { name: 'Team workshop' }).scrollIntoViewIfNeeded();
		await page
			.getByRole('alert')
			.getByText(
				/^The team session saved in this browser could not be read: "members" must be a list/,
			)
			.waitFor();
		expect(await page.getByText('These could not be added').count()).toBe(0);
		await page
			.getByLabel('Or paste share links, one per line')
			.fill(`${baseUrl()}/assess/${shareFragment(a)}\n\n   \n`);
		await page.getByRole('button', { name: 'Add links' }).click();
		await page.getByText('1 added; 1 participant in the team view.').waitFor();
		expect(await page.getByText('These could not be added').count()).toBe(0);
		expect(await page.locator('.team .summary').innerText()).toMatch(/^1\s+assessment\b(?!s)/);
		const { exportAssessment } = await import('../../src/lib/assessment-store');
		await page.locator('#team-files').setInputFiles({
			name: 'churn.json',
			mimeType: 'application/json',
			buffer: Buffer.from(exportAssessment(a)),
		});
		await page
			.getByText(/^0 added \(1 was already in the team view and counted once\); 1 participant\b/)
			.waitFor();
		expect(errors).toEqual([]);
	});
	test('team results: three participants send files, one corrupt; two load and the corrupt one is named with its reason', async () => {
		const { exportAssessment } = await import('../../src/lib/assessment-store');
		const { quizResultsFile } = await import('../../src/lib/quiz-results');
		const { emptyProgress, recordQuizScore } = await import('../../src/lib/progress');
		const a = newAssessment(questionBank, 'Churn', 0);
		a.answers = Object.fromEntries(
			questionBank.questions.map((q) => [q.id, q.options[0]?.id ?? '']),
		);
		const quizzes = quizResultsFile(
			recordQuizScore(emptyProgress(), 'foundations/01-what-is-mlops', 2, 4, 1),
		);
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseUrl()}/assess/`);
		await page.getByRole('heading', { name: 'Team workshop' }).scrollIntoViewIfNeeded();
		// The island hydrates when scrolled into view; a file chosen before that would go unheard.
		await page.waitForSelector('astro-island:not([ssr]) #team-files', { state: 'attached' });
		await page.locator('#team-files').setInputFiles([
			{ name: 'ana.json', mimeType: 'application/json', buffer: Buffer.from(exportAssessment(a)) },
			{ name: 'ben-quiz.json', mimeType: 'application/json', buffer: Buffer.from(quizzes) },
			{
				name: 'chris.json',
				mimeType: 'application/json',
				buffer: Buffer.from(exportAssessment(a).slice(0, 200)),
			},
		]);
		await page.getByText('2 added; 2 participants in the team view.').waitFor();
		expect(await page.getByRole('alert').innerText()).toContain(
			'“chris.json” could not be loaded: it is not valid JSON (damaged or not a results file).',
		);
		await page.getByText('Participation: 2 participants').click();
		expect(await page.locator('.team .participation li').allInnerTexts()).toEqual([
			`Participant 1: an assessment (${questionBank.questions.length} answers)`,
			'Participant 2: quiz scores for 1 lesson',
		]);
		expect(await page.locator('.team .summary').innerText()).toMatch(/^1\s+assessment\b/);
		const row = page.getByRole('row', { name: /What MLOps is/ });
		expect(await row.locator('td').allInnerTexts()).toEqual([
			'1',
			expect.stringContaining('2 right: 1'),
			'2 of 4',
			'0%',
		]);
		expect(errors).toEqual([]);
	});

	test('a persona link from /teach/personas/ offers a fresh assessment named after the persona', async () => {
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseUrl()}/teach/personas/`);
		await page.getByRole('link', { name: 'Assess Fernweh, a three-person travel startup' }).click();
		await page.getByText('Ready to assess “Fernweh, a three-person travel startup”').waitFor();
		expect(await page.getByLabel('Name of the ML system').inputValue()).toBe(
			'Fernweh, a three-person travel startup',
		);
		await page.getByRole('button', { name: 'Start a new assessment' }).click();
		await page.waitForFunction(() => localStorage.getItem('mlops-lab:assessments') !== null);
		expect(JSON.parse((await stored(page)) ?? '{}').assessments[0].name).toBe(
			'Fernweh, a three-person travel startup',
		);
		expect(errors).toEqual([]);
	});

	test('an export made with question bank version 1 opens with a note of what changed', async () => {
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseUrl()}/assess/`);
		await page.locator('#new-name:enabled').waitFor();
		await page.getByLabel('Assessment file to import').setInputFiles({
			name: 'fraud-v1.json',
			mimeType: 'application/json',
			buffer: await readFile('test/fixtures/assessment/export-bank-v1.json'),
		});
		const notice = page.getByRole('region', { name: 'Question bank update' });
		await notice.waitFor();
		expect(await notice.innerText()).toMatch(
			/was made with question bank version 1; its answers were carried over to version 2\./,
		);
		expect(await notice.innerText()).toContain('Split: version control and code review');
		await page.reload();
		await notice.waitFor();
		await notice.getByRole('button', { name: 'Got it' }).click();
		await page.reload();
		await page.locator('.results, .step').first().waitFor();
		expect(await notice.count()).toBe(0);
		expect(errors).toEqual([]);
	});
});
