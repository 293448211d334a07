/**
 * Where the continuous-training lab's years are simulated: a module Web Worker when the browser
 * has workers, otherwise the same service on the page, imported on demand.
 */
import { loadWorkerService, openWorkerPort, type Port } from '../runtime/worker.port';
import workerUrl from './ct-lab.worker.ts?worker&url';
import { yearFailure, type YearReply, type YearRequest } from './ct-lab.protocol';

/** Opens a year service. */
export function openYearPort(onReply: (reply: YearReply) => void): Port<YearRequest> {
	return openWorkerPort(
		{
			name: 'continuous-training',
			createWorker: () => new Worker(workerUrl, { type: 'module' }),
			loadService: () => loadWorkerService<YearRequest, YearReply>(workerUrl),
			failure: yearFailure,
		},
		onReply,
	);
}
