/**
 * Makes the built site work offline: after Astro has written every page and the Pagefind
 * integration (listed before this one) has written the search index, Workbox's `generateSW`
 * reads dist/ and writes `dist/sw.js`, a service worker that precaches the whole site with a
 * content hash per file. A workshop whose Wi-Fi fails keeps its lessons, labs and search.
 *
 * Key decisions: Workbox is used directly because the Astro PWA integration stops at Astro 5; the
 * runtime is inlined so the worker is one file; query strings are ignored when matching the
 * precache, because every page is static and lab settings live in the query (a preset link must
 * load offline); the worker waits rather than taking over a page mid-lesson, and the page offers
 * a reload when a new version is waiting (see `src/lib/offline/register.ts`).
 */
import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateSW } from 'workbox-build';
import {
	formatPrecacheSummary,
	maximumFileSizeToCacheInBytes,
	precacheGlobIgnores,
	precacheGlobPatterns,
	summarisePrecache,
	withoutUnusedWasm,
	type PrecacheFile,
} from './offline-precache';

export default function offline(): AstroIntegration {
	return {
		name: 'mlops-lab:offline',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const outputPath = fileURLToPath(dir);
				let files: PrecacheFile[] = [];
				const { warnings } = await generateSW({
					globDirectory: outputPath,
					globPatterns: precacheGlobPatterns,
					globIgnores: precacheGlobIgnores,
					swDest: `${outputPath}/sw.js`,
					mode: 'production',
					sourcemap: false,
					inlineWorkboxRuntime: true,
					maximumFileSizeToCacheInBytes,
					ignoreURLParametersMatching: [/./],
					cleanupOutdatedCaches: true,
					clientsClaim: true,
					// Vite's file names already carry a content hash: no second one in the cache key.
					dontCacheBustURLsMatching: /^_astro\//,
					manifestTransforms: [
						(all) => {
							const entries = withoutUnusedWasm(all, (url) =>
								readFileSync(`${outputPath}/${url}`, 'utf8'),
							);
							files = entries.map((entry) => ({ url: entry.url, size: entry.size }));
							return { manifest: entries, warnings: [] };
						},
					],
				});
				for (const warning of warnings) logger.warn(warning);
				for (const line of formatPrecacheSummary(summarisePrecache(files))) logger.info(line);
			},
		},
	};
}
