/**
 * Where the deployment lab's traffic is simulated: a module Web Worker when the browser has
 * workers, otherwise the same service on the page, imported on demand so the traffic world never
 * loads on a page that has a worker.
 */
import { workerPortOpener } from '../runtime/worker.port';
import workerUrl from './deployment.worker.ts?worker&url';
import {
	deploymentFailure,
	type DeploymentReply,
	type DeploymentRequest,
} from './deployment.protocol';

/** Opens a rollout service. */
export const openDeploymentPort = /* @__PURE__ */ workerPortOpener<
	DeploymentRequest,
	DeploymentReply
>('deployment', workerUrl, deploymentFailure);
