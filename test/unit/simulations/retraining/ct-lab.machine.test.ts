import { describe, expect, test } from 'vitest';
import { createActor, transition, type SnapshotFrom } from 'xstate';
import { createYearHandler, yearService } from '@sim/retraining/ct-lab.service';
import {
	createCtLabMachine,
	ctLabMachine,
	demandDayOf,
	shownRun,
	yearClock,
	type CtLabEvent,
} from '@sim/retraining/ct-lab.machine';
import type { PolicyPair, YearDay, YearReply } from '@sim/retraining/ct-lab.protocol';
import type { Schedule } from '@sim/runtime/clock.actor';
import { openInPagePort } from '@sim/runtime/worker.port';
import {
	findRetrainingPreset,
	simulateContinuousTraining,
	type DailyOutcome,
	type RunSummary,
} from '@sim/index';
import { walkLab, type LabSpec, type LabSpecValue, type SharedMove } from '../lab-walk';
import { plainPolicy } from './policy-fixture';
import { runPure } from '../pure-run';

type Snapshot = SnapshotFrom<typeof ctLabMachine>;

const world = plainPolicy({ seed: 7, days: 3, trigger: { kind: 'schedule', everyDays: 2 } });
const policies: PolicyPair = { a: world, b: { ...world, trigger: { kind: 'none' } } };

// Hand-made days: the machine only stores and counts them, so their numbers need not be real.
const outcome = (day: number, accuracy: number): DailyOutcome => ({
	day,
	staticAccuracy: 0.8,
	policyAccuracy: accuracy,
	servedVersion: 1,
	stalenessDays: day,
	labelledAccuracy: null,
	driftScore: null,
	suppressedByCooldown: false,
	servingAnomalies: 0,
});
const fakeRun = (day: number, run: number, outcomeOf: RunSummary['outcome']): RunSummary =>
	({ day, run, outcome: outcomeOf, reason: `reason ${run}`, steps: [] }) as unknown as RunSummary;
const day = (n: number, runsA: RunSummary[] = [], runsB: RunSummary[] = []): CtLabEvent => ({
	type: 'clock.dayComputed',
	result: {
		day: n,
		a: outcome(n, 0.8),
		b: outcome(n, 0.7),
		runsA,
		runsB,
		replays: [],
	} satisfies YearDay,
});

const run = (events: readonly CtLabEvent[]): Snapshot =>
	runPure(ctLabMachine, { policies }, events);

describe('continuous-training lab machine transitions (pure)', () => {
	test('starts idle with the given policies and nothing shown', () => {
		const snapshot = run([]);
		expect(snapshot.value).toBe('idle');
		expect(snapshot.context.policies).toEqual(policies);
		expect(shownRun(snapshot.context)).toBeNull();
	});

	test('days accumulate with their runs; the last day of policy A finishes the year', () => {
		const s = run([
			{ type: 'playback.start' },
			day(1),
			day(2, [fakeRun(2, 1, 'promoted')], [fakeRun(2, 1, 'failed')]),
		]);
		expect(s.value).toEqual({ running: 'streaming' });
		expect(s.context.days.map((d) => d.day)).toEqual([1, 2]);
		expect(s.context.runsA.map((r) => r.outcome)).toEqual(['promoted']);
		expect(s.context.runsB.map((r) => r.outcome)).toEqual(['failed']);
		const done = transition(ctLabMachine, s, day(3))[0];
		expect(done.value).toBe('finished');
	});

	test('the step graph follows the newest run of A until the learner picks one', () => {
		let s = run([
			{ type: 'playback.start' },
			day(1, [fakeRun(1, 1, 'rejected')], [fakeRun(1, 1, 'promoted')]),
		]);
		expect(shownRun(s.context)).toMatchObject({ policy: 'a', run: { run: 1 } });
		s = transition(ctLabMachine, s, { type: 'run.select', policy: 'b', run: 1 })[0];
		s = transition(ctLabMachine, s, day(2, [fakeRun(2, 2, 'promoted')]))[0];
		expect(shownRun(s.context)).toMatchObject({ policy: 'b', run: { outcome: 'promoted' } });
	});

	test('selecting a run that does not exist changes nothing', () => {
		const s = run([{ type: 'playback.start' }, { type: 'run.select', policy: 'a', run: 9 }]);
		expect(s.context.selected).toBeNull();
	});

	test('an on-demand request is for the day after next and only while a run is live', () => {
		expect(run([{ type: 'run.request' }]).context.demands).toEqual([]);
		const s = run([{ type: 'playback.start' }, { type: 'run.request' }]);
		expect(s.context.demands).toEqual([2]);
		// On day 2 of 3 the day after next is past the year: refused.
		const late = transition(ctLabMachine, transition(ctLabMachine, s, day(1))[0], day(2))[0];
		expect(demandDayOf(late.context)).toBe(4);
		expect(late.can({ type: 'run.request' })).toBe(false);
	});

	test('a failure pauses with its message; reset clears the run and keeps the policies', () => {
		let s = run([{ type: 'playback.start' }, day(1), { type: 'clock.failed', message: 'boom' }]);
		expect(s.value).toEqual({ running: 'paused' });
		expect(s.context.error).toBe('boom');
		s = transition(ctLabMachine, s, { type: 'playback.reset' })[0];
		expect(s.value).toBe('idle');
		expect(s.context.days).toEqual([]);
		expect(s.context.error).toBeNull();
		expect(s.context.policies).toEqual(policies);
	});

	test('policies change only outside a run; after a finished year they return to idle', () => {
		const other: PolicyPair = { a: { ...world, cooldownDays: 5 }, b: null };
		const live = run([{ type: 'playback.start' }, { type: 'policy.configure', policies: other }]);
		expect(live.context.policies).toEqual(policies);
		const done = run([
			{ type: 'playback.start' },
			day(1),
			day(2),
			day(3),
			{ type: 'policy.configure', policies: other },
		]);
		expect(done.value).toBe('idle');
		expect(done.context.policies).toEqual(other);
		expect(done.context.days).toEqual([]);
	});

	test('speeds outside 0–10 s a day are refused', () => {
		expect(run([{ type: 'playback.setSpeed', delayMs: -1 }]).context.dayDelayMs).toBe(60);
		expect(run([{ type: 'playback.setSpeed', delayMs: 20_000 }]).context.dayDelayMs).toBe(60);
		expect(run([{ type: 'playback.setSpeed', delayMs: 15 }]).context.dayDelayMs).toBe(15);
	});
});

