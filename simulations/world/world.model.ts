/**
 * The one synthetic world every lab shares: subscribers of a streaming-style service, each
 * described by eight numeric and three categorical features, and the binary label "churns
 * within 30 days". A hidden logistic rule (with one interaction, so a small network can beat a
 * linear model) decides each subscriber's churn probability; the label is drawn from it and
 * then flipped with a little label noise, as real labels are.
 *
 * Key design decision: drift is a plain data object applied at generation time, in a fixed
 * order that mirrors the real causes — who the subscribers are (covariate drift), how they
 * behave (concept drift: changed coefficients), how many churn (prior drift, by resampling
 * each class so P(x | y) is unchanged), and finally what the pipeline does to the data
 * (quality faults after labelling, so the truth is untouched). Each day draws from its own
 * split stream, so day 30 is the same whether or not days 1–29 were generated.
 */
import { createRng, type Rng } from '../shared/rng';
import { hashValue } from '../shared/hash';

/** The numeric features, in encoding order. */
export const numericFeatures = [
	'tenureMonths',
	'monthlyCharge',
	'supportTickets',
	'usageHoursPerWeek',
	'daysSinceLastLogin',
	'discountPercent',
	'seats',
	'latePayments',
] as const;

/** A numeric feature's name. */
export type NumericFeature = (typeof numericFeatures)[number];

/** The categorical features and their known values, in encoding order. */
export const categoricalFeatures = {
	plan: ['basic', 'standard', 'premium'],
	region: ['north', 'south', 'east', 'west'],
	paymentMethod: ['card', 'invoice', 'paypal'],
} as const;

/** A categorical feature's name. */
export type CategoricalFeature = keyof typeof categoricalFeatures;

/** The categorical features' names, in encoding order (object keys keep insertion order). */
export const categoricalFeatureNames = Object.keys(categoricalFeatures) as CategoricalFeature[];

/** Any feature's name. */
export type FeatureName = NumericFeature | CategoricalFeature;

/** Plain-language descriptions for labels and tables. */
export const featureInfo: Record<FeatureName, { label: string; unit: string }> = {
	tenureMonths: { label: 'Tenure', unit: 'months' },
	monthlyCharge: { label: 'Monthly charge', unit: '€' },
	supportTickets: { label: 'Support tickets', unit: 'last 90 days' },
	usageHoursPerWeek: { label: 'Usage', unit: 'hours per week' },
	daysSinceLastLogin: { label: 'Days since last login', unit: 'days' },
	discountPercent: { label: 'Discount', unit: '%' },
	seats: { label: 'Seats', unit: 'users' },
	latePayments: { label: 'Late payments', unit: 'last year' },
	plan: { label: 'Plan', unit: '' },
	region: { label: 'Region', unit: '' },
	paymentMethod: { label: 'Payment method', unit: '' },
};

/** One subscriber's observed features. Missing numbers are NaN; missing categories null. */
export type Features = Record<NumericFeature, number> & Record<CategoricalFeature, string | null>;

/** One generated record. */
export interface ChurnRecord {
	/** Simulated day the record belongs to (0 for training data). */
	day: number;
	/** What the pipeline observed (after any data-quality fault). */
	features: Features;
	/** The label: 1 if the subscriber churned within 30 days. */
	churned: 0 | 1;
	/** The true churn probability under that day's rule, before label noise. */
	churnProbability: number;
}

/** The hidden rule and population of the world. */
export interface World {
	/** Centre and spread that put each numeric feature on a common scale inside the rule. */
	reference: Record<NumericFeature, { center: number; scale: number }>;
	/** Effect on the churn log-odds of one reference spread of each numeric feature. */
	coefficients: Record<NumericFeature, number>;
	/** Log-odds effect of each category value. */
	categoryEffects: { [F in CategoricalFeature]: Record<string, number> };
	/** Population share of each category value. */
	categoryMix: { [F in CategoricalFeature]: Record<string, number> };
	/** Baseline churn log-odds. */
	intercept: number;
	/** Log-odds effect of (long absence × low usage): disengaged subscribers churn more. */
	disengagementEffect: number;
	/** Probability that a label is flipped. */
	labelNoise: number;
	/** Records in a simulated day. */
	recordsPerDay: number;
}

