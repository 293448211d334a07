/**
 * Shows heavy parts of a view one at a time, each in a task of its own. Mounting the rollout's
 * four charts together took one main-thread task of 50–300 ms (Svelte building four SVGs and
 * their data tables, the chart code's first run); one chart per task keeps every task short, and
 * the browser can paint and answer input between them.
 *
 * Key decision: a zero timeout between parts, not an animation frame: frames stop in a hidden
 * tab, and a rollout left running there should still have its charts when the learner returns.
 */

/** Waits for a later task, then calls `next`; returns a function that cancels the wait. */
export type Yield = (next: () => void) => () => void;

/** The browser's yield: a zero timeout, so the call runs in a task of its own. */
export const nextTask: Yield = (next) => {
	const id = setTimeout(next, 0);
	return () => clearTimeout(id);
};

/**
 * Calls `show(1)`, `show(2)`, … `show(count)`, each after a yield (so none runs in the caller's
 * task, nor two in one task). Returns a function that stops the remaining calls (on unmount).
 */
export function revealInTurn(
	count: number,
	show: (shown: number) => void,
	wait: Yield = nextTask,
): () => void {
	let cancel: (() => void) | null = null;
	const step = (shown: number) => {
		if (shown > count) {
			cancel = null;
			return;
		}
		cancel = wait(() => {
			show(shown);
			step(shown + 1);
		});
	};
	step(1);
	return () => cancel?.();
}
