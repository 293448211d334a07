/**
 * The continuous-training lab's statechart: idle → running (streaming ⇄ paused, the shared
 * playback pair) → finished. A run invokes the kit's clock, which owns the year service and asks
 * it for one simulated day per tick (`clock.dayComputed`); leaving `running` stops the clock and
 * the worker by construction. The context keeps only plain results: each day's accuracies for
 * the static model and both policies, and every pipeline run with its steps and reason.
 *
 * Key decision: the run the page shows as a step graph is the newest one, until the learner
 * picks a run (`run.select`); from then on the choice stays until reset, so a run being read is
 * not swapped away by the next one.
 */
import { assign, sendTo, setup } from 'xstate';
import type { ClockCommand, ClockInput, ReplyReading } from '../runtime/clock.actor';
import type { Pace, PlaybackEvent } from '../runtime/playback';
import * as kit from '../runtime/playback.machine';
import type { RunSummary } from './retraining.model';
import type { PolicyPair, TfjsReplay, YearDay, YearReply, YearRequest } from './ct-lab.protocol';
import { openYearPort } from './ct-lab.port';

/** The lab's pace: 60 ms per simulated day at speed 1, so a year takes about 20 seconds. */
export const ctPace: Pace = { baseDelayMs: 60, speeds: [0.25, 0.5, 1, 2, 4], maxDelayMs: 10_000 };

/** Which policy a run belongs to. */
export type PolicyId = 'a' | 'b';

/** A run the learner is looking at. */
export interface RunRef {
	readonly policy: PolicyId;
	/** The run's number within its policy's year (1-based). */
	readonly run: number;
}

/** The lab machine's context. */
export interface CtLabContext {
	readonly policies: PolicyPair;
	readonly dayDelayMs: number;
	readonly startMode: 'run' | 'step';
	readonly days: readonly YearDay[];
	readonly runsA: readonly RunSummary[];
	readonly runsB: readonly RunSummary[];
	/** Policy A's runs trained again with tfjs in the worker. */
	readonly replays: readonly TfjsReplay[];
	/** The run picked by the learner, or null to follow the newest. */
	readonly selected: RunRef | null;
	/** Days on which the learner asked for a run. */
	readonly demands: readonly number[];
	readonly error: string | null;
}

/** Facts the clock reports (past tense). */
export type CtClockFact =
	| { readonly type: 'clock.dayComputed'; readonly result: YearDay }
	| { readonly type: 'clock.failed'; readonly message: string };

/** Events the view sends, and the clock's facts. */
export type CtLabEvent =
	| PlaybackEvent
	| { readonly type: 'policy.configure'; readonly policies: PolicyPair }
	| { readonly type: 'run.select'; readonly policy: PolicyId; readonly run: number }
	/** A person asks policy A for a run (on `demandDayOf`). */
	| { readonly type: 'run.request' }
	| CtClockFact;

/** What the year's clock starts from. */
export interface YearClockInput extends ClockInput {
	readonly policies: PolicyPair;
}

/** Reads a service reply into facts and its effect on the clock. */
export function readYearReply(reply: YearReply): ReplyReading<CtClockFact> {
	return reply.type === 'error'
		? { events: [{ type: 'clock.failed', message: reply.message }], answersTick: true, halts: true }
		: { events: [{ type: 'clock.dayComputed', result: reply.result }], answersTick: true };
}

/** The year's clock around any port (the real one opens a worker) and time source. */
export const yearClock = /* @__PURE__ */ kit.labClock<
	YearRequest,
	YearReply,
	CtLabEvent,
	YearClockInput
>(openYearPort, {
	opening: (input) => [{ type: 'open', policies: input.policies }],
	tick: (day) => ({ type: 'day', day }),
	read: readYearReply,
});

type Command = ClockCommand<YearRequest>;

/** The last day shown, 0 before the first. */
export const lastDayOf = (context: CtLabContext): number => context.days.at(-1)?.day ?? 0;

/**
 * The day an on-demand run asked for now starts: the day after next. The clock may already have
 * asked for tomorrow (one tick in flight), and the service answers requests in order, so the day
 * after next is the first the new year can still change in what the page is shown.
 */
export const demandDayOf = (context: CtLabContext): number => lastDayOf(context) + 2;

/** What a run adds to the context, before it has added anything. */
const emptyRun = {
	days: [],
	runsA: [],
	runsB: [],
	replays: [],
	selected: null,
	demands: [],
	error: null,
} as const satisfies Partial<CtLabContext>;

