import { describe, expect, test } from 'vitest';
import {
	formatPrecacheSummary,
	precacheGroup,
	summarisePrecache,
} from '../../../src/integrations/offline-precache';

describe('precacheGroup', () => {
	test.each([
		['index.html', 'pages'],
		['lessons/foundations/01-what-is-mlops/index.html', 'pages'],
		['_astro/training.worker-C0ru2ogG.js', 'tfjs worker'],
		['_astro/drift.worker-z90U8FUm.js', 'tfjs worker'],
		['_astro/tf-backend.CcDmv-us.js', 'lab and page scripts'],
		['_astro/backend.0a1b.wasm', 'wasm'],
		['pagefind/pagefind.js', 'search index'],
		['pagefind/index/en_1a2b.pf_index', 'search index'],
		['_astro/page.1a2b.css', 'styles'],
		['manifest.webmanifest', 'icons and manifest'],
		['icons/icon-192.png', 'icons and manifest'],
		['fonts/x.woff2', 'other'],
	])('puts %s in %s', (url, group) => {
		expect(precacheGroup(url)).toBe(group);
	});
});

describe('summarisePrecache', () => {
	test('counts files and bytes per group and in total', () => {
		const summary = summarisePrecache([
			{ url: 'index.html', size: 1000 },
			{ url: 'teach/index.html', size: 500 },
			{ url: 'pagefind/pagefind.js', size: 2048 },
		]);
		expect(summary.files).toBe(3);
		expect(summary.bytes).toBe(3548);
		expect(summary.groups.pages).toEqual({ files: 2, bytes: 1500 });
		expect(summary.groups['search index']).toEqual({ files: 1, bytes: 2048 });
		expect(summary.groups.wasm).toEqual({ files: 0, bytes: 0 });
	});

	test('prints only the groups that hold files', () => {
		const lines = formatPrecacheSummary(
			summarisePrecache([
				{ url: 'index.html', size: 1024 },
				{ url: 'pagefind/pagefind.js', size: 2048 },
			]),
		);
		expect(lines).toEqual([
			'precache: 2 files, 3.0 KiB (uncompressed)',
			'  pages                     1 files      1.0 KiB',
			'  search index              1 files      2.0 KiB',
		]);
	});
});
