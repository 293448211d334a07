/**
 * The Web Worker that runs the deployment lab's traffic and rollout, so the page only draws.
 */
import { serveInWorker } from '../runtime/worker.port';
import { deploymentService } from './deployment.service';

serveInWorker(deploymentService, import.meta.url);
