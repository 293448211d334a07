/**
 * The drift lab's URL parameters and presets. A preset link carries its id and every setting
 * that differs from the lab's defaults; reading it applies the preset first and then whatever
 * the link states, so a bare `?preset=id` works too and a link's explicit values always win.
 * Any change in the lab turns the preset into "custom".
 */
import {
	defaultStreamConfig as d,
	driftFeatures,
	driftPresets,
	scenarioKinds,
	type AlertTest,
	type DriftPreset,
	type FeatureName,
	type ScenarioKind,
	type PValueCorrection,
	type ScheduledScenario,
	type StreamConfig,
	type ThresholdChange,
} from '@sim/labs/drift';
import {
	clip,
	defaultParams,
	presetParamSpec,
	readParams,
	writeParams,
	type ParamsOf,
	type ParamsSpec,
} from '@/lib/url-params';
import { applyNamedPreset } from '@/lib/labs/lab-params';

const s = d.scenario;

/** URL spec of the drift lab. */
export const driftParamsSpec = {
	preset: presetParamSpec(driftPresets),
	scenario: { kind: 'enum', default: s.kind, values: scenarioKinds, label: 'Scenario' },
	feature: { kind: 'enum', default: s.feature, values: driftFeatures, label: 'Feature' },
	startDay: {
		kind: 'integer',
		default: s.startDay,
		min: 1,
		max: 365,
		label: 'Start day',
		aliases: ['start'],
	},
	magnitude: { kind: 'number', default: s.magnitude, min: -1000, max: 1000, label: 'Magnitude' },
	durationDays: {
		kind: 'integer',
		default: s.durationDays,
		min: 1,
		max: 365,
		label: 'Ramp days',
		aliases: ['duration'],
	},
	periodDays: {
		kind: 'integer',
		default: s.periodDays,
		min: 2,
		max: 365,
		label: 'Season length',
		aliases: ['period'],
	},
	windowDays: {
		kind: 'integer',
		default: d.windowDays,
		min: 1,
		max: 20,
		label: 'Window (days)',
		aliases: ['window'],
	},
	labelDelayDays: {
		kind: 'integer',
		default: d.labelDelayDays,
		min: 0,
		max: 60,
		label: 'Label delay',
		aliases: ['delay'],
	},
	test: {
		kind: 'enum',
		default: d.alertTest,
		values: ['default', 'ks', 'wasserstein', 'psi'],
		label: 'Alerting test',
	},
	pValueCorrection: {
		kind: 'enum',
		default: 'none',
		values: ['none', 'bonferroni', 'benjamini-hochberg'],
		label: 'p-value correction',
		aliases: ['correction'],
	},
	accuracyThreshold: {
		kind: 'number',
		default: d.accuracyThreshold,
		min: 0,
		max: 1,
		step: 0.01,
		label: 'Accuracy threshold',
		aliases: ['accuracy'],
	},
	horizonDays: {
		kind: 'integer',
		default: 120,
		min: 1,
		max: 365,
		label: 'Days to run',
		aliases: ['days'],
	},
	seed: { kind: 'integer', default: d.seed, min: 0, max: 2147483647, label: 'Seed' },
	model: {
		kind: 'enum',
		default: 'production',
		values: ['production', 'default'],
		label: 'Model',
	},
} as const satisfies ParamsSpec;

/**
 * The drift lab's parameters: the spec's values plus the run's injection schedule (scenarios put
 * in force part-way through, which the `inject` key of a link carries) and its threshold changes
 * (accuracy thresholds set part-way through, the `thresholds` key).
 */
export type DriftParams = ParamsOf<typeof driftParamsSpec> & {
	readonly injections: readonly ScheduledScenario[];
	readonly thresholdChanges: readonly ThresholdChange[];
};

/** The URL key of the injection schedule. */
export const injectKey = 'inject';
/** The URL key of the threshold changes: `day_threshold` entries joined with `~`. */
export const thresholdsKey = 'thresholds';

/** The lab's defaults: the spec's, no injections and no threshold changes. */
export function defaultDriftParams(): DriftParams {
	return { ...defaultParams(driftParamsSpec), injections: [], thresholdChanges: [] };
}

/** The `thresholds` value of a list of changes ('' when there is none). */
export function writeThresholdChanges(changes: readonly ThresholdChange[]): string {
	return changes.map((c) => `${c.fromDay}_${c.accuracyThreshold}`).join('~');
}

// A list in the link (threshold changes, injections) is entries joined with `~`, each of fields
// joined with `_`. Neither character needs escaping in a URL, and no value contains them.
const fieldSep = '_';
const entrySep = '~';

/**
 * Reads a list value of the link, at most 50 entries. `parse` turns one entry's fields into a
 * value, given the last value kept (lists are in day order), or gives null when the entry is not
 * valid: the entry is then left out, and `problem` says which one and what was expected.
 */
