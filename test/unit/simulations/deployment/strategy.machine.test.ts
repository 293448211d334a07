// The live strategy machine, model-based, on Argo's blueGreen: a specification written as its
// own small statechart from Argo Rollouts' behaviour (rollout/bluegreen.go, service.go and the
// blue-green docs: preview behind the previewService, BlueGreenPause with
// autoPromotionEnabled: false, the activeService switch, postPromotionAnalysis, abort back to
// stable, fast rollback within scaleDownDelaySeconds, promote --full), walked to cover every
// state and transition, each path replayed on the real machine, checking its state, phase and
// the share of users on v2 after every event. Ticks are a minute apart: long enough for pods to
// start (20 s), for the old pods' 30 s scale-down delay to pass, and for one measurement.
import { describe, expect, test } from 'vitest';
import { createActor, createMachine } from 'xstate';
import { testAgainstSpecification } from '../model-paths';
import { anyTick, minuteTicks, rolloutSpecEvents } from './fixtures';
import { blueGreenEngine } from '@sim/deployment/bluegreen.model';
import type { LiveEngine } from '@sim/deployment/live.model';
import {
	strategyMachine,
	strategyStatus,
	type StrategyMachineEvent,
} from '@sim/deployment/strategy.machine';
import { workloadEngine } from '@sim/deployment/workload.model';

const engine = blueGreenEngine(
	{
		autoPromotionEnabled: false,
		scaleDownDelaySeconds: 30,
		postPromotionMetrics: [
			{
				name: 'success-rate',
				source: 'successRate',
				lookback: '1m',
				successCondition: { op: '>=', value: 0.98 },
			},
		],
	},
	{ replicas: 10, startupMs: 20_000, previewPercent: 5 },
) as LiveEngine<unknown>;

const expected: Record<string, { value: unknown; phase: string; weight: number }> = {
	starting: { value: 'progressing', phase: 'Progressing', weight: 0 },
	preview: { value: { paused: 'waiting' }, phase: 'Paused', weight: 0 },
	promoted: { value: 'progressing', phase: 'Progressing', weight: 0 },
	analysing: { value: 'progressing', phase: 'Progressing', weight: 100 },
	inconclusive: { value: { paused: 'inconclusive' }, phase: 'Paused', weight: 100 },
	fullBeforeSwitch: { value: 'progressing', phase: 'Progressing', weight: 0 },
	fullAfterSwitch: { value: 'progressing', phase: 'Progressing', weight: 100 },
	healthyNew: { value: 'healthy', phase: 'Healthy', weight: 100 },
	healthyLate: { value: 'healthy', phase: 'Healthy', weight: 100 },
	rollingBack: { value: 'progressing', phase: 'Progressing', weight: 100 },
	healthyOld: { value: 'healthy', phase: 'Healthy', weight: 0 },
	degraded: { value: 'degraded', phase: 'Degraded', weight: 0 },
};

const specification = createMachine({
	id: 'spec',
	initial: 'starting',
	states: {
		// v2's pods start behind the previewService; users stay on v1.
		starting: { on: { ...anyTick('preview'), promoteFull: 'fullBeforeSwitch', abort: 'degraded' } },
		// BlueGreenPause: autoPromotionEnabled is false.
		preview: {
			on: {
				...anyTick('preview'),
				promote: 'promoted',
				promoteFull: 'fullBeforeSwitch',
				abort: 'degraded',
			},
		},
		// Resumed: the switch happens on the next sync, which starts the post-promotion run.
		promoted: {
			on: { ...anyTick('analysing'), promoteFull: 'fullBeforeSwitch', abort: 'degraded' },
		},
		analysing: {
			on: {
				'tick.pass': 'healthyNew',
				'tick.fail': 'degraded',
				'tick.inconclusive': 'inconclusive',
				promoteFull: 'fullAfterSwitch',
				abort: 'degraded',
			},
		},
		inconclusive: {
			on: {
				...anyTick('inconclusive'),
				promote: 'healthyNew',
				promoteFull: 'fullAfterSwitch',
				abort: 'degraded',
			},
		},
		fullBeforeSwitch: { on: { ...anyTick('healthyNew'), abort: 'degraded' } },
		fullAfterSwitch: { on: { ...anyTick('healthyNew'), abort: 'degraded' } },
		// v1's pods are still up for scaleDownDelaySeconds: the switch back is instant.
		healthyNew: { on: { ...anyTick('healthyLate'), rollback: 'healthyOld' } },
		healthyLate: { on: { ...anyTick('healthyLate'), rollback: 'rollingBack' } },
		rollingBack: { on: anyTick('healthyOld') },
		healthyOld: { on: anyTick('healthyOld') },
		degraded: { on: { ...anyTick('degraded'), retry: 'starting', rollback: 'healthyOld' } },
	},
});

