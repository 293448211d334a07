/**
 * Chart maths shared by the presentational chart components: padded extents, nice linear
 * scales with ticks, and number formatting. Pure functions over d3-scale and d3-format, so
 * they are unit-tested in Node and the components hold no maths.
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { format } from 'd3-format';

/** Inner drawing area of a chart after margins. */
export interface ChartBox {
	width: number;
	height: number;
	margin: { top: number; right: number; bottom: number; left: number };
}

/** The [min, max] of finite values, widened when all values are equal; a fallback when empty. */
export function finiteExtent(
	values: readonly number[],
	fallback: [number, number] = [0, 1],
): [number, number] {
	let min = Infinity;
	let max = -Infinity;
	for (const v of values) {
		if (!Number.isFinite(v)) continue;
		if (v < min) min = v;
		if (v > max) max = v;
	}
	if (min === Infinity) return fallback;
	if (min === max) return [min - (Math.abs(min) || 1) * 0.5, max + (Math.abs(max) || 1) * 0.5];
	return [min, max];
}

/** A linear scale over `domain` onto [start, end], rounded to nice tick values. */
export function niceLinear(
	domain: [number, number],
	range: [number, number],
): ScaleLinear<number, number> {
	return scaleLinear().domain(domain).range(range).nice();
}

/** Tick values and their labels for an axis. */
export function axisTicks(
	scale: ScaleLinear<number, number>,
	count = 5,
	specifier?: string,
): { value: number; label: string }[] {
	const formatter = format(
		specifier ?? (scale.domain().some((d) => Math.abs(d) >= 1000) ? '~s' : '~g'),
	);
	return scale.ticks(count).map((value) => ({ value, label: formatter(value) }));
}

/** Formats a metric for tables and live regions: 3 significant digits, '—' for missing. */
export function formatMetric(value: number | null | undefined, digits = 3): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '—';
	return format(`.${digits}~r`)(value);
}

/** Formats a proportion as a percentage with one decimal. */
export function formatPercent(value: number | null | undefined): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '—';
	return format('.1%')(value);
}
