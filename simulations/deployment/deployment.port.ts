/**
 * Where the deployment lab's traffic is simulated: a module Web Worker when the browser has
 * workers, otherwise the same service on the page, imported on demand so the traffic world never
 * loads on a page that has a worker.
 */
import { openWorkerPort, type Port } from '../runtime/worker.port';
import {
	deploymentFailure,
	type DeploymentReply,
	type DeploymentRequest,
} from './deployment.protocol';

/** Opens a rollout service. */
export function openDeploymentPort(
	onReply: (reply: DeploymentReply) => void,
): Port<DeploymentRequest> {
	return openWorkerPort(
		{
			name: 'deployment',
			createWorker: () =>
				new Worker(new URL('./deployment.worker.ts', import.meta.url), { type: 'module' }),
			loadService: () => import('./deployment.service').then((m) => m.deploymentService),
			failure: deploymentFailure,
		},
		onReply,
	);
}
