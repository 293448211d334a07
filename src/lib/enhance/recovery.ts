/**
 * The pointer from a lesson page to the recovery tools. When saved progress cannot be read, the
 * lesson page must neither pretend to save nor go quiet: it says what happened and links to the
 * lessons index, where the unreadable data can be downloaded and a fresh start made.
 */

/** Where the progress tools (download the unreadable data, start fresh) live. */
export const recoveryHref = '/lessons/#progress-title';

/** Replaces `element`'s content with `before`, a link to the recovery tools, and a full stop. */
export function showRecoveryPointer(element: HTMLElement, before: string): void {
	const link = document.createElement('a');
	link.href = recoveryHref;
	link.textContent = 'recover it on the lessons page';
	element.replaceChildren(`${before} `, link, '.');
}
