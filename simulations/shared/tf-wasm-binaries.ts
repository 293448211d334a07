/**
 * URLs of the tfjs wasm binaries as files of our own build: Vite copies them from the npm
 * package into the site's assets (hashed names), so a lab on the wasm backend never fetches
 * anything from a CDN. Only the browser imports this module (`useLabBackend` loads it on
 * demand); Node finds the binaries beside the package's own glue code.
 *
 * Without cross-origin isolation (a plain static host) browsers get no SharedArrayBuffer, so
 * tfjs picks the SIMD binary, or the plain one on browsers without SIMD; the threaded build is
 * switched off in `useTfBackend`, and its entry here only satisfies `setWasmPaths`.
 */
import plainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';

/** File name → URL, in the shape `setWasmPaths` takes. */
export const wasmBinaryUrls: Record<string, string> = {
	'tfjs-backend-wasm.wasm': plainUrl,
	'tfjs-backend-wasm-simd.wasm': simdUrl,
	'tfjs-backend-wasm-threaded-simd.wasm': simdUrl,
};
