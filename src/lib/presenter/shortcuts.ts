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

/** Every shortcut, in the order the `?` dialog lists them. */
export const shortcuts: readonly Shortcut[] = [
	{ keys: [' ', 'k'], label: 'Space or K', action: 'play-pause', description: 'Play or pause' },
	{ keys: ['.', 'ArrowRight'], label: '. or →', action: 'step', description: 'One step' },
	{ keys: ['r'], label: 'R', action: 'reset', description: 'Reset the lab' },
	{ keys: ['n'], label: 'N', action: 'next-preset', description: 'Next preset' },
	{
		keys: ['t'],
		label: 'T',
		action: 'timer-toggle',
		description: 'Pause or resume the step timer',
	},
	{ keys: ['0'], label: '0', action: 'timer-reset', description: 'Restart the step timer' },
	{ keys: ['f'], label: 'F', action: 'fullscreen', description: 'Full screen on or off' },
	{ keys: ['?'], label: '?', action: 'help', description: 'Show these shortcuts' },
	{
		keys: ['Escape'],
		label: 'Esc',
		action: 'exit',
		description: 'Close this list or leave full screen',
	},
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