function readEntries<T>(
	raw: string,
	parse: (fields: string[], last: T | undefined) => T | null,
	problem: (index: number, entry: string) => string,
): { values: T[]; problems: string[] } {
	const values: T[] = [];
	const problems: string[] = [];
	if (raw === '') return { values, problems };
	for (const [index, entry] of raw.split(entrySep).slice(0, 50).entries()) {
		const value = parse(entry.split(fieldSep), values.at(-1));
		if (value === null) problems.push(problem(index, entry));
		else values.push(value);
	}
	return { values, problems };
}

/** Reads a `thresholds` value; entries that are not valid are left out, each with a message. */
export function readThresholdChanges(raw: string): {
	changes: ThresholdChange[];
	problems: string[];
} {
	const { values: changes, problems } = readEntries<ThresholdChange>(
		raw,
		(parts, last) => {
			const fromDay = parts.length === 2 && parts[0] !== '' ? Number(parts[0]) : Number.NaN;
			const value = parts.length === 2 && parts[1] !== '' ? Number(parts[1]) : Number.NaN;
			const valid =
				Number.isInteger(fromDay) &&
				fromDay > (last?.fromDay ?? 1) &&
				fromDay <= driftParamsSpec.horizonDays.max &&
				Number.isFinite(value) &&
				value >= 0 &&
				value <= 1;
			return valid ? { fromDay, accuracyThreshold: value } : null;
		},
		(index, entry) =>
			`Threshold change ${index + 1} of the link (“${clip(entry)}”) is not a valid day_threshold (a day after 1, in order, and a threshold from 0 to 1), so it was left out.`,
	);
	return { changes, problems };
}

/** The `inject` value of a schedule ('' when there is none). */
export function writeInjections(schedule: readonly ScheduledScenario[]): string {
	return schedule
		.map(({ fromDay, scenario: c }) =>
			[fromDay, c.kind, c.feature, c.magnitude, c.startDay, c.durationDays, c.periodDays].join(
				fieldSep,
			),
		)
		.join(entrySep);
}

/**
 * Reads an `inject` value; entries that are not valid are left out, each with a message. One
 * injection is `fromDay_kind_feature_magnitude_startDay_durationDays_periodDays`.
 */
export function readInjections(raw: string): {
	schedule: ScheduledScenario[];
	problems: string[];
} {
	const inRange = (value: number, spec: { min: number; max: number }, whole: boolean) =>
		Number.isFinite(value) &&
		value >= spec.min &&
		value <= spec.max &&
		(!whole || Number.isInteger(value));
	const dayRange = { min: 1, max: driftParamsSpec.horizonDays.max };
	const { values: schedule, problems } = readEntries<ScheduledScenario>(
		raw,
		(fields, last) => {
			const [from, kind, feature, magnitude, start, duration, period, ...rest] = fields;
			const numbers = [from, magnitude, start, duration, period].map((v) =>
				v === undefined || v === '' ? Number.NaN : Number(v),
			) as [number, number, number, number, number];
			const [fromDay, size, startDay, durationDays, periodDays] = numbers;
			const valid =
				rest.length === 0 &&
				inRange(fromDay, dayRange, true) &&
				fromDay > (last?.fromDay ?? 0) &&
				(scenarioKinds as readonly string[]).includes(kind ?? '') &&
				(driftFeatures as readonly string[]).includes(feature ?? '') &&
				inRange(size, driftParamsSpec.magnitude, false) &&
				inRange(startDay, driftParamsSpec.startDay, true) &&
				inRange(durationDays, driftParamsSpec.durationDays, true) &&
				inRange(periodDays, driftParamsSpec.periodDays, true);
			if (!valid) return null;
			const scenario = {
				kind: kind as ScenarioKind,
				feature: feature as FeatureName,
				magnitude: size,
				startDay,
				durationDays,
				periodDays,
			};
			return { fromDay, scenario };
		},
		(index, entry) =>
			`Injection ${index + 1} of the link (“${clip(entry)}”) is not a valid day_scenario_feature_magnitude_start_ramp_season in day order, so it was left out.`,
	);
	return { schedule, problems };
}

/** The stream configuration and run length a set of parameters describes. */
export function toStreamConfig(p: DriftParams): { config: StreamConfig; horizonDays: number } {
	return {
		config: {
			...(p.injections.length > 0 ? { injections: p.injections } : {}),
			...(p.thresholdChanges.length > 0 ? { thresholdChanges: p.thresholdChanges } : {}),
			...(p.pValueCorrection !== 'none'
				? { pValueCorrection: p.pValueCorrection as PValueCorrection }
				: {}),
			...d,
			seed: p.seed,
			windowDays: p.windowDays,
			labelDelayDays: p.labelDelayDays,
			alertTest: p.test as AlertTest,
			accuracyThreshold: p.accuracyThreshold,
			scenario: {
				kind: p.scenario as ScenarioKind,
				feature: p.feature as FeatureName,
				startDay: p.startDay,
				magnitude: p.magnitude,
				durationDays: p.durationDays,
				periodDays: p.periodDays,
			},
		},
		horizonDays: p.horizonDays,
	};
}

