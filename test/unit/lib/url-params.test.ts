import { describe, expect, test } from 'vitest';
import {
	clip,
	defaultParams,
	presetParamSpec,
	readFieldInput,
	readParams,
	writeParams,
	type ParamsSpec,
} from '@/lib/url-params';

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

describe('presetParamSpec', () => {
	const presetSpec = { preset: presetParamSpec([{ id: 'slow' }, { id: 'broken' }]) };

	test('is custom by default and reads any of the lab’s preset ids', () => {
		expect(defaultParams(presetSpec)).toEqual({ preset: 'custom' });
		expect(readParams(presetSpec, '?preset=broken')).toEqual({
			params: { preset: 'broken' },
			problems: [],
		});
	});

	test('an unknown preset falls back to custom, with the message', () => {
		expect(readParams(presetSpec, '?preset=fast')).toEqual({
			params: { preset: 'custom' },
			problems: [
				'Preset “fast” is not one of custom, slow, broken, so the default (custom) is used.',
			],
		});
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

describe('hostile links', () => {
	test('prototype names are unused parameters like any other', () => {
		const { params, problems } = readParams(spec, '?constructor=1&toString=2&__proto__=x');
		expect(params).toEqual(defaultParams(spec));
		expect(problems).toEqual([
			'The link has parameters this lab does not use (constructor, toString, __proto__); they were ignored.',
		]);
	});

	test('the presenter view’s present=1 is the site’s, not an unused lab parameter', () => {
		const { params, problems } = readParams(spec, '?seed=9&present=1');
		expect(params).toEqual({ ...defaultParams(spec), seed: 9 });
		expect(problems).toEqual([]);
	});

	test('echoed values and names are clipped, and a long list of names is counted', () => {
		const seed = '9'.repeat(3000);
		const { problems } = readParams(spec, `?seed=${seed}&model=${'x'.repeat(5000)}`);
		expect(problems).toEqual([
			// 3,000 nines overflow to Infinity, which is not a whole number.
			`Seed “${'9'.repeat(39)}…” is not a whole number, so the default (42) is used.`,
			`Model “${'x'.repeat(39)}…” is not one of logistic, mlp, so the default (logistic) is used.`,
		]);
		const names = Array.from({ length: 8 }, (_, i) => `${'k'.repeat(30)}${i}=1`).join('&');
		expect(readParams(spec, names).problems).toEqual([
			`The link has parameters this lab does not use (${Array.from({ length: 5 }, () => `${'k'.repeat(23)}…`).join(', ')} and 3 more); they were ignored.`,
		]);
		expect(clip('short')).toBe('short');
	});

	test('older keys are still read; the current key wins when both are there', () => {
		const aliased = {
			windowDays: {
				kind: 'integer',
				default: 1,
				min: 1,
				max: 20,
				label: 'Window',
				aliases: ['window'],
			},
		} satisfies ParamsSpec;
		expect(readParams(aliased, '?window=5')).toEqual({ params: { windowDays: 5 }, problems: [] });
		expect(readParams(aliased, '?window=5&windowDays=7').params).toEqual({ windowDays: 7 });
		expect(writeParams(aliased, { windowDays: 5 })).toBe('windowDays=5');
	});
});

describe('readFieldInput', () => {
	const seedSpec = spec.seed;
	test('one rule for every number field: a message and the value kept, never a silent 0', () => {
		expect(readFieldInput(seedSpec, '', 42)).toEqual({
			message: 'Seed must be a whole number from 0 to 2147483647; kept 42.',
		});
		expect(readFieldInput(seedSpec, '1.5', 42)).toHaveProperty('message');
		expect(readFieldInput(seedSpec, '-1', 42)).toHaveProperty('message');
		expect(readFieldInput(spec.learningRate, 'abc', 0.03)).toEqual({
			message: 'Learning rate must be a number from 0.00001 to 10; kept 0.03.',
		});
		expect(readFieldInput(seedSpec, ' 7 ', 42)).toEqual({ value: 7 });
		expect(readFieldInput(spec.learningRate, '0', 0.03)).toHaveProperty('message');
	});
});
