/**
 * Assessments the specs share, and the one way they open one: the notebook-model team that
 * picks the lowest rung of every question (the longest results page, so the hardest to fit on
 * paper), and adding an assessment from its share link until its results show.
 */
import type { Page } from 'playwright-core';
import { questionBank } from '../../src/assessment';
import { newAssessment, type SavedAssessment } from '../../src/lib/assessment-store';
import { shareFragment } from '../../src/lib/assessment-share';
import { baseUrl } from './browser';

/** A many-model, regulated, fast-changing team at the lowest option of every question. */
export function notebookModel(): SavedAssessment {
	const assessment = newAssessment(questionBank, 'Notebook model', 0);
	assessment.answers = {
		serving: 'both',
		regulated: 'regulated',
		models: 'many',
		change: 'fast',
		genai: 'own',
		...Object.fromEntries(questionBank.questions.map((q) => [q.id, q.options[0]?.id ?? ''])),
	};
	return assessment;
}

/** Opens `assessment`'s share link, adds it, and waits for its results. */
export async function addShared(page: Page, assessment: SavedAssessment): Promise<void> {
	await page.goto(`${baseUrl()}/assess/${shareFragment(assessment)}`);
	await page.getByRole('button', { name: 'Add it to my assessments' }).click();
	await page.getByRole('heading', { name: `Results for ${assessment.name}` }).waitFor();
}
