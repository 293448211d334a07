/**
 * The public surface of the headless simulations. Pages import from here only, so each
 * simulation can reorganise its files without touching the pages that use it. Nothing
 * exported here loads TensorFlow.js: tfjs code (models, the training session) is reached only
 * through the trainer port, which runs it in a worker or imports it on demand, so a page's
 * first bundle stays small. Their types are exported for use in the UI.
 */
export { createRng, type Rng } from './shared/rng';
export { canonicalJson, fnv1a, hashValue } from './shared/hash';
export * from './world/world.model';
export * from './world/encoding.model';
export * from './training/metrics';
export * from './training/training.data';
export * from './training/artifact';
export type {
	EpochMetrics,
	EpochOutcome,
	FinishReason,
	RunResult,
} from './training/training.model';
export { plainLogisticStep, type PlainLogistic } from './training/plain-logistic';
export type { TrainerPort, TrainingCommand, TrainingReport } from './training/training.messages';
export type { SessionHost, TrainingSession } from './training/training.session';
export { openInPageTrainer, openTrainer } from './training/training.port';
export * from './training/training.machine';
