// @ts-check
// The short git commit of the code being built, for the code version every logged training run
// records. Astro's and Vitest's configs both inject it as the global __BUILD_COMMIT__, so the
// value comes from the build, not a hand-written constant; without git (a tarball build) it is
// 'unknown' rather than a failed build.
import { execFileSync } from 'node:child_process';

/** The short hash of HEAD, or 'unknown' when git or the repository is unavailable. */
export function buildCommit() {
	try {
		const hash = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
			stdio: ['ignore', 'pipe', 'ignore'],
		})
			.toString()
			.trim();
		return /^[0-9a-f]{4,40}$/.test(hash) ? hash : 'unknown';
	} catch {
		return 'unknown';
	}
}
