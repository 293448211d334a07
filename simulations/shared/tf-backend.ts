/**
 * The one place that loads TensorFlow.js, and the one place that decides which backend each lab
 * trains on. Only tfjs-core and its `cpu` backend are imported eagerly: no layers, no WebGL (on
 * these machines it is software-rendered and may use float16), so the bundle stays small and
 * Node tests need no native binding. The `wasm` backend is loaded on demand; its binaries ship
 * inside its npm package and are served from our own build (`tf-wasm-binaries.ts`).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// tfjs-core alone has no gradients registered; training needs them.
import '@tensorflow/tfjs-core/dist/register_all_gradients';

/** The tfjs-core namespace, for modules that build tensors. */
export { tf };

/** The tfjs backends the labs may train on. */
export type TfBackendName = 'cpu' | 'wasm';

/**
 * The backend each lab trains on. Measured with `npm run bench:backends` (figures in the
 * benchmark's output; issue 10).
 *
 * training: `cpu`. With the written-out step (training.step.ts: 5 kernels for the logistic
 * model, its kernels run through the engine, not the ops) per-kernel overhead still dominates
 * at the lab's default batch of 32, and wasm is not
 * reliably faster there. Logistic at 32 in a Chromium worker, where the lab trains: 1/9.5 of
 * the plain reference (median of 200 paired rounds, load 9; 1/13 before those two changes,
 * measured alongside); in Node it was 1/7.6–1/8.5 before them. The ratio is worse in Chromium
 * than in Node because Chromium's newer V8 runs the plain reference about twice as fast, while
 * tfjs's per-kernel bookkeeping costs about the same in both. At 16 and 64 rows, measured the
 * same way (load 13, wide spread): 1/9.4 and 1/6.6. The MLP (the lab's default) is at
 * 1/3–1/5. On wasm, logistic at 32 was
 * 1/10–1/15 in Node and 1/9–1/16 in a worker against cpu's 1/11–1/13 (load 10–20);
 * before, the MLP ran at 0.4–1.1× cpu's speed on wasm. Its gains come from batches of a few
 * hundred rows. And wasm rounds float32 sums in
 * another order: the seeded golden losses move in their ninth or tenth digit, and the "learning
 * rate 10" preset, a chaotic run, diverges instead of thrashing, so that shared link would no
 * longer show what its text promises. It would also add ~34 KiB of JavaScript and ~134 KiB of
 * wasm (gzip) to the lab. The continuous-training lab's tfjs replay (batches of 256) also stays
 * on cpu: wasm is 1.2–2.2× as fast there, but the replay is a fraction of a second either
 * way, and its page names the backend it ran on. A lab that trains many models on large
 * batches should take wasm; the site's service worker then has to precache the wasm files
 * again (`labsUseWasmBackend`, kept in step by a unit test).
 */
export const labBackends: Readonly<Record<'training', TfBackendName>> = { training: 'cpu' };

/** Where the wasm binaries are: a folder (ending in '/') or one URL per binary file name. */
export type WasmBinaryLocation = string | Record<string, string>;

let wasmLocation: WasmBinaryLocation | undefined;
let wasmRegistered: Promise<void> | undefined;

/** Says where the wasm backend finds its binaries; call before `useTfBackend('wasm')`. */
export function locateWasmBinaries(location: WasmBinaryLocation): void {
	wasmLocation = location;
}

function registerWasm(): Promise<void> {
	wasmRegistered ??= import('@tensorflow/tfjs-backend-wasm').then((wasm) => {
		// The threaded build needs cross-origin isolation, which a static host does not give;
		// saying so up front keeps tfjs from ever asking for it.
		tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
		if (wasmLocation !== undefined) wasm.setWasmPaths(wasmLocation);
	});
	return wasmRegistered;
}

/** Selects a backend once and waits until it is ready. */
export async function useTfBackend(name: TfBackendName): Promise<void> {
	if (name === 'wasm') await registerWasm();
	if (tf.getBackend() !== name) {
		const started = await tf.setBackend(name);
		if (!started) throw new Error(`The tfjs ${name} backend could not start.`);
	}
	await tf.ready();
}

/** Selects the backend `labBackends` chose for `lab`; in a browser, wasm binaries come from our build. */
export async function useLabBackend(lab: keyof typeof labBackends): Promise<void> {
	const name: TfBackendName = labBackends[lab];
	const inNode =
		typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions
			?.node === 'string';
	if (name === 'wasm' && wasmLocation === undefined && !inNode) {
		locateWasmBinaries((await import('./tf-wasm-binaries')).wasmBinaryUrls);
	}
	await useTfBackend(name);
}

/** Selects the cpu backend once and waits until it is ready (tests whose goldens assume it). */
export async function useCpuBackend(): Promise<void> {
	await useTfBackend('cpu');
}
