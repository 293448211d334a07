/**
 * Presenter view for lessons and labs on a projector: larger type and controls, charts with thick
 * lines and high-contrast colours, a visible step timer, full screen, and keyboard shortcuts
 * listed on `?`. It is loaded only when asked for (`?present=1`, or the Presenter view button),
 * so pages pay nothing for it otherwise; its styles travel with it for the same reason.
 *
 * Key decision: the view knows nothing about any lab. Shortcuts for play/pause, step, reset and
 * next preset activate the visible element marked `data-presenter-action="…"` (a button is
 * clicked; a `<select>` moves to its next option), so each lab opts in by marking its own
 * controls, and a page without such a control says so instead of failing silently.
 */
import { toggleFullscreen } from '../teach/fullscreen';
import {
	formatElapsed,
	pageActions,
	shortcutFor,
	shortcuts,
	withPresent,
	type PageAction,
} from './shortcuts';

const storageKey = 'mlops-lab:presenter';

const actionNames: Record<PageAction, string> = {
	'play-pause': 'play/pause',
	step: 'step',
	reset: 'reset',
	'next-preset': 'next-preset',
};

/** Projector styles: bigger type, thicker chart lines, stronger chart colours in both themes. */
const css = `
html[data-presenter]{font-size:125%}
html[data-presenter] body{padding-bottom:5rem}
html[data-presenter] main{max-width:none}
html[data-presenter] .button,html[data-presenter] button,html[data-presenter] select,html[data-presenter] input{font-size:1.1rem;min-height:2.75rem}
html[data-presenter]:root{--chart-1:#00513f;--chart-2:#b34500;--chart-3:#3f23b0;--chart-4:#a0003f;--chart-grid:#b9beb9;--text-muted:#2b2f33}
html[data-presenter]:root[data-theme='dark']{--chart-1:#62f2cb;--chart-2:#ffb36b;--chart-3:#c4b8ff;--chart-4:#ff92c0;--chart-grid:#59626a;--text-muted:#d3d9dd}
html[data-presenter] figure.chart svg path[stroke]{stroke-width:5px}
html[data-presenter] figure.chart svg line.grid{stroke-width:1.5px}
html[data-presenter] figure.chart svg line.threshold,html[data-presenter] figure.chart svg line.marker{stroke-width:3px}
html[data-presenter] figure.chart svg text{font-size:14px;font-weight:600}
html[data-presenter] figure.chart .legend{font-size:1.1rem;font-weight:600}
.presenter-bar{position:fixed;left:0;right:0;bottom:0;z-index:80;display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;
padding:.5rem 1rem;background:var(--bg-raised);color:var(--text);border-top:3px solid var(--accent);font-size:1rem}
.presenter-bar .presenter-timer{font:700 1.8rem/1 var(--font-mono);font-variant-numeric:tabular-nums;min-width:6ch}
.presenter-bar .presenter-timer[data-paused]{opacity:.6}
.presenter-bar .presenter-status{flex:1 1 0;min-width:0;margin:0;color:var(--text-muted)}
html[data-presenter] .presenter-bar .button{font-size:.85rem;min-height:2.25rem;padding:.25rem .75rem}
.presenter-help table{border-collapse:collapse;margin:1rem 0}
.presenter-help th,.presenter-help td{text-align:left;padding:.35rem .75rem;border-bottom:1px solid var(--border)}
.presenter-help kbd{font:600 1rem var(--font-mono)}
.presenter-help{max-width:32rem;border:2px solid var(--accent);border-radius:var(--radius);background:var(--bg-raised);color:var(--text)}
@media print{.presenter-bar{display:none}}`;

function element<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	props: Partial<HTMLElementTagNameMap[K]> = {},
	...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
	const node = Object.assign(document.createElement(tag), props);
	node.append(...children);
	return node;
}

/** The visible, enabled element marked for `action`, if the page has one. */
function target(action: PageAction): HTMLElement | null {
	const marked = document.querySelectorAll<HTMLElement>(`[data-presenter-action="${action}"]`);
	for (const node of marked) {
		const disabled = (node as HTMLButtonElement).disabled === true;
		if (!disabled && node.getClientRects().length > 0) return node;
	}
	return null;
}

/** Performs a page action: clicks a marked control, or moves a marked select to its next option. */
function perform(action: PageAction): boolean {
	const node = target(action);
	if (!node) return false;
	if (node instanceof HTMLSelectElement) {
		node.selectedIndex = (node.selectedIndex + 1) % node.options.length;
		node.dispatchEvent(new Event('input', { bubbles: true }));
		node.dispatchEvent(new Event('change', { bubbles: true }));
	} else node.click();
	return true;
}

