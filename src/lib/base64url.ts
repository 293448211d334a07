/**
 * URL-safe base64 without padding, for data carried in a link's fragment (assessment share links,
 * workshop results links). Its own module so a page that writes links does not load what reads
 * them (the assessment store pulls in the whole question bank).
 */

/** Bytes as URL-safe base64 without padding. */
export function toBase64Url(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Reads `toBase64Url`'s text; throws on characters it never writes. */
export function fromBase64Url(text: string): Uint8Array {
	if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('bad characters');
	const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
