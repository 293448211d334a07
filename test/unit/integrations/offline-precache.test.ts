import { describe, expect, test } from 'vitest';
import {
	formatPrecacheSummary,
	isWasmBackendFile,
	labsUseWasmBackend,
	precacheGroup,
	summarisePrecache,
	withoutUnusedWasm,
} from '../../../src/integrations/offline-precache';
import { labBackends } from '../../../simulations/shared/tf-backend';

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

describe('the unused tfjs wasm backend', () => {
	test('is left out exactly while no lab trains on it', () => {
		expect(labsUseWasmBackend).toBe(Object.values(labBackends).includes('wasm'));
	});

	const files: Record<string, string> = {
		'_astro/tfjs-backend-wasm-simd.BrM3BlWr.wasm': '',
		'_astro/dist-BJaAlmx9.js': 'e.wasmPath="tfjs-backend-wasm.wasm";function setWasmPaths(){}',
		'_astro/tf-wasm-binaries.DNDCvb_f.js': 'export const u={"tfjs-backend-wasm.wasm":"/x"}',
		'_astro/training.worker-CxOIPhr9.js': 'import("./dist-BJaAlmx9.js");tf.setBackend("cpu")',
		'labs/training/index.html': '<p>tfjs-backend-wasm is mentioned on a page</p>',
		'pagefind/wasm.en.pagefind': 'binary',
	};
	const read = (url: string) => files[url] ?? '';

	test('recognises the binaries by name and the scripts that name them by content', () => {
		expect(Object.keys(files).filter((url) => isWasmBackendFile(url, () => read(url)))).toEqual([
			'_astro/tfjs-backend-wasm-simd.BrM3BlWr.wasm',
			'_astro/dist-BJaAlmx9.js',
			'_astro/tf-wasm-binaries.DNDCvb_f.js',
		]);
	});

	test('drops them from a manifest, or keeps everything when a lab uses wasm', () => {
		const entries = Object.keys(files).map((url) => ({ url, revision: null }));
		expect(withoutUnusedWasm(entries, read, false).map((e) => e.url)).toEqual([
			'_astro/training.worker-CxOIPhr9.js',
			'labs/training/index.html',
			'pagefind/wasm.en.pagefind',
		]);
		expect(withoutUnusedWasm(entries, read, true)).toHaveLength(6);
	});
});
