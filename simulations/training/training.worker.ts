/**
 * The Web Worker that trains. WebGL would share the GPU with the page and, here, is
 * software-rendered, so the service selects the tfjs cpu backend; requests that arrive while it
 * loads wait for it, in order.
 */
import { serveInWorker } from '../runtime/worker.port';
import { trainingService } from './training.service';

serveInWorker(trainingService);
