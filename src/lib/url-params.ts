/**
 * Lab parameters in the URL. Each lab declares a spec (type, range, default per parameter);
 * `readParams` turns a query string into valid parameters plus a list of plain-language
 * problems for anything that was missing its mark, so a mistyped or tampered link still opens
 * the lab — with defaults and a message — instead of a broken page. `writeParams` is the
 * inverse and only writes values that differ from the defaults, keeping shared links short.
 */

/** How one parameter is parsed and validated. */
export type ParamSpec =
	| { kind: 'number'; default: number; min: number; max: number; label: string }
	| { kind: 'integer'; default: number; min: number; max: number; label: string }
	| { kind: 'enum'; default: string; values: readonly string[]; label: string }
	| { kind: 'boolean'; default: boolean; label: string };

/** A spec for every parameter of a lab. */
export type ParamsSpec = Record<string, ParamSpec>;

/** The parsed value type of a spec. */
export type ParamsOf<S extends ParamsSpec> = {
	[K in keyof S]: S[K] extends { kind: 'enum'; values: readonly (infer V)[] }
		? V
		: S[K] extends { kind: 'boolean' }
			? boolean
			: number;
};

/** Parameters read from a URL, and what was wrong with the URL, if anything. */
export interface ReadParamsResult<S extends ParamsSpec> {
	params: ParamsOf<S>;
	problems: string[];
}

/** The defaults of a spec. */
export function defaultParams<S extends ParamsSpec>(spec: S): ParamsOf<S> {
	return Object.fromEntries(Object.entries(spec).map(([k, s]) => [k, s.default])) as ParamsOf<S>;
}

/** Parses the parameters in `search` (a query string) against `spec`. Never throws. */
export function readParams<S extends ParamsSpec>(spec: S, search: string): ReadParamsResult<S> {
	const query = new URLSearchParams(search);
	const params: Record<string, unknown> = {};
	const problems: string[] = [];
	for (const [key, s] of Object.entries(spec)) {
		const raw = query.get(key);
		if (raw === null || raw === '') {
			params[key] = s.default;
			continue;
		}
		const fallback = `so the default (${String(s.default)}) is used`;
		switch (s.kind) {
			case 'number':
			case 'integer': {
				const value = Number(raw);
				if (!Number.isFinite(value) || (s.kind === 'integer' && !Number.isInteger(value))) {
					problems.push(
						`${s.label} “${raw}” is not ${s.kind === 'integer' ? 'a whole number' : 'a number'}, ${fallback}.`,
					);
					params[key] = s.default;
				} else if (value < s.min || value > s.max) {
					problems.push(`${s.label} ${raw} is outside ${s.min}–${s.max}, ${fallback}.`);
					params[key] = s.default;
				} else {
					params[key] = value;
				}
				break;
			}
			case 'enum':
				if (s.values.includes(raw)) params[key] = raw;
				else {
					problems.push(`${s.label} “${raw}” is not one of ${s.values.join(', ')}, ${fallback}.`);
					params[key] = s.default;
				}
				break;
			case 'boolean':
				if (raw === '1' || raw === 'true') params[key] = true;
				else if (raw === '0' || raw === 'false') params[key] = false;
				else {
					problems.push(`${s.label} “${raw}” should be 1 or 0, ${fallback}.`);
					params[key] = s.default;
				}
				break;
		}
	}
	const unknown = [...query.keys()].filter((k) => !(k in spec));
	if (unknown.length > 0) {
		problems.push(
			`The link has parameters this lab does not use (${unknown.join(', ')}); they were ignored.`,
		);
	}
	return { params: params as ParamsOf<S>, problems };
}

/** A query string (without “?”) holding the values that differ from the defaults. */
export function writeParams<S extends ParamsSpec>(spec: S, params: ParamsOf<S>): string {
	const query = new URLSearchParams();
	for (const [key, s] of Object.entries(spec)) {
		const value = (params as Record<string, unknown>)[key];
		if (value === s.default || value === undefined) continue;
		query.set(key, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
	}
	return query.toString();
}
