/**
 * Pure helpers shared by the lesson islands: stepping through a sequence, moving between tabs
 * with the keyboard, and choosing items to compare. They hold no state of their own, so the
 * Svelte components stay thin and every rule here is unit-tested in Node.
 */

/** Where "next" leads from the last step of a sequence: stop there, or loop back to an index. */
export type StepEnd = { kind: 'stop' } | { kind: 'loop'; toIndex: number };

/** Keeps an index inside `[0, count - 1]`; an empty sequence always gives 0. */
export function clampIndex(index: number, count: number): number {
	if (count <= 0 || !Number.isFinite(index)) return 0;
	return Math.min(Math.max(Math.trunc(index), 0), count - 1);
}

/** The step after `index`; at the end it stays put or loops back, as `end` says. */
export function nextStep(index: number, count: number, end: StepEnd = { kind: 'stop' }): number {
	const current = clampIndex(index, count);
	if (current < count - 1) return current + 1;
	return end.kind === 'loop' ? clampIndex(end.toIndex, count) : current;
}

/** The step before `index`; the first step stays put. */
export function previousStep(index: number, count: number): number {
	return Math.max(clampIndex(index, count) - 1, 0);
}

/** Whether a "next" control should be enabled: always when the sequence loops. */
export function hasNextStep(
	index: number,
	count: number,
	end: StepEnd = { kind: 'stop' },
): boolean {
	return end.kind === 'loop' ? count > 0 : clampIndex(index, count) < count - 1;
}

/**
 * The index a key moves to in a tab list or step list (WAI-ARIA tabs pattern: arrows wrap,
 * Home and End jump), or `undefined` when the key is not a navigation key.
 */
export function indexForKey(key: string, index: number, count: number): number | undefined {
	if (count <= 0) return undefined;
	const current = clampIndex(index, count);
	switch (key) {
		case 'ArrowRight':
		case 'ArrowDown':
			return (current + 1) % count;
		case 'ArrowLeft':
		case 'ArrowUp':
			return (current - 1 + count) % count;
		case 'Home':
			return 0;
		case 'End':
			return count - 1;
		default:
			return undefined;
	}
}

/**
 * Adds `id` to or removes it from a selection, keeping the order of `allIds`. Removing the last
 * `minimum` items is refused (the selection comes back unchanged) so a comparison never empties.
 */
export function toggleSelection(
	selected: readonly string[],
	id: string,
	allIds: readonly string[],
	minimum = 1,
): string[] {
	if (!allIds.includes(id)) return [...selected];
	const has = selected.includes(id);
	if (has && selected.length <= minimum) return [...selected];
	const next = new Set(has ? selected.filter((s) => s !== id) : [...selected, id]);
	return allIds.filter((s) => next.has(s));
}

/** Joins names for a sentence: "a", "a and b", "a, b and c". */
export function listInWords(names: readonly string[]): string {
	if (names.length <= 1) return names[0] ?? '';
	return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}