type SpecEvent = { type: string };
const specEvents: SpecEvent[] = [...rolloutSpecEvents];

/** Turns specification events into machine events, with a clock one minute per tick. */
function driver() {
	const clock = minuteTicks();
	return (event: SpecEvent): StrategyMachineEvent => {
		const tick = clock(event.type);
		if (tick) return { type: 'clock.tick', nowMs: tick.nowMs, measure: () => () => tick.outcome };
		return { type: `rollout.${event.type}` } as StrategyMachineEvent;
	};
}

describe('strategyMachine on blueGreen (model-based)', () => {
	// Transition coverage: the shortest path to each state, then each event it accepts.
	// 5 + 6 + 5 + 5 + 6 + 4 + 4 + 4 + 4 + 3 + 3 + 5 transitions.
	const counts = { states: Object.keys(expected).length, transitions: 54 };
	testAgainstSpecification(specification, specEvents, counts, () => {
		const actor = createActor(strategyMachine, { input: { engine } }).start();
		const toMachine = driver();
		return (event, state, where) => {
			actor.send(toMachine(event));
			const want = expected[state]!;
			const snapshot = actor.getSnapshot();
			const status = strategyStatus(snapshot.context);
			expect(snapshot.value, where).toEqual(want.value);
			expect(status.phase, where).toBe(want.phase);
			expect(status.weightPercent, where).toBe(want.weight);
			// Blue/green never splits users: all on one version.
			expect([0, 100], where).toContain(status.weightPercent);
		};
	});
});

test('commands a state does not list are ignored (no promote while progressing)', () => {
	const actor = createActor(strategyMachine, { input: { engine } }).start();
	actor.send({ type: 'rollout.promote' });
	actor.send({ type: 'rollout.retry' });
	actor.send({ type: 'rollout.rollback' });
	expect(actor.getSnapshot().value).toBe('progressing');
	expect(strategyStatus(actor.getSnapshot().context).log).toHaveLength(1);
});

test('a rolling update offers undo at any phase and rolls back the same way', () => {
	const rolling = workloadEngine('rolling', {
		name: 'churn-model',
		replicas: 10,
		tickMs: 10_000,
		startupTicks: 2,
	}) as LiveEngine<unknown>;
	const actor = createActor(strategyMachine, { input: { engine: rolling } }).start();
	for (let t = 1; t <= 4; t++) actor.send({ type: 'clock.tick', nowMs: t * 10_000 });
	expect(actor.getSnapshot().value).toBe('healthy');
	expect(strategyStatus(actor.getSnapshot().context).weightPercent).toBe(100);
	actor.send({ type: 'rollout.rollback' });
	expect(actor.getSnapshot().value).toBe('progressing');
	for (let t = 5; t <= 8; t++) actor.send({ type: 'clock.tick', nowMs: t * 10_000 });
	const status = strategyStatus(actor.getSnapshot().context);
	expect(actor.getSnapshot().value).toBe('healthy');
	expect(status.stableRevision).toBe(1);
	expect(status.weightPercent).toBe(0);
});
