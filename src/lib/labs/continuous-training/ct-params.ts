/**
 * The continuous-training lab's URL parameters, built from the library's `policyParamSpecs` so
 * the form's ranges and the headless validation are one rule. A preset link carries its id;
 * reading it applies the preset's policy first and then whatever the link states, so a bare
 * `?preset=id` works and a link's explicit values win. Policy B runs on the same world (seed,
 * scenario, days) and has every field policy A has, under a `b` prefix (`bTrigger`, `bEveryDays`,
 * …), so a link states both policies; `compare` names the preset whose second policy B started
 * from ('custom' once a field of B is edited), and an older link with only `compare` still gets
 * that preset's second policy.
 */
import {
	policyParamSpecs,
	retrainingPresets,
	retrainingScenarioIds,
	retrainingScenarioLabels,
	triggerKinds,
	defaultTriggerParams,
	gateOff,
	type ContinuousTrainingConfig,
	type NumberParamSpec,
	type PolicyPair,
	type RetrainingPreset,
	type RetrainingScenarioId,
	type TriggerKind,
} from '@sim/labs/continuous-training';
import {
	presetParamSpec,
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

const scenarioIds = retrainingScenarioIds;

/** Window kinds: all history, the last N days, or all history weighted towards recent days. */
export const windowKinds = ['all', 'last', 'recency'] as const;

/** A spec of policy B: A's, with a label that names the policy (for a link's problems). */
const forB = <S extends { label: string }>(spec: S): S => ({
	...spec,
	label: `Policy B: ${spec.label}`,
});

/** URL spec of the lab. */
export const ctParamsSpec = {
	preset: presetParamSpec(retrainingPresets),
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
	gate: { kind: 'enum', default: 'on', values: ['on', 'off'], label: 'Model gate' },
	compare: {
		kind: 'enum',
		default: 'none',
		values: ['none', 'custom', ...retrainingPresets.map((p) => p.id)],
		label: 'Start policy B from',
	},
	bTrigger: forB({
		kind: 'enum',
		default: 'none',
		values: triggerKinds,
		label: 'Trigger',
	} as const),
	bEveryDays: forB(fromPolicy(policyParamSpecs.everyDays, defaultTriggerParams.everyDays)),
	bPerformanceThreshold: forB(
		fromPolicy(policyParamSpecs.performanceThreshold, defaultTriggerParams.performanceThreshold),
	),
	bDriftThreshold: forB(
		fromPolicy(policyParamSpecs.driftThreshold, defaultTriggerParams.driftThreshold),
	),
	bRows: forB(fromPolicy(policyParamSpecs.rows, defaultTriggerParams.rows)),
	bCooldownDays: forB(fromPolicy(policyParamSpecs.cooldownDays, 0)),
	bWindow: forB({
		kind: 'enum',
		default: 'all',
		values: windowKinds,
		label: 'Training window',
	} as const),
	bWindowDays: forB({ ...fromPolicy(policyParamSpecs.windowDays, 60), label: 'Last N days' }),
	bRecencyHalfLifeDays: forB(fromPolicy(policyParamSpecs.recencyHalfLifeDays, 60)),
	bTraining: forB({
		kind: 'enum',
		default: 'full',
		values: ['full', 'warm'],
		label: 'Retraining',
	} as const),
	bGate: forB({ kind: 'enum', default: 'on', values: ['on', 'off'], label: 'Model gate' } as const),
	days: { ...fromPolicy(policyParamSpecs.days, 365), max: 365 },
	seed: fromPolicy(policyParamSpecs.seed, 42),
} as const satisfies ParamsSpec;

/** The lab's parameters. */
export type CtParams = ParamsOf<typeof ctParamsSpec>;

/** Option texts for the enum fields. */
export const ctOptions = {
	preset: {
		custom: 'Custom settings',
		...Object.fromEntries(retrainingPresets.map((p) => [p.id, p.title])),
	},
	scenario: Object.fromEntries(scenarioIds.map((id) => [id, retrainingScenarioLabels[id]])),
	trigger: {
		none: 'None (on demand only)',
		schedule: 'Schedule',
		performance: 'Performance below a threshold',
		drift: 'Drift above a threshold',
		volume: 'New labelled rows',
	} satisfies Record<TriggerKind, string>,
	window: { all: 'All history', last: 'Last N days', recency: 'Recency-weighted' },
	training: { full: 'Full retrain', warm: 'Warm start from the champion' },
	gate: { on: 'On: must beat the champion', off: 'Off: every trained model ships' },
	compare: {
		none: 'No retraining',
		custom: 'My own settings',
		...Object.fromEntries(retrainingPresets.map((p) => [p.id, `Second policy of “${p.title}”`])),
	},
} as const;

/** The URL keys of one policy's fields, so one form section serves A and B. */
export const policyKeys = {
	a: {
		trigger: 'trigger',
		everyDays: 'everyDays',
		performanceThreshold: 'performanceThreshold',
		driftThreshold: 'driftThreshold',
		rows: 'rows',
		cooldownDays: 'cooldownDays',
		window: 'window',
		windowDays: 'windowDays',
		recencyHalfLifeDays: 'recencyHalfLifeDays',
		training: 'training',
		gate: 'gate',
	},
	b: {
		trigger: 'bTrigger',
		everyDays: 'bEveryDays',
		performanceThreshold: 'bPerformanceThreshold',
		driftThreshold: 'bDriftThreshold',
		rows: 'bRows',
		cooldownDays: 'bCooldownDays',
		window: 'bWindow',
		windowDays: 'bWindowDays',
		recencyHalfLifeDays: 'bRecencyHalfLifeDays',
		training: 'bTraining',
		gate: 'bGate',
	},
} as const satisfies Record<'a' | 'b', Record<string, keyof typeof ctParamsSpec>>;

/** A policy's field names. */
export type PolicyField = keyof (typeof policyKeys)['a'];
/** The URL key of one policy field. */
export type PolicyKey = (typeof policyKeys)['a' | 'b'][PolicyField];

/** One policy's fields, read through its keys. */
function fieldsOf(p: CtParams, policy: 'a' | 'b') {
	const keys = policyKeys[policy];
	const get = <F extends PolicyField>(field: F) => p[keys[field]];
	return {
		trigger: get('trigger') as TriggerKind,
		everyDays: get('everyDays') as number,
		performanceThreshold: get('performanceThreshold') as number,
		driftThreshold: get('driftThreshold') as number,
		rows: get('rows') as number,
		cooldownDays: get('cooldownDays') as number,
		window: get('window') as (typeof windowKinds)[number],
		windowDays: get('windowDays') as number,
		recencyHalfLifeDays: get('recencyHalfLifeDays') as number,
		training: get('training') as 'full' | 'warm',
		gate: get('gate') as 'on' | 'off',
	};
}

/** The trigger part of a config. */
function triggerOf(f: ReturnType<typeof fieldsOf>): ContinuousTrainingConfig['trigger'] {
	switch (f.trigger) {
		case 'schedule':
			return { kind: 'schedule', everyDays: f.everyDays };
		case 'performance':
			return { kind: 'performance', threshold: f.performanceThreshold };
		case 'drift':
			return { kind: 'drift', threshold: f.driftThreshold };
		case 'volume':
			return { kind: 'volume', rows: f.rows };
		default:
			return { kind: 'none' };
	}
}

/** Policy A and policy B on the same world. */
export function toPolicies(p: CtParams): PolicyPair {
	const world = {
		seed: p.seed,
		scenario: p.scenario as RetrainingScenarioId,
		days: p.days,
		maturityLevel: 1 as const,
	};
	const policy = (id: 'a' | 'b'): ContinuousTrainingConfig => {
		const f = fieldsOf(p, id);
		return {
			...world,
			trigger: triggerOf(f),
			cooldownDays: f.cooldownDays,
			windowDays: f.window === 'last' ? f.windowDays : null,
			recencyHalfLifeDays: f.window === 'recency' ? f.recencyHalfLifeDays : null,
			warmStart: f.training === 'warm',
			...(f.gate === 'off' ? { gate: gateOff } : {}),
		};
	};
	return { a: policy('a'), b: policy('b') };
}

/** One policy's fields from a config (anything it does not set keeps `base`'s values). */
function policyParams(
	c: ContinuousTrainingConfig,
	policy: 'a' | 'b',
	base: CtParams,
): Partial<CtParams> {
	const keys = policyKeys[policy];
	const t = c.trigger;
	const was = fieldsOf(base, policy);
	return {
		[keys.trigger]: t.kind,
		[keys.everyDays]: t.kind === 'schedule' ? (t.everyDays ?? was.everyDays) : was.everyDays,
		[keys.performanceThreshold]:
			t.kind === 'performance'
				? (t.threshold ?? was.performanceThreshold)
				: was.performanceThreshold,
		[keys.driftThreshold]:
			t.kind === 'drift' ? (t.threshold ?? was.driftThreshold) : was.driftThreshold,
		[keys.rows]: t.kind === 'volume' ? (t.rows ?? was.rows) : was.rows,
		[keys.cooldownDays]: c.cooldownDays,
		[keys.window]: c.windowDays !== null ? 'last' : c.recencyHalfLifeDays ? 'recency' : 'all',
		[keys.windowDays]: c.windowDays ?? was.windowDays,
		[keys.recencyHalfLifeDays]: c.recencyHalfLifeDays ?? was.recencyHalfLifeDays,
		[keys.training]: c.warmStart ? 'warm' : 'full',
		[keys.gate]: c.gate === gateOff ? 'off' : 'on',
	};
}

/** Policy B's fields from `compare` (a preset's second policy, or no retraining). */
export function compareParams(compare: string, base: CtParams): CtParams {
	const preset = retrainingPresets.find((q) => q.id === compare);
	const none: ContinuousTrainingConfig = {
		...toPolicies(base).a,
		trigger: { kind: 'none' },
		cooldownDays: 0,
		windowDays: null,
		recencyHalfLifeDays: null,
		warmStart: false,
	};
	if (preset === undefined && compare !== 'none') return { ...base, compare: 'custom' };
	return {
		...base,
		...policyParams(preset?.params.compareWith ?? none, 'b', base),
		compare: preset?.id ?? 'none',
	} as CtParams;
}

/** The parameters of a preset (anything not in it keeps `base`'s values). */
export function presetParams(preset: RetrainingPreset, base: CtParams): CtParams {
	const c = preset.params.config;
	const a = {
		...base,
		...policyParams(c, 'a', base),
		preset: preset.id,
		scenario: typeof c.scenario === 'string' ? c.scenario : base.scenario,
		days: c.days,
		seed: c.seed,
	} as CtParams;
	return compareParams(preset.id, a);
}

/** Reads the lab's parameters from a query string, applying a preset named in it first. */
export function readCtParams(search: string): { params: CtParams; problems: string[] } {
	// `level` belongs to the maturity comparison further down the page, not to the lab.
	const query = new URLSearchParams(search);
	query.delete('level');
	search = query.toString();
	const parsed = readParams(ctParamsSpec, search);
	const stated = statedParams(ctParamsSpec, search);
	const explicit = Object.fromEntries(
		Object.entries(parsed.params).filter(([key]) => stated.has(key) && key !== 'preset'),
	);
	const preset = retrainingPresets.find((p) => p.id === parsed.params.preset);
	// A preset first, then B from `compare` (an older link states only that), then what is stated.
	let params = preset === undefined ? parsed.params : presetParams(preset, parsed.params);
	if (stated.has('compare')) params = compareParams(parsed.params.compare, params);
	return { params: { ...params, ...explicit } as CtParams, problems: parsed.problems };
}

/** The query string (without “?”) of a link to `params`; a preset link states its seed. */
export function ctQuery(params: CtParams): string {
	const query = new URLSearchParams(writeParams(ctParamsSpec, params));
	query.set('seed', String(params.seed));
	// Fields a preset (or `compare`) already implies are left out, so links stay short; each is
	// dropped only if the link still reads back the same value without it.
	for (const key of [...query.keys()]) {
		if (key === 'preset' || key === 'seed' || key === 'compare') continue;
		const without = new URLSearchParams(query);
		without.delete(key);
		const read = readCtParams(without.toString()).params as Record<string, unknown>;
		if (read[key] === (params as Record<string, unknown>)[key]) query.delete(key);
	}
	return query.toString();
}
