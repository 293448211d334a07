/**
 * The preset rule every lab's link follows, in one place. A link may name a preset
 * (`?preset=id`): the preset's settings apply first, then whatever the link states explicitly,
 * so a bare `?preset=id` works and a link's own values always win. Each lab says only how a preset
 * becomes parameters (`presetParams`); reading the link and the pages' preset lists are shared.
 */
import { defaultParams, statedParams, type ParamsOf, type ParamsSpec } from '@/lib/url-params';

/** What the shared rule needs of a preset. */
export interface NamedPreset {
	readonly id: string;
	readonly title: string;
	readonly notice: string;
	/** The lesson section the preset illustrates, where it has one. */
	readonly lesson?: string;
}

/** Parameters read from a link, and what was wrong with the link. */
export interface ReadResult<P> {
	params: P;
	problems: string[];
}

/**
 * Applies the preset named by `parsed.params.preset` (if any) under the values `search` states:
 * `parsed` is what `readParams(spec, search)` gave (plus any lab-specific parts).
 */
export function applyNamedPreset<P extends { readonly preset: string }, T extends NamedPreset>(
	spec: ParamsSpec,
	search: string,
	parsed: ReadResult<P>,
	presets: readonly T[],
	presetParams: (preset: T, base: P) => P,
): ReadResult<P> {
	const preset = presets.find((p) => p.id === parsed.params.preset);
	if (preset === undefined) return parsed;
	const stated = statedParams(spec, search);
	const explicit = Object.fromEntries(
		Object.entries(parsed.params).filter(([key]) => stated.has(key)),
	);
	return {
		params: { ...presetParams(preset, parsed.params), ...explicit } as P,
		problems: parsed.problems,
	};
}

/** One preset as a link on the lab's page. */
export interface PresetLink {
	title: string;
	notice: string;
	href: string;
	lesson?: string;
}

/** How a lab turns a preset into its link: its spec, its preset rule and its query writer. */
export interface PresetLinkRules<S extends ParamsSpec, P, T extends NamedPreset> {
	spec: S;
	presetParams: (preset: T, base: ParamsOf<S>) => P;
	query: (params: P) => string;
}

/**
 * The links to a lab's presets on its page at `path`: each preset's parameters over the spec's
 * defaults, as the lab's `query` writes them (without "?").
 */
export function presetLinks<S extends ParamsSpec, P, T extends NamedPreset>(
	path: string,
	presets: readonly T[],
	lab: PresetLinkRules<S, P, T>,
): PresetLink[] {
	const defaults = defaultParams(lab.spec);
	return presets.map((p) => ({
		title: p.title,
		notice: p.notice,
		href: `${path}?${lab.query(lab.presetParams(p, defaults))}`,
		...(p.lesson === undefined ? {} : { lesson: p.lesson }),
	}));
}
