// Rollout specs as Argo Rollouts YAML, and Argo's validation messages. Cases marked "argo:" are
// translated from argoproj/argo-rollouts pkg/apis/rollouts/validation/validation_test.go and
// validation_references_test.go (test name given); messages are validation.go's constants.
import { describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { CanarySpec, CanaryStep } from '@sim/deployment/canary.model';
import { defaultCanarySpec } from '@sim/deployment/rollout.model';
import { validateCanarySpec } from '@sim/deployment/rollout.spec';
import { rolloutYaml, toYaml } from '@sim/deployment/rollout.manifest';

const options = { name: 'churn-model', image: 'registry.example/churn-model:v2', replicas: 5 };

describe('rolloutYaml', () => {
	const spec: CanarySpec = {
		...defaultCanarySpec,
		steps: [...defaultCanarySpec.steps, { pause: {} }],
		analysis: { templates: ['success-rate'], startingStep: 1 },
	};
	const docs = parseAllDocuments(rolloutYaml(spec, options)).map((d) => d.toJS());

	test('reads back as a Rollout and an AnalysisTemplate', () => {
		expect(docs.map((d) => d.kind)).toEqual(['Rollout', 'AnalysisTemplate']);
		const canary = docs[0].spec.strategy.canary;
		expect(canary.steps).toEqual([
			{ setWeight: 10 },
			{ pause: { duration: '1m' } },
			{ analysis: { templates: [{ templateName: 'success-rate' }] } },
			{ setWeight: 50 },
			{ pause: { duration: '1m' } },
			{ analysis: { templates: [{ templateName: 'success-rate' }] } },
			{ pause: {} },
		]);
		expect(canary.analysis).toEqual({
			templates: [{ templateName: 'success-rate' }],
			startingStep: 1,
			args: [{ name: 'version', value: 'canary' }],
		});
		expect(docs[1].spec.metrics[0]).toMatchObject({
			name: 'success-rate',
			successCondition: 'result[0] >= 0.98',
		});
		expect(docs[1].spec.metrics[0].provider.prometheus.query).toContain('[1m]');
	});

	test('writes what a person would: plain durations and conditions', () => {
		const text = rolloutYaml(spec, options);
		expect(text).toContain('      - pause:\n          duration: 1m\n');
		expect(text).toContain('    successCondition: result[0] >= 0.98\n');
		expect(text).toContain('      - pause: {}\n');
	});

	test('scalars that would change type are quoted', () => {
		const values = { a: 'true', b: '42', c: '1.5', d: 'no', e: '', f: '- x', g: 'a: b', h: 'ok' };
		expect(parseAllDocuments(toYaml(values))[0]!.toJS()).toEqual(values);
		expect(toYaml({ h: 'ok', n: 3, t: true, z: null })).toBe('h: ok\nn: 3\nt: true\nz: null\n');
	});
});

describe('validateCanarySpec (Argo validation messages)', () => {
	const withSteps = (steps: unknown[]): CanarySpec => ({
		...defaultCanarySpec,
		steps: steps as CanaryStep[],
	});

	test('a valid spec has no messages', () => {
		expect(validateCanarySpec(defaultCanarySpec)).toEqual([]);
	});
	// argo: TestValidateRolloutStrategyCanary "invalid set weight value" (101)
	test('setWeight outside 0–100', () => {
		expect(validateCanarySpec(withSteps([{ setWeight: 110 }]))).toEqual([
			'spec.strategy.canary.steps[0].setWeight: Invalid value: 110: SetWeight needs to be between 0 and 100',
		]);
		expect(validateCanarySpec(withSteps([{ setWeight: 101 }]))[0]).toContain(
			'SetWeight needs to be between 0 and 100',
		);
	});
	// argo: TestValidateRolloutStrategyCanary "invalid duration set in paused step"
	test('a pause duration that is negative or unparsable', () => {
		expect(validateCanarySpec(withSteps([{ pause: { duration: -1 } }]))).toEqual([
			'spec.strategy.canary.steps[0].pause.duration: Invalid value: -1: Duration needs to be greater than 0',
		]);
		expect(validateCanarySpec(withSteps([{ pause: { duration: '1 hour' } }]))).toEqual([
			'spec.strategy.canary.steps[0].pause.duration: Invalid value: -1: Duration needs to be greater than 0',
		]);
		expect(validateCanarySpec(withSteps([{ pause: { duration: '0s' } }, { pause: {} }]))).toEqual(
			[],
		);
	});
	// argo: TestValidateRolloutStrategyCanary "invalid canary step", and TestHasMultipleStepsType
	test('a step with no type, or with two', () => {
		expect(validateCanarySpec(withSteps([{}]))).toEqual([
			'spec.strategy.canary.steps[0]: Invalid value: "step.Experiment: true step.Pause: true step.SetWeight: true step.Analysis: true step.SetCanaryScale: true step.SetHeaderRoute: true step.SetMirrorRoute: true step.Plugin: true": Step must have one of the following set: experiment, setWeight, setCanaryScale, plugin or pause',
		]);
		expect(validateCanarySpec(withSteps([{ setWeight: 10, pause: {} }]))).toEqual([
			'spec.strategy.canary.steps[0]: Invalid value: "step.Experiment: false step.Pause: true step.SetWeight: true step.Analysis: false": Step must have one of the following set: experiment, setWeight, setCanaryScale, plugin or pause',
		]);
	});
	// argo: TestInvalidMaxSurgeMaxUnavailable
	test('maxSurge and maxUnavailable both zero', () => {
		expect(validateCanarySpec(defaultCanarySpec, { maxSurge: '0%', maxUnavailable: 0 })).toEqual([
			'spec.strategy.canary.maxSurge: Invalid value: 0%: MaxSurge and MaxUnavailable both can not be zero',
		]);
		for (const [surge, unavailable] of [
			[0, '0'],
			['0', '0%'],
			['0%', '0%'],
		] as const) {
			expect(
				validateCanarySpec(defaultCanarySpec, { maxSurge: surge, maxUnavailable: unavailable }),
			).toHaveLength(1);
		}
		expect(validateCanarySpec(defaultCanarySpec, { maxSurge: 0, maxUnavailable: 1 })).toEqual([]);
	});
	// argo: TestValidateAnalysisTemplateWithType "validate inline clusterAnalysisTemplate - failure"
	test('a step analysis whose metric would run indefinitely', () => {
		const spec: CanarySpec = {
			steps: [{ analysis: { templates: ['forever'] } }],
			templates: [
				{
					name: 'forever',
					metrics: [{ name: 'success-rate', source: 'successRate', interval: '1m' }],
				},
			],
		};
		expect(validateCanarySpec(spec)).toEqual([
			'spec.strategy.canary.steps[0].analysis.templates: Invalid value: "forever": AnalysisTemplate forever has metric success-rate which runs indefinitely. Invalid value for count: <nil>',
		]);
		const zero = {
			...spec,
			templates: [
				{ ...spec.templates[0]!, metrics: [{ ...spec.templates[0]!.metrics[0]!, count: 0 }] },
			],
		};
		expect(validateCanarySpec(zero)[0]).toMatch(/runs indefinitely\. Invalid value for count: 0$/);
		// In background analysis the same metric is fine: it runs until the rollout ends.
		expect(
			validateCanarySpec({ ...spec, steps: [], analysis: { templates: ['forever'] } }),
		).toEqual([]);
	});
	test('template metrics are checked with ValidateMetrics, and missing templates reported', () => {
		const spec: CanarySpec = {
			steps: [{ analysis: { templates: ['bad'] } }, { analysis: { templates: ['missing'] } }],
			templates: [{ name: 'bad', metrics: [{ name: 'm', source: 'successRate', count: 2 }] }],
		};
		expect(validateCanarySpec(spec)).toEqual([
			'spec.strategy.canary.steps[0].analysis.templates: Invalid value: "bad": AnalysisTemplate bad: metrics[0]: interval must be specified when count > 1',
			"AnalysisTemplate 'missing' not found",
		]);
	});
});
