/**
 * Public API of the headless simulations. Everything the site uses from `simulations/` is
 * re-exported here, so internal module layout can change without touching the site.
 */
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
export {
	linearQuantile,
	populationStabilityIndex,
	PSI_ZERO_PROPORTION,
	type PsiOptions,
	type PsiResult,
} from './stats/population-stability.stats';
export {
	normedWassersteinDistance,
	wassersteinDistance,
	NORMED_WASSERSTEIN_MIN_STD,
} from './stats/wasserstein.stats';
export { chiSquareTest, type ChiSquareResult } from './stats/chi-square.stats';
export { jensenShannonDistance } from './stats/jensen-shannon.stats';
export { proportionZTest, type ProportionZResult } from './stats/proportion-z.stats';
export {
	chiSquareSurvival,
	normalSurvival,
	regularizedGammaP,
	regularizedGammaQ,
} from './stats/special-functions.math';
export {
	chooseDriftTest,
	datasetDrift,
	DEFAULT_DRIFT_SHARE,
	DRIFT_TESTS,
	featureDrift,
	prepareCategories,
	SMALL_REFERENCE_MAX_ROWS,
	type Category,
	type DatasetDriftOptions,
	type DatasetDriftResult,
	type DatasetFeature,
	type DriftTestChoiceInput,
	type DriftTestName,
	type DriftTestSpec,
	type FeatureDriftOptions,
	type FeatureDriftResult,
	type FeatureType,
	type FeatureValues,
	type PreparedCategories,
} from './stats/feature-drift.detector';
export {
	alertKey,
	assessDay,
	dayObservedFrom,
	dayRejection,
	initialMonitoringContext,
	monitoringMachine,
	type AlertKind,
	type AlertLogEntry,
	type DayAssessment,
	type MonitoredFeatureResult,
	type MonitoringContext,
	type MonitoringEvent,
	type MonitoringInput,
} from './drift/monitoring.machine';
