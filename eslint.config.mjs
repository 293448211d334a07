// @ts-check
// Linting for TypeScript, Astro and Svelte. The one project-specific rule keeps simulations/
// headless: it may not import from the site, from UI frameworks or from DOM-only libraries.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

export default defineConfig(
	{
		ignores: [
			'dist/**',
			'.astro/**',
			'node_modules/**',
			'test/fixtures/**',
			'bench/results/**',
			'**/*.d.ts',
		],
	},
	js.configs.recommended,
	...tseslint.configs.recommended,
	...astro.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// Unused arguments are common in callbacks with fixed signatures; prefix with _ to opt out.
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
			],
			'no-console': ['error', { allow: ['warn', 'error'] }],
		},
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { parser: tseslint.parser } },
	},
	{
		files: ['simulations/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['svelte', 'svelte/*'], message: 'simulations/ is headless: no Svelte.' },
						{
							group: ['astro', 'astro:*', 'astro/*'],
							message: 'simulations/ is headless: no Astro.',
						},
						{
							group: ['@/*', '**/src/*', '../src/*', '../../src/*'],
							message: 'simulations/ never imports from src/.',
						},
						{ group: ['d3-selection', 'd3'], message: 'simulations/ must not touch the DOM.' },
					],
				},
			],
			'no-restricted-globals': [
				'error',
				{ name: 'document', message: 'simulations/ is headless: no DOM.' },
				{ name: 'window', message: 'simulations/ is headless: no DOM.' },
				{ name: 'localStorage', message: 'simulations/ is headless: no storage.' },
			],
			'no-restricted-properties': [
				'error',
				{ object: 'Math', property: 'random', message: 'Inject a seeded rng instead.' },
			],
		},
	},
	{
		// Scripts and benchmarks print their figures.
		files: ['bench/**', 'test/e2e/**', 'scripts/**'],
		rules: { 'no-console': 'off' },
	},
	{
		// Statecharts are laid out at build time (in .astro frontmatter): islands get plain JSON,
		// so elkjs (1.5 MB) and xstate/graph must never be reachable from browser code.
		files: ['src/components/**/*.{svelte,ts}', 'src/lib/**/*.svelte.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['elkjs', 'elkjs/*', '**/statechart-layout', '**/statechart-graph'],
							message:
								'Lay statecharts out in the page frontmatter; islands import statechart-view.',
						},
					],
				},
			],
		},
	},
);
