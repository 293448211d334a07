/**
 * The clock every lab runs on: a callback actor that owns a port to the lab's service and asks
 * it for one tick of work at a time (an epoch, a simulated day), `delayMs` apart while running.
 * It runs, pauses, steps, changes speed and stops at a horizon; the lab's machine invokes it
 * while a run is live, so leaving that state stops the timer and terminates the worker by
 * construction.
 *
 * Key decisions: never more than one tick is in flight — the next tick is scheduled only once
 * the service has answered the last one, so a slow tick delays the clock instead of piling
 * requests up; and time comes from an injected `Schedule`, so tests drive the clock by hand.
 * What a tick asks and what a reply means belong to the lab (`ClockSpec`); pacing belongs here.
 */
import { fromCallback, type EventObject } from 'xstate';
import type { Port } from './worker.port';

/** Runs `task` after `delayMs`; returns a function that cancels it. */
export type Schedule = (task: () => void, delayMs: number) => () => void;

/** The browser's and Node's timers. */
export const timerSchedule: Schedule = (task, delayMs) => {
	const id = setTimeout(task, delayMs);
	return () => clearTimeout(id);
};

/** What every clock starts from; labs extend it with what their service needs to open. */
export interface ClockInput {
	/** Real time between ticks while running. */
	readonly delayMs: number;
	/** Ticks in a full run; the clock asks for no tick beyond it. */
	readonly horizon: number;
	/** How the run starts: running, or one tick then paused. */
	readonly startMode: 'run' | 'step';
}

/** Commands a machine sends to its clock. */
export type ClockCommand<Request> =
	| { readonly type: 'clock.run' }
	| { readonly type: 'clock.pause' }
	| { readonly type: 'clock.step' }
	| { readonly type: 'clock.setSpeed'; readonly delayMs: number }
	/** A request outside the tick rhythm (a learning-rate change, a drift injection). */
	| { readonly type: 'clock.post'; readonly request: Request };

/** How a lab's service replies are read by the clock. */
export interface ReplyReading<Event> {
	/** Machine events to send back (past-tense facts), in order. */
	readonly events: readonly Event[];
	/** True when this reply answers the tick in flight. */
	readonly answersTick: boolean;
	/** True when the clock should stop running (an error); stepping still works. */
	readonly halts?: boolean | undefined;
}

/** What a lab tells the clock. */
export interface ClockSpec<Request, Reply, Event extends EventObject, Input extends ClockInput> {
	/** Opens the lab's port (a worker, or the in-page service). */
	open(onReply: (reply: Reply) => void): Port<Request>;
	/** Requests posted once when the clock starts (configure, open). */
	opening(input: Input): readonly Request[];
	/** The request for tick `tick` (1-based). */
	tick(tick: number): Request;
	/** Reads a reply into events and its effect on the clock. */
	read(reply: Reply): ReplyReading<Event>;
	/**
	 * True when running starts (and resumes) with a tick at once; false when the first tick
	 * waits one delay, as a clock that shows time passing does.
	 */
	readonly eager?: boolean;
	/** The clock's time source; tests pass a manual one. */
	readonly schedule?: Schedule | undefined;
}

/** Builds a clock actor for a lab. */
export function clockActor<Request, Reply, Event extends EventObject, Input extends ClockInput>(
	spec: ClockSpec<Request, Reply, Event, Input>,
) {
	const schedule = spec.schedule ?? timerSchedule;
	return fromCallback<ClockCommand<Request>, Input, Event>(({ input, sendBack, receive }) => {
		let cancel: (() => void) | null = null;
		let running = input.startMode === 'run';
		let delayMs = input.delayMs;
		let ticks = 0;
		let pending = false;
		let stopped = false;
		const clear = () => {
			cancel?.();
			cancel = null;
		};
		const plan = (wait: number) => {
			if (cancel === null && !pending && ticks < input.horizon) cancel = schedule(tick, wait);
		};
		const port = spec.open((reply) => {
			if (stopped) return;
			const reading = spec.read(reply);
			if (reading.answersTick) pending = false;
			if (reading.halts) {
				running = false;
				clear();
			}
			for (const event of reading.events) sendBack(event);
			if (running && reading.answersTick) plan(delayMs);
		});
		function tick() {
			cancel = null;
			if (pending || ticks >= input.horizon) return;
			pending = true;
			ticks++;
			port.post(spec.tick(ticks));
		}
		receive((command) => {
			switch (command.type) {
				case 'clock.run':
					if (running) return;
					running = true;
					plan(spec.eager ? 0 : delayMs);
					return;
				case 'clock.pause':
					running = false;
					clear();
					return;
				case 'clock.step':
					running = false;
					clear();
					tick();
					return;
				case 'clock.setSpeed':
					delayMs = command.delayMs;
					return;
				case 'clock.post':
					port.post(command.request);
					return;
			}
		});
		for (const request of spec.opening(input)) port.post(request);
		// The first tick comes from the schedule too, so opening the service never blocks the
		// transition that started the clock.
		cancel = schedule(tick, input.startMode === 'run' && !spec.eager ? delayMs : 0);
		return () => {
			stopped = true;
			clear();
			port.terminate();
		};
	});
}
