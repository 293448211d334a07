/**
 * Small hand-written readers that rebuild a stored record field by field, naming the first field
 * that does not match (`parse` turns that into a message instead of an exception). Shared by the
 * run and registry readers; kept apart so a page that reads only the registry (the drift lab)
 * does not load the run readers.
 *
 * Key decision: a few small readers instead of a schema library. Both labs read the registry as
 * soon as they are visible, and a schema library would be most of their JavaScript.
 */
/** A reader: the value rebuilt, or throws `Invalid` naming what is wrong. */
export type Reader<T> = (value: unknown, path: string) => T;

class Invalid extends Error {}

const fail = (path: string, expected: string): never => {
	throw new Invalid(`${path || 'value'} should be ${expected}`);
};
const at = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

export const number: Reader<number> = (v, p) =>
	typeof v === 'number' && !Number.isNaN(v) ? v : fail(p, 'a number');
export const integer: Reader<number> = (v, p) =>
	Number.isInteger(v) ? (v as number) : fail(p, 'a whole number');
export const positiveInteger: Reader<number> = (v, p) =>
	integer(v, p) > 0 ? (v as number) : fail(p, 'a positive whole number');
// NaN is not JSON: exports write null and IndexedDB keeps NaN; both read back as NaN.
export const numberOrNaN: Reader<number> = (v, p) =>
	v === null || (typeof v === 'number' && Number.isNaN(v)) ? Number.NaN : number(v, p);
export const string: Reader<string> = (v, p) => (typeof v === 'string' ? v : fail(p, 'text'));
export const nonEmpty: Reader<string> = (v, p) =>
	string(v, p) !== '' ? (v as string) : fail(p, 'text');
export const boolean: Reader<boolean> = (v, p) =>
	typeof v === 'boolean' ? v : fail(p, 'true or false');
export const oneOf =
	<T extends string>(values: readonly T[]): Reader<T> =>
	(v, p) =>
		values.includes(v as T) ? (v as T) : fail(p, `one of ${values.join(', ')}`);
export const nullable =
	<T>(read: Reader<T>): Reader<T | null> =>
	(v, p) =>
		v === null ? null : read(v, p);
export const array =
	<T>(read: Reader<T>): Reader<T[]> =>
	(v, p) =>
		Array.isArray(v) ? v.map((item, i) => read(item, at(p, i))) : fail(p, 'a list');
export const object =
	<T>(fields: { [K in keyof T]: Reader<T[K]> }): Reader<T> =>
	(v, p) => {
		if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(p, 'an object');
		const source = v as Record<string, unknown>;
		const out: Record<string, unknown> = {};
		for (const key of Object.keys(fields) as (keyof T & string)[]) {
			out[key] = fields[key](Object.hasOwn(source, key) ? source[key] : undefined, at(p, key));
		}
		return out as T;
	};

export function parse<T>(
	read: Reader<T>,
	value: unknown,
	what: string,
): { value: T } | { error: string } {
	try {
		return { value: read(value, '') };
	} catch (error) {
		if (error instanceof Invalid) return { error: `${what} is not valid: ${error.message}` };
		throw error;
	}
}
