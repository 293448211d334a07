/**
 * A small media-player machine that has every shape the statechart diagram must draw: an
 * initial state, a compound state inside a parallel one, a guarded event, an eventless
 * (`always`) transition, delayed transitions (a number and a named delay), an invoked actor's
 * onDone and onError, a targetless transition (drawn as nothing) and a final state.
 */
import { fromPromise, setup } from 'xstate';

export const playerMachine = setup({
	types: {
		events: {} as
			| { type: 'player.load' }
			| { type: 'player.play' }
			| { type: 'player.stop' }
			| { type: 'player.tick' }
			| { type: 'player.eject' }
			| { type: 'video.stall' }
			| { type: 'audio.toggle' },
	},
	guards: { isReady: () => true, hasRetriesLeft: () => true },
	delays: { retryDelay: 500 },
	actors: { fetchMedia: fromPromise(async () => 'media') },
}).createMachine({
	id: 'player',
	initial: 'stopped',
	states: {
		stopped: {
			on: {
				'player.play': { target: 'playing', guard: 'isReady' },
				'player.load': 'loading',
				'player.eject': 'ejected',
			},
		},
		loading: {
			invoke: { id: 'fetcher', src: 'fetchMedia', onDone: 'stopped', onError: 'failed' },
			after: { 1000: 'failed' },
		},
		playing: {
			type: 'parallel',
			on: {
				'player.stop': 'stopped',
				'player.tick': { actions: () => undefined },
			},
			states: {
				video: {
					initial: 'buffering',
					states: {
						buffering: { always: { target: 'rendering', guard: 'isReady' } },
						rendering: { on: { 'video.stall': 'buffering' } },
					},
				},
				audio: {
					initial: 'muted',
					states: {
						muted: { on: { 'audio.toggle': 'audible' } },
						audible: { on: { 'audio.toggle': 'muted' } },
					},
				},
			},
		},
		failed: {
			after: { retryDelay: { target: 'loading', guard: 'hasRetriesLeft' } },
		},
		ejected: { type: 'final' },
	},
});
