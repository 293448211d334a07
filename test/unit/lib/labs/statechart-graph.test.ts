import { describe, expect, test } from 'vitest';
import { and, not, or, setup } from 'xstate';
import { guardName, statechartGraph } from '@/lib/labs/statechart-graph';
import { trainingMachine } from '@sim/index';
import { playerMachine } from './statechart-fixture';

describe('statechartGraph', () => {
	const graph = statechartGraph(playerMachine);
	const nodeById = new Map(graph.nodes.map((node) => [node.id, node]));

	test('lists every state once, parents before children, with its kind and initial flag', () => {
		expect(graph.machineId).toBe('player');
		expect(
			graph.nodes.map((n) => [n.id, n.label, n.parent, n.kind, n.initial, n.children]),
		).toEqual([
			[
				'',
				'player',
				null,
				'compound',
				false,
				['stopped', 'loading', 'playing', 'failed', 'ejected'],
			],
			['stopped', 'stopped', '', 'atomic', true, []],
			['loading', 'loading', '', 'atomic', false, []],
			['playing', 'playing', '', 'parallel', false, ['playing.video', 'playing.audio']],
			[
				'playing.video',
				'video',
				'playing',
				'compound',
				false,
				['playing.video.buffering', 'playing.video.rendering'],
			],
			['playing.video.buffering', 'buffering', 'playing.video', 'atomic', true, []],
			['playing.video.rendering', 'rendering', 'playing.video', 'atomic', false, []],
			[
				'playing.audio',
				'audio',
				'playing',
				'compound',
				false,
				['playing.audio.muted', 'playing.audio.audible'],
			],
			['playing.audio.muted', 'muted', 'playing.audio', 'atomic', true, []],
			['playing.audio.audible', 'audible', 'playing.audio', 'atomic', false, []],
			['failed', 'failed', '', 'atomic', false, []],
			['ejected', 'ejected', '', 'final', false, []],
		]);
	});

	test('labels each targeted transition: events, guards, delays, eventless, onDone and onError', () => {
		const drawn = graph.edges.map((e) => [e.source, e.target, e.kind, e.label]);
		expect(drawn).toHaveLength(12);
		expect(drawn).toEqual(
			expect.arrayContaining([
				['stopped', 'playing', 'event', 'player.play [isReady]'],
				['stopped', 'loading', 'event', 'player.load'],
				['stopped', 'ejected', 'event', 'player.eject'],
				['loading', 'stopped', 'done', 'onDone (fetcher)'],
				['loading', 'failed', 'error', 'onError (fetcher)'],
				['loading', 'failed', 'delayed', 'after 1000ms'],
				['playing', 'stopped', 'event', 'player.stop'],
				['playing.video.buffering', 'playing.video.rendering', 'eventless', 'always [isReady]'],
				['playing.video.rendering', 'playing.video.buffering', 'event', 'video.stall'],
				['playing.audio.muted', 'playing.audio.audible', 'event', 'audio.toggle'],
				['playing.audio.audible', 'playing.audio.muted', 'event', 'audio.toggle'],
				['failed', 'loading', 'delayed', 'after retryDelay [hasRetriesLeft]'],
			]),
		);
	});

	test('leaves out transitions that only run actions (player.tick)', () => {
		expect(graph.edges.some((e) => e.event === 'player.tick')).toBe(false);
	});

	test('keeps the raw event and guard beside the label, and "" for eventless', () => {
		const always = graph.edges.find((e) => e.kind === 'eventless');
		expect(always).toMatchObject({ event: '', guard: 'isReady' });
		const play = graph.edges.find((e) => e.event === 'player.play');
		expect(play).toMatchObject({ guard: 'isReady', kind: 'event' });
		const delayed = graph.edges.find((e) => e.label === 'after 1000ms');
		expect(delayed?.event).toMatch(/^xstate\.after\.1000\./);
	});

	test('gives every edge a unique id and only names states that exist', () => {
		expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
		for (const edge of graph.edges) {
			expect(nodeById.has(edge.source)).toBe(true);
			expect(nodeById.has(edge.target)).toBe(true);
		}
	});

	test('is plain JSON: it survives a round trip unchanged', () => {
		expect(JSON.parse(JSON.stringify(graph))).toEqual(graph);
	});

	test('draws both outcomes of a guarded choice on the training machine, guard first', () => {
		const finished = statechartGraph(trainingMachine).edges.filter(
			(e) => e.event === 'trainer.finished',
		);
		expect(finished.map((e) => [e.source, e.target, e.label])).toEqual([
			['session', 'diverged', 'trainer.finished [hasDiverged]'],
			['session', 'completed', 'trainer.finished'],
		]);
	});

	test('shows a machine without nested states as one root with its children', () => {
		const toggle = setup({}).createMachine({
			id: 'toggle',
			initial: 'off',
			states: { off: { on: { flip: 'on' } }, on: { on: { flip: 'off' } } },
		});
		const small = statechartGraph(toggle);
		expect(small.nodes.map((n) => n.id)).toEqual(['', 'off', 'on']);
		expect(small.edges.map((e) => `${e.source}->${e.target}:${e.label}`)).toEqual([
			'off->on:flip',
			'on->off:flip',
		]);
	});
});

describe('guardName', () => {
	test('reads a string, a { type } object, a named function and a combinator', () => {
		expect(guardName(undefined)).toBeNull();
		expect(guardName('isReady')).toBe('isReady');
		expect(guardName({ type: 'isBelow', params: { limit: 3 } })).toBe('isBelow');
		function hasQuota() {
			return true;
		}
		expect(guardName(hasQuota)).toBe('hasQuota');
		expect(guardName(not('isReady'))).toBe('!isReady');
		expect(guardName(and(['isReady', or(['hasQuota', not({ type: 'isBusy' })])]))).toBe(
			'(isReady && (hasQuota || !isBusy))',
		);
		expect(guardName(() => true)).toBe('guard');
	});
});
