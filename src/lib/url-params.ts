/**
 * Lab parameters in the URL. Each lab declares a spec (type, range, default per parameter);
 * `readParams` turns a query string into valid parameters plus a list of plain-language
 * problems for anything that was missing its mark, so a mistyped or tampered link still opens
 * the lab — with defaults and a message — instead of a broken page. `writeParams` is the
 * inverse and only writes values that differ from the defaults, keeping shared links short.
 */

/** What every parameter has: a label, and older URL keys still read (shared links keep working). */
interface ParamBase {
	label: string;
	aliases?: readonly string[];
}

/** How one parameter is parsed and validated. */
export type ParamSpec =
	| (ParamBase & {
			kind: 'number' | 'integer';
			default: number;
			min: number;
			max: number;
			/** The input's step (`any` when unset for numbers, 1 for integers). */
			step?: number;
	  })
	| (ParamBase & { kind: 'enum'; default: string; values: readonly string[] })
	| (ParamBase & { kind: 'boolean'; default: boolean });

/**
 * Parameters any page of the site may carry, which no lab reads and none should warn about:
 * `present=1` opens the page in presenter view (src/lib/presenter/).
 */
export const siteWideParams: ReadonlySet<string> = new Set(['present']);

/** Longest piece of a link echoed back in a message; longer ones are cut with an ellipsis. */
export const echoMaxChars = 40;

/**
 * A value from a link or a form, safe to echo: cut to `echoMaxChars` characters, so a 5,000-
 * character value or a 3,000-digit seed cannot widen the page.
 */
export function clip(text: string, maxChars = echoMaxChars): string {
	const chars = [...text];
	return chars.length <= maxChars ? text : `${chars.slice(0, maxChars - 1).join('')}…`;
}

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

/**
 * The `preset` parameter of a lab with presets: `custom` (the default, and what editing any field
 * makes it) or one of the lab's presets by id.
 */
export function presetParamSpec(presets: readonly { readonly id: string }[]) {
	return {
		kind: 'enum' as const,
		default: 'custom',
		values: ['custom', ...presets.map((p) => p.id)],
		label: 'Preset',
	};
}

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
	const known = new Set<string>();
	for (const [key, s] of Object.entries(spec)) {
		known.add(key);
		for (const alias of s.aliases ?? []) known.add(alias);
		// The current key wins; an older key is read when the link has no current one.
		const found = [key, ...(s.aliases ?? [])].find((k) => query.has(k));
		const rawFull = found === undefined ? null : query.get(found);
		const raw = rawFull === null ? null : clip(rawFull);
		if (rawFull === null || rawFull === '') {
			params[key] = s.default;
			continue;
		}
		const fallback = `so the default (${String(s.default)}) is used`;
		switch (s.kind) {
			case 'number':
			case 'integer': {
				const value = Number(rawFull);
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
				if (s.values.includes(rawFull)) params[key] = rawFull;
				else {
					problems.push(`${s.label} “${raw}” is not one of ${s.values.join(', ')}, ${fallback}.`);
					params[key] = s.default;
				}
				break;
			case 'boolean':
				if (rawFull === '1' || rawFull === 'true') params[key] = true;
				else if (rawFull === '0' || rawFull === 'false') params[key] = false;
				else {
					problems.push(`${s.label} “${raw}” should be 1 or 0, ${fallback}.`);
					params[key] = s.default;
				}
				break;
		}
	}
	// Own keys only: `constructor`, `toString` or `__proto__` are unused parameters like any other.
	const unknown = [...new Set(query.keys())].filter((k) => !known.has(k) && !siteWideParams.has(k));
	if (unknown.length > 0) {
		const listed = unknown.slice(0, 5).map((k) => clip(k, 24));
		const more = unknown.length > 5 ? ` and ${unknown.length - 5} more` : '';
		problems.push(
			`The link has parameters this lab does not use (${listed.join(', ')}${more}); they were ignored.`,
		);
	}
	return { params: params as ParamsOf<S>, problems };
}

/** The parameters a link states explicitly (under their current key or an older one). */
export function statedParams(spec: ParamsSpec, search: string): Set<string> {
	const query = new URLSearchParams(search);
	return new Set(
		Object.entries(spec)
			.filter(([key, s]) => [key, ...(s.aliases ?? [])].some((k) => (query.get(k) ?? '') !== ''))
			.map(([key]) => key),
	);
}

/**
 * The one rule for a number typed into a lab's form: empty, not a number, outside the range or
 * not whole where a whole number is needed gives a message and keeps the current value — never a
 * silent 0.
 */
export function readFieldInput(
	s: ParamSpec,
	raw: string,
	kept: unknown,
): { value: number } | { message: string } {
	if (s.kind !== 'number' && s.kind !== 'integer') {
		return { message: `${s.label} is not a number field.` };
	}
	const value = Number(raw);
	if (
		raw.trim() === '' ||
		!Number.isFinite(value) ||
		value < s.min ||
		value > s.max ||
		(s.kind === 'integer' && !Number.isInteger(value))
	) {
		return {
			message: `${s.label} must be ${s.kind === 'integer' ? 'a whole number' : 'a number'} from ${s.min} to ${s.max}; kept ${clip(String(kept))}.`,
		};
	}
	return { value };
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

/** `query` with its seed stated, as a results file requires of a run's link (even a default seed). */
export function withSeed(query: string, seed: number): string {
	const params = new URLSearchParams(query);
	params.set('seed', String(seed));
	return params.toString();
}
