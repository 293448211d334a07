/**
 * A plain continuous-training policy for the retraining suites to start from: the presets' own
 * starting point (a year of a stable world, seed 42, no trigger, no cooldown, retraining from
 * scratch on all data at maturity level 1). Each suite passes only what its test is about, so the
 * case reads as its difference.
 */
import type { ContinuousTrainingConfig } from '@sim/index';
import { basePolicy } from '@sim/retraining/retraining.presets';

export function plainPolicy(
	overrides: Partial<ContinuousTrainingConfig> = {},
): ContinuousTrainingConfig {
	return { ...basePolicy, ...overrides };
}
