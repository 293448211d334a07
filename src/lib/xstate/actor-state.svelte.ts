/**
 * The one XState ↔ Svelte adapter. It wraps an actor so that reading `snapshot` inside a
 * template, `$derived` or effect subscribes to the actor, and the subscription ends when
 * nothing reads it any more (Svelte's `createSubscriber`). The actor is created here but not
 * started: views start it in `onMount`, so nothing runs during server rendering.
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

/** A reactive view of one XState actor. */
export class ActorState<TLogic extends AnyActorLogic> {
	/** The underlying actor; start it in `onMount` and stop it in the cleanup. */
	readonly actor: Actor<TLogic>;
	readonly #subscribe: () => void;

	constructor(logic: TLogic, options?: ActorOptions<TLogic>) {
		// createActor's conditional "input required" signature cannot be expressed for a generic
		// TLogic under exactOptionalPropertyTypes; the machine's own types still check `input`.
		this.actor = createActor(
			logic as AnyActorLogic,
			options as ActorOptions<AnyActorLogic>,
		) as unknown as Actor<TLogic>;
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

	/** Sends an event to the actor. */
	send = (event: EventFromLogic<TLogic>): void => {
		this.actor.send(event);
	};
}
