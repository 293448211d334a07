/**
 * A component that an island imports lazily in client-only code (an `$effect`, an event handler)
 * gets its styles, and those of the components it imports, inlined into the page like any other.
 *
 * Astro collects a page's CSS from the server build's module graph. Svelte's server compile drops
 * `$effect`s and handlers, and with them any `import('./X.svelte')` inside, so the server never
 * sees X. X's own stylesheet still reaches the page (Astro's client CSS step falls back to the
 * pages that hydrate an importer), but one it shares with eagerly used components does not: the
 * client step deletes it because other pages carry it inline from the server build. That is how
 * the deployment lab's rollout charts, loaded once v2 is deployed, lost the chart components'
 * styles (no grid, no threshold lines, unreadable tick text in the dark theme).
 *
 * So in the server build (only there) each such lazily imported component is also imported by the
 * component that imports it lazily, for its side effects (its CSS): the server graph then reaches
 * it the way it already reaches a `{#await import('./X.svelte')}` in markup, and Astro inlines its
 * styles into the pages that render that component, deduplicated with the rest, in order. The
 * client bundle does not change. Chosen over re-emitting the dropped stylesheet for Vite's
 * preload helper to fetch with the lazy chunk: no extra request, no flash of unstyled charts,
 * nothing more to precache; and every other page keeps its bytes, where a re-emitted stylesheet
 * would be fetched again by the pages that already inline it (the preload helper only knows
 * `<link>`s). The cost is the server evaluating that module while prerendering, as it already
 * does for `{#await import()}`.
 *
 * Only `.svelte` specifiers written literally: a TS module imported lazily may have browser-only
 * side effects (workers, tfjs) and carries no component styles.
 */
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';

/** `import('…svelte')` with a literal specifier, not a type (`typeof import(…)`). */
const lazySvelteImport = /(?<!typeof\s+)\bimport\(\s*(['"])([^'"]+\.svelte)\1\s*\)/g;

/** The `.svelte` specifiers imported lazily in `code`, in order, without repeats. */
export function lazySvelteImports(code: string): string[] {
	return [...new Set(Array.from(code.matchAll(lazySvelteImport), (match) => match[2]!))];
}

/**
 * The side-effect imports to append to a component's server module: one per component its
 * source imports lazily that the compiled server module no longer imports.
 */
export function serverStyleImports(source: string, compiled: string): string {
	const kept = new Set(lazySvelteImports(compiled));
	return lazySvelteImports(source)
		.filter((specifier) => !kept.has(specifier))
		.map((specifier) => `\nimport ${JSON.stringify(specifier)};`)
		.join('');
}

export default function lazyComponentStyles(): Plugin {
	return {
		name: 'mlops-lab:lazy-component-styles',
		apply: 'build',
		// After vite-plugin-svelte's compile, whose output this appends to.
		enforce: 'post',
		applyToEnvironment: (environment) => environment.config.consumer === 'server',
		transform: {
			filter: { id: /\.svelte$/ },
			async handler(code, id) {
				const imports = serverStyleImports(await readFile(id, 'utf8'), code);
				return imports ? { code: code + imports, map: null } : null;
			},
		},
	};
}
