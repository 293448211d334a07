/**
 * Main-thread jank for the lab benchmarks: records every long task (over 50 ms, the browser's
 * own threshold) from the moment a page starts, and reads back those since a given time. Also
 * the steps every lab benchmark takes in the page: wait for the lab to hydrate, start it at a
 * speed, and report the long tasks since then in one line.
 */

/** Starts recording long tasks in `page`; call before the page is opened. */
export function recordLongTasks(page) {
	return page.addInitScript(() => {
		const w = /** @type {any} */ (window);
		w.longTasks = [];
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries())
				w.longTasks.push({ start: entry.startTime, duration: entry.duration });
		}).observe({ type: 'longtask', buffered: true });
	});
}

/** The page's clock now (ms), to pass to `longTasksSince` later. */
export function pageNow(page) {
	return page.evaluate(() => performance.now());
}

/** Long tasks that started at or after `fromMs`, and the longest one's duration (ms). */
export async function longTasksSince(page, fromMs) {
	const tasks = await page.evaluate(
		(from) => /** @type {any} */ (window).longTasks.filter((t) => t.start >= from),
		fromMs,
	);
	return { tasks, longestMs: tasks.reduce((max, t) => Math.max(max, t.duration), 0) };
}

/** Scrolls the lab into view and waits until its island has hydrated (Astro drops `ssr` then). */
export async function labHydrated(page) {
	await page.locator('.lab').scrollIntoViewIfNeeded();
	await page.locator('astro-island:not([ssr])').first().waitFor({ state: 'attached' });
}

/** Sets the lab's speed and presses its play button; returns the page's clock at the press. */
export async function playLab(page, speed, button) {
	await page.getByLabel('Speed').selectOption(speed);
	const startMs = await pageNow(page);
	await page.getByRole('button', { name: button, exact: true }).click();
	return startMs;
}

/**
 * The report line for long tasks since `startMs`: how many, against the target of none, and
 * each one's start (ms after `startMs`) and length, so a task can be matched to what the page
 * was doing then.
 */
export async function longTasksReport(page, startMs, what = 'tasks over 50 ms') {
	const { tasks, longestMs } = await longTasksSince(page, startMs);
	const longest = tasks.length ? `; longest ${longestMs.toFixed(0)} ms` : '';
	const each = tasks.length
		? ` [${tasks.map((t) => `${(t.start - startMs).toFixed(0)} ms: ${t.duration.toFixed(0)} ms`).join(', ')}]`
		: '';
	return `  ${what}: ${tasks.length} (target: none)${longest}${each}`;
}
