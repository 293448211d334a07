import { describe, expect, test } from 'vitest';
import { statechartGraph } from '@/lib/labs/statechart-graph';
import { takenEdges } from '@/lib/labs/statechart-view';
import { playerMachine } from './statechart-fixture';

const { edges } = statechartGraph(playerMachine);
const labels = (found: typeof edges) => found.map((e) => `${e.source}->${e.target}:${e.label}`);

describe('takenEdges', () => {
	test('finds the one arrow from a state that was active to one that is now', () => {
		expect(labels(takenEdges(edges, ['stopped'], ['loading']))).toEqual([
			'stopped->loading:player.load',
		]);
	});

	test('counts transitions declared on an active ancestor (player.stop from playing)', () => {
		const before = ['playing', 'playing.video', 'playing.video.rendering', 'playing.audio'];
		expect(labels(takenEdges(edges, [...before, 'playing.audio.muted'], ['stopped']))).toEqual([
			'playing->stopped:player.stop',
		]);
	});

	test('finds a move inside one region of a parallel state', () => {
		const common = ['playing', 'playing.video', 'playing.video.rendering', 'playing.audio'];
		expect(
			labels(
				takenEdges(edges, [...common, 'playing.audio.muted'], [...common, 'playing.audio.audible']),
			),
		).toEqual(['playing.audio.muted->playing.audio.audible:audio.toggle']);
	});

	test('returns every candidate when two triggers lead the same way, and the event narrows it', () => {
		expect(labels(takenEdges(edges, ['loading'], ['failed']))).toEqual([
			'loading->failed:onError (fetcher)',
			'loading->failed:after 1000ms',
		]);
		const delayed = edges.find((e) => e.label === 'after 1000ms');
		expect(labels(takenEdges(edges, ['loading'], ['failed'], delayed?.event))).toEqual([
			'loading->failed:after 1000ms',
		]);
	});

	test('returns nothing when the active states did not change', () => {
		expect(takenEdges(edges, ['stopped'], ['stopped'])).toEqual([]);
	});

	test('returns nothing for a change no arrow explains (a reset from outside)', () => {
		expect(takenEdges(edges, ['failed'], ['stopped'])).toEqual([]);
	});
});
