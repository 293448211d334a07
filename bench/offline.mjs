/**
 * Offline benchmark: what the service worker precaches from the built dist/ (run `npm run build`
 * first), grouped as the build prints it, plus the bytes a first visit's background install
 * downloads when the server compresses with gzip. Figures, not pass/fail.
 *
 * Usage: npm run bench:offline
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { getManifest } from 'workbox-build';
import {
	formatPrecacheSummary,
	maximumFileSizeToCacheInBytes,
	precacheGlobIgnores,
	precacheGlobPatterns,
	precacheGroup,
	precacheGroups,
	summarisePrecache,
	withoutUnusedWasm,
} from '../src/integrations/offline-precache.ts';

if (!existsSync('dist/sw.js')) {
	console.log('dist/sw.js is missing: run `npm run build` first.');
	process.exit(1);
}
const { manifestEntries, warnings } = await getManifest({
	globDirectory: 'dist',
	globPatterns: precacheGlobPatterns,
	globIgnores: precacheGlobIgnores,
	maximumFileSizeToCacheInBytes,
	manifestTransforms: [
		(entries) => ({
			manifest: withoutUnusedWasm(entries, (url) => readFileSync(`dist/${url}`, 'utf8')),
			warnings: [],
		}),
	],
});
for (const warning of warnings) console.log(`warning: ${warning}`);
// getManifest lists URLs and revisions only; sizes come from the files themselves.
const files = manifestEntries.map((entry) => ({
	url: entry.url,
	size: statSync(`dist/${entry.url}`).size,
}));
console.log(formatPrecacheSummary(summarisePrecache(files)).join('\n'));

const gzipBytes = Object.fromEntries(precacheGroups.map((group) => [group, 0]));
for (const file of files)
	gzipBytes[precacheGroup(file.url)] += gzipSync(readFileSync(`dist/${file.url}`)).length;
const total = Object.values(gzipBytes).reduce((sum, bytes) => sum + bytes, 0);
console.log(`\ndownloaded by the background install (gzip): ${(total / 1024).toFixed(1)} KiB`);
for (const group of precacheGroups)
	if (gzipBytes[group] > 0)
		console.log(`  ${group.padEnd(22)} ${(gzipBytes[group] / 1024).toFixed(1).padStart(8)} KiB`);
console.log(
	`service worker itself: ${(gzipSync(readFileSync('dist/sw.js')).length / 1024).toFixed(1)} KiB gzip`,
);
const largest = [...files].sort((a, b) => b.size - a.size).slice(0, 5);
console.log(
	`largest: ${largest.map((f) => `${f.url} (${(f.size / 1024).toFixed(0)} KiB)`).join(', ')}`,
);
