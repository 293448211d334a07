/**
 * Facts about the build the page came from. The commit is injected at build time (see
 * scripts/build-commit.mjs) so a logged run names the code that produced it; `typeof` guards
 * tools that load this module without the define and yields 'unknown' there.
 */

/** Short git commit of this build, or 'unknown'. */
export const buildCommit: string =
	typeof __BUILD_COMMIT__ === 'string' && __BUILD_COMMIT__ !== '' ? __BUILD_COMMIT__ : 'unknown';
