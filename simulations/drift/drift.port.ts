/**
 * Where the drift lab's days are computed: a module Web Worker when the browser has workers,
 * otherwise the same service on the page, imported on demand so the statistics never load on a
 * page that has a worker.
 */
import { loadWorkerService, openWorkerPort, type Port } from '../runtime/worker.port';
import workerUrl from './drift.worker.ts?worker&url';
import { streamFailure, type StreamReply, type StreamRequest } from './drift.protocol';

/** Opens a stream. */
export function openStreamPort(onReply: (reply: StreamReply) => void): Port<StreamRequest> {
	return openWorkerPort(
		{
			name: 'drift',
			createWorker: () => new Worker(workerUrl, { type: 'module' }),
			loadService: () => loadWorkerService<StreamRequest, StreamReply>(workerUrl),
			failure: streamFailure,
		},
		onReply,
	);
}
