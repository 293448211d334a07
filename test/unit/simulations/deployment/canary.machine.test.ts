// The canary machine, model-based: a specification of Argo's canary written as its own small
// statechart (from Argo Rollouts' behaviour: first deployment skips steps, pause steps, step
// analysis Successful/Failed/Inconclusive, abort → Degraded, retry, rollback, promote,
// promote --full), walked to cover every state and every transition, and each path replayed on
// the real machine, checking its state, phase and weight after every event.
import { describe, expect, test } from 'vitest';
import { createActor, createMachine } from 'xstate';
import { testAgainstSpecification } from '../model-paths';
import { anyTick, minuteTicks, rolloutSpecEvents, walkedCanary } from './fixtures';
import { canaryMachine, type CanaryMachineEvent } from '@sim/deployment/canary.machine';

const spec = walkedCanary({
	name: 'success-rate',
	source: 'successRate',
	successCondition: { op: '>=', value: 0.99 },
});

// What each specification state means for the machine: its state value, phase and weight.
const expected: Record<string, { value: unknown; phase: string; weight: number }> = {
	empty: { value: 'idle', phase: 'Healthy', weight: 0 },
	stable: { value: 'healthy', phase: 'Healthy', weight: 0 },
	starting: { value: 'progressing', phase: 'Progressing', weight: 0 },
	timedPause: { value: { paused: 'pauseStep' }, phase: 'Paused', weight: 20 },
	analysing: { value: 'progressing', phase: 'Progressing', weight: 20 },
	inconclusive: { value: { paused: 'inconclusive' }, phase: 'Paused', weight: 20 },
	afterAnalysis: { value: 'progressing', phase: 'Progressing', weight: 20 },
	waiting: { value: { paused: 'pauseStep' }, phase: 'Paused', weight: 50 },
	finishing: { value: 'progressing', phase: 'Progressing', weight: 50 },
	degraded: { value: 'degraded', phase: 'Degraded', weight: 0 },
};

// Transitions every in-flight state shares: abort, promote --full, roll back, a newer revision.
const inFlight = {
	abort: 'degraded',
	promoteFull: 'stable',
	rollback: 'stable',
	deploy: 'starting',
} as const;

const specification = createMachine({
	id: 'spec',
	initial: 'empty',
	states: {
		empty: { on: { deploy: 'stable' } },
		stable: { on: { deploy: 'starting' } },
		starting: { on: { ...anyTick('timedPause'), ...inFlight } },
		timedPause: {
			on: {
				// A tick one minute later ends the pause and the analysis measures at once.
				'tick.pass': 'waiting',
				'tick.fail': 'degraded',
				'tick.inconclusive': 'inconclusive',
				promote: 'analysing',
				...inFlight,
			},
		},
		analysing: {
			on: {
				'tick.pass': 'waiting',
				'tick.fail': 'degraded',
				'tick.inconclusive': 'inconclusive',
				...inFlight,
			},
		},
		inconclusive: { on: { ...anyTick('inconclusive'), promote: 'afterAnalysis', ...inFlight } },
		afterAnalysis: { on: { ...anyTick('waiting'), ...inFlight } },
		waiting: { on: { ...anyTick('waiting'), promote: 'finishing', ...inFlight } },
		finishing: { on: { ...anyTick('stable'), ...inFlight } },
		degraded: { on: { retry: 'starting', rollback: 'stable', deploy: 'starting' } },
	},
});

type SpecEvent = { type: string };
const specEvents: SpecEvent[] = [{ type: 'deploy' }, ...rolloutSpecEvents];

/** Turns specification events into machine events, with a clock one minute per tick. */
function driver() {
	const clock = minuteTicks();
	let revision = 0;
	return (event: SpecEvent): CanaryMachineEvent => {
		const tick = clock(event.type);
		if (tick) return { type: 'clock.tick', nowMs: tick.nowMs, measure: () => tick.outcome };
		if (event.type === 'deploy') return { type: 'rollout.deploy', revision: ++revision };
		return { type: `rollout.${event.type}` } as CanaryMachineEvent;
	};
}

describe('canaryMachine (model-based)', () => {
	// Transition coverage: the shortest path to each state, then each event it accepts.
	// 1 + 1 + 7 + 8 + 7 + 8 + 7 + 8 + 7 + 3 transitions.
	const counts = { states: Object.keys(expected).length, transitions: 57 };
	testAgainstSpecification(specification, specEvents, counts, () => {
		const actor = createActor(canaryMachine, { input: { spec } }).start();
		const toMachine = driver();
		return (event, state, where) => {
			actor.send(toMachine(event));
			const want = expected[state]!;
			const { value, context } = actor.getSnapshot();
			expect(value, where).toEqual(want.value);
			expect(context.rollout.phase, where).toBe(want.phase);
			expect(context.rollout.weightPercent, where).toBe(want.weight);
		};
	});
});

test('events a state does not accept are ignored', () => {
	const actor = createActor(canaryMachine, { input: { spec } }).start();
	actor.send({ type: 'rollout.promote' });
	actor.send({ type: 'rollout.abort' });
	actor.send({ type: 'clock.tick', nowMs: 60_000 });
	expect(actor.getSnapshot().value).toBe('idle');
	actor.send({ type: 'rollout.deploy', revision: 1 });
	actor.send({ type: 'rollout.retry' });
	expect(actor.getSnapshot().value).toBe('healthy');
	expect(actor.getSnapshot().context.rollout.stableRevision).toBe(1);
});

test('without a measurer a measurement finds no data: five errors abort', () => {
	const actor = createActor(canaryMachine, { input: { spec } }).start();
	actor.send({ type: 'rollout.deploy', revision: 1 });
	actor.send({ type: 'rollout.deploy', revision: 2 });
	actor.send({ type: 'clock.tick', nowMs: 0 });
	actor.send({ type: 'clock.tick', nowMs: 60_000 });
	// Errors are retried every 10 s; the fifth in a row breaks consecutiveErrorLimit 4.
	actor.send({ type: 'clock.tick', nowMs: 100_000 });
	const { rollout } = actor.getSnapshot().context;
	expect(actor.getSnapshot().value).toBe('degraded');
	expect(rollout.message).toBe(
		'Rollout aborted update to revision 2: Metric "success-rate" assessed Error due to consecutiveErrors (5) > consecutiveErrorLimit (4)',
	);
});
