/**
 * The public surface of the headless simulations. Sites and lessons import from here only, so
 * each simulation can reorganise its files without touching the pages that use it.
 */
export { createRng, type Rng } from './shared/rng';
export { canonicalJson, fnv1a, hashValue } from './shared/hash';
export * from './world/world.model';
export * from './world/encoding.model';
export * from './training/metrics';
export * from './training/training.model';
export { plainLogisticStep, type PlainLogistic } from './training/plain-logistic';
export { useCpuBackend } from './shared/tf-backend';
export type { TrainerPort, TrainingCommand, TrainingReport } from './training/training.messages';
export {
	createTrainingSession,
	type SessionHost,
	type TrainingSession,
} from './training/training.session';
export { openInPageTrainer, openTrainer } from './training/training.port';
export * from './training/training.machine';