/**
 * The specification, written from the lab's rules rather than from the machine: idle → a run
 * (streaming ⇄ paused) → finished on the year's last day; a failure pauses; reset always returns
 * to idle with nothing shown; a new policy is taken only outside a run (and a finished year goes
 * back to idle); on-demand requests count only during a run while the day after next is in the
 * year.
 */
interface Spec extends LabSpec {
	demands: number;
}
type Move = SharedMove | 'configure' | 'demand' | 'day';
const moves: readonly Move[] = [
	'start',
	'pause',
	'step',
	'reset',
	'configure',
	'demand',
	'fail',
	'day',
];

function specStep(spec: Spec, move: Move, horizon: number): Spec {
	const live = spec.value === 'streaming' || spec.value === 'paused';
	const fresh = (value: LabSpecValue): Spec => ({ value, days: 0, demands: 0 });
	switch (move) {
		case 'reset':
			return fresh('idle');
		case 'start':
			if (spec.value === 'idle' || spec.value === 'finished') return fresh('streaming');
			return { ...spec, value: 'streaming' };
		case 'step':
			if (spec.value === 'idle') return fresh('paused');
			return live ? { ...spec, value: 'paused' } : spec;
		case 'pause':
			return spec.value === 'streaming' ? { ...spec, value: 'paused' } : spec;
		case 'fail':
			return live ? { ...spec, value: 'paused' } : spec;
		case 'configure':
			return spec.value === 'finished' ? fresh('idle') : spec;
		case 'demand':
			return live && spec.days + 2 <= horizon ? { ...spec, demands: spec.demands + 1 } : spec;
		case 'day':
			if (!live) return spec;
			return {
				...spec,
				days: spec.days + 1,
				value: spec.days + 1 >= horizon ? 'finished' : spec.value,
			};
	}
}

describe('continuous-training lab machine against its specification (model-based)', () => {
	const horizon = 3;
	const eventFor = (snapshot: Snapshot, move: Exclude<Move, SharedMove>): CtLabEvent => {
		switch (move) {
			case 'configure':
				return { type: 'policy.configure', policies };
			case 'demand':
				return { type: 'run.request' };
			case 'day':
				return day(snapshot.context.days.length + 1);
		}
	};

	test('agrees with the specification on every sequence of up to five moves', () => {
		const sequences = walkLab({
			machine: ctLabMachine,
			input: { policies },
			spec: { value: 'idle', days: 0, demands: 0 },
			moves,
			depth: 5,
			horizon,
			event: eventFor,
			specStep: (spec: Spec, move) => specStep(spec, move, horizon),
			check: (next, expected, where) => {
				expect(next.context.days.length, where).toBe(expected.days);
				expect(next.context.demands.length, where).toBe(expected.demands);
			},
		});
		expect(sequences).toBeGreaterThan(20_000);
	});
});

