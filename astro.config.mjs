// @ts-check
// The site is fully static. Svelte islands for labs and interactive figures, MDX for lessons,
// a sitemap for the link checker and accessibility sweep, Pagefind run over the built HTML, then
// (after it, so the index is precached) the Workbox service worker that makes the site work offline.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import sitemap from '@astrojs/sitemap';
import pagefind from './src/integrations/pagefind.ts';
import offline from './src/integrations/offline.ts';
import inlinedCssPreloads from './src/integrations/inlined-css-preloads.ts';
import lazyComponentStyles from './src/integrations/lazy-component-styles.ts';
import hydrateOnIntent from './src/integrations/hydrate-on-intent.ts';
import { buildCommit } from './scripts/build-commit.mjs';

export default defineConfig({
	site: 'https://mlops-lab.example.org',
	trailingSlash: 'always',
	integrations: [svelte(), hydrateOnIntent(), mdx(), sitemap(), pagefind(), offline()],
	build: { format: 'directory', inlineStylesheets: 'always' },
	vite: {
		plugins: [lazyComponentStyles(), inlinedCssPreloads()],
		worker: { format: 'es' },
		define: { __BUILD_COMMIT__: JSON.stringify(buildCommit()) },
	},
});
