/**
 * The browser glue every lab page shares. `LabPage` is the page's controller: it starts and
 * stops the lab's actor, keeps the address bar in step with the parameters (so a reload or a
 * copied address reproduces the lab), builds the link the Share button copies, and, for labs whose
 * runs take a while, asks before the page is left while a run is live that nothing has saved:
 * one rule for every lab, declared by the lab as `unsaved`. Islands use it instead of touching
 * `history`, `location` or `beforeunload` themselves. A value comparison and two small DOM helpers
 * follow it.
 */
import { tick } from 'svelte';
import type { AnyActorLogic, SnapshotFrom } from 'xstate';
import type { ActorState } from '@/lib/xstate/actor-state.svelte';

/** What a lab tells its page controller. */
export interface LabPageOptions<TLogic extends AnyActorLogic> {
	/**
	 * True while the lab holds a run that leaving would lose (it is logged or stored only when
	 * it ends): reloading, closing or navigating away then asks the browser to confirm.
	 */
	readonly unsaved?: (snapshot: SnapshotFrom<TLogic>) => boolean;
}

/** What the controller needs of the island's actor adapter (an `ActorState`). */
export type LabActor<TLogic extends AnyActorLogic> = Pick<
	ActorState<TLogic>,
	'actor' | 'start' | 'stop'
>;

/** One lab page: its actor's lifecycle, its address bar and its share link. */
export class LabPage<TLogic extends AnyActorLogic> {
	readonly #sim: LabActor<TLogic>;
	readonly #unsaved: ((snapshot: SnapshotFrom<TLogic>) => boolean) | undefined;
	#stopWarning: (() => void) | null = null;

	constructor(sim: LabActor<TLogic>, options: LabPageOptions<TLogic> = {}) {
		this.#sim = sim;
		this.#unsaved = options.unsaved;
	}

	/** Starts the actor (and the warning before leaving); call it in `onMount`. */
	start(): void {
		this.#sim.start();
		const unsaved = this.#unsaved;
		if (unsaved && this.#stopWarning === null) {
			this.#stopWarning = warnBeforeLeaving(() => unsaved(this.#sim.actor.getSnapshot()));
		}
	}

	/** Stops the actor, and with it its workers and clocks; call it in `onMount`'s cleanup. */
	stop(): void {
		this.#stopWarning?.();
		this.#stopWarning = null;
		this.#sim.stop();
	}

	/** Replaces the page's query with `query` (without "?"), keeping the path and the hash. */
	replaceQuery(query: string): void {
		const search = query ? `?${query}` : '';
		// Replacing the URL costs the browser a round trip to its own process (about 10 ms during a
		// page load here): skip it when the link already says this, as a bare link does on mount.
		if (search === location.search) return;
		history.replaceState(null, '', `${location.pathname}${search}${location.hash}`);
	}

	/** The absolute link to this page with `query`. */
	shareLink(query: string): string {
		return `${location.origin}${location.pathname}${query ? `?${query}` : ''}`;
	}
}

/**
 * Asks the browser to confirm leaving (reload, close, navigate away) while `busy()` is true.
 * Returns the function that stops asking.
 */
function warnBeforeLeaving(busy: () => boolean): () => void {
	const listener = (event: BeforeUnloadEvent) => {
		if (!busy()) return;
		event.preventDefault();
		// Older browsers need a return value to show the dialog.
		event.returnValue = '';
	};
	addEventListener('beforeunload', listener);
	return () => removeEventListener('beforeunload', listener);
}

/**
 * Whether two plain values (parameters as a link reads them: objects, arrays, strings, numbers,
 * booleans, null) are equal, whatever the order of their keys. A lab uses it on mount: the server
 * drew the default parameters, so a link that asks for exactly those has nothing to send the
 * actor, and sending it anyway redraws the whole lab inside its first, longest task.
 */
export function sameValue(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const aKeys = Object.keys(a);
	const bRecord = b as Record<string, unknown>;
	return (
		aKeys.length === Object.keys(b).length &&
		aKeys.every(
			(key) =>
				Object.hasOwn(bRecord, key) && sameValue((a as Record<string, unknown>)[key], bRecord[key]),
		)
	);
}

/** Offers `text` as a file download named `name`. */
export function downloadText(name: string, type: string, text: string): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	link.click();
	URL.revokeObjectURL(url);
}

/**
 * Moves focus to `selector` inside `root` once the DOM has updated. Actions that disable or remove
 * the button just pressed would drop keyboard focus on the page body; focus goes where the result
 * of the action is instead.
 */
export async function focusWithin(root: HTMLElement | null, selector: string): Promise<void> {
	await tick();
	root?.querySelector<HTMLElement>(selector)?.focus();
}
