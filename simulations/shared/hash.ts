/**
 * Small, stable hashes for seeds and data versions. FNV-1a (32-bit) over UTF-16 code units is
 * enough here: the hashes name simulated datasets and derive PRNG keys, they never guard
 * anything, and the same input must give the same hex string in every browser and in Node.
 * `canonicalJson` sorts object keys so two equal parameter objects always hash alike.
 */

/** FNV-1a 32-bit hash of a string, as an unsigned integer. */
export function fnv1a(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/** JSON with object keys sorted at every level; non-finite numbers become strings. */
export function canonicalJson(value: unknown): string {
	if (typeof value === 'number')
		return Number.isFinite(value) ? JSON.stringify(value) : `"${value}"`;
	if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, v]) => v !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** An 8-digit hex hash of any JSON-like value, e.g. a data version "3f9a0c12". */
export function hashValue(value: unknown): string {
	return fnv1a(canonicalJson(value)).toString(16).padStart(8, '0');
}
