import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createActor, createMachine } from 'xstate';
import { LabPage, sameValue } from '@/lib/labs/lab-page';

// A lab in miniature: idle until started, running until it ends.
const machine = createMachine({
	initial: 'idle',
	states: {
		idle: { on: { go: 'running' } },
		running: { on: { end: 'ended' } },
		ended: {},
	},
});

function fakeSim() {
	const actor = createActor(machine);
	return {
		actor,
		start: vi.fn(() => actor.start()),
		stop: vi.fn(() => actor.stop()),
	};
}

/** A beforeunload event as the browser dispatches it, recording whether the page objected. */
function leave(listeners: ((event: BeforeUnloadEvent) => void)[]): boolean {
	let objected = false;
	const event = {
		preventDefault: () => (objected = true),
		returnValue: undefined as unknown,
	} as unknown as BeforeUnloadEvent;
	for (const listener of listeners) listener(event);
	return objected;
}

describe('LabPage', () => {
	let listeners: ((event: BeforeUnloadEvent) => void)[];
	const replaceState = vi.fn();

	beforeEach(() => {
		listeners = [];
		vi.stubGlobal('addEventListener', (type: string, listener: never) => {
			if (type === 'beforeunload') listeners.push(listener);
		});
		vi.stubGlobal('removeEventListener', (type: string, listener: never) => {
			if (type === 'beforeunload') listeners = listeners.filter((l) => l !== listener);
		});
		vi.stubGlobal('history', { replaceState });
		vi.stubGlobal('location', {
			origin: 'https://lab.example',
			pathname: '/labs/drift/',
			search: '?seed=3',
			hash: '#lab',
		});
	});
	afterEach(() => {
		vi.unstubAllGlobals();
		replaceState.mockReset();
	});

	test('asks before leaving only while the run is unsaved, and stops asking once stopped', () => {
		const sim = fakeSim();
		const page = new LabPage(sim, { unsaved: (s) => s.matches('running') });
		page.start();
		expect(sim.start).toHaveBeenCalledOnce();
		expect(leave(listeners)).toBe(false);
		sim.actor.send({ type: 'go' });
		expect(leave(listeners)).toBe(true);
		sim.actor.send({ type: 'end' });
		expect(leave(listeners)).toBe(false);
		sim.actor.send({ type: 'go' });
		page.stop();
		expect(sim.stop).toHaveBeenCalledOnce();
		expect(listeners).toEqual([]);
	});

	test('a lab without long runs never asks; starting twice adds no second warning', () => {
		const quiet = new LabPage(fakeSim());
		quiet.start();
		expect(listeners).toEqual([]);
		const sim = fakeSim();
		const page = new LabPage(sim, { unsaved: () => true });
		page.start();
		page.start();
		expect(listeners).toHaveLength(1);
	});

	test('replaces the query keeping path and hash, and builds the share link', () => {
		const page = new LabPage(fakeSim());
		page.replaceQuery('seed=7&days=30');
		expect(replaceState).toHaveBeenLastCalledWith(null, '', '/labs/drift/?seed=7&days=30#lab');
		page.replaceQuery('');
		expect(replaceState).toHaveBeenLastCalledWith(null, '', '/labs/drift/#lab');
		expect(page.shareLink('seed=7')).toBe('https://lab.example/labs/drift/?seed=7');
		expect(page.shareLink('')).toBe('https://lab.example/labs/drift/');
	});

	test('leaves the history alone when the link already says the query', () => {
		const page = new LabPage(fakeSim());
		page.replaceQuery('seed=3');
		expect(replaceState).not.toHaveBeenCalled();
		vi.stubGlobal('location', { pathname: '/labs/drift/', search: '', hash: '' });
		page.replaceQuery('');
		expect(replaceState).not.toHaveBeenCalled();
		page.replaceQuery('seed=3');
		expect(replaceState).toHaveBeenCalledExactlyOnceWith(null, '', '/labs/drift/?seed=3');
	});
});

describe('sameValue', () => {
	test('equal parameters are the same whatever the order of their keys', () => {
		const a = { seed: 42, scenario: { kind: 'none', startDay: 30 }, injections: [] };
		const b = { injections: [], scenario: { startDay: 30, kind: 'none' }, seed: 42 };
		expect(sameValue(a, b)).toBe(true);
		expect(sameValue(NaN, NaN)).toBe(true);
	});

	test('any difference, however deep, makes them different', () => {
		const base = { seed: 42, scenario: { kind: 'none', startDay: 30 }, injections: [1, 2] };
		expect(sameValue(base, { ...base, seed: 43 })).toBe(false);
		expect(sameValue(base, { ...base, scenario: { kind: 'none', startDay: 31 } })).toBe(false);
		expect(sameValue(base, { ...base, injections: [1] })).toBe(false);
		expect(sameValue(base, { ...base, injections: [2, 1] })).toBe(false);
		expect(sameValue(base, { ...base, extra: undefined })).toBe(false);
		expect(sameValue({ a: undefined }, { b: undefined })).toBe(false);
		expect(sameValue([], {})).toBe(false);
		expect(sameValue(null, {})).toBe(false);
		expect(sameValue(0, '0')).toBe(false);
	});
});