/**
 * The parameters of a preset (anything not in the preset keeps `base`'s values). A preset always
 * serves the default model: it tells one story that must read the same in every browser (a
 * workshop sends one link to everyone), whatever each learner has put in production.
 */
export function presetParams(
	preset: DriftPreset,
	base: ParamsOf<typeof driftParamsSpec>,
): DriftParams {
	const { config } = preset.params;
	return {
		...base,
		preset: preset.id,
		scenario: config.scenario.kind,
		feature: config.scenario.feature,
		startDay: config.scenario.startDay,
		magnitude: config.scenario.magnitude,
		durationDays: config.scenario.durationDays,
		periodDays: config.scenario.periodDays,
		windowDays: config.windowDays,
		labelDelayDays: config.labelDelayDays,
		test: config.alertTest,
		pValueCorrection: config.pValueCorrection ?? 'none',
		accuracyThreshold: config.accuracyThreshold,
		horizonDays: preset.params.days,
		seed: config.seed,
		model: 'default',
		injections: config.injections ?? [],
		thresholdChanges: config.thresholdChanges ?? [],
	};
}

/** Reads the lab's parameters from a query string, applying a preset named in it first. */
export function readDriftParams(search: string): { params: DriftParams; problems: string[] } {
	const query = new URLSearchParams(search);
	const injected = readInjections(query.get(injectKey) ?? '');
	const thresholds = readThresholdChanges(query.get(thresholdsKey) ?? '');
	query.delete(injectKey);
	query.delete(thresholdsKey);
	const rest = query.toString();
	const read = readParams(driftParamsSpec, rest);
	const parsed = {
		params: {
			...read.params,
			injections: injected.schedule,
			thresholdChanges: thresholds.changes,
		} as DriftParams,
		problems: [...read.problems, ...injected.problems, ...thresholds.problems],
	};
	const preset = driftPresets.find((p) => p.id === parsed.params.preset);
	if (preset === undefined) return parsed;
	const applied = applyNamedPreset(driftParamsSpec, rest, parsed, driftPresets, presetParams);
	// The link's injections and threshold changes replace the preset's; a link whose settings
	// then differ from its preset's tells another story: call it custom.
	const params = {
		...applied.params,
		injections: injected.schedule,
		thresholdChanges: thresholds.changes,
	};
	return {
		params: matchesPreset(params, preset) ? params : { ...params, preset: 'custom' },
		problems: parsed.problems,
	};
}

/** True when `params` are exactly what `preset` sets (its id aside). */
export function matchesPreset(params: DriftParams, preset: DriftPreset): boolean {
	const own = presetParams(preset, params);
	return driftQuery({ ...params, preset: preset.id }) === driftQuery(own);
}

/** The query string (without “?”) of a full, self-contained link to `params`. */
export function driftQuery(params: DriftParams): string {
	const schedule = writeInjections(params.injections);
	const thresholds = writeThresholdChanges(params.thresholdChanges);
	return [
		writeParams(driftParamsSpec, params),
		schedule === '' ? '' : `${injectKey}=${schedule}`,
		thresholds === '' ? '' : `${thresholdsKey}=${thresholds}`,
	]
		.filter((part) => part !== '')
		.join('&');
}

/**
 * The parameters of the run in `config` (what actually ran, injections included) on top of
 * `params`: a link shared during or after a run replays that run, whatever the form shows now.
 */
export function runParams(params: DriftParams, config: StreamConfig): DriftParams {
	const { scenario } = config;
	const next: DriftParams = {
		...params,
		scenario: scenario.kind,
		feature: scenario.feature,
		startDay: scenario.startDay,
		magnitude: scenario.magnitude,
		durationDays: scenario.durationDays,
		periodDays: scenario.periodDays,
		windowDays: config.windowDays,
		labelDelayDays: config.labelDelayDays,
		test: config.alertTest,
		pValueCorrection: config.pValueCorrection ?? 'none',
		accuracyThreshold: config.accuracyThreshold,
		seed: config.seed,
		injections: config.injections ?? [],
		thresholdChanges: config.thresholdChanges ?? [],
	};
	const preset = driftPresets.find((p) => p.id === params.preset);
	return preset !== undefined && matchesPreset(next, preset) ? next : { ...next, preset: 'custom' };
}
