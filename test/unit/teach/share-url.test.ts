import { describe, expect, test } from 'vitest';
import { encode } from 'uqr';
import { qrHref, readShareUrl } from '../../../src/lib/teach/share-url';
import { qrSvg } from '../../../src/lib/teach/qr';

const origin = 'https://mlops-lab.example.org';

describe('readShareUrl', () => {
	test('accepts a path on this site and shortens it without protocol', () => {
		expect(readShareUrl('/labs/drift/?preset=concept-drift&seed=42', origin)).toEqual({
			ok: true,
			href: 'https://mlops-lab.example.org/labs/drift/?preset=concept-drift&seed=42',
			short: 'mlops-lab.example.org/labs/drift/?preset=concept-drift&seed=42',
		});
	});

	test('accepts a full URL on this site, and reads a missing one as the home page', () => {
		expect(readShareUrl(`${origin}/assess/#team-title`, origin)).toMatchObject({
			ok: true,
			short: 'mlops-lab.example.org/assess/#team-title',
		});
		expect(readShareUrl(null, origin)).toMatchObject({ ok: true, href: `${origin}/` });
	});

	test.each([
		['https://evil.example.com/phish', 'evil.example.com'],
		['//evil.example.com/labs/', 'evil.example.com'],
		['http://mlops-lab.example.org/', 'mlops-lab.example.org'],
		['javascript:alert(1)', 'elsewhere'],
	])('refuses %s, saying where it points', (raw, where) => {
		const result = readShareUrl(raw, origin);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.message).toContain('Only links to this site');
			expect(result.message).toContain(where);
		}
	});

	test('qrHref round-trips a path with its query through the QR page’s parameter', () => {
		const path = '/labs/training/?model=mlp&learningRate=100&seed=42#lab';
		const param = new URL(qrHref(path), origin).searchParams.get('url');
		expect(param).toBe(path);
	});
});

describe('qrSvg', () => {
	test('draws every dark module of the code inside a four-module quiet zone', () => {
		const text = `${origin}/labs/training/?seed=42`;
		const { data, size } = encode(text, { ecc: 'M', border: 0 });
		const svg = qrSvg(text, 'QR code for the lab');
		expect(svg).toContain(`viewBox="0 0 ${size + 8} ${size + 8}"`);
		const squares = svg.match(/M\d+ \d+h1v1h-1z/g) ?? [];
		expect(squares).toHaveLength(data.flat().filter(Boolean).length);
		// The top-left finder pattern starts at the corner of the quiet zone.
		expect(squares[0]).toBe('M4 4h1v1h-1z');
	});

	test('escapes the label', () => {
		expect(qrSvg('x', 'a "b" <c>')).toContain('aria-label="a &#34;b&#34; &#60;c&#62;"');
	});
});