/** The lab's context before any run. */
export function createCtLabContext(policies: PolicyPair): CtLabContext {
	return { policies, dayDelayMs: ctPace.baseDelayMs, startMode: 'run', ...emptyRun };
}

/** The run the step graph shows: the learner's pick, else A's newest, else B's newest. */
export function shownRun(context: CtLabContext): { policy: PolicyId; run: RunSummary } | null {
	const { selected } = context;
	if (selected !== null) {
		const runs = selected.policy === 'a' ? context.runsA : context.runsB;
		const run = runs.find((r) => r.run === selected.run);
		if (run !== undefined) return { policy: selected.policy, run };
	}
	const a = context.runsA.at(-1);
	if (a !== undefined) return { policy: 'a', run: a };
	const b = context.runsB.at(-1);
	return b === undefined ? null : { policy: 'b', run: b };
}

/** The tfjs replay of a run, if the worker made one. */
export function replayOf(context: CtLabContext, policy: PolicyId, run: number): TfjsReplay | null {
	return context.replays.find((r) => r.policy === policy && r.run === run) ?? null;
}

const start = kit.startTransitions('running', 'streaming');

/** The lab machine, with the clock's port injectable for tests. */
export function createCtLabMachine(clock: ReturnType<typeof yearClock> = yearClock()) {
	return setup({
		types: {
			context: {} as CtLabContext,
			events: {} as CtLabEvent,
			input: {} as { policies: PolicyPair },
		},
		actors: { clock },
		guards: {
			isLastDay: ({ context, event }) =>
				event.type === 'clock.dayComputed' && event.result.day >= context.policies.a.days,
			isValidSpeed: kit.speedGuard(ctPace),
			isKnownRun: ({ context, event }) =>
				event.type === 'run.select' &&
				(event.policy === 'a' ? context.runsA : context.runsB).some((r) => r.run === event.run),
			hasDayLeft: ({ context }) => demandDayOf(context) <= context.policies.a.days,
		},
		actions: {
			...kit.playbackActions<CtLabContext, CtLabEvent>('clock', 'dayDelayMs'),
			clearRun: assign(emptyRun),
			applyPolicies: assign(({ event }) =>
				event.type === 'policy.configure' ? { policies: event.policies } : {},
			),
			recordDay: assign(({ context, event }) =>
				event.type === 'clock.dayComputed'
					? {
							days: [...context.days, event.result],
							runsA: [...context.runsA, ...event.result.runsA],
							runsB: [...context.runsB, ...event.result.runsB],
							replays: [...context.replays, ...event.result.replays],
						}
					: {},
			),
			selectRun: assign(({ event }) =>
				event.type === 'run.select' ? { selected: { policy: event.policy, run: event.run } } : {},
			),
			recordDemand: assign(({ context }) => ({
				demands: [...context.demands, demandDayOf(context)],
			})),
			recordError: assign(({ event }) =>
				event.type === 'clock.failed' ? { error: event.message } : {},
			),
			commandDemand: sendTo('clock', ({ context }): Command => ({
				type: 'clock.post',
				request: { type: 'demand', day: demandDayOf(context) },
			})),
		},
	}).createMachine({
		id: 'continuousTrainingLab',
		context: ({ input }) => createCtLabContext(input.policies),
		initial: 'idle',
		on: {
			'playback.setSpeed': kit.speedSetting,
			'playback.reset': { target: '.idle', actions: 'clearRun' },
			'run.select': { guard: 'isKnownRun', actions: 'selectRun' },
		},
		states: {
			idle: {
				on: {
					...start,
					'policy.configure': { actions: 'applyPolicies' },
				},
			},
			running: kit.dayRunState(
				({ context }: { context: CtLabContext }): YearClockInput => ({
					policies: context.policies,
					delayMs: context.dayDelayMs,
					horizon: context.policies.a.days,
					startMode: context.startMode,
				}),
				{
					'playback.setSpeed': kit.speedChange,
					'run.request': { guard: 'hasDayLeft', actions: ['recordDemand', 'commandDemand'] },
				},
			),
			finished: {
				on: {
					'playback.start': start['playback.start'],
					'policy.configure': { target: 'idle', actions: ['applyPolicies', 'clearRun'] },
				},
			},
		},
	});
}

/** The lab machine on the real worker port. */
export const ctLabMachine = createCtLabMachine();