/** Changes to the world on a given day; every field is optional, `{}` means no drift. */
export interface Drift {
	/** Covariate drift: x → center + (x − center) · scale + shift, per numeric feature. */
	features?: Partial<Record<NumericFeature, { shift?: number; scale?: number }>>;
	/** Covariate drift in categories: new population shares (missing values keep theirs). */
	categoryMix?: Partial<Record<CategoricalFeature, Record<string, number>>>;
	/** Concept drift: amounts added to the true coefficients. */
	coefficientChanges?: Partial<Record<NumericFeature, number>>;
	/** Concept drift: amount added to the baseline log-odds. */
	interceptChange?: number;
	/** Prior (label) drift: the share of churners, reached by resampling each class. */
	positiveRate?: number;
	/** Quality fault: share of values missing per feature. */
	missingRates?: Partial<Record<FeatureName, number>>;
	/** Quality fault: a unit change, e.g. { monthlyCharge: 100 } (euros → cents). */
	unitChanges?: Partial<Record<NumericFeature, number>>;
	/** Quality fault: a category value the model never saw, in a share of records. */
	unseenCategory?: { feature: CategoricalFeature; value: string; rate: number };
	/** Records to generate (default: the world's records per day). */
	recordCount?: number;
}

/** The drift-free state. */
export const noDrift: Drift = {};

const integerFeatures: ReadonlySet<NumericFeature> = new Set([
	'tenureMonths',
	'supportTickets',
	'daysSinceLastLogin',
	'discountPercent',
	'seats',
	'latePayments',
]);

