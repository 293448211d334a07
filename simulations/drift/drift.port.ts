/**
 * Where the drift lab's days are computed: a module Web Worker when the browser has workers,
 * otherwise the same service on the page, imported on demand so the statistics never load on a
 * page that has a worker.
 */
import { openWorkerPort, type Port } from '../runtime/worker.port';
import { streamFailure, type StreamReply, type StreamRequest } from './drift.protocol';

/** Opens a stream. */
export function openStreamPort(onReply: (reply: StreamReply) => void): Port<StreamRequest> {
	return openWorkerPort(
		{
			name: 'drift',
			createWorker: () =>
				new Worker(new URL('./drift.worker.ts', import.meta.url), { type: 'module' }),
			loadService: () => import('./drift.service').then((m) => m.driftService),
			failure: streamFailure,
		},
		onReply,
	);
}
