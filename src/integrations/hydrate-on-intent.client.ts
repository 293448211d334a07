/**
 * `client:intent`: the lab islands' hydration directive. It fetches and evaluates an island's
 * code as soon as the island comes into view, as `client:visible` does, but hydrates it only when
 * the learner reaches it (its top in the upper two thirds of the window) or touches it (pointer,
 * focus, key or click inside it), whichever comes first.
 *
 * Why: on a phone the lab's controls start near the bottom of the first screen, so
 * `client:visible` hydrated the whole lab during the page load, 60–110 ms of main-thread work on
 * this machine and four times that on a slow phone, while the learner was still reading the
 * introduction. Until the learner engages, the server-rendered lab is exactly what hydration would
 * show (a bare link asks for the defaults the server drew), so nothing is lost by waiting.
 *
 * Key decision: hydration on a touch runs synchronously inside the `pointerdown`, `focusin` or
 * `keydown` listener (the code is already loaded), so the click that follows reaches the hydrated
 * handlers and the first tap works. A link with parameters (a shared run, a preset) hydrates as
 * soon as it is visible, because the server drew the defaults and the link asks for something
 * else.
 */
import type { ClientDirective } from 'astro';

/** Events that say the learner is using the island; `click` covers assistive technology that
 * clicks without a pointer or focus event first. */
const intentEvents = ['pointerdown', 'focusin', 'keydown', 'click'] as const;

/** The bottom third of the window does not count as reached. */
const reachedMargin = '0px 0px -33% 0px';

const hydrateOnIntent: ClientDirective = (load, _options, el) => {
	let hydrate: (() => Promise<void>) | undefined;
	// `location.search` is '' or '?' and something: any parameter at all means a link to honour.
	let wanted = location.search.length > 1;
	let started = false;

	const start = () => {
		wanted = true;
		if (started || !hydrate) return;
		started = true;
		stop();
		void hydrate();
	};

	const near = new IntersectionObserver((entries) => {
		if (!entries.some((entry) => entry.isIntersecting)) return;
		near.disconnect();
		void load().then((loaded) => {
			hydrate = loaded;
			if (wanted) start();
		});
	});
	const reached = new IntersectionObserver(
		(entries) => {
			if (entries.some((entry) => entry.isIntersecting)) start();
		},
		{ rootMargin: reachedMargin },
	);
	for (const child of el.children) {
		near.observe(child);
		reached.observe(child);
	}
	for (const type of intentEvents) el.addEventListener(type, start, { capture: true });

	function stop() {
		near.disconnect();
		reached.disconnect();
		for (const type of intentEvents) el.removeEventListener(type, start, { capture: true });
	}
};

export default hydrateOnIntent;
