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
	type StreamConfig,
} from '@sim/labs/drift';
import {
	readParams,
	statedParams,
	writeParams,
	type ParamsOf,
	type ParamsSpec,
} from '@/lib/url-params';

const s = d.scenario;

/** URL spec of the drift lab. */
export const driftParamsSpec = {
	preset: {
		kind: 'enum',
		default: 'custom',
		values: ['custom', ...driftPresets.map((p) => p.id)],
		label: 'Preset',
	},
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

/** The drift lab's parameters. */
export type DriftParams = ParamsOf<typeof driftParamsSpec>;

/** The stream configuration and run length a set of parameters describes. */
export function toStreamConfig(p: DriftParams): { config: StreamConfig; horizonDays: number } {
	return {
		config: {
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
export function presetParams(preset: DriftPreset, base: DriftParams): DriftParams {
	const { config } = preset;
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
		accuracyThreshold: config.accuracyThreshold,
		horizonDays: preset.days,
		seed: config.seed,
		model: 'default',
	};
}

/** Reads the lab's parameters from a query string, applying a preset named in it first. */
export function readDriftParams(search: string): { params: DriftParams; problems: string[] } {
	const parsed = readParams(driftParamsSpec, search);
	const preset = driftPresets.find((p) => p.id === parsed.params.preset);
	if (preset === undefined) return parsed;
	const stated = statedParams(driftParamsSpec, search);
	const fromPreset = presetParams(preset, parsed.params);
	const explicit = Object.fromEntries(
		Object.entries(parsed.params).filter(([key]) => stated.has(key)),
	);
	return { params: { ...fromPreset, ...explicit } as DriftParams, problems: parsed.problems };
}

/** The query string (without “?”) of a full, self-contained link to `params`. */
export function driftQuery(params: DriftParams): string {
	return writeParams(driftParamsSpec, params);
}
