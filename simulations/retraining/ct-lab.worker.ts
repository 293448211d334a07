/**
 * The Web Worker that simulates the continuous-training lab's years, so the page only draws.
 */
import { serveInWorker } from '../runtime/worker.port';
import { yearService } from './ct-lab.service';

serveInWorker(yearService, import.meta.url);
