/**
 * The Web Worker that runs the deployment lab's traffic and rollout, so the page only draws. The
 * rollout and the strategy comparison share it, each on its own channel.
 */
import { serveChannelsInWorker } from '../runtime/shared-worker.port';
import { deploymentService } from './deployment.service';

serveChannelsInWorker(deploymentService, import.meta.url);
