/**
 * Opens a trainer: a module Web Worker when the browser has workers, otherwise the same
 * session running on the page. tfjs is imported dynamically in the fallback, so a page that
 * gets a worker never loads tfjs on its main thread. Reports are always delivered
 * asynchronously, as a worker would, so callers cannot come to depend on re-entrant delivery.
 */
import type { TrainerPort, TrainingCommand, TrainingReport } from './training.messages';

/** Opens the in-page trainer (used when `Worker` is unavailable, and in tests). */
export function openInPageTrainer(onReport: (report: TrainingReport) => void): TrainerPort {
	let terminated = false;
	let session: { handle(command: TrainingCommand): void } | null = null;
	let queue: Promise<void> = Promise.all([
		import('../shared/tf-backend'),
		import('./training.session'),
	]).then(([backend, { createTrainingSession }]) =>
		backend.useLabBackend('training').then(() => {
			session = createTrainingSession({
				post: (report) => {
					if (!terminated) setTimeout(() => onReport(report), 0);
				},
				schedule(task, delayMs) {
					const id = setTimeout(task, delayMs);
					return () => clearTimeout(id);
				},
			});
		}),
	);
	const enqueue = (command: TrainingCommand) => {
		queue = queue.then(
			() => session?.handle(command),
			(error: unknown) =>
				onReport({ type: 'error', message: `TensorFlow.js could not start: ${String(error)}` }),
		);
	};
	return {
		post: (command) => {
			if (!terminated) enqueue(command);
		},
		terminate: () => {
			if (terminated) return;
			enqueue({ type: 'stop' });
			terminated = true;
		},
	};
}

/** Opens a worker-backed trainer, or the in-page one when workers are unavailable. */
export function openTrainer(onReport: (report: TrainingReport) => void): TrainerPort {
	if (typeof Worker === 'undefined') return openInPageTrainer(onReport);
	let worker: Worker;
	try {
		worker = new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module' });
	} catch {
		return openInPageTrainer(onReport);
	}
	worker.onmessage = (event: MessageEvent<TrainingReport>) => onReport(event.data);
	worker.onerror = (event) => {
		event.preventDefault();
		onReport({
			type: 'error',
			message: `The training worker crashed: ${event.message || 'unknown error'}`,
		});
	};
	return {
		post: (command) => worker.postMessage(command),
		terminate: () => worker.terminate(),
	};
}
