/**
 * Lesson-page progress: records the visit and offers "mark as complete". It runs after the page
 * has loaded (the layout imports it lazily), since the lesson must read fully without it.
 */
import { readStored, writeStored } from '../storage';
import { showRecoveryPointer } from './recovery';
import {
	emptyProgress,
	parseProgress,
	progressKey,
	recordCompletion,
	recordVisit,
} from '../progress';

/** Records this lesson as visited and wires the "mark as complete" button. */
export function enhanceLessonProgress(): void {
	const article = document.querySelector<HTMLElement>('[data-lesson-id]');
	const lessonId = article?.dataset['lessonId'];
	const stored = readStored(progressKey, parseProgress, emptyProgress());
	if (lessonId && !stored.ok) {
		// Unreadable progress: saving now would overwrite what the learner had, so the button
		// stays out, and the place where the button was says why and where to fix it.
		const box = document.querySelector<HTMLElement>('[data-complete]');
		const button = document.querySelector<HTMLButtonElement>('[data-complete-button]');
		const status = document.querySelector<HTMLElement>('[data-complete-status]');
		if (box && status) {
			box.hidden = false;
			if (button) button.hidden = true;
			showRecoveryPointer(
				status,
				'Your saved progress could not be read, so this lesson cannot be marked complete until you',
			);
		}
	}
	if (lessonId && stored.ok) {
		let progress = recordVisit(stored.value, lessonId, Date.now());
		writeStored(progressKey, progress);
		const box = document.querySelector<HTMLElement>('[data-complete]');
		const button = document.querySelector<HTMLButtonElement>('[data-complete-button]');
		const status = document.querySelector<HTMLElement>('[data-complete-status]');
		const badge = document.querySelector<HTMLElement>('[data-progress-badge]');
		const showCompleted = () => {
			if (button) {
				button.disabled = true;
				button.textContent = 'Completed';
			}
			if (badge) {
				badge.hidden = false;
				badge.textContent = 'Completed';
			}
		};
		if (box && button) {
			box.hidden = false;
			if (progress.lessons[lessonId]?.completedAtMs !== undefined) showCompleted();
			button.addEventListener('click', () => {
				const next = recordCompletion(progress, lessonId, Date.now());
				// Only a write that succeeded counts: with storage full the lesson stays incomplete.
				const saved = writeStored(progressKey, next);
				if (saved) {
					progress = next;
					showCompleted();
				}
				if (status)
					status.textContent = saved
						? 'Saved in this browser.'
						: 'Could not save: this browser’s storage is unavailable or full.';
			});
		}
	}
}
