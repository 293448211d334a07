import { describe, expect, test } from 'vitest';
import { createActor, createMachine } from 'xstate';
import { acceptedWithPlayback, labControls } from '@/lib/labs/lab-controls';
import type { PlaybackEvent } from '@sim/runtime/playback';

// A lab in miniature: idle until started, then playing ⇄ paused, with one event of its own.
const machine = createMachine({
	types: {} as { events: PlaybackEvent | { type: 'lab.poke' } },
	initial: 'idle',
	states: {
		idle: { on: { 'playback.start': 'running', 'playback.step': 'running.paused' } },
		running: {
			initial: 'playing',
			on: { 'playback.reset': '#idle' },
			states: {
				playing: { on: { 'playback.pause': 'paused', 'lab.poke': { actions: () => {} } } },
				paused: { on: { 'playback.start': 'playing', 'playback.step': { actions: () => {} } } },
			},
		},
	},
	id: 'idle',
});

const pace = { baseDelayMs: 120, speeds: [0.5, 1, 4], maxDelayMs: 1000 };

/** The adapter's shape: the live snapshot, and what was sent to the actor. */
function fakeSim() {
	const actor = createActor(machine).start();
	const sent: PlaybackEvent[] = [];
	return {
		sent,
		get snapshot() {
			return actor.getSnapshot();
		},
		send(event: PlaybackEvent) {
			sent.push(event);
			actor.send(event);
		},
	};
}

describe('labControls', () => {
	test('the toolbar callbacks send the shared playback commands', () => {
		const sim = fakeSim();
		const controls = labControls(sim, machine, pace);
		controls.onplay();
		controls.onpause();
		controls.onstep();
		controls.onreset();
		const verbs = ['start', 'pause', 'step', 'reset'];
		expect(sim.sent).toEqual(verbs.map((verb) => ({ type: `playback.${verb}` })));
	});

	test('a chosen speed becomes the delay of the lab’s pace at that speed', () => {
		const sim = fakeSim();
		const controls = labControls(sim, machine, pace);
		expect(controls.speeds).toEqual([0.5, 1, 4]);
		controls.onspeed(4);
		controls.onspeed(0.5);
		expect(sim.sent).toEqual([
			{ type: 'playback.setSpeed', delayMs: 30 },
			{ type: 'playback.setSpeed', delayMs: 240 },
		]);
	});

	test('enabled controls and active states follow the snapshot as it changes', () => {
		const sim = fakeSim();
		const controls = labControls(sim, machine, pace);
		expect(controls.can).toEqual({ play: true, pause: false, step: true, reset: false });
		expect(controls.active).toEqual(['idle']);
		controls.onplay();
		expect(controls.can).toEqual({ play: false, pause: true, step: false, reset: true });
		expect(controls.active).toEqual(['running', 'running.playing']);
		controls.onpause();
		expect(controls.can).toEqual({ play: true, pause: false, step: true, reset: true });
		expect(controls.active).toEqual(['running', 'running.paused']);
	});

	test('the graph is the machine’s own', () => {
		const controls = labControls(fakeSim(), machine, pace);
		expect(controls.graph.states.map((s) => s.id)).toEqual(['idle', 'running']);
	});
});

describe('acceptedWithPlayback', () => {
	test('lists the playback commands, then the lab’s own events, that the snapshot accepts', () => {
		const sim = fakeSim();
		const poke = { type: 'lab.poke' as const };
		expect(acceptedWithPlayback(sim.snapshot, [poke])).toEqual(['playback.start', 'playback.step']);
		sim.send({ type: 'playback.start' });
		expect(acceptedWithPlayback(sim.snapshot, [poke])).toEqual([
			'playback.pause',
			'playback.reset',
			'lab.poke',
		]);
	});
});
