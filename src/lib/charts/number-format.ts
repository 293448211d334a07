/**
 * The four number formats the charts and lab tables use, written out so a lab page does not
 * download d3-format's specifier parser, locales, padding and grouping (about 2 KiB gzip on every
 * lab page) for them. Each gives exactly what d3-format gives for the same specifier, which the
 * unit tests check against d3-format itself over many values:
 *
 * - `~g`: six significant digits, insignificant zeros trimmed (exponent form for tiny numbers);
 * - `~s`: six significant digits with an SI prefix (k, M, µ…), zeros trimmed;
 * - `.N~r`: N significant digits in plain decimal notation, zeros trimmed;
 * - `.N%`: a percentage with N decimals.
 *
 * Negative numbers get the typographic minus (−), and a negative number that rounds to zero loses
 * its sign, as in d3-format.
 */

const minus = '\u2212';
const siPrefixes = [
	'y',
	'z',
	'a',
	'f',
	'p',
	'n',
	'µ',
	'm',
	'',
	'k',
	'M',
	'G',
	'T',
	'P',
	'E',
	'Z',
	'Y',
];

/**
 * Significant digits of `x` (> 0, finite) rounded to `digits` (0: as many as it takes), and the
 * power of ten of the first one.
 */
function significand(x: number, digits: number): { digits: string; power: number } {
	const text = digits > 0 ? x.toExponential(digits - 1) : x.toExponential();
	const e = text.indexOf('e');
	return { digits: text.slice(0, e).replace('.', ''), power: Number(text.slice(e + 1)) };
}

/** `x` (> 0, finite) at `precision` significant digits in plain decimal notation. */
function rounded(x: number, precision: number): string {
	const { digits, power } = significand(x, precision);
	return placeDecimal(digits, power);
}

/** Plain decimal notation from significant digits and the power of ten of the first one. */
function placeDecimal(digits: string, power: number): string {
	if (power < 0) return `0.${'0'.repeat(-power - 1)}${digits}`;
	if (digits.length > power + 1) return `${digits.slice(0, power + 1)}.${digits.slice(power + 1)}`;
	return digits + '0'.repeat(power + 1 - digits.length);
}

/** Drops trailing zeros after the decimal point (and the point itself), before any exponent. */
function trimZeros(text: string): string {
	return text.replace(/\.(\d*?)0+(?=e|$)/, (_, kept: string) => (kept ? `.${kept}` : ''));
}

/** `x` (≥ 0, finite) with an SI prefix, at `precision` significant digits, untrimmed. */
function withSiPrefix(x: number, precision: number): [string, string] {
	if (x === 0) return [x.toPrecision(precision), ''];
	const { digits, power } = significand(x, precision);
	const group = Math.max(-8, Math.min(8, Math.floor(power / 3)));
	const point = power - group * 3 + 1;
	const prefix = siPrefixes[8 + group] ?? '';
	if (point > 0) return [placeDecimal(digits, point - 1), prefix];
	// Below 1 yocto: the digits shift right of the point, keeping `precision` significant digits.
	const shifted = significand(x, Math.max(0, precision + point - 1)).digits;
	return [`0.${'0'.repeat(-point)}${shifted}`, prefix];
}

/**
 * A formatter for one of the specifiers above. Other specifiers are a programming error, so they
 * throw rather than silently format differently from what the chart asked for.
 */
export function formatNumber(specifier: string): (value: number) => string {
	const parsed = /^(?:\.(\d+))?(~?)([gsr%])$/.exec(specifier);
	if (!parsed) throw new Error(`Unsupported number format "${specifier}".`);
	const [, precisionText, trim, type] = parsed;
	const fixed = type === '%';
	const precision =
		precisionText === undefined
			? 6
			: fixed
				? Math.min(20, Number(precisionText))
				: Math.max(1, Math.min(21, Number(precisionText)));
	return (value) => {
		if (Number.isNaN(value)) return fixed ? 'NaN%' : 'NaN';
		const magnitude = Math.abs(value);
		let body: string;
		let suffix = '';
		if (!Number.isFinite(magnitude)) body = 'Infinity';
		else if (type === 'g') body = magnitude.toPrecision(precision);
		else if (type === 's') [body, suffix] = withSiPrefix(magnitude, precision);
		else if (type === 'r') body = magnitude === 0 ? '0' : rounded(magnitude, precision);
		else body = (magnitude * 100).toFixed(precision);
		if (trim) body = trimZeros(body);
		if (fixed) suffix = '%';
		const negative = (value < 0 || Object.is(value, -0)) && Number(body) !== 0;
		return `${negative ? minus : ''}${body}${suffix}`;
	};
}

/** Formats a metric for tables and live regions: 3 significant digits, '—' for missing. */
export function formatMetric(value: number | null | undefined, digits = 3): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '—';
	return formatNumber(`.${digits}~r`)(value);
}

/** Formats a proportion as a percentage with one decimal. */
export function formatPercent(value: number | null | undefined): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '—';
	return formatNumber('.1%')(value);
}

/**
 * A whole number with thousands separators, as `toLocaleString('en')` writes it ("15,000").
 * Written out because a page's first `toLocaleString` loads the browser's locale data: 35–80 ms
 * of main-thread work on a desktop (four times that on Lighthouse's phone), spent by whichever
 * lab text asks first, at hydration.
 */
export function formatCount(value: number): string {
	if (!Number.isSafeInteger(value)) return String(value);
	const digits = String(Math.abs(value)).replace(/\B(?=(\d{3})+$)/g, ',');
	return value < 0 ? `-${digits}` : digits;
}
