/**
 * What a stepper island remembers and how it moves: the step shown, the sentence its live
 * region says, and arrow-key moves between step buttons that keep focus on the step chosen.
 * The lifecycle and pipeline islands share it so the keyboard rules live in one place; the
 * index rules themselves are the pure, unit-tested helpers of `interactive.logic.ts`.
 */
import { tick } from 'svelte';
import { clampIndex, hasNextStep, indexForKey, nextStep, previousStep } from '../interactive.logic';
import type { StepEnd } from '../interactive.logic';

/** How the stepper arrived at a step: an ordinary move, or "next" looping back. */
export type StepMove = 'moved' | 'looped';

export class Stepper {
	#chosen = $state<number | undefined>(undefined);
	/** What the live region says about the last move ('' before any). */
	announcement = $state('');
	/** The step buttons, bound by the island, so keyboard moves can focus them. */
	buttons: (HTMLButtonElement | undefined)[] = $state([]);
	readonly #count: () => number;
	readonly #start: () => number;
	readonly #end: StepEnd;
	readonly #describe: (index: number, move: StepMove) => string;

	/**
	 * @param count the number of steps (a function, so it may follow props)
	 * @param start the step shown until one is chosen
	 * @param describe the live-region sentence for arriving at a step
	 * @param end what "next" does on the last step
	 */
	constructor(options: {
		count: () => number;
		start?: () => number;
		describe: (index: number, move: StepMove) => string;
		end?: StepEnd;
	}) {
		this.#count = options.count;
		this.#start = options.start ?? (() => 0);
		this.#describe = options.describe;
		this.#end = options.end ?? { kind: 'stop' };
	}

	/** The step shown. */
	get index(): number {
		return this.#chosen ?? clampIndex(this.#start(), this.#count());
	}

	get isLast(): boolean {
		return this.index === this.#count() - 1;
	}

	get hasPrevious(): boolean {
		return this.index > 0;
	}

	get hasNext(): boolean {
		return hasNextStep(this.index, this.#count(), this.#end);
	}

	/** Shows step `index` and announces it. */
	show = (index: number, move: StepMove = 'moved'): void => {
		const shown = clampIndex(index, this.#count());
		this.#chosen = shown;
		this.announcement = this.#describe(shown, move);
	};

	previous = (): void => {
		this.show(previousStep(this.index, this.#count()));
	};

	next = (): void => {
		const looped = this.isLast && this.#end.kind === 'loop';
		this.show(nextStep(this.index, this.#count(), this.#end), looped ? 'looped' : 'moved');
	};

	/** Arrow keys, Home and End on a step button move to that step and focus its button. */
	onKey = async (event: KeyboardEvent): Promise<void> => {
		const target = indexForKey(event.key, this.index, this.#count());
		if (target === undefined) return;
		event.preventDefault();
		this.show(target);
		await tick();
		this.buttons[target]?.focus();
	};
}
