// End-to-end tests: a real Chromium (driven by playwright-core) against the built site in
// dist/, served by our own static server. The global setup finds or installs Chromium and
// starts the server once for every spec file.
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/e2e/**/*.spec.ts'],
		environment: 'node',
		globalSetup: ['test/e2e/global-setup.ts'],
		testTimeout: 120_000,
		hookTimeout: 180_000,
		// Two cores: run spec files one at a time so timings inside labs stay realistic.
		fileParallelism: false,
	},
});
