/**
 * Histograms for the monitoring view: reference and current proportions of one feature over
 * shared bins, computed where the data is (the lab's worker), so the page only draws them.
 */
import { categoricalFeatures, isNumericFeature, type FeatureName } from '../world/world.model';

/** Reference and current proportions over shared bins, for one feature's histogram. */
export interface FeatureHistogram {
	readonly feature: FeatureName;
	readonly bins: readonly string[];
	readonly reference: readonly number[];
	readonly current: readonly number[];
}

// Short bin labels keep a phone-width axis readable: whole numbers once bins are wide.
const binLabel = (value: number, width: number) =>
	width >= 2 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);

/**
 * Bins a numeric feature on ten equal-width bins between the reference's smallest value and its
 * 99th percentile, the last bin open-ended, so a unit change shows as a pile-up in the last bin
 * instead of stretching the axis until the reference disappears. Categories get one bin each,
 * values the reference never had included.
 */
export function featureHistogram(
	feature: FeatureName,
	reference: readonly number[] | readonly string[],
	current: readonly number[] | readonly (string | null)[],
): FeatureHistogram {
	const proportions = (counts: number[], total: number) =>
		counts.map((c) => (total === 0 ? 0 : c / total));
	if (isNumericFeature(feature)) {
		const ref = Float64Array.from(reference as readonly number[]).sort();
		const low = ref[0] ?? 0;
		const high = ref[Math.min(ref.length - 1, Math.floor(0.99 * ref.length))] ?? 1;
		const bins = 10;
		const width = (high - low) / bins || 1;
		const count = (values: readonly number[] | Float64Array) => {
			const counts = new Array<number>(bins).fill(0);
			for (const v of values) {
				const k = Math.min(bins - 1, Math.max(0, Math.floor((v - low) / width)));
				counts[k] = (counts[k] ?? 0) + 1;
			}
			return counts;
		};
		const currentValues = current as readonly number[];
		return {
			feature,
			bins: Array.from({ length: bins }, (_, k) =>
				k === bins - 1
					? `≥ ${binLabel(low + k * width, width)}`
					: `${binLabel(low + k * width, width)}–${binLabel(low + (k + 1) * width, width)}`,
			),
			reference: proportions(count(ref), ref.length),
			current: proportions(count(currentValues), currentValues.length),
		};
	}
	const known = [...(categoricalFeatures[feature] as readonly string[])];
	const seen = (current as readonly (string | null)[]).filter((v): v is string => v !== null);
	const keys = [...known, ...new Set(seen.filter((v) => !known.includes(v)))];
	const count = (values: readonly string[]) => {
		const counts = new Array<number>(keys.length).fill(0);
		for (const v of values) {
			const k = keys.indexOf(v);
			counts[k] = (counts[k] ?? 0) + 1;
		}
		return counts;
	};
	return {
		feature,
		bins: keys,
		reference: proportions(count(reference as readonly string[]), reference.length),
		current: proportions(count(seen), seen.length),
	};
}
