/**
 * Where the trainer runs: a module Web Worker when the browser has workers, otherwise the same
 * service on the page (`runtime/worker.port`). The fallback imports the worker's bundle on demand,
 * so a page that gets a worker never loads tfjs on its main thread.
 */
import { workerPortOpener } from '../runtime/worker.port';
import workerUrl from './training.worker.ts?worker&url';
import type { ModelArtifact } from './artifact';
import type { ClassificationMetrics } from './metrics';
import type { TrainingParams } from './training.data';
import { trainingFailure, type TrainingReply, type TrainingRequest } from './training.protocol';

/** Opens a trainer. */
export const openTrainerPort = /* @__PURE__ */ workerPortOpener<TrainingRequest, TrainingReply>(
	'training',
	workerUrl,
	trainingFailure,
);

/** A stored model's test metrics, as its trainer scores them. */
export interface ScoredModel {
	readonly testRows: number;
	readonly metrics: ClassificationMetrics;
}

/**
 * Re-scores a stored model on the test split its run's parameters generate, in a trainer of its
 * own (so the page does no maths), and closes that trainer when it has answered.
 */
export function scoreStoredModel(
	params: TrainingParams,
	artifact: ModelArtifact,
	open: typeof openTrainerPort = openTrainerPort,
): Promise<ScoredModel> {
	return new Promise((resolve, reject) => {
		const port = open((reply) => {
			if (reply.type === 'scored') resolve({ testRows: reply.testRows, metrics: reply.metrics });
			else if (reply.type === 'error') reject(new Error(reply.message));
			else return;
			port.terminate();
		});
		port.post({ type: 'score', params, artifact });
	});
}
