/**
 * The one place that loads TensorFlow.js. Only tfjs-core and the `cpu` backend are imported:
 * no layers, no WebGL, so the bundle stays small, Node tests need no native binding, and
 * results are reproducible (the WebGL backend here is software-rendered and may use float16).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// tfjs-core alone has no gradients registered; training needs them.
import '@tensorflow/tfjs-core/dist/register_all_gradients';

/** The tfjs-core namespace, for modules that build tensors. */
export { tf };

/** Selects the cpu backend once and waits until it is ready. */
export async function useCpuBackend(): Promise<void> {
	if (tf.getBackend() !== 'cpu') await tf.setBackend('cpu');
	await tf.ready();
}
