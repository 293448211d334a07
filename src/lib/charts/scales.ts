/**
 * Chart maths shared by the presentational chart components: padded extents, nice linear
 * scales with ticks, band positions, line paths and number formatting. Pure functions, so they
 * are unit-tested in Node and the components hold no maths.
 *
 * Key decision: the scales and the line path are written here over d3-array's `nice` and `ticks`
 * (the same rounding d3-scale uses) rather than imported from d3-scale and d3-shape, whose
 * interpolators and colour parsing the labs never use but every lab page would download.
 */
import { nice, ticks } from 'd3-array';
import { format } from 'd3-format';

/** A linear map from a domain onto a range, with nice ticks. */
export interface LinearScale {
	(value: number): number;
	domain(): [number, number];
	range(): [number, number];
	ticks(count?: number): number[];
}

/** A linear scale over `domain` onto `range` (no rounding of the domain). */
export function linearScale(domain: [number, number], range: [number, number]): LinearScale {
	const [d0, d1] = domain;
	const [r0, r1] = range;
	// A zero-width domain maps everything to the middle of the range, as d3 does.
	const scale = ((value: number) =>
		r0 + (d1 === d0 ? 0.5 : (value - d0) / (d1 - d0)) * (r1 - r0)) as LinearScale;
	scale.domain = () => [d0, d1];
	scale.range = () => [r0, r1];
	scale.ticks = (count = 10) => ticks(d0, d1, count);
	return scale;
}

/** The even bands of a band scale (d3's `scaleBand` with inner padding, no outer padding). */
export function bandScale(
	keys: readonly string[],
	range: [number, number],
	paddingInner: number,
): { at(key: string): number | undefined; bandwidth: number } {
	const [start, stop] = range;
	const step = (stop - start) / Math.max(1, keys.length - paddingInner);
	const index = new Map(keys.map((key, i) => [key, i]));
	return {
		at: (key) => {
			const i = index.get(key);
			return i === undefined ? undefined : start + step * i;
		},
		bandwidth: step * (1 - paddingInner),
	};
}

/**
 * An SVG path through the points, broken where a point is missing (`null`), as a line chart
 * with gaps draws it. Coordinates are rounded to three decimals.
 */
export function linePath(points: readonly ({ x: number; y: number } | null)[]): string {
	const round = (n: number) => Math.round(n * 1000) / 1000;
	let path = '';
	let segment = 0;
	// A segment of one point is closed on itself ("Z"), as d3's linear curve does.
	const end = () => {
		if (segment === 1) path += 'Z';
		segment = 0;
	};
	for (const point of points) {
		if (point === null) {
			end();
			continue;
		}
		path += `${segment === 0 ? 'M' : 'L'}${round(point.x)},${round(point.y)}`;
		segment++;
	}
	end();
	return path;
}

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
export function niceLinear(domain: [number, number], range: [number, number]): LinearScale {
	const [start, stop] = nice(domain[0], domain[1], 10);
	return linearScale([start, stop], range);
}

/** Tick values and their labels for an axis. */
export function axisTicks(
	scale: LinearScale,
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
