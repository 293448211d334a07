/**
 * The settings of a monitoring run and their defaults, apart from the stream's code so a lab page
 * can read them (for its form and its links) without loading the statistics.
 */
import { noScenario, type DriftScenario, type ScheduledScenario } from '../drift/scenario.model';
import type { PValueCorrection } from '../stats/multiple-testing.stats';

/** The family of tests that drives alerts; each maps to one test per feature type. */
export type AlertTest = 'default' | 'ks' | 'wasserstein' | 'psi';

/** The parameters of one monitoring run. */
export interface StreamConfig {
	readonly seed: number;
	/** Training-reference rows (the default model trains on them). */
	readonly referenceSize: number;
	/** Production records per simulated day. */
	readonly recordsPerDay: number;
	/** Days in the rolling window each test compares with the reference. */
	readonly windowDays: number;
	/** Days until a day's ground truth arrives. */
	readonly labelDelayDays: number;
	/** The test family that decides drift and alerts. */
	readonly alertTest: AlertTest;
	/** Measured accuracy below this is an alert; estimated accuracy below it a warning. */
	readonly accuracyThreshold: number;
	/**
	 * Accuracy thresholds set part-way through the run, in day order (optional): each applies from
	 * its day on, and the days before keep the verdicts they had. A link carries them.
	 */
	readonly thresholdChanges?: readonly ThresholdChange[];
	readonly scenario: DriftScenario;
	/**
	 * Scenarios injected part-way through the run, in day order (optional: none when absent). A
	 * link carries them, so a run with injections at any day replays exactly.
	 */
	readonly injections?: readonly ScheduledScenario[];
	/**
	 * How the day's p-values are corrected for testing many features at once before they decide
	 * drift (optional: 'none' when absent). Distance tests have no p-value and keep their verdict.
	 */
	readonly pValueCorrection?: PValueCorrection;
}

/** An accuracy threshold put in force from `fromDay` on. */
export interface ThresholdChange {
	readonly fromDay: number;
	readonly accuracyThreshold: number;
}

/** The accuracy threshold in force on `day`: the run's first, or the latest change by then. */
export function accuracyThresholdOn(config: StreamConfig, day: number): number {
	let threshold = config.accuracyThreshold;
	for (const change of config.thresholdChanges ?? []) {
		if (change.fromDay <= day) threshold = change.accuracyThreshold;
	}
	return threshold;
}

/** Defaults for every parameter. */
export const defaultStreamConfig: StreamConfig = {
	seed: 42,
	referenceSize: 5000,
	recordsPerDay: 500,
	windowDays: 1,
	labelDelayDays: 7,
	alertTest: 'default',
	accuracyThreshold: 0.75,
	scenario: noScenario,
};

/**
 * The share of drifted features at which a whole dataset counts as drifted (Evidently's default,
 * `DEFAULT_DRIFT_SHARE` in stats/). Restated here so a page can draw the line without loading the
 * statistics; a unit test keeps the two equal.
 */
export const datasetDriftShare = 0.5;
