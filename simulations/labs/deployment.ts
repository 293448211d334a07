/**
 * The deployment lab's entry point: everything its page needs (machine, pace, presets, the
 * canary shape, the YAML writer and Argo's validation, result types) and nothing from another
 * lab. The traffic world runs in the lab's worker, so it is not reachable from here.
 */
export * from '../runtime/playback';
export type { LabPreset } from '../runtime/lab-preset';
export {
	createDeploymentLabContext,
	defaultRunConfig,
	deploymentLabMachine,
	deploymentPace,
	rolloutCommandEvents,
	type DeploymentLabContext,
	type DeploymentLabEvent,
	type RolloutCommandEvent,
} from '../deployment/deployment.machine';
export {
	analysisTemplateName,
	canarySpecFrom,
	flaggerSpecFrom,
	defaultCanaryShape,
	deploymentPresets,
	type CanaryShape,
	type DeploymentPreset,
} from '../deployment/deployment.presets';
export type {
	DeploymentRunConfig,
	LiveStrategy,
	RolloutCommand,
	RolloutStatus,
	TickSummary,
	VersionSummary,
} from '../deployment/deployment.protocol';
export type {
	CanarySpec,
	CanaryState,
	RolloutAnalysisRun,
	RolloutLogEntry,
} from '../deployment/canary.model';
export type { AnalysisRun, MetricRun } from '../deployment/analysis.model';
export type { CandidatePresetId } from '../deployment/traffic.model';
export type { CandidateChoice, RegisteredCandidate } from '../deployment/registered.model';
export { validateCanarySpec } from '../deployment/rollout.spec';
export { conditionExpression } from '../deployment/metrics.model';
// The comparison machine is imported from its own module by the section that runs it, on the
// learner's first request: re-exported here it would ride in the lab's first download.
export type { ComparisonContext, ComparisonEvent } from '../deployment/comparison.machine';
export type { StrategyComparison } from '../deployment/rollout.model';
