import { describe, expect, test } from 'vitest';
import { throttleSnapshots } from '@/lib/xstate/throttle';

type Snap = { n: number; fast: boolean };

function harness() {
	let time = 0;
	let listener: (s: Snap) => void = () => undefined;
	let current: Snap = { n: 0, fast: false };
	const tasks: { at: number; task: () => void; cancelled: boolean }[] = [];
	const drawn: number[] = [];
	const stop = throttleSnapshots<Snap>(
		(next) => {
			listener = next;
			return () => (listener = () => undefined);
		},
		() => current,
		(s) => drawn.push(s.n),
		{
			intervalMs: 250,
			throttleWhile: (s) => s.fast,
			now: () => time,
			schedule: (task, delayMs) => {
				const entry = { at: time + delayMs, task, cancelled: false };
				tasks.push(entry);
				return () => (entry.cancelled = true);
			},
		},
	);
	const emit = (s: Snap) => {
		current = s;
		listener(s);
	};
	const advance = (ms: number) => {
		time += ms;
		for (const t of tasks) {
			if (!t.cancelled && t.at <= time) {
				t.cancelled = true;
				t.task();
			}
		}
	};
	return { emit, advance, drawn, stop, pending: () => tasks.filter((t) => !t.cancelled) };
}

describe('throttleSnapshots', () => {
	test('draws every snapshot at once while not throttled', () => {
		const h = harness();
		h.emit({ n: 1, fast: false });
		h.emit({ n: 2, fast: false });
		expect(h.drawn).toEqual([1, 2]);
	});

	test('while throttled, draws at most every interval and ends on the latest snapshot', () => {
		const h = harness();
		h.emit({ n: 1, fast: true });
		h.advance(10);
		h.emit({ n: 2, fast: true });
		h.emit({ n: 3, fast: true });
		expect(h.drawn).toEqual([1]);
		h.advance(240);
		expect(h.drawn).toEqual([1, 3]);
		// Leaving the fast state draws at once and cancels what was pending.
		h.emit({ n: 4, fast: true });
		h.emit({ n: 5, fast: false });
		expect(h.drawn).toEqual([1, 3, 5]);
		expect(h.pending()).toEqual([]);
	});

	test('stopping cancels a pending draw', () => {
		const h = harness();
		h.emit({ n: 1, fast: true });
		h.emit({ n: 2, fast: true });
		h.stop();
		h.advance(1000);
		expect(h.drawn).toEqual([1]);
	});
});
