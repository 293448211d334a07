/**
 * tfjs backend benchmark (issue 10): samples trained per second by the training lab's models
 * (logistic regression and the tanh MLP at the lab's default size) on tfjs's `cpu` and `wasm`
 * backends, with both tfjs loops — `taped` (autodiff and `tf.train.sgd`, the old loop) and
 * `written` (the textbook gradient written out in training.step.ts, which the labs use; the same
 * weights to float32 rounding) — at the training lab's default batch (32), the continuous-training replay's (256)
 * and the full training set, against a plain typed-array implementation of the same model and
 * batches, as steps per second, milliseconds per epoch and the tfjs/plain ratio. Measured
 *  1. in Node, and
 *  2. in headless Chromium, inside a Web Worker as the lab trains, with the wasm binaries
 *     served by our static server from the npm package's copies (never a CDN);
 * plus tfjs tensors alive after 10 and 1,000 steps (flat means no leak), the loss each backend
 * and loop reaches from the same start (equal to many digits: they differ only in float32
 * rounding, which seeded goldens can still see), and the size of the wasm binaries. Figures,
 * not pass/fail. `uptime` is printed: on a loaded machine the ratios hold better than the
 * absolute figures.
 *
 * Usage: npm run bench:backends [-- --node-only | --browser-only] [-- --seconds=N]
 */
import { execSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { serveDist } from '../scripts/serve-dist.mjs';
import { chromiumFlags, findOrInstallChromium } from '../scripts/find-chromium.mjs';
import { runInPageWorker } from '../scripts/page-worker.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const minSeconds = Number(args.find((a) => a.startsWith('--seconds='))?.split('=')[1] ?? 1.5);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wasmDir = join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist/');
const backends = ['cpu', 'wasm'];

/** Bundles the shared bench code around a small entry, for Node or for a browser worker. */
async function bundle(contents, platform) {
	const result = await build({
		stdin: { contents, resolveDir: join(root, 'bench'), loader: 'ts', sourcefile: 'entry.ts' },
		bundle: true,
		write: false,
		platform,
		format: platform === 'node' ? 'esm' : 'iife',
		// The ES-module builds of tfjs everywhere, so core is bundled once (the Node "main" builds
		// of the backends would pull a second, CommonJS copy of tfjs-core).
		mainFields: ['module', 'main'],
		target: 'es2022',
		logLevel: 'error',
		// The site's `?url` imports of the wasm binaries are Vite's; here the binaries are located
		// explicitly (locateWasmBinaries), so those imports can be empty.
		loader: { '.wasm': 'empty' },
		// The Emscripten glue of the wasm backend reads these CommonJS globals under Node.
		banner:
			platform === 'node'
				? {
						js: [
							"import { createRequire } from 'node:module';",
							"import { fileURLToPath as toPath } from 'node:url';",
							'const require = createRequire(import.meta.url);',
							'const __filename = toPath(import.meta.url);',
							"const __dirname = __filename.replace(/[\\\\/][^\\\\/]*$/, '');",
						].join('\n'),
					}
				: undefined,
	});
	return result.outputFiles[0].text;
}

const fmt = (n) => Math.round(n).toLocaleString('en');

/** Prints one environment's figures as a table: model × batch × backend × loop. */
function report(title, results) {
	console.log(`\n${title}`);
	console.log(
		'  model     batch  backend  loop      steps/s  ms/epoch   samples/s  plain samples/s  tfjs/plain  written/taped  loss after 10 epochs',
	);
	for (const model of ['logistic', 'mlp']) {
		const batches = [...new Set(results.flatMap((r) => r.figures.map((f) => f.batchSize)))].sort(
			(a, b) => a - b,
		);
		for (const batchSize of batches) {
			for (const result of results) {
				const here = result.figures.filter((x) => x.model === model && x.batchSize === batchSize);
				const plain = here.find((x) => x.backend === 'plain');
				const taped = here.find((x) => x.loop === 'taped');
				for (const f of here.filter((x) => x.backend !== 'plain')) {
					const ratio = plain
						? `1/${(plain.samplesPerSecond / f.samplesPerSecond).toFixed(1)}`
						: '';
					const gain =
						f.loop === 'written' && taped
							? `${(f.samplesPerSecond / taped.samplesPerSecond).toFixed(1)}×`
							: '';
					const epochsPerSecond = f.samplesPerSecond / result.trainRows;
					console.log(
						`  ${model.padEnd(9)} ${String(batchSize).padStart(5)}  ${f.backend.padEnd(7)}  ${f.loop.padEnd(7)}  ${fmt(epochsPerSecond * f.stepsPerEpoch).padStart(7)}  ${(1000 / epochsPerSecond).toFixed(2).padStart(8)}  ${fmt(f.samplesPerSecond).padStart(10)}  ${(plain ? fmt(plain.samplesPerSecond) : '').padStart(15)}  ${ratio.padStart(10)}  ${gain.padStart(13)}  ${f.finalLoss.toFixed(7)}`,
					);
				}
			}
		}
	}
	for (const result of results)
		for (const [loop, t] of Object.entries(result.tensors))
			console.log(
				`  tensors alive on ${result.backend}, ${loop} loop (MLP, L2): after 10 steps ${t.tensorsAfter10Steps}, after 1,000 steps ${t.tensorsAfter1000Steps} (target: equal)`,
			);
}

