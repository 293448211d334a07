import { describe, expect, test } from 'vitest';
import { defaultParams, readParams, writeParams, type ParamsSpec } from '@/lib/url-params';

const spec = {
	seed: { kind: 'integer', default: 42, min: 0, max: 2 ** 31 - 1, label: 'Seed' },
	learningRate: { kind: 'number', default: 0.03, min: 1e-5, max: 10, label: 'Learning rate' },
	model: { kind: 'enum', default: 'logistic', values: ['logistic', 'mlp'], label: 'Model' },
	earlyStopping: { kind: 'boolean', default: true, label: 'Early stopping' },
} satisfies ParamsSpec;

describe('readParams', () => {
	test('returns defaults and no problems for an empty query', () => {
		expect(readParams(spec, '')).toEqual({ params: defaultParams(spec), problems: [] });
	});

	test('reads valid values of every kind', () => {
		const { params, problems } = readParams(
			spec,
			'?seed=7&learningRate=0.1&model=mlp&earlyStopping=0',
		);
		expect(params).toEqual({ seed: 7, learningRate: 0.1, model: 'mlp', earlyStopping: false });
		expect(problems).toEqual([]);
	});

	test('falls back to defaults with one message per bad value', () => {
		const { params, problems } = readParams(
			spec,
			'seed=1.5&learningRate=99&model=forest&earlyStopping=maybe&colour=red',
		);
		expect(params).toEqual(defaultParams(spec));
		expect(problems).toEqual([
			'Seed “1.5” is not a whole number, so the default (42) is used.',
			'Learning rate 99 is outside 0.00001–10, so the default (0.03) is used.',
			'Model “forest” is not one of logistic, mlp, so the default (logistic) is used.',
			'Early stopping “maybe” should be 1 or 0, so the default (true) is used.',
			'The link has parameters this lab does not use (colour); they were ignored.',
		]);
	});
});

describe('writeParams', () => {
	test('writes only non-default values, and reads back to the same parameters', () => {
		const params = { ...defaultParams(spec), seed: 9, model: 'mlp' as const, earlyStopping: false };
		const query = writeParams(spec, params);
		expect(query).toBe('seed=9&model=mlp&earlyStopping=0');
		expect(readParams(spec, query).params).toEqual(params);
	});
});
