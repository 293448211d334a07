/**
 * `npm ci` installs exactly what package-lock.json records, and refuses a lock file in which a
 * package's optional dependency has no entry. npm drops the entries of other platforms' native
 * binaries (Astro's compiler bindings, Pagefind's) when it rewrites the lock on one machine, and
 * then a trainer who clones the site onto macOS or Windows cannot run `npm ci`. This test walks
 * the lock as npm resolves it (nearest node_modules upwards) and names every missing entry;
 * `scripts/complete-lockfile.sh` restores them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

interface LockedPackage {
	dependencies?: Record<string, string>;
	optionalDependencies?: Record<string, string>;
	os?: string[];
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
	packages: Record<string, LockedPackage>;
};

/** Where npm would find `name` when required from the package installed at `from`. */
function resolveFrom(from: string, name: string): string | undefined {
	let base = from;
	for (;;) {
		const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`;
		if (candidate in lock.packages) return candidate;
		if (base === '') return undefined;
		const cut = base.lastIndexOf('/node_modules/');
		base = cut === -1 ? '' : base.slice(0, cut);
	}
}

describe('package-lock.json', () => {
	test('records every optional dependency, for every platform, so `npm ci` accepts it', () => {
		const missing: string[] = [];
		for (const [path, entry] of Object.entries(lock.packages)) {
			for (const name of Object.keys(entry.optionalDependencies ?? {})) {
				if (resolveFrom(path, name) === undefined) missing.push(`${path || '(root)'} → ${name}`);
			}
		}
		expect(missing, 'run scripts/complete-lockfile.sh to restore them').toEqual([]);
	});

	test('holds native binaries for macOS and Windows as well as Linux', () => {
		const platforms = new Set(Object.values(lock.packages).flatMap((entry) => entry.os ?? []));
		expect([...platforms]).toEqual(expect.arrayContaining(['darwin', 'linux', 'win32']));
	});
});
