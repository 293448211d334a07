/**
 * Lets tools that do not understand .astro files (svelte-check) type-check TypeScript modules
 * that re-export Astro components. `astro check` resolves .astro imports itself, so this
 * fallback only applies where a tool cannot.
 */
declare module '*.astro' {
	const component: (props: Record<string, unknown>) => unknown;
	export default component;
}
