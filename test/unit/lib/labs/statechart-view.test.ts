import { beforeAll, describe, expect, test } from 'vitest';
import { statechartGraph } from '@/lib/labs/statechart-graph';
import { layoutStatechart } from '@/lib/labs/statechart-layout';
import {
	stateAnnouncement,
	takenEdges,
	transitionTracker,
	type StatechartLayout,
} from '@/lib/labs/statechart-view';
import { playerMachine } from './statechart-fixture';

const graph = statechartGraph(playerMachine);
const { edges } = graph;
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

describe('transitionTracker', () => {
	let layout: StatechartLayout;
	beforeAll(async () => {
		layout = await layoutStatechart(graph);
	});

	test('reports nothing at first, then the arrow of each change of state', () => {
		const track = transitionTracker(layout);
		expect(track(['stopped'])).toMatchObject({ labels: [], serial: 0 });
		const loaded = track(['loading']);
		expect([...loaded.routes]).toEqual(['stopped->loading']);
		expect(loaded.labels).toEqual(['player.load']);
		expect(loaded.serial).toBe(1);
		expect([...loaded.ids]).toEqual([edges.find((e) => e.event === 'player.load')?.id]);
	});

	test('keeps the last arrow lit through snapshots that do not change state', () => {
		const track = transitionTracker(layout);
		track(['stopped']);
		const moved = track(['loading']);
		expect(track(['loading'])).toBe(moved);
		expect(track(['loading'])).toBe(moved);
		const failed = track(['failed'], edges.find((e) => e.label === 'after 1000ms')?.event);
		expect(failed.labels).toEqual(['after 1000ms']);
		expect([...failed.routes]).toEqual(['loading->failed']);
		expect(failed.serial).toBe(2);
	});

	test('clears the highlight when a change has no arrow, and works without a layout', () => {
		const track = transitionTracker(layout);
		track(['failed']);
		expect(track(['stopped'])).toMatchObject({ labels: [], serial: 1 });
		const bare = transitionTracker(undefined);
		bare(['stopped']);
		expect(bare(['loading'])).toMatchObject({ labels: [], serial: 1 });
	});
});

describe('stateAnnouncement', () => {
	test('names the innermost active states and what moved the machine', () => {
		expect(stateAnnouncement('Machine', ['session', 'session.paused'], ['training.step'])).toBe(
			'Machine: now in session › paused, after training.step.',
		);
		expect(stateAnnouncement('Machine', ['idle'], [])).toBe('Machine: now in idle.');
	});

	test('names every region of a parallel state and every candidate event', () => {
		const active = [
			'playing',
			'playing.video',
			'playing.video.rendering',
			'playing.audio',
			'playing.audio.muted',
		];
		expect(stateAnnouncement('Player', active, ['a', 'b'])).toBe(
			'Player: now in playing › video › rendering and playing › audio › muted, after a or b.',
		);
	});
});
