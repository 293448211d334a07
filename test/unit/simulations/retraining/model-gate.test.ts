import { describe, expect, test } from 'vitest';
import {
	decideGate,
	defaultGateConfig,
	passesChangeThreshold,
	passesValueThreshold,
	sliceAccuracies,
	type SliceMetric,
} from '@sim/index';

// tensorflow/model-analysis, evaluators/metrics_validator_test.py: each case's metric, baseline
// and threshold, and whether validation_ok. Diffs are candidate − baseline (TFMA's diff key).
describe('TFMA thresholds, translated from metrics_validator_test.py', () => {
	test('value thresholds (testValidateMetricsValueThreshold{Upper,Lower}Bound{Fail,Pass})', () => {
		expect(passesValueThreshold(1.5, { upperBound: 1 })).toBe(false);
		expect(passesValueThreshold(0, { lowerBound: 1 })).toBe(false);
		expect(passesValueThreshold(0, { upperBound: 1 })).toBe(true);
		expect(passesValueThreshold(2, { lowerBound: 1 })).toBe(true);
	});

	test('testValidateMetricsChangeThresholdAbsoluteFail: −0.333 ≤ −1 is false', () => {
		expect(
			passesChangeThreshold(-0.333, 0.333, { direction: 'LOWER_IS_BETTER', absolute: -1 }),
		).toBe(false);
	});

	test('testValidateMetricsChangeThresholdRelativeFail: −0.333 / 0.333 ≤ −2 is false', () => {
		expect(
			passesChangeThreshold(-0.333, 0.333, { direction: 'LOWER_IS_BETTER', relative: -2 }),
		).toBe(false);
	});

	test('testValidateMetricsChangeThreshold{Absolute,Relative}Pass', () => {
		expect(
			passesChangeThreshold(-0.333, 0.333, { direction: 'LOWER_IS_BETTER', absolute: 0 }),
		).toBe(true);
		expect(
			passesChangeThreshold(-0.333, 0.333, { direction: 'LOWER_IS_BETTER', relative: 0 }),
		).toBe(true);
	});

	test('testValidateMetricsChangeThresholdHigherIsBetterPass and the native-diff case', () => {
		expect(
			passesChangeThreshold(-0.333, 0.333, { direction: 'HIGHER_IS_BETTER', absolute: -1 }),
		).toBe(true);
		expect(
			passesChangeThreshold(0.99, 0.01, { direction: 'HIGHER_IS_BETTER', absolute: 0.9 }),
		).toBe(true);
	});

	test('testValidateMetricsChangeThresholdEqualPass: a diff equal to both bounds passes', () => {
		// Baseline 1, diff −0.333: the ratio equals the relative bound too.
		const both = { absolute: -0.333, relative: -0.333 };
		expect(passesChangeThreshold(-0.333, 1, { direction: 'HIGHER_IS_BETTER', ...both })).toBe(true);
		expect(passesChangeThreshold(-0.333, 1, { direction: 'LOWER_IS_BETTER', ...both })).toBe(true);
		expect(passesChangeThreshold(-0.334, 1, { direction: 'HIGHER_IS_BETTER', ...both })).toBe(
			false,
		);
	});

	test('a relative threshold against a zero baseline fails (ratio NaN)', () => {
		expect(passesChangeThreshold(0.1, 0, { direction: 'HIGHER_IS_BETTER', relative: -1 })).toBe(
			false,
		);
		expect(passesChangeThreshold(0.1, 0, { direction: 'HIGHER_IS_BETTER', absolute: 0 })).toBe(
			true,
		);
	});
});

const metrics = (overall: number, slices: Record<string, [number, number]> = {}): SliceMetric[] => [
	{ slice: '', rows: 3500, accuracy: overall },
	...Object.entries(slices).map(([slice, [rows, accuracy]]) => ({ slice, rows, accuracy })),
];

describe('the gate’s decisions on fixed inputs (default rules)', () => {
	test('a challenger half a point better with healthy slices is blessed', () => {
		const decision = decideGate(
			{ challenger: metrics(0.825, { 'plan=basic': [1500, 0.78] }), champion: metrics(0.82) },
			defaultGateConfig,
		);
		expect(decision).toEqual({
			blessed: true,
			failures: [],
			reason:
				'blessed: accuracy 82.5 % vs champion 82.0 % (+0.5 points), every slice above its floor',
		});
	});

	test('a challenger that only ties the champion is not blessed, with the margin in the reason', () => {
		const decision = decideGate(
			{ challenger: metrics(0.821), champion: metrics(0.82) },
			defaultGateConfig,
		);
		expect(decision.blessed).toBe(false);
		expect(decision.reason).toBe(
			'not blessed: accuracy 82.1 % vs champion 82.0 % (+0.1 points) misses the required change of +0.5 points',
		);
	});

	test('a challenger that wins overall but fails a slice is not blessed; tiny slices are not checked', () => {
		const decision = decideGate(
			{
				challenger: metrics(0.9, { 'paymentMethod=invoice': [800, 0.6], 'region=west': [40, 0.1] }),
				champion: metrics(0.8),
			},
			defaultGateConfig,
		);
		expect(decision.failures).toEqual([
			{
				slice: 'paymentMethod=invoice',
				check: 'value',
				value: 0.6,
				message: 'slice paymentMethod=invoice: accuracy 60.0 % is below the slice floor of 65.0 %',
			},
		]);
	});

	test('below the overall floor fails even when better than a worse champion', () => {
		const decision = decideGate(
			{ challenger: metrics(0.69), champion: metrics(0.6) },
			defaultGateConfig,
		);
		expect(decision.failures.map((f) => f.check)).toEqual(['value']);
	});

	test('an evaluation without an overall metric is never blessed', () => {
		expect(decideGate({ challenger: [], champion: metrics(0.8) }, defaultGateConfig).blessed).toBe(
			false,
		);
	});
});

test('slice accuracies count each record in one slice per feature, sorted by name', () => {
	const result = sliceAccuracies(
		[0.9, 0.1, 0.6, 0.2],
		[1, 1, 0, 0],
		[['plan=basic'], ['plan=basic'], ['plan=premium'], ['plan=premium']],
	);
	expect(result).toEqual([
		{ slice: '', rows: 4, accuracy: 0.5 },
		{ slice: 'plan=basic', rows: 2, accuracy: 0.5 },
		{ slice: 'plan=premium', rows: 2, accuracy: 0.5 },
	]);
});
