/**
 * Link check over the built site: every internal href and src in every HTML page must point
 * to a file that exists, and every #fragment must name an id on the target page. External
 * links are listed but not fetched (the test must not depend on the network).
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

function htmlFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return htmlFiles(path);
		return name.endsWith('.html') ? [path] : [];
	});
}

function pagePath(file: string): string {
	const rel = relative('dist', file).split(sep).join('/');
	return '/' + rel.replace(/index\.html$/, '').replace(/\.html$/, '');
}

function targetFile(pathname: string): string | undefined {
	const decoded = decodeURIComponent(pathname);
	const candidates = decoded.endsWith('/')
		? [join('dist', decoded, 'index.html')]
		: [join('dist', decoded), join('dist', `${decoded}.html`), join('dist', decoded, 'index.html')];
	return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

const idCache = new Map<string, Set<string>>();
function idsIn(file: string): Set<string> {
	let ids = idCache.get(file);
	if (!ids) {
		const html = readFileSync(file, 'utf8');
		ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? ''));
		idCache.set(file, ids);
	}
	return ids;
}

describe('internal links', () => {
	const files = htmlFiles('dist');

	test('the build has pages to check', () => {
		expect(files.length).toBeGreaterThan(4);
	});

	test('every internal link and fragment resolves', () => {
		const broken: string[] = [];
		for (const file of files) {
			const html = readFileSync(file, 'utf8');
			const from = pagePath(file);
			for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
				const raw = (match[1] ?? '').replaceAll('&amp;', '&');
				if (/^(https?:|mailto:|data:|blob:|javascript:)/.test(raw) || raw === '') continue;
				const url = new URL(raw, `http://site${from}`);
				const target = targetFile(url.pathname);
				if (!target) {
					broken.push(`${from} → ${raw} (no such page or file)`);
					continue;
				}
				const fragment = decodeURIComponent(url.hash.slice(1));
				if (fragment && target.endsWith('.html') && !idsIn(target).has(fragment)) {
					broken.push(`${from} → ${raw} (no element with id "${fragment}")`);
				}
			}
		}
		expect(broken).toEqual([]);
	});
});