function start(): void {
	const root = document.documentElement;
	if (root.hasAttribute('data-presenter')) return;
	root.setAttribute('data-presenter', '');
	try {
		sessionStorage.setItem(storageKey, '1');
	} catch {
		/* storage blocked: the URL still carries the mode */
	}
	const url = new URL(location.href);
	if (url.searchParams.get('present') !== '1') {
		url.searchParams.set('present', '1');
		history.replaceState(history.state, '', url);
	}
	// Lessons and labs opened from here stay in presenter view.
	for (const link of document.querySelectorAll<HTMLAnchorElement>(
		'main a[href^="/lessons/"], main a[href^="/labs/"]',
	))
		link.setAttribute('href', withPresent(link.getAttribute('href') ?? '/', location.origin));

	// Step timer: counts from when presenter view opened, or the last reset.
	let startedAt = performance.now();
	let pausedAt: number | null = null;
	const timer = element('span', { className: 'presenter-timer', role: 'timer' }, '0:00');
	timer.setAttribute('aria-label', 'Step timer');
	const tick = () => {
		const now = pausedAt ?? performance.now();
		timer.textContent = formatElapsed(now - startedAt);
	};
	const interval = setInterval(tick, 1000);
	const resetTimer = () => {
		// While paused the timer restarts at 0:00 and stays there until resumed.
		startedAt = pausedAt ?? performance.now();
		tick();
	};
	const toggleTimer = () => {
		if (pausedAt === null) {
			pausedAt = performance.now();
			timer.setAttribute('data-paused', '');
			pauseButton.textContent = 'Resume timer';
		} else {
			startedAt += performance.now() - pausedAt;
			pausedAt = null;
			timer.removeAttribute('data-paused');
			pauseButton.textContent = 'Pause timer';
		}
		tick();
	};

	const status = element('p', { className: 'presenter-status' });
	status.setAttribute('role', 'status');
	const say = (text: string) => {
		status.textContent = text;
	};

	const help = element(
		'dialog',
		{ className: 'presenter-help' },
		element('h2', {}, 'Presenter shortcuts'),
		element(
			'table',
			{},
			element(
				'thead',
				{},
				element(
					'tr',
					{},
					element('th', { scope: 'col' }, 'Key'),
					element('th', { scope: 'col' }, 'Does'),
				),
			),
			element(
				'tbody',
				{},
				...shortcuts.map((s) =>
					element(
						'tr',
						{},
						element('td', {}, element('kbd', {}, s.label)),
						element('td', {}, s.description),
					),
				),
			),
		),
		element(
			'p',
			{},
			'Lab controls respond when the lab offers them. Shortcuts pause while you type in a field.',
		),
		element(
			'form',
			{ method: 'dialog' },
			element('button', { className: 'button primary' }, 'Close'),
		),
	);
	help.setAttribute('aria-label', 'Presenter shortcuts');

	const pauseButton = element('button', { type: 'button', className: 'button' }, 'Pause timer');
	pauseButton.addEventListener('click', toggleTimer);
	const resetButton = element('button', { type: 'button', className: 'button' }, 'Restart timer');
	resetButton.addEventListener('click', resetTimer);
	const fullButton = element('button', { type: 'button', className: 'button' }, 'Full screen');
	fullButton.addEventListener('click', () => void toggleFullscreen(root));
	const helpButton = element('button', { type: 'button', className: 'button' }, 'Shortcuts (?)');
	helpButton.addEventListener('click', () => help.showModal());
	const exit = element('a', { className: 'button', href: '#' }, 'Leave presenter view');
	exit.addEventListener('click', (event) => {
		event.preventDefault();
		try {
			sessionStorage.removeItem(storageKey);
		} catch {
			/* nothing stored */
		}
		const plain = new URL(location.href);
		plain.searchParams.delete('present');
		location.assign(plain);
	});
	const bar = element(
		'div',
		{ className: 'presenter-bar no-print' },
		element('strong', {}, 'Presenter view'),
		timer,
		pauseButton,
		resetButton,
		fullButton,
		helpButton,
		exit,
		status,
	);
	bar.setAttribute('role', 'region');
	bar.setAttribute('aria-label', 'Presenter controls');

	document.head.append(element('style', {}, css));
	document.body.append(bar, help);

	addEventListener('keydown', (event) => {
		const active = event.target instanceof HTMLElement ? event.target : null;
		const action = shortcutFor({
			key: event.key,
			ctrlKey: event.ctrlKey,
			metaKey: event.metaKey,
			altKey: event.altKey,
			targetTag: active?.tagName ?? '',
			targetEditable: active?.isContentEditable ?? false,
		});
		if (action === null || action === 'exit' || help.open) return;
		event.preventDefault();
		if (action === 'help') help.showModal();
		else if (action === 'fullscreen') void toggleFullscreen(root);
		else if (action === 'timer-toggle') toggleTimer();
		else if (action === 'timer-reset') resetTimer();
		else if ((pageActions as readonly string[]).includes(action)) {
			const done = perform(action);
			if (done && (action === 'reset' || action === 'next-preset')) resetTimer();
			say(done ? '' : `This page has no ${actionNames[action]} control.`);
		}
	});
	addEventListener('pagehide', () => clearInterval(interval), { once: true });
}

start();
