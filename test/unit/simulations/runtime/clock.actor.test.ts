import { describe, expect, test } from 'vitest';
import { createActor, createMachine, sendTo } from 'xstate';
import { clockActor, type ClockCommand, type Schedule } from '@sim/runtime/clock.actor';
import { playbackControls, delayForSpeed, isValidDelay } from '@sim/runtime/playback';

type Request = { type: 'open' } | { type: 'tick'; tick: number } | { type: 'note' };
type Reply = { type: 'tock'; tick: number } | { type: 'oops' };
type Fact = { type: 'clock.ticked'; tick: number } | { type: 'clock.failed' };

/** A clock around a fake service and a manual schedule; the test answers requests by hand. */
function harness(
	input: { delayMs: number; horizon: number; startMode: 'run' | 'step' },
	eager = false,
) {
	const posted: Request[] = [];
	const facts: Fact[] = [];
	const tasks: { task: () => void; delayMs: number; cancelled: boolean }[] = [];
	let terminated = false;
	let reply: (r: Reply) => void = () => undefined;
	const schedule: Schedule = (task, delayMs) => {
		const entry = { task, delayMs, cancelled: false };
		tasks.push(entry);
		return () => {
			entry.cancelled = true;
		};
	};
	const clock = clockActor<Request, Reply, Fact, typeof input>({
		open(onReply) {
			reply = onReply;
			return { post: (r) => posted.push(r), terminate: () => (terminated = true) };
		},
		opening: () => [{ type: 'open' }],
		tick: (tick) => ({ type: 'tick', tick }),
		read: (r) =>
			r.type === 'tock'
				? { events: [{ type: 'clock.ticked', tick: r.tick }], answersTick: true }
				: { events: [{ type: 'clock.failed' }], answersTick: true, halts: true },
		eager,
		schedule,
	});
	const parent = createMachine({
		types: {} as { events: Fact | { type: 'command'; command: ClockCommand<Request> } },
		invoke: { id: 'clock', src: clock, input },
		on: {
			'clock.ticked': { actions: ({ event }) => facts.push(event) },
			'clock.failed': { actions: ({ event }) => facts.push(event) },
			command: { actions: sendTo('clock', ({ event }) => event.command) },
		},
	});
	const actor = createActor(parent).start();
	const scheduled = () => tasks.filter((t) => !t.cancelled);
	const advance = () => {
		const next = scheduled()[0];
		if (!next) throw new Error('nothing scheduled');
		next.cancelled = true;
		next.task();
	};
	const ticks = () => posted.flatMap((r) => (r.type === 'tick' ? [r.tick] : []));
	return {
		actor,
		posted,
		facts,
		scheduled,
		advance,
		ticks,
		answer: (r: Reply) => reply(r),
		send: (command: ClockCommand<Request>) => actor.send({ type: 'command', command }),
		terminated: () => terminated,
	};
}