console.log(`uptime: ${execSync('uptime').toString().trim()}`);
console.log(
	`train rows: lab defaults (2,000 records, 60 % train); each figure: best of 5 windows over ≥ ${minSeconds} s, the contenders of a model × batch taking turns`,
);

// 1. Node.
if (!flag('--browser-only')) {
	const code = await bundle(
		`import { locateWasmBinaries } from '../simulations/shared/tf-backend';
		import { runBackendBench } from './backends-entry';
		locateWasmBinaries(${JSON.stringify(wasmDir)});
		const [backend, minSeconds] = [process.argv[2], Number(process.argv[3])];
		process.stdout.write(JSON.stringify(await runBackendBench(backend, { minSeconds })));`,
		'node',
	);
	const results = backends.map((backend) => {
		// A fresh process per backend, so neither warms the other's caches or heap.
		const out = execSync(`node --input-type=module - ${backend} ${minSeconds}`, {
			input: code,
			maxBuffer: 1 << 24,
			stdio: ['pipe', 'pipe', 'ignore'],
		});
		return JSON.parse(out.toString().split('\n').filter(Boolean).at(-1));
	});
	report(`Node ${process.version}`, results);
}

// 2. Chromium, in a worker. The page and the wasm binaries are served from a scratch folder,
// with the same static server as the site, so this part needs no site build.
if (!flag('--node-only')) {
	const scratch = mkdtempSync(join(tmpdir(), 'bench-backends-'));
	writeFileSync(join(scratch, 'index.html'), '<!doctype html><title>bench</title>');
	const binaries = {};
	for (const name of [
		'tfjs-backend-wasm.wasm',
		'tfjs-backend-wasm-simd.wasm',
		'tfjs-backend-wasm-threaded-simd.wasm',
	]) {
		copyFileSync(join(wasmDir, name), join(scratch, name));
		binaries[name] = `/${name}`;
	}
	const code = await bundle(
		`import { locateWasmBinaries } from '../simulations/shared/tf-backend';
		import { runBackendBench } from './backends-entry';
		const binaries = ${JSON.stringify(binaries)};
		self.onmessage = async (event) => {
			const { backend, minSeconds } = event.data;
			locateWasmBinaries(Object.fromEntries(Object.entries(binaries).map(([k, v]) => [k, self.origin + v])));
			try {
				self.postMessage({ ok: true, result: await runBackendBench(backend, { minSeconds }) });
			} catch (error) {
				self.postMessage({ ok: false, message: String(error?.message ?? error) });
			}
		};`,
		'browser',
	);
	const chromiumPath = findOrInstallChromium();
	const server = await serveDist({ dir: scratch });
	const browser = await chromium.launch({
		executablePath: chromiumPath,
		args: chromiumFlags,
	});
	const results = [];
	for (const backend of backends) {
		const reply = await runInPageWorker(browser, `${server.url}/`, code, { backend, minSeconds });
		if (reply.ok) results.push(reply.result);
		else console.log(`  ${backend} in the worker failed: ${reply.message ?? reply.error}`);
	}
	report('Chromium (headless, Web Worker)', results);
	await browser.close();
	await server.close();
	rmSync(scratch, { recursive: true, force: true });
}
// 3. What the wasm backend adds to the lab's worker: its JavaScript (glue and kernels, minified,
// beyond the tfjs-core and cpu backend the worker already has) and the one binary a browser
// without cross-origin isolation fetches (SIMD, or the plain one on very old browsers).
{
	const sizeOf = async (contents) => {
		const result = await build({
			stdin: { contents, resolveDir: root, loader: 'ts' },
			bundle: true,
			write: false,
			minify: true,
			format: 'esm',
			platform: 'browser',
			mainFields: ['module', 'main'],
			target: 'es2022',
			logLevel: 'error',
		});
		return gzipSync(result.outputFiles[0].contents).length;
	};
	const base =
		"import * as tf from '@tensorflow/tfjs-core'; import '@tensorflow/tfjs-backend-cpu'; console.log(tf);";
	const withCpu = await sizeOf(base);
	const withWasm = await sizeOf(`${base} import '@tensorflow/tfjs-backend-wasm';`);
	const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
	console.log('\nBytes the wasm backend adds to the training worker (gzip)');
	console.log(
		`  JavaScript: ${kib(withWasm - withCpu)} (tfjs-core + cpu backend alone: ${kib(withCpu)})`,
	);
	for (const name of ['tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm.wasm'])
		console.log(`  ${name}: ${kib(gzipSync(readFileSync(join(wasmDir, name))).length)}`);
}

console.log(`\nuptime: ${execSync('uptime').toString().trim()}`);
