/**
 * Chart maths shared by the presentational chart components: padded extents, nice linear
 * scales with ticks, band positions, line paths and number formatting. Pure functions, so they
 * are unit-tested in Node and the components hold no maths.
 *
 * Key decision: the scales, their ticks and the line path are written here, giving what d3-scale,
 * d3-array and d3-shape give (the unit tests compare them), rather than imported: every lab page
 * would otherwise download interpolators, colour parsing and format machinery it never uses.
 */
import { formatNumber } from './number-format';

// Above these ratios of a raw step to its power of ten, the step rounds up to 10, 5 or 2 of that
// power: the geometric means between 1, 2, 5 and 10, so a step goes to the nearest nice value.
const toTen = Math.sqrt(50);
const toFive = Math.sqrt(10);
const toTwo = Math.sqrt(2);

/**
 * Nice ticks from `start` to `stop` (start ≤ stop), about `count` of them: the first and last
 * tick as whole multiples of the step, and the step. A negative step `-k` stands for 1/k, so
 * ticks such as 0.1 are computed as 1 / 10 and come out exact.
 */
function tickPlan(start: number, stop: number, count: number): [number, number, number] {
	const raw = (stop - start) / Math.max(0, count);
	const power = Math.floor(Math.log10(raw));
	const ratio = raw / Math.pow(10, power);
	const factor = ratio >= toTen ? 10 : ratio >= toFive ? 5 : ratio >= toTwo ? 2 : 1;
	let first: number;
	let last: number;
	let step: number;
	if (power < 0) {
		const perUnit = Math.pow(10, -power) / factor;
		first = Math.round(start * perUnit);
		last = Math.round(stop * perUnit);
		if (first / perUnit < start) first += 1;
		if (last / perUnit > stop) last -= 1;
		step = -perUnit;
	} else {
		step = Math.pow(10, power) * factor;
		first = Math.round(start / step);
		last = Math.round(stop / step);
		if (first * step < start) first += 1;
		if (last * step > stop) last -= 1;
	}
	// Too few ticks asked for to fit one: ask for twice as many.
	if (last < first && count >= 0.5 && count < 2) return tickPlan(start, stop, count * 2);
	return [first, last, step];
}

/** About `count` nice, evenly spaced values between `start` and `stop` (in their order). */
export function ticks(start: number, stop: number, count: number): number[] {
	if (!(count > 0)) return [];
	if (start === stop) return [start];
	const reversed = stop < start;
	const [first, last, step] = reversed
		? tickPlan(stop, start, count)
		: tickPlan(start, stop, count);
	if (!(last >= first)) return [];
	const values = new Array<number>(last - first + 1);
	for (let i = 0; i < values.length; i++) {
		// Reversed ranges count down from the last multiple, as d3 does, so even zero's sign matches.
		const multiple = reversed ? last - i : first + i;
		values[i] = step < 0 ? multiple / -step : multiple * step;
	}
	return values;
}

/** The tick step for about `count` ticks from `start` to `stop` (negative: 1 / −step). */
function tickStep(start: number, stop: number, count: number): number {
	return tickPlan(start, stop, count)[2];
}

/**
 * Widens [start, stop] outwards to whole tick steps, until the step stops changing. An end that
 * is already on a step stays put even when dividing by the step rounds it a hair past the step.
 */
export function nice(start: number, stop: number, count: number): [number, number] {
	let previous: number | undefined;
	for (;;) {
		const step = tickStep(start, stop, count);
		if (step === previous || step === 0 || !Number.isFinite(step)) return [start, stop];
		if (step > 0) {
			const low = Math.ceil(start / step);
			const high = Math.floor(stop / step);
			// Adding 0 rather than keeping `low` turns −0 into 0, as d3 does.
			start = (low - (low * step > start ? 1 : 0)) * step;
			stop = (high + (high * step < stop ? 1 : 0)) * step;
		} else {
			const perUnit = -step;
			const low = Math.ceil(start * perUnit);
			const high = Math.floor(stop * perUnit);
			start = (low - (low / perUnit > start ? 1 : 0)) / perUnit;
			stop = (high + (high / perUnit < stop ? 1 : 0)) / perUnit;
		}
		previous = step;
	}
}

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

/**
 * Tick values and their labels for an axis. A percentage axis (`.N%`) gets as many decimals as its
 * tick step needs, as d3's `tickFormat` gives a percentage specifier without a precision: on a
 * narrow range (a success rate between 99 % and 100 %, ticks every 0.2 %) `.0%` alone would label
 * neighbouring ticks alike ("100% 100% 99%").
 */
export function axisTicks(
	scale: LinearScale,
	count = 5,
	specifier?: string,
): { value: number; label: string }[] {
	const ticks = scale.ticks(count);
	const formatter = formatNumber(
		percentForStep(specifier, ticks) ??
			specifier ??
			(scale.domain().some((d) => Math.abs(d) >= 1000) ? '~s' : '~g'),
	);
	return ticks.map((value) => ({ value, label: formatter(value) }));
}

/** `.N%` widened to the decimals the ticks' step needs (d3's precisionFixed(step) − 2), or null. */
function percentForStep(specifier: string | undefined, ticks: readonly number[]): string | null {
	const decimals = /^\.(\d+)%$/.exec(specifier ?? '')?.[1];
	const [first, second] = ticks;
	if (decimals === undefined || first === undefined || second === undefined) return null;
	// The step as the ticks were made (12 digits drop the float noise of the subtraction).
	const step = Math.abs(Number((second - first).toPrecision(12)));
	if (step === 0) return null;
	const needed = Math.max(0, -Math.floor(Math.log10(step)) - 2);
	return `.${Math.max(Number(decimals), needed)}%`;
}

// The two formats tables use live with the formatter, so a lab that shows numbers but no chart yet
// loads them without the scale code.
export { formatMetric, formatPercent } from './number-format';
