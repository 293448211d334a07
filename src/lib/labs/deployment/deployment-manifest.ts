/**
 * The manifests the deployment lab shows for the learner's settings: the strategy, replicas and
 * canary spec as the YAML a team would apply. Imported only by the YAML section when the learner
 * opens it, so the writer is not part of the lab's first download.
 */
import { rolloutYaml } from '@sim/deployment/rollout.manifest';
import type { DeploymentRunConfig } from '@sim/labs/deployment';
import { replicaOptions, type DeploymentParams } from './deployment-params';

/** The YAML for `params` (the form) and `config` (the run they describe). */
export function deploymentManifest(params: DeploymentParams, config: DeploymentRunConfig): string {
	return rolloutYaml(config.spec, {
		name: 'churn-model',
		image: 'registry.example/churn-model:v2',
		replicas: 10,
		...replicaOptions(params),
		strategy:
			params.strategy === 'blueGreen'
				? {
						kind: 'blueGreen',
						autoPromotionEnabled: params.autoPromotionEnabled === 'true',
						scaleDownDelaySeconds: params.scaleDownDelaySeconds,
					}
				: config.flagger && params.strategy === 'canary'
					? { kind: 'flagger', analysis: config.flagger }
					: { kind: params.strategy },
	});
}
