/**
 * Deterministic unique ids for server-rendered components (tooltips, figure captions).
 * A counter rather than randomness keeps builds byte-for-byte reproducible.
 */
let counter = 0;

/** Returns `prefix-N`, unique within one build. */
export function uniqueId(prefix: string): string {
	counter += 1;
	return `${prefix}-${counter}`;
}
