/**
 * Draws a QR code as SVG with `uqr` (unjs; no dependencies, about 4 KiB gzip). The QR page imports
 * this module only when it opens, so no other page pays for the encoder. The drawing is one path
 * of unit squares in a viewBox, so it stays sharp at any size a projector needs; it is always
 * black on white with a four-module quiet zone, whatever the theme, because that is what phone
 * cameras read best.
 */
import { encode } from 'uqr';

/** Quiet zone around the code, in modules (the QR standard asks for four). */
const quietModules = 4;

/** An SVG string of `text` as a QR code (error correction M: survives smudged projector pixels). */
export function qrSvg(text: string, label: string): string {
	const { data, size } = encode(text, { ecc: 'M', border: 0 });
	const full = size + 2 * quietModules;
	let path = '';
	data.forEach((row, y) =>
		row.forEach((dark, x) => {
			if (dark) path += `M${x + quietModules} ${y + quietModules}h1v1h-1z`;
		}),
	);
	const escaped = label.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${full} ${full}" role="img" aria-label="${escaped}" shape-rendering="crispEdges"><rect width="${full}" height="${full}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}
