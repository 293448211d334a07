/**
 * Starts the static server over dist/ and locates Chromium once for all e2e spec files, and
 * hands both to the tests through Vitest's `provide`.
 */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serveDist } from '../../scripts/serve-dist.mjs';
import { findOrInstallChromium } from '../../scripts/find-chromium.mjs';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		chromiumPath: string;
	}
}

export default async function setup(project: TestProject) {
	if (!existsSync('dist/index.html')) {
		throw new Error('dist/ has no built site: run `npm run build` before the e2e tests.');
	}
	const chromiumPath = findOrInstallChromium();
	const server = await serveDist({ dir: 'dist' });
	project.provide('baseUrl', server.url);
	project.provide('chromiumPath', chromiumPath);
	return async () => {
		await server.close();
	};
}
