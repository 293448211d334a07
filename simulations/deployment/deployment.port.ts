/**
 * Where the deployment lab's traffic is simulated: a module Web Worker when the browser has
 * workers, otherwise the same service on the page, imported on demand so the traffic world never
 * loads on a page that has a worker. The rollout's clock and the strategy comparison share the
 * one worker (each on its own channel): two workers would be two busy threads beside the page's.
 */
import { sharedWorkerPortOpener } from '../runtime/shared-worker.port';
import workerUrl from './deployment.worker.ts?worker&url';
import {
	deploymentFailure,
	type DeploymentReply,
	type DeploymentRequest,
} from './deployment.protocol';

/** Opens a rollout service, on the lab's one worker. */
export const openDeploymentPort = /* @__PURE__ */ sharedWorkerPortOpener<
	DeploymentRequest,
	DeploymentReply
>('deployment', workerUrl, deploymentFailure);
