/**
 * Lets islands import sections lazily (`{#await import('./Section.svelte')}`) with
 * `build.inlineStylesheets: 'always'`. Astro's client CSS step removes a stylesheet from the
 * bundle when the prerendered page already carries the same CSS inline, but it leaves the file in
 * the chunks' `viteMetadata.importedCss`. Vite's preload helper reads that list when it writes
 * the dependencies of each dynamic import, so the lazy import asked for a file that was never
 * written: a 404 and an "Unable to preload CSS" error that rejected the import. The same removal
 * in Astro's inline step does clear the list (withastro/astro#8743); this plugin does it for the
 * other path, before Vite's import analysis runs (user `post` plugins run before Vite's own
 * build `post` plugins). `modulePreload.resolveDependencies` cannot help: Vite appends CSS
 * dependencies after calling it. The styles themselves reach every page that needs them inline
 * (for components imported lazily in client-only code, through lazy-component-styles.ts).
 */
import type { Plugin } from 'vite';

export default function inlinedCssPreloads(): Plugin {
	return {
		name: 'mlops-lab:inlined-css-preloads',
		enforce: 'post',
		applyToEnvironment: (environment) => environment.name === 'client',
		generateBundle(_options, bundle) {
			for (const chunk of Object.values(bundle)) {
				if (chunk.type !== 'chunk') continue;
				for (const css of chunk.viteMetadata?.importedCss ?? []) {
					if (!(css in bundle)) chunk.viteMetadata?.importedCss.delete(css);
				}
			}
		},
	};
}
