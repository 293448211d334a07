/**
 * The continuous-training lab's URL parameters, built from the library's `policyParamSpecs` so
 * the form's ranges and the headless validation are one rule. A preset link carries its id;
 * reading it applies the preset's policy first and then whatever the link states, so a bare
 * `?preset=id` works and a link's explicit values win. The comparison policy (B) is a preset's
 * second policy on the same world (seed, scenario, days), or no retraining at all.
 */
import {
	policyParamSpecs,
	retrainingPresets,
	retrainingScenarios,
	triggerKinds,
	defaultTriggerParams,
	type ContinuousTrainingConfig,
	type NumberParamSpec,
	type PolicyPair,
	type RetrainingPreset,
	type RetrainingScenarioId,
	type TriggerKind,
} from '@sim/labs/continuous-training';
import {
	readParams,
	statedParams,
	writeParams,
	type ParamsOf,
	type ParamsSpec,
} from '@/lib/url-params';

/** A url-params number spec from a policy spec. */
function fromPolicy(spec: NumberParamSpec, defaultValue: number) {
	return {
		kind: spec.integer ? ('integer' as const) : ('number' as const),
		default: defaultValue,
		min: spec.min,
		max: spec.max,
		step: spec.step,
		label: spec.unit ? `${spec.label} (${spec.unit})` : spec.label,
	};
}

const scenarioIds = Object.keys(retrainingScenarios) as RetrainingScenarioId[];

/** Window kinds: all history, the last N days, or all history weighted towards recent days. */
export const windowKinds = ['all', 'last', 'recency'] as const;

/** URL spec of the lab. */
export const ctParamsSpec = {
	preset: {
		kind: 'enum',
		default: 'custom',
		values: ['custom', ...retrainingPresets.map((p) => p.id)],
		label: 'Preset',
	},
	scenario: { kind: 'enum', default: 'sudden-concept', values: scenarioIds, label: 'World' },
	trigger: { kind: 'enum', default: 'schedule', values: triggerKinds, label: 'Trigger' },
	everyDays: fromPolicy(policyParamSpecs.everyDays, defaultTriggerParams.everyDays),
	performanceThreshold: fromPolicy(
		policyParamSpecs.performanceThreshold,
		defaultTriggerParams.performanceThreshold,
	),
	driftThreshold: fromPolicy(policyParamSpecs.driftThreshold, defaultTriggerParams.driftThreshold),
	rows: fromPolicy(policyParamSpecs.rows, defaultTriggerParams.rows),
	cooldownDays: fromPolicy(policyParamSpecs.cooldownDays, 0),
	window: { kind: 'enum', default: 'all', values: windowKinds, label: 'Training window' },
	windowDays: { ...fromPolicy(policyParamSpecs.windowDays, 60), label: 'Last N days' },
	recencyHalfLifeDays: fromPolicy(policyParamSpecs.recencyHalfLifeDays, 60),
	training: { kind: 'enum', default: 'full', values: ['full', 'warm'], label: 'Retraining' },
	compare: {
		kind: 'enum',
		default: 'none',
		values: ['none', ...retrainingPresets.map((p) => p.id)],
		label: 'Compare with',
	},
	days: { ...fromPolicy(policyParamSpecs.days, 365), max: 365 },
	seed: fromPolicy(policyParamSpecs.seed, 42),
} as const satisfies ParamsSpec;

/** The lab's parameters. */
export type CtParams = ParamsOf<typeof ctParamsSpec>;

/** Option texts for the enum fields. */
export const ctOptions = {
	scenario: Object.fromEntries(scenarioIds.map((id) => [id, retrainingScenarios[id].label])),
	trigger: {
		none: 'None (on demand only)',
		schedule: 'Schedule',
		performance: 'Performance below a threshold',
		drift: 'Drift above a threshold',
		volume: 'New labelled rows',
	} satisfies Record<TriggerKind, string>,
	window: { all: 'All history', last: 'Last N days', recency: 'Recency-weighted' },
	training: { full: 'Full retrain', warm: 'Warm start from the champion' },
	compare: {
		none: 'No retraining',
		...Object.fromEntries(retrainingPresets.map((p) => [p.id, `Second policy of “${p.title}”`])),
	},
} as const;

