/**
 * Where the continuous-training lab's years are simulated: a module Web Worker when the browser
 * has workers, otherwise the same service on the page, imported on demand.
 */
import { workerPortOpener } from '../runtime/worker.port';
import workerUrl from './ct-lab.worker.ts?worker&url';
import { yearFailure, type YearReply, type YearRequest } from './ct-lab.protocol';

/** Opens a year service. */
export const openYearPort = /* @__PURE__ */ workerPortOpener<YearRequest, YearReply>(
	'continuous-training',
	workerUrl,
	yearFailure,
);
