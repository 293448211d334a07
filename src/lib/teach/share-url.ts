/**
 * Which links the QR page may show. A room scans whatever the projector shows, so the page only
 * ever encodes a link to this site: a path, or a full URL whose origin is this site's. Anything
 * else (another site, `javascript:`, a protocol-relative `//host` path) is refused with a message
 * that says why, rather than silently turned into a code that sends a room elsewhere.
 */

/** A link the QR page can show, or why not. */
export type ShareUrl =
	| {
			ok: true;
			/** The full URL the code encodes. */
			href: string;
			/** The same without protocol, for people to read and type. */
			short: string;
	  }
	| { ok: false; message: string };

/** Reads the `url` parameter of the QR page; a missing one means the site's home page. */
export function readShareUrl(raw: string | null, origin: string): ShareUrl {
	const value = (raw ?? '').trim() || '/';
	let url: URL;
	try {
		url = new URL(value, origin);
	} catch {
		return { ok: false, message: `“${value}” is not a link this page can read.` };
	}
	if (url.origin !== origin)
		return {
			ok: false,
			message: `Only links to this site can be shown as a QR code here, and “${value}” points ${url.host ? `to ${url.host}` : 'elsewhere'}. Open the QR code from a run sheet or the preset list instead.`,
		};
	return { ok: true, href: url.href, short: `${url.host}${url.pathname}${url.search}${url.hash}` };
}

/** The QR page's link for a same-site path. */
export const qrHref = (path: string): string => `/teach/qr/?url=${encodeURIComponent(path)}`;
