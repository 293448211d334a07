import { describe, expect, test } from 'vitest';
import {
	lazySvelteImports,
	serverStyleImports,
} from '../../../src/integrations/lazy-component-styles';

// RolloutSection's shape: the chart component imported in an $effect, which the server compile
// drops; a section imported in markup, which it keeps; a type import; a lazily imported TS module.
const source = `<script lang="ts">
	import type RolloutChartView from './RolloutChart.svelte';
	type Writer = typeof import('./Writer.svelte').default;
	$effect(() => {
		import('./RolloutChart.svelte').then((module) => (Chart = module.default));
		void import("@/lib/labs/deployment/deployment-manifest");
	});
	function again() {
		return import( "./RolloutChart.svelte" );
	}
</script>
{#await import('./AnalysisRuns.svelte') then { default: AnalysisRuns }}<AnalysisRuns />{/await}`;

const compiledForServer = `import * as $ from 'svelte/internal/server';
export default function RolloutSection($$renderer) {
	$.await($$renderer, import('./AnalysisRuns.svelte'), () => {}, () => {});
}`;

describe('lazySvelteImports', () => {
	test('finds each component imported lazily, once, and no type or TS module', () => {
		expect(lazySvelteImports(source)).toEqual(['./RolloutChart.svelte', './AnalysisRuns.svelte']);
	});
});

describe('serverStyleImports', () => {
	test('imports for the server what its compile dropped, and only that', () => {
		expect(serverStyleImports(source, compiledForServer)).toBe(`\nimport "./RolloutChart.svelte";`);
	});

	test('adds nothing to a component that imports nothing lazily', () => {
		expect(serverStyleImports('<p>static</p>', 'export default function P() {}')).toBe('');
	});
});
