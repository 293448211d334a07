/**
 * Durations as Argo Rollouts reads them. An analysis metric's `interval` and `initialDelay` are
 * Go duration strings ("30s", "1m30s", "1.5h"), parsed by Go's `time.ParseDuration`; a canary
 * `pause.duration` is an int-or-string where a bare number (or a string of digits) means seconds
 * and anything else goes through the same parser, truncated to whole seconds. The key decision
 * is to reproduce Go's grammar and its error wording, because the lab shows learners the message
 * the real tool would give for "60s-typo" or "60".
 */

/** An invalid Go duration string, with Go's own message, e.g. `time: missing unit in duration "60"`. */
export class DurationError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'DurationError';
	}
}

// Go's unit table, in nanoseconds. Both spellings of micro (U+00B5 and U+03BC) are accepted.
const unitNanoseconds: Record<string, number> = {
	ns: 1,
	us: 1e3,
	'\u00b5s': 1e3,
	'\u03bcs': 1e3,
	ms: 1e6,
	s: 1e9,
	m: 60e9,
	h: 3600e9,
};

// Go quotes the offending text with strconv.Quote; JSON string quoting matches it for the
// printable text a learner types.
const quote = (text: string) => JSON.stringify(text);

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * Parses a Go duration string into milliseconds (fractional for sub-millisecond units), or
 * throws a DurationError worded as Go's `time.ParseDuration` words it.
 */
export function parseGoDuration(text: string): number {
	const invalid = () => new DurationError(`time: invalid duration ${quote(text)}`);
	let rest = text;
	let negative = false;
	if (rest.startsWith('-') || rest.startsWith('+')) {
		negative = rest.startsWith('-');
		rest = rest.slice(1);
	}
	// "0" is the one number Go accepts without a unit.
	if (rest === '0') return 0;
	if (rest === '') throw invalid();
	let totalNs = 0;
	while (rest !== '') {
		// The number: digits, optionally a fraction; at least one digit on either side of the dot.
		let i = 0;
		while (isDigit(rest[i])) i++;
		const whole = rest.slice(0, i);
		let fraction = '';
		if (rest[i] === '.') {
			const start = ++i;
			while (isDigit(rest[i])) i++;
			fraction = rest.slice(start, i);
		}
		if (whole === '' && fraction === '') throw invalid();
		rest = rest.slice(i);
		// The unit: everything up to the next dot or digit.
		let j = 0;
		while (j < rest.length && rest[j] !== '.' && !isDigit(rest[j])) j++;
		if (j === 0) throw new DurationError(`time: missing unit in duration ${quote(text)}`);
		const unit = rest.slice(0, j);
		const scale = unitNanoseconds[unit];
		if (scale === undefined) {
			throw new DurationError(`time: unknown unit ${quote(unit)} in duration ${quote(text)}`);
		}
		rest = rest.slice(j);
		totalNs += Number(`${whole || '0'}.${fraction || '0'}`) * scale;
		// Go rejects anything past the int64 nanosecond range (about 292 years).
		if (totalNs > 2 ** 63 - 1) throw invalid();
	}
	const ms = totalNs / 1e6;
	return negative ? -ms : ms;
}

/** Parses a Go duration, returning its milliseconds or Go's error message instead of throwing. */
export function tryParseGoDuration(
	text: string,
): { ok: true; ms: number } | { ok: false; message: string } {
	try {
		return { ok: true, ms: parseGoDuration(text) };
	} catch (error) {
		return { ok: false, message: (error as Error).message };
	}
}

/**
 * The seconds of a canary `pause.duration` as Argo computes them (`RolloutPause.DurationSeconds`):
 * a number is seconds; a string of digits is seconds; any other string is a Go duration
 * truncated to whole seconds; an unparsable string gives -1, which validation then rejects.
 * `undefined` (a bare `pause: {}`) gives 0 here; callers treat it as an indefinite pause.
 */
export function pauseDurationSeconds(duration: number | string | undefined): number {
	if (duration === undefined) return 0;
	if (typeof duration === 'number') return Math.trunc(duration);
	if (/^[+-]?\d+$/.test(duration)) return Number.parseInt(duration, 10);
	const parsed = tryParseGoDuration(duration);
	return parsed.ok ? Math.trunc(parsed.ms / 1000) : -1;
}

/** Formats milliseconds the way Go prints a duration ("1m30s", "500ms", "0s"), for labels. */
export function formatGoDuration(ms: number): string {
	if (ms === 0) return '0s';
	const sign = ms < 0 ? '-' : '';
	let rest = Math.abs(ms);
	if (rest < 1000) return `${sign}${rest}ms`;
	const hours = Math.floor(rest / 3_600_000);
	rest -= hours * 3_600_000;
	const minutes = Math.floor(rest / 60_000);
	rest -= minutes * 60_000;
	const seconds = rest / 1000;
	let out = sign;
	if (hours > 0) out += `${hours}h`;
	if (hours > 0 || minutes > 0) out += `${minutes}m`;
	return `${out}${seconds}s`;
}
