// Unit and component tests run in Node. Path aliases mirror tsconfig so tests import
// the same way the site does.
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { buildCommit } from './scripts/build-commit.mjs';

export default defineConfig({
	define: { __BUILD_COMMIT__: JSON.stringify(buildCommit()) },
	resolve: {
		alias: {
			'@sim': fileURLToPath(new URL('./simulations', import.meta.url)),
			'@': fileURLToPath(new URL('./src', import.meta.url)),
		},
	},
	test: {
		include: ['test/unit/**/*.test.ts', 'test/component/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
	},
});
