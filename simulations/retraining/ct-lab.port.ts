/**
 * Where the continuous-training lab's years are simulated: a module Web Worker when the browser
 * has workers, otherwise the same service on the page, imported on demand.
 */
import { openWorkerPort, type Port } from '../runtime/worker.port';
import { yearFailure, type YearReply, type YearRequest } from './ct-lab.protocol';

/** Opens a year service. */
export function openYearPort(onReply: (reply: YearReply) => void): Port<YearRequest> {
	return openWorkerPort(
		{
			name: 'continuous-training',
			createWorker: () =>
				new Worker(new URL('./ct-lab.worker.ts', import.meta.url), { type: 'module' }),
			loadService: () => import('./ct-lab.service').then((m) => m.yearService),
			failure: yearFailure,
		},
		onReply,
	);
}
