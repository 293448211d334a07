/**
 * Snapshot throttling for views that draw heavy things (charts) from a fast actor: while
 * `throttleWhile(snapshot)` holds, drawing happens at most every `intervalMs` and always ends on
 * the latest snapshot; otherwise every snapshot is drawn at once. Time comes in through `now`
 * and `schedule`, so tests drive it by hand.
 */

/** How to throttle. */
export interface ThrottleOptions<S> {
	readonly intervalMs: number;
	/** True while snapshots arrive too fast to draw each (e.g. a run streaming at top speed). */
	readonly throttleWhile: (snapshot: S) => boolean;
	readonly now?: () => number;
	readonly schedule?: (task: () => void, delayMs: number) => () => void;
}

/** Feeds `draw` from `subscribe`, throttled; returns the function that stops it. */
export function throttleSnapshots<S>(
	subscribe: (next: (snapshot: S) => void) => () => void,
	latest: () => S,
	draw: (snapshot: S) => void,
	options: ThrottleOptions<S>,
): () => void {
	const now = options.now ?? (() => performance.now());
	const schedule =
		options.schedule ??
		((task, delayMs) => {
			const id = setTimeout(task, delayMs);
			return () => clearTimeout(id);
		});
	let lastDrawMs = Number.NEGATIVE_INFINITY;
	let cancel: (() => void) | null = null;
	const drawLatest = () => {
		cancel = null;
		lastDrawMs = now();
		draw(latest());
	};
	const unsubscribe = subscribe((snapshot) => {
		const waitMs = options.intervalMs - (now() - lastDrawMs);
		if (!options.throttleWhile(snapshot) || waitMs <= 0) {
			cancel?.();
			drawLatest();
		} else {
			cancel ??= schedule(drawLatest, waitMs);
		}
	});
	return () => {
		cancel?.();
		cancel = null;
		unsubscribe();
	};
}
