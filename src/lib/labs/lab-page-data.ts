/**
 * What a lab's page prepares at build time, in its Astro frontmatter: the links to the lab's
 * presets (each preset's parameters written as the lab's own link, `presetLinks`) and the lab's
 * statechart laid out by ELK (`layoutMachine`). Every lab page with presets did both, in the same
 * words. Build-time only, like the layout module it imports: never import it from a `.svelte`
 * file or anything a client bundle reaches.
 */
import type { AnyStateMachine } from 'xstate';
import type { ParamsSpec } from '@/lib/url-params';
import { presetLinks, type NamedPreset, type PresetLink, type PresetLinkRules } from './lab-params';
import { layoutMachine, type StatechartLayout } from './statechart-layout';

/** A lab page's preset links (for LabLayout) and statechart (for the island). */
export interface LabPageData {
	presets: PresetLink[];
	statechart: StatechartLayout;
}

/** The preset links of the lab at `path` and the layout of its `machine`. */
export async function labPageData<S extends ParamsSpec, P, T extends NamedPreset>(
	path: string,
	machine: AnyStateMachine,
	presets: readonly T[],
	lab: PresetLinkRules<S, P, T>,
): Promise<LabPageData> {
	return { presets: presetLinks(path, presets, lab), statechart: await layoutMachine(machine) };
}
