/**
 * The Web Worker that trains. WebGL would share the GPU with the page and, here, is
 * software-rendered, so the service selects the backend tf-backend.ts chose for this lab; requests that arrive while it
 * loads wait for it, in order.
 */
import { serveInWorker } from '../runtime/worker.port';
import { trainingService } from './training.service';

serveInWorker(trainingService, import.meta.url);
