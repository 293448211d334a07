/**
 * The one shape of a lab's presets ("things to try"): a link that opens the lab with settings
 * chosen so one lesson shows, the sentence that says what to notice when it runs, and the lesson
 * section it illustrates. Every lab's presets, its page's list of them and the teaching notes read
 * this type; only `params` differs between labs (each lab's own settings).
 */
export interface LabPreset<Params, Id extends string = string> {
	/** Stable id: the `preset` URL key, and what tests name. */
	readonly id: Id;
	/** The link text. */
	readonly title: string;
	/** The lab's settings the preset sets. */
	readonly params: Params;
	/** What to notice when it runs, in a sentence or two. */
	readonly notice: string;
	/** The lesson section it illustrates (a site path with its anchor), where there is one. */
	readonly lesson?: string;
}
