/**
 * Main-thread jank for the lab benchmarks: records every long task (over 50 ms, the browser's
 * own threshold) from the moment a page starts, and reads back those since a given time.
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