describe('clockActor', () => {
	test('opens its service, then ticks delayMs apart, each tick only once the last was answered', () => {
		const h = harness({ delayMs: 100, horizon: 10, startMode: 'run' });
		expect(h.posted).toEqual([{ type: 'open' }]);
		expect(h.scheduled().map((t) => t.delayMs)).toEqual([100]);
		h.advance();
		expect(h.ticks()).toEqual([1]);
		// The one-request-in-flight guard: while tick 1 is unanswered nothing else is scheduled,
		// and a step or a run does not post a second tick.
		expect(h.scheduled()).toEqual([]);
		h.send({ type: 'clock.run' });
		h.send({ type: 'clock.step' });
		expect(h.ticks()).toEqual([1]);
		h.answer({ type: 'tock', tick: 1 });
		expect(h.facts).toEqual([{ type: 'clock.ticked', tick: 1 }]);
		h.actor.stop();
	});

	test('a slow answer delays the clock rather than piling up requests', () => {
		const h = harness({ delayMs: 10, horizon: 10, startMode: 'run' });
		h.advance();
		expect(h.scheduled()).toEqual([]);
		h.answer({ type: 'tock', tick: 1 });
		expect(h.scheduled().map((t) => t.delayMs)).toEqual([10]);
		h.advance();
		expect(h.ticks()).toEqual([1, 2]);
		h.actor.stop();
	});

	test('pauses, steps exactly one tick, changes speed and resumes after one delay', () => {
		const h = harness({ delayMs: 50, horizon: 10, startMode: 'run' });
		h.advance();
		h.answer({ type: 'tock', tick: 1 });
		h.send({ type: 'clock.pause' });
		expect(h.scheduled()).toEqual([]);
		h.send({ type: 'clock.step' });
		expect(h.ticks()).toEqual([1, 2]);
		h.answer({ type: 'tock', tick: 2 });
		expect(h.scheduled()).toEqual([]);
		h.send({ type: 'clock.setSpeed', delayMs: 5 });
		h.send({ type: 'clock.run' });
		expect(h.scheduled().map((t) => t.delayMs)).toEqual([5]);
		h.actor.stop();
	});

	test('an eager clock starts and resumes with a tick at once', () => {
		const h = harness({ delayMs: 50, horizon: 10, startMode: 'run' }, true);
		expect(h.scheduled().map((t) => t.delayMs)).toEqual([0]);
		h.advance();
		h.answer({ type: 'tock', tick: 1 });
		expect(h.scheduled().map((t) => t.delayMs)).toEqual([50]);
		h.send({ type: 'clock.pause' });
		h.send({ type: 'clock.run' });
		expect(h.scheduled().map((t) => t.delayMs)).toEqual([0]);
		h.actor.stop();
	});

	test('starting in step mode asks for one tick and stays paused', () => {
		const h = harness({ delayMs: 50, horizon: 10, startMode: 'step' });
		expect(h.scheduled().map((t) => t.delayMs)).toEqual([0]);
		h.advance();
		h.answer({ type: 'tock', tick: 1 });
		expect(h.ticks()).toEqual([1]);
		expect(h.scheduled()).toEqual([]);
		h.actor.stop();
	});

	test('stops at the horizon, halts on a failure, and passes other requests through', () => {
		const h = harness({ delayMs: 0, horizon: 2, startMode: 'run' });
		h.advance();
		h.answer({ type: 'tock', tick: 1 });
		h.advance();
		h.answer({ type: 'tock', tick: 2 });
		expect(h.scheduled()).toEqual([]);
		h.send({ type: 'clock.step' });
		expect(h.ticks()).toEqual([1, 2]);
		h.send({ type: 'clock.post', request: { type: 'note' } });
		expect(h.posted.at(-1)).toEqual({ type: 'note' });

		const failing = harness({ delayMs: 0, horizon: 5, startMode: 'run' });
		failing.advance();
		failing.answer({ type: 'oops' });
		expect(failing.facts).toEqual([{ type: 'clock.failed' }]);
		expect(failing.scheduled()).toEqual([]);
		failing.send({ type: 'clock.step' });
		expect(failing.ticks()).toEqual([1, 2]);
		h.actor.stop();
		failing.actor.stop();
	});

	test('stopping the actor cancels the timer, terminates the port and drops late replies', () => {
		const h = harness({ delayMs: 20, horizon: 5, startMode: 'run' });
		h.actor.stop();
		expect(h.scheduled()).toEqual([]);
		expect(h.terminated()).toBe(true);
		h.answer({ type: 'tock', tick: 1 });
		expect(h.facts).toEqual([]);
	});
});

describe('playback helpers', () => {
	const pace = { baseDelayMs: 400, speeds: [0.5, 1, 2], maxDelayMs: 10_000 };
	test('delays follow the pace; only finite delays within the maximum are valid', () => {
		expect(pace.speeds.map((s) => delayForSpeed(pace, s))).toEqual([800, 400, 200]);
		expect([0, 10_000, -1, 10_001, Number.NaN].map((d) => isValidDelay(pace, d))).toEqual([
			true,
			true,
			false,
			false,
			false,
		]);
	});

	test('playbackControls asks the snapshot about each control', () => {
		const accepted = new Set(['playback.start', 'playback.reset']);
		expect(playbackControls({ can: (event) => accepted.has(event.type) })).toEqual({
			play: true,
			pause: false,
			step: false,
			reset: true,
		});
	});
});
