/**
 * Full screen for the QR page and presenter view, with a fallback. The Fullscreen API is tried
 * first; where it is missing or refused (iPhone Safari, some kiosk browsers, an iframe), the
 * element is marked `data-fullscreen-fallback` and its own CSS pins it over the page. Either way
 * Escape leaves, and `isFullscreen` answers for both.
 */

const fallbackAttribute = 'data-fullscreen-fallback';

/** Whether `element` fills the screen, by the API or by the fallback. */
export function isFullscreen(element: HTMLElement): boolean {
	return document.fullscreenElement === element || element.hasAttribute(fallbackAttribute);
}

/** Makes `element` fill the screen. */
export async function enterFullscreen(element: HTMLElement): Promise<void> {
	if (typeof element.requestFullscreen === 'function') {
		try {
			await element.requestFullscreen();
			return;
		} catch {
			/* refused: fall back below */
		}
	}
	element.setAttribute(fallbackAttribute, '');
	const onKey = (event: KeyboardEvent) => {
		if (event.key !== 'Escape') return;
		element.removeAttribute(fallbackAttribute);
		element.dispatchEvent(new Event('fullscreenchange', { bubbles: true }));
		removeEventListener('keydown', onKey);
	};
	addEventListener('keydown', onKey);
	element.dispatchEvent(new Event('fullscreenchange', { bubbles: true }));
}

/** Leaves full screen, whichever way it was entered. */
export async function exitFullscreen(element: HTMLElement): Promise<void> {
	if (element.hasAttribute(fallbackAttribute)) {
		element.removeAttribute(fallbackAttribute);
		element.dispatchEvent(new Event('fullscreenchange', { bubbles: true }));
	} else if (document.fullscreenElement) await document.exitFullscreen();
}

/** Enters or leaves full screen. */
export function toggleFullscreen(element: HTMLElement): Promise<void> {
	return isFullscreen(element) ? exitFullscreen(element) : enterFullscreen(element);
}
