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

/**
 * Starts a devtools-protocol trace of `page` and returns a function that stops it and gives every
 * main-thread task's wall time and its thread CPU time (ms). The observer's long tasks count wall
 * time, which on a machine shared with other work also counts the time the thread waited for a
 * core; CPU time is what the page's own work costs, so runs on a loaded machine stay comparable.
 * Only the timeline categories are traced (no sampling profiler), to keep the trace's own cost low;
 * what it costs can only add to the wall times the observer counts, never hide a long task.
 */
export async function traceMainThreadTasks(page) {
	const cdp = await page.context().newCDPSession(page);
	const events = [];
	cdp.on('Tracing.dataCollected', (data) => events.push(...data.value));
	await cdp.send('Tracing.start', {
		traceConfig: {
			includedCategories: [
				'devtools.timeline',
				'disabled-by-default-devtools.timeline',
				'toplevel',
			],
		},
	});
	return async () => {
		const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
		await cdp.send('Tracing.end');
		await complete;
		await cdp.detach();
		// The renderer's main thread: of the threads named CrRendererMain, the one that ran most.
		const mains = events.filter(
			(e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
		);
		const runTasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X');
		const count = (m) => runTasks.filter((e) => e.pid === m.pid && e.tid === m.tid).length;
		const main = mains.sort((a, b) => count(b) - count(a))[0];
		const tasks = runTasks.filter((e) => e.pid === main?.pid && e.tid === main?.tid);
		const t0 = Math.min(...tasks.map((e) => e.ts));
		return tasks.map((e) => ({
			startMs: (e.ts - t0) / 1000,
			wallMs: e.dur / 1000,
			cpuMs: (e.tdur ?? e.dur) / 1000,
		}));
	};
}

/**
 * The report line for main-thread tasks that used over 50 ms of CPU, from `traceMainThreadTasks`,
 * each with its start (ms after the trace's first task) and its CPU time.
 */
export function cpuTasksReport(tasks) {
	const long = tasks.filter((t) => t.cpuMs > 50);
	const longest = tasks.reduce((max, t) => Math.max(max, t.cpuMs), 0);
	const each = long.length
		? ` [${long.map((t) => `${t.startMs.toFixed(0)} ms: ${t.cpuMs.toFixed(0)} ms`).join(', ')}]`
		: '';
	return `  tasks over 50 ms of main-thread CPU: ${long.length} (target: none); longest ${longest.toFixed(1)} ms${each}`;
}
