/**
 * A plain continuous-training policy for the retraining suites to start from: a year of a stable
 * world (seed 42), no trigger, no cooldown, retraining from scratch on all data at maturity
 * level 1. Each suite passes only what its test is about, so the case reads as its difference.
 */
import type { ContinuousTrainingConfig } from '@sim/index';

export function plainPolicy(
	overrides: Partial<ContinuousTrainingConfig> = {},
): ContinuousTrainingConfig {
	return {
		seed: 42,
		scenario: 'stable',
		days: 365,
		trigger: { kind: 'none' },
		cooldownDays: 0,
		windowDays: null,
		warmStart: false,
		maturityLevel: 1,
		...overrides,
	};
}
