/**
 * Lesson-page progress: records the visit and offers "mark as complete". It runs after the page
 * has loaded (the layout imports it lazily), since the lesson must read fully without it.
 */
import { readStored, writeStored } from '../storage';
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
				progress = recordCompletion(progress, lessonId, Date.now());
				const saved = writeStored(progressKey, progress);
				showCompleted();
				if (status)
					status.textContent = saved
						? 'Saved in this browser.'
						: 'Could not save: storage is unavailable.';
			});
		}
	}
}
