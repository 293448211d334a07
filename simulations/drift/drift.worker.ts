/**
 * The Web Worker that computes the drift lab's days, so the page's main thread only draws.
 */
import { serveInWorker } from '../runtime/worker.port';
import { driftService } from './drift.service';

serveInWorker(driftService, import.meta.url);
