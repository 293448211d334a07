/**
 * The public surface of the headless simulations. Pages import from here only, so each
 * simulation can reorganise its files without touching the pages that use it. Nothing
 * exported here loads TensorFlow.js: tfjs code (models, the training session) is reached only
 * through the trainer port, which runs it in a worker or imports it on demand, so a page's
 * first bundle stays small. Their types are exported for use in the UI.
 */

// The lab runtime: worker ports, the clock, playback.
export * from './runtime/worker.port';
export * from './runtime/shared-worker.port';
export * from './runtime/clock.actor';
export * from './runtime/playback';
export type { LabPreset } from './runtime/lab-preset';

// Randomness, hashing, the synthetic world and training.
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
export * from './training/training.protocol';
export { openTrainerPort, scoreStoredModel, type ScoredModel } from './training/training.port';
export * from './training/training.machine';

// The model registry and experiment tracking.
export * from './registry/registry.model';
export * from './registry/experiment.model';

// Drift statistics and the monitoring machine.
export {
	assertFiniteSample,
	DriftInputError,
	prepareReference,
	type NumericSample,
	type PreparedReference,
} from './stats/sample.input';
export {
	ksExactPValue,
	ksTwoSample,
	KS_EXACT_MAX_SIZE,
	type KsTestResult,
} from './stats/kolmogorov-smirnov.stats';
export { kolmogorovSurvival } from './stats/kolmogorov-distribution.stats';
export * from './stats/population-stability.stats';
export {
	histogramShares,
	sturgesEdges,
	sturgesHistogram,
	type SturgesHistogram,
} from './stats/sturges-histogram.stats';
export {
	normedWassersteinDistance,
	wassersteinDistance,
	NORMED_WASSERSTEIN_MIN_STD,
} from './stats/wasserstein.stats';
export { chiSquareTest, type ChiSquareResult } from './stats/chi-square.stats';
export { jensenShannonDistance } from './stats/jensen-shannon.stats';
export * from './stats/multiple-testing.stats';
export * from './stats/performance-estimation.stats';
export { proportionZTest, type ProportionZResult } from './stats/proportion-z.stats';
export {
	chiSquareSurvival,
	normalSurvival,
	regularizedGammaP,
	regularizedGammaQ,
} from './stats/special-functions.math';
export * from './stats/feature-drift.detector';
export * from './monitoring/monitoring.machine';

// Serving, monitoring and the drift lab: scenarios, the stream, its presets and machine.
export * from './serving/serving.model';
export * from './serving/artifact-check.model';
export * from './monitoring/stream.model';
export * from './monitoring/stream.config';
export * from './monitoring/histogram.model';
export * from './monitoring/observation.model';
export * from './drift/scenario.model';
export * from './drift/drift.presets';
export * from './drift/drift.protocol';
export * from './drift/drift.port';
export * from './drift/drift.machine';

// Alerting: an Alertmanager-style lifecycle for the monitor's alerts.
export * from './alerting/alert-lifecycle.model';

// The deployment-strategies lab: Argo Rollouts' analysis rules and canary, the other strategies
// (recreate, rolling update, shadow, blue/green, Flagger), a Kayenta-style judge, the traffic
// world with its candidate presets, and rollout specs as Argo YAML with Argo's validation.
export * from './deployment/duration.model';
export * from './deployment/analysis.model';
export * from './deployment/metrics.model';
export * from './deployment/traffic.model';
export * from './deployment/canary.model';
export * from './deployment/canary.machine';
export * from './deployment/rolling.model';
export * from './deployment/strategies.model';
export * from './deployment/kayenta.model';
export * from './deployment/rollout.model';
export * from './deployment/rollout.spec';
export * from './deployment/rollout.manifest';

// The continuous-training lab: triggers, data validation, the gate, the pipeline and its year.
export * from './retraining/retraining.policy';
export * from './retraining/data-validation.model';
export * from './retraining/model-gate.model';
export * from './retraining/pipeline.model';
export * from './retraining/pipeline.machine';
export * from './retraining/retraining.trainer';
export * from './retraining/retraining.scenario';
export * from './retraining/retraining.model';
export * from './retraining/maturity.model';
export * from './retraining/retraining.presets';
export * from './retraining/ct-lab.protocol';
export * from './retraining/ct-lab.machine';
export { createYearHandler, yearService } from './retraining/ct-lab.service';