/** Creates the world with its default rule, optionally overriding noise or daily volume. */
export function createWorld(options: { labelNoise?: number; recordsPerDay?: number } = {}): World {
	return {
		reference: {
			tenureMonths: { center: 24, scale: 18 },
			monthlyCharge: { center: 45, scale: 22 },
			supportTickets: { center: 1.2, scale: 1.1 },
			usageHoursPerWeek: { center: 9, scale: 6 },
			daysSinceLastLogin: { center: 7, scale: 7 },
			discountPercent: { center: 5, scale: 6 },
			seats: { center: 2, scale: 1.3 },
			latePayments: { center: 0.4, scale: 0.6 },
		},
		coefficients: {
			tenureMonths: -1.6,
			monthlyCharge: 0.9,
			supportTickets: 1.0,
			usageHoursPerWeek: -1.0,
			daysSinceLastLogin: 1.2,
			discountPercent: -0.4,
			seats: -0.3,
			latePayments: 0.7,
		},
		categoryEffects: {
			plan: { basic: 0.3, standard: 0, premium: -0.4 },
			region: { north: 0, south: 0.15, east: -0.1, west: 0.05 },
			paymentMethod: { card: -0.2, invoice: 0.35, paypal: 0 },
		},
		categoryMix: {
			plan: { basic: 0.45, standard: 0.35, premium: 0.2 },
			region: { north: 0.3, south: 0.25, east: 0.25, west: 0.2 },
			paymentMethod: { card: 0.55, invoice: 0.25, paypal: 0.2 },
		},
		intercept: -2.2,
		disengagementEffect: 0.8,
		labelNoise: options.labelNoise ?? 0.05,
		recordsPerDay: options.recordsPerDay ?? 500,
	};
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function mixFor(world: World, drift: Drift, feature: CategoricalFeature): [string[], number[]] {
	const mix = { ...world.categoryMix[feature], ...drift.categoryMix?.[feature] };
	const values = Object.keys(mix);
	return [values, values.map((v) => mix[v] ?? 0)];
}

/** The churn log-odds of a subscriber's true (pre-fault) features under a world and drift. */
export function churnLogit(world: World, drift: Drift, features: Features): number {
	let z = world.intercept + (drift.interceptChange ?? 0);
	const standard = (f: NumericFeature) =>
		(features[f] - world.reference[f].center) / world.reference[f].scale;
	for (const f of numericFeatures) {
		z += (world.coefficients[f] + (drift.coefficientChanges?.[f] ?? 0)) * standard(f);
	}
	for (const f of categoricalFeatureNames) {
		const value = features[f];
		if (value !== null) z += world.categoryEffects[f][value] ?? 0;
	}
	const absence = Math.max(0, standard('daysSinceLastLogin'));
	const lowUsage = Math.max(0, -standard('usageHoursPerWeek'));
	return z + world.disengagementEffect * absence * lowUsage;
}

function drawSubscriber(world: World, drift: Drift, rng: Rng): Features {
	const pick = (f: CategoricalFeature) => {
		const [values, weights] = mixFor(world, drift, f);
		return rng.choice(values, weights);
	};
	const plan = pick('plan');
	const region = pick('region');
	const paymentMethod = pick('paymentMethod');
	const planCharge = plan === 'premium' ? 75 : plan === 'standard' ? 45 : 25;
	const planSeats = plan === 'premium' ? 2.5 : plan === 'standard' ? 1.2 : 0.4;
	const raw: Record<NumericFeature, number> = {
		tenureMonths: Math.min(72, Math.max(1, Math.round(Math.exp(rng.normal(2.8, 0.9))))),
		monthlyCharge: Math.max(5, planCharge + rng.normal(0, 8)),
		supportTickets: rng.poisson(1.2),
		usageHoursPerWeek: Math.exp(rng.normal(2, 0.6)),
		daysSinceLastLogin: Math.min(90, Math.round(-Math.log(1 - rng.next()) * 7)),
		discountPercent: rng.choice([0, 5, 10, 15, 20], [0.5, 0.2, 0.15, 0.1, 0.05]),
		seats: 1 + rng.poisson(planSeats),
		latePayments: rng.poisson(paymentMethod === 'invoice' ? 0.7 : 0.3),
	};
	for (const f of numericFeatures) {
		const change = drift.features?.[f];
		if (change) {
			const { center } = world.reference[f];
			raw[f] = Math.max(0, center + (raw[f] - center) * (change.scale ?? 1) + (change.shift ?? 0));
		}
		raw[f] = integerFeatures.has(f) ? Math.round(raw[f]) : Math.round(raw[f] * 100) / 100;
	}
	return { ...raw, plan, region, paymentMethod };
}

function drawRecord(world: World, drift: Drift, day: number, rng: Rng): ChurnRecord {
	const features = drawSubscriber(world, drift, rng);
	const churnProbability = sigmoid(churnLogit(world, drift, features));
	let churned = rng.bernoulli(churnProbability);
	if (rng.bernoulli(world.labelNoise)) churned = !churned;
	return { day, features, churned: churned ? 1 : 0, churnProbability };
}

function applyFaults(record: ChurnRecord, drift: Drift, rng: Rng): ChurnRecord {
	const features = { ...record.features };
	for (const [f, factor] of Object.entries(drift.unitChanges ?? {}) as [NumericFeature, number][]) {
		features[f] = Math.round(features[f] * factor * 100) / 100;
	}
	const unseen = drift.unseenCategory;
	if (unseen && rng.bernoulli(unseen.rate)) features[unseen.feature] = unseen.value;
	for (const [f, rate] of Object.entries(drift.missingRates ?? {}) as [FeatureName, number][]) {
		if (!rng.bernoulli(rate)) continue;
		if (f in categoricalFeatures) features[f as CategoricalFeature] = null;
		else features[f as NumericFeature] = Number.NaN;
	}
	return { ...record, features };
}

/** Draws `count` records for `day`, honouring every part of `drift`. */
export function generateRecords(
	world: World,
	day: number,
	drift: Drift,
	count: number,
	rng: Rng,
): ChurnRecord[] {
	const records: ChurnRecord[] = [];
	if (drift.positiveRate === undefined) {
		for (let i = 0; i < count; i++) records.push(drawRecord(world, drift, day, rng));
	} else {
		// Prior drift keeps P(x | y): draw subscribers until each class has its quota.
		const rate = Math.min(1, Math.max(0, drift.positiveRate));
		const wanted = [count - Math.round(count * rate), Math.round(count * rate)];
		const have = [0, 0];
		const limit = count * 200;
		for (let tries = 0; records.length < count && tries < limit; tries++) {
			const record = drawRecord(world, drift, day, rng);
			if ((have[record.churned] ?? 0) < (wanted[record.churned] ?? 0)) {
				have[record.churned] = (have[record.churned] ?? 0) + 1;
				records.push(record);
			}
		}
		if (records.length < count) {
			throw new RangeError(
				`A churn share of ${rate} cannot be reached in this world; choose a value nearer the base rate.`,
			);
		}
	}
	const faults = rng.split('faults');
	return records.map((r) => applyFaults(r, drift, faults));
}

/** The records of simulated `day`: its own stream of `rng`, so days are independent. */
export function generateDay(world: World, day: number, drift: Drift, rng: Rng): ChurnRecord[] {
	return generateRecords(
		world,
		day,
		drift,
		drift.recordCount ?? world.recordsPerDay,
		rng.split(`day-${day}`),
	);
}

/** A generated dataset with its version. */
export interface Dataset {
	records: ChurnRecord[];
	/** Short hex hash of world, drift, seed and size: equal versions mean equal data. */
	version: string;
	seed: number;
	size: number;
}

/** The version hash of the data `generateDataset` would produce for these inputs. */
export function dataVersion(world: World, drift: Drift, seed: number, size: number): string {
	return hashValue({ generator: 'churn-world/1', world, drift, seed, size });
}

/** Generates a training dataset of `size` records from `seed` (simulated day 0). */
export function generateDataset(
	world: World,
	options: { size: number; seed: number; drift?: Drift },
): Dataset {
	const drift = options.drift ?? noDrift;
	const rng = createRng(options.seed).split('dataset');
	return {
		records: generateRecords(world, 0, drift, options.size, rng),
		version: dataVersion(world, drift, options.seed, options.size),
		seed: options.seed,
		size: options.size,
	};
}

/** Moves drift a fraction of the way from none (0) to full (1), for gradual drift. */
export function scaleDrift(drift: Drift, fraction: number): Drift {
	const t = Math.min(1, Math.max(0, fraction));
	const lerp = (to: number, from: number) => from + (to - from) * t;
	const scaled: Drift = { ...drift };
	if (drift.features) {
		scaled.features = Object.fromEntries(
			Object.entries(drift.features).map(([f, c]) => [
				f,
				{ shift: lerp(c.shift ?? 0, 0), scale: lerp(c.scale ?? 1, 1) },
			]),
		);
	}
	if (drift.coefficientChanges) {
		scaled.coefficientChanges = Object.fromEntries(
			Object.entries(drift.coefficientChanges).map(([f, c]) => [f, lerp(c, 0)]),
		);
	}
	if (drift.interceptChange !== undefined) scaled.interceptChange = lerp(drift.interceptChange, 0);
	return scaled;
}

/** Splits records into train, validation and test sets with a seeded shuffle. */
export function splitRecords<T>(
	records: readonly T[],
	fractions: { validation: number; test: number },
	rng: Rng,
): { train: T[]; validation: T[]; test: T[] } {
	const shuffled = rng.shuffle(records);
	const nTest = Math.round(records.length * fractions.test);
	const nValidation = Math.round(records.length * fractions.validation);
	return {
		test: shuffled.slice(0, nTest),
		validation: shuffled.slice(nTest, nTest + nValidation),
		train: shuffled.slice(nTest + nValidation),
	};
}

/** Every feature, numeric first, in the order the lab lists them. */
export const driftFeatures: readonly FeatureName[] = [
	...numericFeatures,
	...categoricalFeatureNames,
];

/** True for the world's numeric features. */
export function isNumericFeature(name: string): name is NumericFeature {
	return (numericFeatures as readonly string[]).includes(name);
}
