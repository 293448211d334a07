/**
 * The training lab's entry point: everything its page (island, parameter spec, presets, run log)
 * needs, and nothing from another lab, so the page's chunks hold only its own code. TensorFlow.js
 * is not reachable from here: the trainer runs in a worker, or is imported on demand.
 */
export * from '../runtime/playback';
export type { LabPreset } from '../runtime/lab-preset';
export {
	trainingMachine,
	trainingPace,
	isValidLearningRate,
	type TrainingActorRef,
	type TrainingContext,
	type TrainingEvent,
} from '../training/training.machine';
export { scoreStoredModel, type ScoredModel } from '../training/training.port';
export {
	defaultTrainingParams,
	trainingCodeVersion,
	trainingDataVersion,
	type ModelKind,
	type TrainingParams,
} from '../training/training.data';
export type { EpochMetrics, FinishReason, RunResult } from '../training/training.model';
export type { ModelArtifact } from '../training/artifact';
export type { ClassificationMetrics, ConfusionCounts } from '../training/metrics';
export * from '../registry/registry.model';
export * from '../registry/experiment.model';
