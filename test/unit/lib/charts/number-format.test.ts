import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { format } from 'd3-format';
import { formatCount, formatNumber } from '@/lib/charts/number-format';

// The charts' formats are written out (no d3-format on lab pages); d3-format is the specification.
describe('formatNumber agrees with d3-format', () => {
	const specifiers = ['~g', '~s', '.3~r', '.2~r', '.1~r', '.6~r', '.0%', '.1%', '.2%'];
	const values = fc.oneof(
		fc.double({ noNaN: false }),
		fc.double({ min: -1e-6, max: 1e-6 }),
		fc.double({ min: -2, max: 2 }),
		fc.integer({ min: -1e7, max: 1e7 }),
		fc.constantFrom(0, -0, 1e-30, -1e-27, 999.9995, 0.0005, 1e21, 123456789, 0.99995),
	);

	test.each(specifiers)('"%s" over many values', (specifier) => {
		const ours = formatNumber(specifier);
		const theirs = format(specifier);
		fc.assert(
			fc.property(values, (value) => {
				expect(ours(value)).toBe(theirs(value));
			}),
			{ numRuns: 4000 },
		);
	});

	test('a few values written out', () => {
		expect(formatNumber('~s')(12_500)).toBe('12.5k');
		expect(formatNumber('~g')(-0.25)).toBe('−0.25');
		expect(formatNumber('.3~r')(0.83333)).toBe('0.833');
		expect(formatNumber('.1%')(0.1234)).toBe('12.3%');
		expect(formatNumber('.3~r')(-0.0001)).toBe('−0.0001');
	});

	test('an unsupported specifier is refused, not formatted differently', () => {
		expect(() => formatNumber(',.2f')).toThrow(/Unsupported number format/);
	});
});

// Whole numbers in the labs' sentences: toLocaleString('en') is the specification.
describe('formatCount agrees with toLocaleString("en")', () => {
	test('over many whole numbers', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
				(n) => {
					expect(formatCount(n)).toBe(n.toLocaleString('en'));
				},
			),
			{ numRuns: 4000 },
		);
		for (const n of [0, 7, 999, 1000, 15_000, -1234, 1_000_000, 123_456_789]) {
			expect(formatCount(n)).toBe(n.toLocaleString('en'));
		}
	});
});