/** The trigger part of a config. */
function triggerOf(p: CtParams): ContinuousTrainingConfig['trigger'] {
	switch (p.trigger) {
		case 'schedule':
			return { kind: 'schedule', everyDays: p.everyDays };
		case 'performance':
			return { kind: 'performance', threshold: p.performanceThreshold };
		case 'drift':
			return { kind: 'drift', threshold: p.driftThreshold };
		case 'volume':
			return { kind: 'volume', rows: p.rows };
		default:
			return { kind: 'none' };
	}
}

/** Policy A and the comparison policy B on the same world. */
export function toPolicies(p: CtParams): PolicyPair {
	const world = {
		seed: p.seed,
		scenario: p.scenario as RetrainingScenarioId,
		days: p.days,
		maturityLevel: 1 as const,
	};
	const a: ContinuousTrainingConfig = {
		...world,
		trigger: triggerOf(p),
		cooldownDays: p.cooldownDays,
		windowDays: p.window === 'last' ? p.windowDays : null,
		recencyHalfLifeDays: p.window === 'recency' ? p.recencyHalfLifeDays : null,
		warmStart: p.training === 'warm',
	};
	const preset = retrainingPresets.find((q) => q.id === p.compare);
	const b: ContinuousTrainingConfig = preset
		? { ...preset.params.compareWith, ...world }
		: {
				...world,
				trigger: { kind: 'none' },
				cooldownDays: 0,
				windowDays: null,
				warmStart: false,
			};
	return { a, b };
}

/** The parameters of a preset (anything not in it keeps `base`'s values). */
export function presetParams(preset: RetrainingPreset, base: CtParams): CtParams {
	const c = preset.params.config;
	const t = c.trigger;
	return {
		...base,
		preset: preset.id,
		scenario: typeof c.scenario === 'string' ? c.scenario : base.scenario,
		trigger: t.kind,
		everyDays: t.kind === 'schedule' ? (t.everyDays ?? base.everyDays) : base.everyDays,
		performanceThreshold:
			t.kind === 'performance'
				? (t.threshold ?? base.performanceThreshold)
				: base.performanceThreshold,
		driftThreshold: t.kind === 'drift' ? (t.threshold ?? base.driftThreshold) : base.driftThreshold,
		rows: t.kind === 'volume' ? (t.rows ?? base.rows) : base.rows,
		cooldownDays: c.cooldownDays,
		window: c.windowDays !== null ? 'last' : c.recencyHalfLifeDays ? 'recency' : 'all',
		windowDays: c.windowDays ?? base.windowDays,
		recencyHalfLifeDays: c.recencyHalfLifeDays ?? base.recencyHalfLifeDays,
		training: c.warmStart ? 'warm' : 'full',
		compare: preset.id,
		days: c.days,
		seed: c.seed,
	};
}

/** Reads the lab's parameters from a query string, applying a preset named in it first. */
export function readCtParams(search: string): { params: CtParams; problems: string[] } {
	// `level` belongs to the maturity comparison further down the page, not to the lab.
	const query = new URLSearchParams(search);
	query.delete('level');
	search = query.toString();
	const parsed = readParams(ctParamsSpec, search);
	const preset = retrainingPresets.find((p) => p.id === parsed.params.preset);
	if (preset === undefined) return parsed;
	const stated = statedParams(ctParamsSpec, search);
	const explicit = Object.fromEntries(
		Object.entries(parsed.params).filter(([key]) => stated.has(key) && key !== 'preset'),
	);
	return {
		params: { ...presetParams(preset, parsed.params), ...explicit } as CtParams,
		problems: parsed.problems,
	};
}

/** The query string (without “?”) of a link to `params`; a preset link states its seed. */
export function ctQuery(params: CtParams): string {
	const query = new URLSearchParams(writeParams(ctParamsSpec, params));
	query.set('seed', String(params.seed));
	return query.toString();
}
