/**
 * Where the drift lab's days are computed: a module Web Worker when the browser has workers,
 * otherwise the same service on the page, imported on demand so the statistics never load on a
 * page that has a worker.
 */
import { workerPortOpener } from '../runtime/worker.port';
import workerUrl from './drift.worker.ts?worker&url';
import { streamFailure, type StreamReply, type StreamRequest } from './drift.protocol';

/** Opens a stream. */
export const openStreamPort = /* @__PURE__ */ workerPortOpener<StreamRequest, StreamReply>(
	'drift',
	workerUrl,
	streamFailure,
);
