import { describe, expect, test } from 'vitest';
import {
	churnSchema,
	createRng,
	createWorld,
	describeAnomalies,
	generateDay,
	percentageAsString,
	relaxSchema,
	sixDigits,
	validateExamples,
	type DataSchema,
} from '@sim/index';

const rowsOf = (day: number, drift = {}) =>
	generateDay(createWorld(), day, drift, createRng(7)).map((r) => ({
		...r.features,
		churned: r.churned,
	}));

describe('TFDV anomalies, translated from tensorflow/data-validation', () => {
	// validation_api_test.py, test_validate_stats_with_environment: the label column absent.
	test('a schema column absent from the data is SCHEMA_MISSING_COLUMN, "Column dropped"', () => {
		const schema: DataSchema = {
			features: [
				{ name: 'label', type: 'BYTES', minFractionPresent: 1 },
				{ name: 'feature', type: 'BYTES', minFractionPresent: 1 },
			],
		};
		const report = validateExamples([{ feature: 'a' }, { feature: 'b' }], schema);
		expect(report.blessed).toBe(false);
		expect(report.anomalies).toEqual([
			{
				feature: 'label',
				type: 'SCHEMA_MISSING_COLUMN',
				shortDescription: 'Column dropped',
				description: 'Column is completely missing',
				severity: 'ERROR',
			},
		]);
	});

	// validation_api_test.py: a value outside the enum's domain; 1 unknown value among present
	// ones. TFDV prints "(?)" there because its test statistics carry no value counts; we always
	// have counts, so the share is printed as PercentageAsString does.
	test('a value outside the domain is ENUM_TYPE_UNEXPECTED_STRING_VALUES', () => {
		const schema: DataSchema = {
			features: [
				{ name: 'annotated_enum', type: 'BYTES', minFractionPresent: 0, domain: ['A', 'B', 'C'] },
			],
		};
		const rows = [...'AABBCCA'].map((v) => ({ annotated_enum: v }));
		rows.push({ annotated_enum: 'D' });
		const [anomaly] = validateExamples(rows, schema).anomalies;
		expect(anomaly).toMatchObject({
			type: 'ENUM_TYPE_UNEXPECTED_STRING_VALUES',
			shortDescription: 'Unexpected string values',
			description: 'Examples contain values missing from the schema: D (~12%). ',
		});
	});

	// string_domain_util.cc, PercentageAsString.
	test('shares are floored, "<1%" below one per cent and "?" without a total', () => {
		expect(percentageAsString(1, 8)).toBe('~12%');
		expect(percentageAsString(1, 200)).toBe('<1%');
		expect(percentageAsString(1, null)).toBe('?');
		expect(percentageAsString(1, 0)).toBe('?');
	});

	// float_domain_test.cc: domain min 3 max 5; values 3.5–4.5 pass, a minimum of 2.5 is "low".
	test('float domains: in range passes, below min is FLOAT_TYPE_SMALL_FLOAT', () => {
		const schema: DataSchema = {
			features: [{ name: 'x', type: 'FLOAT', minFractionPresent: 0, min: 3, max: 5 }],
		};
		expect(validateExamples([{ x: 3.5 }, { x: 4.5 }], schema).blessed).toBe(true);
		const [low] = validateExamples([{ x: 2.5 }, { x: 4.5 }], schema).anomalies;
		expect(low).toMatchObject({
			type: 'FLOAT_TYPE_SMALL_FLOAT',
			shortDescription: 'Out-of-range values',
			description: 'Unexpectedly low values: 2.5<3(upto six significant digits)',
		});
	});

	// feature_util.cc: presence.min_fraction, both of its messages.
	test('too many missing values is FEATURE_TYPE_LOW_FRACTION_PRESENT', () => {
		const schema: DataSchema = {
			features: [
				{ name: 'a', type: 'INT', minFractionPresent: 0.9 },
				{ name: 'b', type: 'INT', minFractionPresent: 1 },
			],
		};
		const rows = [
			{ a: 1, b: 1 },
			{ a: null, b: Number.NaN },
			{ a: 1, b: 1 },
			{ a: 1, b: 1 },
		];
		expect(validateExamples(rows, schema).anomalies.map((a) => a.description)).toEqual([
			'The feature was present in fewer examples than expected: minimum fraction = 0.900000, actual = 0.750000',
			'The feature was expected everywhere, but was missing in 1 examples.',
		]);
	});

	test('new columns and wrongly typed values are named too', () => {
		const schema: DataSchema = { features: [{ name: 'n', type: 'INT', minFractionPresent: 0 }] };
		const types = validateExamples([{ n: 1 }, { n: 'one', extra: 1 }], schema).anomalies.map(
			(a) => a.type,
		);
		expect(types).toEqual(['SCHEMA_NEW_COLUMN', 'UNEXPECTED_DATA_TYPE']);
	});

	test('absl::SixDigits formatting', () => {
		expect(sixDigits(2567.891)).toBe('2567.89');
		expect(sixDigits(500)).toBe('500');
	});
});

describe('the churn schema on the shared world', () => {
	test('a clean day and a day of harmless drift pass', () => {
		expect(validateExamples(rowsOf(3), churnSchema).blessed).toBe(true);
		const drifted = rowsOf(3, { features: { discountPercent: { shift: 9 } } });
		expect(validateExamples(drifted, churnSchema).blessed).toBe(true);
	});

	test('euros to cents breaks the monthly-charge range and names it', () => {
		const report = validateExamples(
			rowsOf(3, { unitChanges: { monthlyCharge: 100 } }),
			churnSchema,
		);
		expect(report.anomalies.map((a) => [a.feature, a.type])).toEqual([
			['monthlyCharge', 'FLOAT_TYPE_BIG_FLOAT'],
		]);
		expect(describeAnomalies(report)).toMatch(
			/^FLOAT_TYPE_BIG_FLOAT on monthlyCharge: Unexpectedly high value: \d+(\.\d+)?>500\(upto six significant digits\)$/,
		);
	});

	test('an unseen category and a null rate above 2 % are caught; a relaxed schema accepts them', () => {
		const drift = {
			unseenCategory: { feature: 'plan' as const, value: 'unknown', rate: 0.1 },
			missingRates: { region: 0.1 },
		};
		const rows = rowsOf(3, drift);
		const types = validateExamples(rows, churnSchema).anomalies.map(
			(a) => `${a.feature} ${a.type}`,
		);
		expect(types).toEqual([
			'plan ENUM_TYPE_UNEXPECTED_STRING_VALUES',
			'region FEATURE_TYPE_LOW_FRACTION_PRESENT',
		]);
		const relaxed = relaxSchema(churnSchema, {
			plan: { addDomainValues: ['unknown'] },
			region: { minFractionPresent: 0.8 },
		});
		expect(validateExamples(rows, relaxed).blessed).toBe(true);
	});

	test('an extract that is too small is a dataset anomaly', () => {
		const report = validateExamples(rowsOf(3).slice(0, 10), churnSchema, { minExamples: 200 });
		expect(report.anomalies[0]).toMatchObject({ feature: '', type: 'DATASET_LOW_NUM_EXAMPLES' });
	});
});
