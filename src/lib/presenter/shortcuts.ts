/**
 * The presenter view's keyboard shortcuts, as data and one pure function, so the `?` dialog, the
 * key handler and a unit test all read the same table. Actions a lab performs are not wired to any
 * lab: the key handler activates whichever element on the page carries
 * `data-presenter-action="<action>"`, so a lab opts in by marking its own buttons.
 */

/** Actions the page performs through marked elements. */
export const pageActions = ['play-pause', 'step', 'reset', 'next-preset'] as const;

/** A page action. */
export type PageAction = (typeof pageActions)[number];

/** Actions the presenter view itself performs. */
export type PresenterAction =
	PageAction | 'fullscreen' | 'timer-toggle' | 'timer-reset' | 'help' | 'exit';

/** One shortcut: the keys (as `KeyboardEvent.key`), what the dialog shows, and what it does. */
export interface Shortcut {
	keys: readonly string[];
	label: string;
	action: PresenterAction;
	description: string;
}

/** Keys the dialog names in words or a symbol; any other key shows as its character, upper case. */
const keyNames: Readonly<Record<string, string>> = { ' ': 'Space', ArrowRight: '→', Escape: 'Esc' };

/** A shortcut, its dialog label written from its keys ("Space or K"), so the two cannot drift. */
function shortcut(keys: readonly string[], action: PresenterAction, description: string): Shortcut {
	const label = keys.map((key) => keyNames[key] ?? key.toUpperCase()).join(' or ');
	return { keys, label, action, description };
}

/** Every shortcut, in the order the `?` dialog lists them. */
export const shortcuts: readonly Shortcut[] = [
	shortcut([' ', 'k'], 'play-pause', 'Play or pause'),
	shortcut(['.', 'ArrowRight'], 'step', 'One step'),
	shortcut(['r'], 'reset', 'Reset the lab'),
	shortcut(['n'], 'next-preset', 'Next preset'),
	shortcut(['t'], 'timer-toggle', 'Pause or resume the step timer'),
	shortcut(['0'], 'timer-reset', 'Restart the step timer'),
	shortcut(['f'], 'fullscreen', 'Full screen on or off'),
	shortcut(['?'], 'help', 'Show these shortcuts'),
	shortcut(['Escape'], 'exit', 'Close this list or leave full screen'),
];

/** The parts of a key event that decide a shortcut. */
export interface KeyPress {
	key: string;
	ctrlKey: boolean;
	metaKey: boolean;
	altKey: boolean;
	/** The focused element's tag name, upper case, and whether it is editable. */
	targetTag: string;
	targetEditable: boolean;
}

const typingTags = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/**
 * The action a key press asks for, or null. Keys are ignored while the presenter types into a
 * field, with a modifier held (browser shortcuts stay theirs), and Space on a focused button or
 * link keeps its native meaning.
 */
export function shortcutFor(press: KeyPress): PresenterAction | null {
	if (press.ctrlKey || press.metaKey || press.altKey) return null;
	if (typingTags.has(press.targetTag) || press.targetEditable) return null;
	if (press.key === ' ' && (press.targetTag === 'BUTTON' || press.targetTag === 'A')) return null;
	const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
	return shortcuts.find((s) => s.keys.includes(key))?.action ?? null;
}

/** `m:ss` (or `h:mm:ss`) of a duration in milliseconds, for the step timer. */
export function formatElapsed(elapsedMs: number): string {
	const total = Math.max(0, Math.floor(elapsedMs / 1000));
	const pad = (n: number) => String(n).padStart(2, '0');
	const hours = Math.floor(total / 3600);
	const minutes = Math.floor((total % 3600) / 60);
	const seconds = total % 60;
	return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
}

/** `href` with `present=1` added to its query, keeping its hash; other sites' links unchanged. */
export function withPresent(href: string, origin = 'https://x.invalid'): string {
	const url = new URL(href, origin);
	if (url.origin !== origin) return href;
	url.searchParams.set('present', '1');
	return href.startsWith('/') ? `${url.pathname}${url.search}${url.hash}` : url.href;
}
