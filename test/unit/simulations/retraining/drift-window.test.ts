import { describe, expect, test } from 'vitest';
import {
	categoricalFeatureNames,
	featureDrift,
	findRetrainingPreset,
	numericFeatures,
	prepareCategories,
	prepareReference,
	productionWorldFor,
	simulateContinuousTraining,
	type ChurnRecord,
	type ContinuousTrainingConfig,
} from '@sim/index';
import { noScenario } from '@sim/drift/scenario.model';
import {
	dayColumnsOf,
	driftReferenceOf,
	largestWindowPsi,
} from '@sim/retraining/drift-window.model';
import { plainPolicy } from './policy-fixture';

/** The spec: Evidently's PSI per feature from plain arrays, the largest over the features. */
function naiveLargestPsi(reference: readonly ChurnRecord[], current: readonly ChurnRecord[]) {
	let largest = 0;
	for (const f of numericFeatures) {
		const ref = reference.map((r) => r.features[f]).filter(Number.isFinite);
		const cur = current.map((r) => r.features[f]).filter(Number.isFinite);
		if (ref.length === 0 || cur.length === 0) continue;
		largest = Math.max(largest, featureDrift(prepareReference(ref), cur, { test: 'psi' }).score);
	}
	for (const f of categoricalFeatureNames) {
		const ref = reference.map((r) => r.features[f]).filter((v): v is string => v !== null);
		const cur = current.map((r) => r.features[f]).filter((v): v is string => v !== null);
		if (ref.length === 0 || cur.length === 0) continue;
		largest = Math.max(largest, featureDrift(prepareCategories(ref), cur, { test: 'psi' }).score);
	}
	return largest;
}

describe('the drift trigger’s incremental PSI', () => {
	test('equals Evidently’s PSI on the whole window, to the last bit, through a drift', () => {
		const world = productionWorldFor({
			...(findRetrainingPreset('harmless-drift')?.params.config as ContinuousTrainingConfig),
		});
		const reference = driftReferenceOf(world.initial);
		const scores: number[] = [];
		for (const last of [7, 58, 61, 64, 90]) {
			const days = Array.from({ length: 7 }, (_, i) => world.day(last - 6 + i));
			const score = largestWindowPsi(reference, days.map(dayColumnsOf));
			expect(score).toBe(naiveLargestPsi(world.initial, days.flat()));
			scores.push(score);
		}
		// The window fills with post-jump days (day 60 on) and the score climbs past 0.2.
		expect(scores[0]).toBeLessThan(0.05);
		expect(scores[4]).toBeGreaterThan(0.2);
	});

	test('equals it with missing values and a reference drawn from later traffic', () => {
		const world = productionWorldFor(
			plainPolicy({
				seed: 7,
				scenario: {
					id: 'gaps',
					label: 'usage goes missing for 30 % of rows from day 150; charges in cents from day 200',
					phases: [
						{
							...noScenario,
							kind: 'missing',
							feature: 'usageHoursPerWeek',
							magnitude: 0.3,
							startDay: 150,
						},
						{
							...noScenario,
							kind: 'unit',
							feature: 'monthlyCharge',
							magnitude: 100,
							startDay: 200,
						},
					],
					labelCorruption: null,
				},
			}),
		);
		const referenceRecords = [world.day(100), world.day(101), world.day(102)].flat();
		const reference = driftReferenceOf(referenceRecords);
		for (const last of [160, 230, 300]) {
			const days = Array.from({ length: 7 }, (_, i) => world.day(last - 6 + i));
			expect(days.flat().some((r) => !Number.isFinite(r.features.usageHoursPerWeek))).toBe(true);
			expect(largestWindowPsi(reference, days.map(dayColumnsOf))).toBe(
				naiveLargestPsi(referenceRecords, days.flat()),
			);
		}
	});
});

test('a shared world changes nothing in a year', () => {
	const preset = findRetrainingPreset('harmless-drift');
	if (!preset) throw new Error('preset missing');
	const config = { ...preset.params.config, days: 150 };
	const world = productionWorldFor(config);
	const shared = simulateContinuousTraining(config, { world });
	// A world of another seed is ignored, not used.
	const foreign = simulateContinuousTraining(config, {
		world: productionWorldFor({ ...config, seed: 1 }),
	});
	const alone = simulateContinuousTraining(config);
	expect(shared.daily).toEqual(alone.daily);
	expect(shared.runs).toEqual(alone.runs);
	expect(foreign.daily).toEqual(alone.daily);
	expect(alone.runs.length).toBeGreaterThan(3);
});
