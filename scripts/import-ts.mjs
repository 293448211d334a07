/**
 * Imports the project's TypeScript into a Node script (benchmarks, fixture exporters): esbuild
 * bundles the named modules for Node in memory and the result is imported, so a script runs the
 * same source the site ships without a compile step. Every caller bundles the same way; only
 * what is exported differs.
 *
 * Bundles that hold tfjs are written to node_modules/.cache instead of a data: URL (they are
 * large), use tfjs's ES-module builds (one copy of tfjs-core, so a backend registers on the
 * engine the model uses), leave the wasm binaries out and get a `require` (tfjs's Node platform
 * still calls it).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/**
 * Bundles and imports TypeScript. `exports` maps a module path (from the project root, without
 * extension) to the names to take from it; `entry` bundles one file whole instead.
 *
 * @param {{ exports?: Record<string, string[]>, entry?: string, external?: string[],
 *   tfjs?: { cacheName: string } }} what
 * @returns {Promise<Record<string, any>>} the bundle's exports
 */
export async function importTs({ exports, entry, external, tfjs }) {
	const source =
		entry !== undefined
			? { entryPoints: [entry] }
			: {
					stdin: {
						contents: Object.entries(exports ?? {})
							.map(([path, names]) => `export { ${names.join(', ')} } from './${path}';`)
							.join('\n'),
						resolveDir: process.cwd(),
						loader: 'ts',
					},
				};
	const bundle = await build({
		...source,
		bundle: true,
		write: false,
		format: 'esm',
		platform: 'node',
		target: 'node22',
		logLevel: 'error',
		...(external ? { external } : {}),
		...(tfjs
			? {
					mainFields: ['module', 'main'],
					// The site's `?url` imports of the wasm backend's binaries are Vite's; in Node
					// the cpu backend trains, so those imports can be empty.
					loader: { '.wasm': 'empty' },
					banner: {
						js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
					},
				}
			: {}),
	});
	const text = bundle.outputFiles[0].text;
	if (!tfjs) return import(`data:text/javascript;base64,${Buffer.from(text).toString('base64')}`);
	const dir = join(process.cwd(), 'node_modules/.cache');
	mkdirSync(dir, { recursive: true });
	const file = join(dir, `${tfjs.cacheName}.mjs`);
	writeFileSync(file, text);
	return import(pathToFileURL(file).href);
}