describe('the year service', () => {
	// Source of the expectations: the preset's own sentence and its golden test (day-90
	// challenger about 7 points below the champion, rejected by the gate).
	const preset = findRetrainingPreset('gate-rejects-corrupted');
	if (preset === undefined) throw new Error('preset missing');
	const pair: PolicyPair = {
		a: { ...preset.params.config, days: 95 },
		b: { ...preset.params.compareWith, days: 95 },
	};

	test('streams the simulated year day by day, with the runs that started on each day', () => {
		const replies: YearReply[] = [];
		const handler = createYearHandler((r) => replies.push(r), { replay: null });
		handler.handle({ type: 'open', policies: pair });
		for (let d = 1; d <= 95; d++) handler.handle({ type: 'day', day: d });
		const days = replies.map((r) => (r.type === 'day' ? r.result : null));
		const direct = simulateContinuousTraining(pair.a);
		expect(days.map((d) => d?.a)).toEqual(direct.daily);
		const runsA = days.flatMap((d) => d?.runsA ?? []);
		expect(runsA).toEqual(direct.runs);
		expect(runsA.map((r) => [r.day, r.outcome])).toEqual([
			[30, 'failed'],
			[60, 'rejected'],
			[90, 'rejected'],
		]);
		expect(runsA[2]?.reason).toBe(
			'not blessed: accuracy 74.5 % vs champion 81.3 % (−6.8 points) misses the required change of +0.5 points',
		);
		// Without the gate, policy B deploys the day-90 challenger.
		expect(days[89]?.runsB.map((r) => r.outcome)).toEqual(['promoted']);
	});

	test('an on-demand run re-simulates the year: earlier days unchanged, the run on its day', () => {
		const replies: YearReply[] = [];
		const handler = createYearHandler((r) => replies.push(r), { replay: null });
		handler.handle({
			type: 'open',
			policies: { a: { ...world, days: 50, trigger: { kind: 'none' } }, b: null },
		});
		for (let d = 1; d <= 40; d++) handler.handle({ type: 'day', day: d });
		handler.handle({ type: 'demand', day: 45 });
		for (let d = 41; d <= 50; d++) handler.handle({ type: 'day', day: d });
		const days = replies.map((r) => (r.type === 'day' ? r.result : null));
		const withDemand = simulateContinuousTraining({
			...world,
			days: 50,
			trigger: { kind: 'none' },
			onDemandDays: [45],
		});
		expect(days.map((d) => d?.a)).toEqual(withDemand.daily);
		expect(days.flatMap((d) => d?.runsA ?? []).map((r) => [r.day, r.trigger])).toEqual([
			[45, 'on-demand'],
		]);
		expect(days.every((d) => d?.b === null)).toBe(true);
	});

	test('errors come back as replies, not throws', () => {
		const replies: YearReply[] = [];
		const handler = createYearHandler((r) => replies.push(r), { replay: null });
		handler.handle({ type: 'day', day: 1 });
		handler.handle({
			type: 'open',
			policies: { a: { ...world, days: 40, cooldownDays: -1 }, b: null },
		});
		expect(replies).toEqual([
			{ type: 'error', message: 'A day was asked for before the year opened.' },
			{
				type: 'error',
				message: 'cooldownDays: Cooldown must be a whole number from 0 to 180 days.',
			},
		]);
	});
});

describe('the lab on its clock and the in-page service', () => {
	test('a 50-day year runs to the end by hand-driven time, replays its run with tfjs and stops its service', async () => {
		const tasks: (() => void)[] = [];
		const manual: Schedule = (task) => {
			tasks.push(task);
			return () => tasks.splice(tasks.indexOf(task), 1);
		};
		const machine = createCtLabMachine(
			yearClock(
				(onReply) =>
					openInPagePort(() => Promise.resolve(yearService), onReply, yearService.failure),
				manual,
			),
		);
		const actor = createActor(machine, {
			input: {
				policies: {
					a: { ...world, days: 50, trigger: { kind: 'schedule', everyDays: 45 } },
					b: null,
				},
			},
		}).start();
		actor.send({ type: 'playback.start' });
		// The day-45 run is replayed with tfjs before its day is answered: time passes meanwhile.
		const deadline = Date.now() + 60_000;
		while (Date.now() < deadline && !actor.getSnapshot().matches('finished')) {
			tasks.shift()?.();
			await new Promise((resolve) => setTimeout(resolve, 1));
		}
		const s = actor.getSnapshot();
		expect(s.value).toBe('finished');
		expect(s.context.days.map((d) => d.day)).toEqual(Array.from({ length: 50 }, (_, k) => k + 1));
		expect(s.context.runsA.map((r) => r.day)).toEqual([45]);
		const replay = s.context.replays[0];
		expect(s.context.replays.map((r) => [r.policy, r.run, r.backend])).toEqual([['a', 1, 'cpu']]);
		expect(replay?.tensorsAfter).toBe(replay?.tensorsBefore);
		expect(
			Math.abs((replay?.validationAccuracy ?? 0) - (replay?.referenceValidationAccuracy ?? 1)),
		).toBeLessThanOrEqual(0.015);
		actor.stop();
	});
});
