/**
 * What a lab's page prepares at build time, in its Astro frontmatter: the links to the lab's
 * presets (each preset's parameters written as the lab's own link, `presetLinks`) and the lab's
 * statechart laid out by ELK (`labStatechart`). Every lab page with presets did both, in the same
 * words. Key decision: the island gets the statechart as its markup plus what the live view
 * reads, not the whole layout: the geometry is already drawn in the markup, and every byte of an
 * island's props is HTML to fetch and JSON to parse at hydration. Build-time only, like the
 * layout module it imports: never import it from a `.svelte` file or anything a client bundle
 * reaches.
 */
import type { AnyStateMachine } from 'xstate';
import type { ParamsSpec } from '@/lib/url-params';
import { presetLinks, type NamedPreset, type PresetLink, type PresetLinkRules } from './lab-params';
import { layoutMachine, type StatechartLayout } from './statechart-layout';
import type { StatechartView } from './statechart-view';

/** A lab page's preset links (for LabLayout) and statechart (for the island). */
export interface LabPageData {
	presets: PresetLink[];
	statechart: StatechartView;
}

/** The layout without the geometry its markup already holds: what the island's props carry. */
export function statechartView(layout: StatechartLayout): StatechartView {
	const { machineId, width, height, markup, rows } = layout;
	return {
		machineId,
		width,
		height,
		markup,
		rows,
		edges: layout.edges.map(({ id, source, target, transitions }) => ({
			id,
			source,
			target,
			transitions: transitions.map(({ id, label, event }) => ({ id, label, event })),
		})),
	};
}

/** The statechart of `machine`, laid out and written at build time, as the lab island takes it. */
export async function labStatechart(machine: AnyStateMachine): Promise<StatechartView> {
	return statechartView(await layoutMachine(machine));
}

/** The preset links of the lab at `path` and the statechart of its `machine`. */
export async function labPageData<S extends ParamsSpec, P, T extends NamedPreset>(
	path: string,
	machine: AnyStateMachine,
	presets: readonly T[],
	lab: PresetLinkRules<S, P, T>,
): Promise<LabPageData> {
	return { presets: presetLinks(path, presets, lab), statechart: await labStatechart(machine) };
}
