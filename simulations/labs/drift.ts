/**
 * The drift lab's entry point: everything its page needs (machine, pace, presets, scenarios,
 * feature names, result types) and nothing from another lab. The stream and the statistics run
 * in the lab's worker, or are imported on demand, so they are not reachable from here.
 */
export * from '../runtime/playback';
export type { LabPreset } from '../runtime/lab-preset';
export {
	driftLabMachine,
	driftPace,
	isValidDayDelay,
	type DriftLabContext,
	type DriftLabEvent,
	type MonitoringSnapshot,
} from '../drift/drift.machine';
export { driftPresets, type DriftPreset } from '../drift/drift.presets';
export {
	noScenario,
	scenarioInfo,
	scenarioKinds,
	type DriftScenario,
	type ScenarioKind,
	type ScheduledScenario,
} from '../drift/scenario.model';
export {
	datasetDriftShare,
	defaultStreamConfig,
	type AlertTest,
	type StreamConfig,
	type ThresholdChange,
} from '../monitoring/stream.config';
export type { DayResult, FeatureDayResult, ReferenceInfo } from '../monitoring/stream.model';
export { flaggedDays } from '../monitoring/observation.model';
export { trainingRowCount, type TrainingReference } from '../training/training.data';
export type { PValueCorrection } from '../stats/multiple-testing.stats';
export type { FeatureHistogram } from '../monitoring/histogram.model';
export type { AlertLogEntry, MonitorStatus } from '../monitoring/monitoring.machine';
export {
	firingDaysOf,
	resolvedDayOf,
	type AlertGroup,
	type AlertGroupEvent,
	type AlertGroupStatus,
	type AlertingState,
	type NotifyReason,
} from '../alerting/alert-lifecycle.model';
export type { ComputationalMetrics } from '../serving/serving.model';
export {
	driftFeatures,
	featureInfo,
	isNumericFeature,
	type FeatureName,
} from '../world/world.model';
export type { ModelArtifact } from '../training/artifact';
