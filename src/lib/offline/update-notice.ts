/**
 * The "new version" notice. BaseLayout registers the service worker with the browser's own API
 * (a few hundred bytes inline, after `load`, when idle) and imports this module only once a new
 * worker has installed and is waiting, so the Workbox window library costs a first visit nothing.
 * Here `workbox-window` runs the update handshake: the notice offers a reload, and pressing it
 * tells the waiting worker to take over and reloads the page once it controls it.
 *
 * The notice is polite: a status region that never takes focus, with a Reload button and a
 * Dismiss button reachable by keyboard (Escape dismisses it too), because a trainer mid-sentence
 * must not have the page change under them.
 */
import { Workbox } from 'workbox-window';

const noticeId = 'update-notice';

/** Styles live here, not in the global stylesheet, so pages carry none of them until needed. */
const css = `
#${noticeId}{position:fixed;inset:auto var(--space-4) var(--space-4) auto;z-index:90;display:flex;
gap:var(--space-3);align-items:center;max-width:min(30rem,calc(100vw - 2rem));padding:var(--space-3) var(--space-4);
background:var(--bg-raised);color:var(--text);border:2px solid var(--accent);border-radius:var(--radius);
box-shadow:0 0.25rem 1rem rgb(0 0 0 / 0.2)}
#${noticeId} p{margin:0}
@media print{#${noticeId}{display:none}}`;

function showNotice(onReload: () => void): void {
	if (document.getElementById(noticeId)) return;
	const style = document.createElement('style');
	style.textContent = css;
	const notice = document.createElement('div');
	notice.id = noticeId;
	notice.setAttribute('role', 'status');
	const text = document.createElement('p');
	text.textContent = 'A new version of MLOps Lab is available.';
	const reload = document.createElement('button');
	reload.type = 'button';
	reload.className = 'button primary';
	reload.textContent = 'Reload';
	const dismiss = document.createElement('button');
	dismiss.type = 'button';
	dismiss.className = 'button';
	dismiss.textContent = 'Later';
	dismiss.setAttribute('aria-label', 'Dismiss: keep this version until the next visit');
	const close = () => notice.remove();
	reload.addEventListener('click', () => {
		reload.disabled = true;
		reload.textContent = 'Reloading…';
		onReload();
	});
	dismiss.addEventListener('click', close);
	notice.addEventListener('keydown', (event) => {
		if (event.key === 'Escape') close();
	});
	notice.append(text, reload, dismiss);
	document.head.append(style);
	document.body.append(notice);
}

const workbox = new Workbox('/sw.js');
workbox.addEventListener('waiting', () => {
	showNotice(() => {
		workbox.addEventListener('controlling', () => location.reload());
		workbox.messageSkipWaiting();
	});
});
// Registering again is harmless (the browser keeps one registration per scope) and lets Workbox
// see the worker that is already waiting.
void workbox.register();
