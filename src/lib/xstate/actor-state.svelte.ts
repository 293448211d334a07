/**
 * The one XState ↔ Svelte adapter. It wraps an actor so that reading `snapshot` inside a
 * template, `$derived` or effect subscribes to the actor, and the subscription ends when
 * nothing reads it any more (Svelte's `createSubscriber`). The actor is created here but not
 * started: views call `start()` in `onMount` and `stop()` in its cleanup, so nothing runs during
 * server rendering. With the `throttle` option, `drawn` is a second snapshot for heavy drawing
 * (charts) that follows the actor at most every `intervalMs` while the actor is fast.
 */
import { createSubscriber } from 'svelte/reactivity';
import {
	createActor,
	type Actor,
	type ActorOptions,
	type AnyActorLogic,
	type EventFromLogic,
	type SnapshotFrom,
} from 'xstate';
import { throttleSnapshots, type ThrottleOptions } from './throttle';

/** A reactive view of one XState actor. */
export class ActorState<TLogic extends AnyActorLogic> {
	/** The underlying actor; start it in `onMount` and stop it in the cleanup. */
	readonly actor: Actor<TLogic>;
	readonly #subscribe: () => void;
	readonly #throttle: ThrottleOptions<SnapshotFrom<TLogic>> | undefined;
	#drawn = $state.raw<SnapshotFrom<TLogic>>();
	#stopThrottle: (() => void) | null = null;

	constructor(
		logic: TLogic,
		options?: ActorOptions<TLogic>,
		view?: { throttle?: ThrottleOptions<SnapshotFrom<TLogic>> },
	) {
		// createActor's conditional "input required" signature cannot be expressed for a generic
		// TLogic under exactOptionalPropertyTypes; the machine's own types still check `input`.
		this.actor = createActor(
			logic as AnyActorLogic,
			options as ActorOptions<AnyActorLogic>,
		) as unknown as Actor<TLogic>;
		this.#throttle = view?.throttle;
		this.#drawn = this.actor.getSnapshot();
		this.#subscribe = createSubscriber((update) => {
			const subscription = this.actor.subscribe({ next: update, error: update });
			return () => subscription.unsubscribe();
		});
	}

	/** The current snapshot; reactive when read in a template, `$derived` or effect. */
	get snapshot(): SnapshotFrom<TLogic> {
		this.#subscribe();
		// v5's subscribe does not replay the current value, so read it directly.
		return this.actor.getSnapshot();
	}

	/** The snapshot to draw charts from: throttled with the `throttle` option, else `snapshot`. */
	get drawn(): SnapshotFrom<TLogic> {
		return this.#throttle ? (this.#drawn as SnapshotFrom<TLogic>) : this.snapshot;
	}

	/** Starts the actor (and the throttled snapshot). */
	start(): void {
		const throttle = this.#throttle;
		if (throttle && this.#stopThrottle === null) {
			this.#stopThrottle = throttleSnapshots(
				(next) => {
					const subscription = this.actor.subscribe(next);
					return () => subscription.unsubscribe();
				},
				() => this.actor.getSnapshot(),
				(snapshot) => (this.#drawn = snapshot),
				throttle,
			);
		}
		this.actor.start();
	}

	/** Stops the actor, which stops its children (workers, clocks) by construction. */
	stop(): void {
		this.#stopThrottle?.();
		this.#stopThrottle = null;
		this.actor.stop();
	}

	/** Sends an event to the actor. */
	send = (event: EventFromLogic<TLogic>): void => {
		this.actor.send(event);
	};
}
