/**
 * Quiz grading: turns the server-rendered quiz (questions, options and every explanation, readable
 * without JavaScript) into a graded one whose best score is saved. Loaded lazily by Quiz.astro.
 */
import { readStored, writeStored } from '../storage';
import { showRecoveryPointer } from './recovery';
import { emptyProgress, parseProgress, progressKey, recordQuizScore } from '../progress';

/** Enhances every quiz on the page. */
export function enhanceQuizzes(): void {
	for (const quiz of document.querySelectorAll<HTMLElement>('[data-quiz]')) {
		const lessonId = quiz.dataset['lessonId'] ?? '';
		const questions = [...quiz.querySelectorAll<HTMLElement>('[data-question]')];
		const actions = quiz.querySelector<HTMLElement>('[data-actions]');
		const check = quiz.querySelector<HTMLButtonElement>('[data-check]');
		const retry = quiz.querySelector<HTMLButtonElement>('[data-retry]');
		const result = quiz.querySelector<HTMLElement>('[data-result]');
		if (!actions || !check || !retry || !result) continue;

		// Enhanced mode: explanations stay hidden until the learner checks.
		quiz.classList.add('is-interactive');
		for (const input of quiz.querySelectorAll<HTMLInputElement>('[data-enable]'))
			input.disabled = false;
		actions.hidden = false;

		const stored = readStored(progressKey, parseProgress, emptyProgress());
		const best = stored.ok ? stored.value.lessons[lessonId]?.quiz : undefined;
		if (best) result.textContent = `Your best score so far: ${best.correct} of ${best.total}.`;
		else if (!stored.ok) {
			showRecoveryPointer(
				result,
				'Your saved progress could not be read, so quiz scores will not be saved until you',
			);
		}

		check.addEventListener('click', () => {
			const unanswered = questions.filter((q) => !q.querySelector('input:checked'));
			if (unanswered.length > 0) {
				result.textContent = `Answer every question first (${unanswered.length} left).`;
				unanswered[0]?.querySelector<HTMLInputElement>('input')?.focus();
				return;
			}
			let correct = 0;
			for (const question of questions) {
				const chosen = question.querySelector<HTMLInputElement>('input:checked');
				const option = chosen?.closest<HTMLElement>('.quiz-option');
				const isRight = option?.dataset['correct'] === 'true';
				if (isRight) correct += 1;
				question.classList.add(isRight ? 'is-right' : 'is-wrong');
				for (const item of question.querySelectorAll<HTMLElement>('.quiz-option')) {
					item.classList.add('is-revealed');
					if (item === option) item.classList.add('is-chosen');
					item.querySelector('details')?.setAttribute('open', '');
				}
				for (const input of question.querySelectorAll('input')) input.disabled = true;
			}
			const total = questions.length;
			const current = readStored(progressKey, parseProgress, emptyProgress());
			let saved = false;
			if (current.ok) {
				saved = writeStored(
					progressKey,
					recordQuizScore(current.value, lessonId, correct, total, Date.now()),
				);
			}
			const score = `You got ${correct} of ${total}.`;
			if (!current.ok) {
				showRecoveryPointer(
					result,
					`${score} Your score was not saved because your saved progress could not be read;`,
				);
			} else {
				result.textContent = saved
					? `${score} Your score is saved in this browser.`
					: `${score} Your score could not be saved: this browser’s storage is unavailable or full.`;
			}
			check.hidden = true;
			retry.hidden = false;
		});

		retry.addEventListener('click', () => {
			for (const question of questions) {
				question.classList.remove('is-right', 'is-wrong');
				for (const item of question.querySelectorAll<HTMLElement>('.quiz-option')) {
					item.classList.remove('is-revealed', 'is-chosen');
					item.querySelector('details')?.removeAttribute('open');
				}
				for (const input of question.querySelectorAll('input')) {
					input.disabled = false;
					input.checked = false;
				}
			}
			check.hidden = false;
			retry.hidden = true;
			result.textContent = '';
			questions[0]?.querySelector<HTMLInputElement>('input')?.focus();
		});
	}
}
