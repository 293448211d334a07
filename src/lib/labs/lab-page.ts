/**
 * The browser glue every lab page shares: keeping the address bar in step with the parameters
 * (so a reload or a copied address reproduces the lab), the link the Share button copies, and the
 * warning before leaving a page whose run would be lost. Views call these instead of touching
 * `history` and `location` themselves.
 */
import { tick } from 'svelte';

/** Replaces the page's query with `query` (without "?"), keeping the path and the hash. */
export function replaceQuery(query: string): void {
	history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
}

/** The absolute link to this page with `query`. */
export function shareLink(query: string): string {
	return `${location.origin}${location.pathname}${query ? `?${query}` : ''}`;
}

/**
 * Asks the browser to confirm leaving (reload, close, navigate away) while `busy()` is true: a
 * long run that has not ended is not logged anywhere yet. Returns the function that stops asking.
 */
export function warnBeforeLeaving(busy: () => boolean): () => void {
	const listener = (event: BeforeUnloadEvent) => {
		if (!busy()) return;
		event.preventDefault();
		// Older browsers need a return value to show the dialog.
		event.returnValue = '';
	};
	addEventListener('beforeunload', listener);
	return () => removeEventListener('beforeunload', listener);
}

/** Offers `text` as a file download named `name`. */
export function downloadText(name: string, type: string, text: string): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	link.click();
	URL.revokeObjectURL(url);
}

/**
 * Moves focus to `selector` inside `root` once the DOM has updated. Actions that disable or remove
 * the button just pressed would drop keyboard focus on the page body; focus goes where the result
 * of the action is instead.
 */
export async function focusWithin(root: HTMLElement | null, selector: string): Promise<void> {
	await tick();
	root?.querySelector<HTMLElement>(selector)?.focus();
}
