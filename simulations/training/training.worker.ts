/**
 * The Web Worker that trains: it selects the tfjs backend tf-backend.ts chose for this lab (never
 * WebGL, which would share the GPU with the page and, here, is software-rendered), then hands
 * every message to a training session.
 * Commands that arrive while the backend loads wait for it, in order.
 */
import { useLabBackend } from '../shared/tf-backend';
import type { TrainingCommand, TrainingReport } from './training.messages';
import { createTrainingSession } from './training.session';

const scope = self as unknown as {
	postMessage(report: TrainingReport): void;
	onmessage: ((event: MessageEvent<TrainingCommand>) => void) | null;
};

const ready = useLabBackend('training');
const session = createTrainingSession({
	post: (report) => scope.postMessage(report),
	schedule(task, delayMs) {
		const id = setTimeout(task, delayMs);
		return () => clearTimeout(id);
	},
});

scope.onmessage = (event) => {
	void ready.then(
		() => session.handle(event.data),
		(error: unknown) =>
			scope.postMessage({
				type: 'error',
				message: `TensorFlow.js could not start: ${String(error)}`,
			}),
	);
};
