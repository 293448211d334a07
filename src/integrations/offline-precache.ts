/**
 * What the service worker precaches, and how to describe it. Shared by the offline integration
 * (which prints the summary at the end of every build) and `bench/offline.mjs` (which prints it
 * again for a built dist/ without rebuilding), so both count the same files the same way.
 *
 * Key decision: precache everything a workshop needs after one visit — every page, every script
 * and stylesheet (the TensorFlow.js worker chunk included), the icons and the Pagefind index — and
 * nothing that only robots read (sitemaps, robots.txt), nor the TensorFlow.js wasm backend while
 * no lab trains on it: its binaries and loader chunks are built (a lab may switch to it in one
 * line) but never fetched at runtime, and were a sixth of the precache.
 */

/** Files to precache, as globs relative to dist/. */
export const precacheGlobPatterns = [
	'**/*.{html,js,mjs,css,wasm,svg,png,webmanifest,json,woff2}',
	'pagefind/**/*',
];

/**
 * Files never precached: the service worker itself, what only crawlers read, and Pagefind's
 * ready-made search interfaces (the site's search box calls `pagefind.js` directly).
 */
export const precacheGlobIgnores = [
	'sw.js',
	'sitemap*.xml',
	'robots.txt',
	'pagefind/pagefind-*ui.{js,css}',
	'pagefind/pagefind-highlight.js',
];

/**
 * Largest single file precached. Workbox's default (2 MiB) would silently leave out the
 * TensorFlow.js worker chunk, and the lab would then fail offline.
 */
export const maximumFileSizeToCacheInBytes = 12 * 1024 * 1024;

/**
 * Whether any lab trains on the tfjs wasm backend (`labBackends` in
 * simulations/shared/tf-backend.ts; a unit test keeps the two in step). While none does, its
 * files stay out of the precache.
 */
export const labsUseWasmBackend = false;

/**
 * Whether a built file belongs to the tfjs wasm backend: a binary, or a script that names the
 * binaries (the backend's loader and the module that locates them, whatever Vite calls the
 * chunks). `text` is the file's contents; binaries are recognised by name alone.
 */
export function isWasmBackendFile(url: string, text: () => string): boolean {
	if (url.endsWith('.wasm')) return true;
	return /\.m?js$/.test(url) && text().includes('tfjs-backend-wasm');
}

/**
 * Workbox manifest transform that leaves out the wasm backend's files unless a lab uses it;
 * `read` returns a file's text by its manifest URL.
 */
export function withoutUnusedWasm<T extends { url: string }>(
	entries: T[],
	read: (url: string) => string,
	useWasm = labsUseWasmBackend,
): T[] {
	return useWasm ? entries : entries.filter((e) => !isWasmBackendFile(e.url, () => read(e.url)));
}

/** One precached file, as Workbox's manifest describes it. */
export interface PrecacheFile {
	/** Path relative to dist/, e.g. `lessons/foundations/01-what-is-mlops/index.html`. */
	url: string;
	/** Size in bytes, uncompressed. */
	size: number;
}

/** The groups a precache summary reports, in print order. */
export const precacheGroups = [
	'pages',
	'lab and page scripts',
	'tfjs worker',
	'styles',
	'wasm',
	'search index',
	'icons and manifest',
	'other',
] as const;

/** A group of the summary. */
export type PrecacheGroup = (typeof precacheGroups)[number];

/** Which group a precached file belongs to. */
export function precacheGroup(url: string): PrecacheGroup {
	if (url.startsWith('pagefind/')) return 'search index';
	if (url.endsWith('.html')) return 'pages';
	if (url.endsWith('.wasm')) return 'wasm';
	// Vite names a worker bundle after its entry module; the training and drift workers both
	// carry TensorFlow.js or the monitoring stream, the heaviest code the labs run.
	if (/\.worker[-.][\w-]*\.js$/.test(url) || /worker/i.test(url.split('/').pop() ?? ''))
		return 'tfjs worker';
	if (/\.m?js$/.test(url)) return 'lab and page scripts';
	if (url.endsWith('.css')) return 'styles';
	if (/\.(svg|png|webmanifest)$/.test(url)) return 'icons and manifest';
	return 'other';
}

/** Files and bytes per group, plus the totals. */
export interface PrecacheSummary {
	groups: Record<PrecacheGroup, { files: number; bytes: number }>;
	files: number;
	bytes: number;
}

/** Sums a precache manifest by group. */
export function summarisePrecache(files: readonly PrecacheFile[]): PrecacheSummary {
	const groups = Object.fromEntries(
		precacheGroups.map((group) => [group, { files: 0, bytes: 0 }]),
	) as PrecacheSummary['groups'];
	for (const file of files) {
		const group = groups[precacheGroup(file.url)];
		group.files += 1;
		group.bytes += file.size;
	}
	return {
		groups,
		files: files.length,
		bytes: files.reduce((sum, file) => sum + file.size, 0),
	};
}

/** The summary as printable lines (sizes in KiB, uncompressed as cached). */
export function formatPrecacheSummary(summary: PrecacheSummary): string[] {
	const kib = (bytes: number) => (bytes / 1024).toFixed(1).padStart(8);
	return [
		`precache: ${summary.files} files, ${kib(summary.bytes).trim()} KiB (uncompressed)`,
		...precacheGroups
			.filter((group) => summary.groups[group].files > 0)
			.map(
				(group) =>
					`  ${group.padEnd(22)} ${String(summary.groups[group].files).padStart(4)} files ${kib(summary.groups[group].bytes)} KiB`,
			),
	];
}
