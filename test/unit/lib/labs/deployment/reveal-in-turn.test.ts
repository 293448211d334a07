import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextTask, revealInTurn, type Yield } from '@/lib/labs/deployment/reveal-in-turn';

/** A yield the test drives by hand: each pending wait runs when `run` is called. */
function manualYield() {
	const pending: (() => void)[] = [];
	const wait: Yield = (next) => {
		pending.push(next);
		return () => pending.splice(pending.indexOf(next), 1);
	};
	return { wait, pending, run: () => pending.shift()?.() };
}

describe('revealInTurn', () => {
	afterEach(() => vi.useRealTimers());

	it('shows nothing in the caller’s task, then one more part per yield', () => {
		const y = manualYield();
		const shown: number[] = [];
		revealInTurn(3, (n) => shown.push(n), y.wait);
		expect(shown).toEqual([]);
		expect(y.pending).toHaveLength(1);
		y.run();
		expect(shown).toEqual([1]);
		y.run();
		expect(shown).toEqual([1, 2]);
		y.run();
		expect(shown).toEqual([1, 2, 3]);
		// Nothing waits once every part is shown.
		expect(y.pending).toHaveLength(0);
	});

	it('stops showing parts once cancelled', () => {
		const y = manualYield();
		const shown: number[] = [];
		const cancel = revealInTurn(4, (n) => shown.push(n), y.wait);
		y.run();
		cancel();
		expect(y.pending).toHaveLength(0);
		expect(shown).toEqual([1]);
	});

	it('yields to a timer between parts by default, so no two parts share a task', () => {
		vi.useFakeTimers();
		const shown: number[] = [];
		revealInTurn(2, (n) => shown.push(n));
		expect(shown).toEqual([]);
		vi.advanceTimersToNextTimer();
		expect(shown).toEqual([1]);
		vi.advanceTimersToNextTimer();
		expect(shown).toEqual([1, 2]);
		expect(vi.getTimerCount()).toBe(0);
	});

	it('cancels a pending timeout', () => {
		vi.useFakeTimers();
		const next = vi.fn();
		const cancel = nextTask(next);
		cancel();
		vi.runAllTimers();
		expect(next).not.toHaveBeenCalled();
	});
});
