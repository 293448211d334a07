// Go duration strings as Argo Rollouts parses them (time.ParseDuration), and pause durations
// (argoproj/argo-rollouts pkg/apis/rollouts/v1alpha1/types.go RolloutPause.DurationSeconds).
// Cases follow Go's own src/time/time_test.go parseDurationTests where noted.
import { describe, expect, test } from 'vitest';
import {
	formatGoDuration,
	parseGoDuration,
	pauseDurationSeconds,
	tryParseGoDuration,
} from '@sim/deployment/duration.model';

describe('parseGoDuration', () => {
	test.each([
		['0', 0],
		['5s', 5_000],
		['30s', 30_000],
		['1478s', 1_478_000],
		['-5s', -5_000],
		['+5s', 5_000],
		['5.0s', 5_000],
		['5.6s', 5_600],
		['5.s', 5_000],
		['.5s', 500],
		['1.004s', 1_004],
		['10ms', 10],
		['11us', 0.011],
		['12µs', 0.012],
		['12μs', 0.012],
		['13ns', 0.000013],
		['14s', 14_000],
		['15m', 900_000],
		['16h', 57_600_000],
		['3h30m', 12_600_000],
		['10.5s4m', 250_500],
		['1h2m3s4ms', 3_723_004],
	])('%s → %d ms (go: parseDurationTests)', (text, ms) => {
		expect(parseGoDuration(text)).toBeCloseTo(ms, 9);
	});

	test.each([
		['', 'time: invalid duration ""'],
		['3', 'time: missing unit in duration "3"'],
		['60', 'time: missing unit in duration "60"'],
		['-', 'time: invalid duration "-"'],
		['s', 'time: invalid duration "s"'],
		['.', 'time: invalid duration "."'],
		['-.', 'time: invalid duration "-."'],
		['.s', 'time: invalid duration ".s"'],
		['+.s', 'time: invalid duration "+.s"'],
		['3000000h', 'time: invalid duration "3000000h"'],
		['60s-typo', 'time: unknown unit "s-typo" in duration "60s-typo"'],
		['1d', 'time: unknown unit "d" in duration "1d"'],
	])('%j is rejected with Go’s message', (text, message) => {
		expect(tryParseGoDuration(text)).toEqual({ ok: false, message });
	});
});

describe('pauseDurationSeconds (argo: RolloutPause.DurationSeconds)', () => {
	test('numbers and digit strings are seconds; other strings are Go durations', () => {
		expect(pauseDurationSeconds(undefined)).toBe(0);
		expect(pauseDurationSeconds(30)).toBe(30);
		expect(pauseDurationSeconds('30')).toBe(30);
		expect(pauseDurationSeconds('1m')).toBe(60);
		expect(pauseDurationSeconds('1.9s')).toBe(1);
		expect(pauseDurationSeconds('1 hour')).toBe(-1);
	});
});

test('formatGoDuration writes what Go would print', () => {
	expect(formatGoDuration(0)).toBe('0s');
	expect(formatGoDuration(500)).toBe('500ms');
	expect(formatGoDuration(90_000)).toBe('1m30s');
	expect(formatGoDuration(3_600_000)).toBe('1h0m0s');
	expect(formatGoDuration(12_600_000)).toBe('3h30m0s');
});
