/**
 * Lets tools that do not understand .astro files (svelte-check) type-check TypeScript modules
 * that re-export Astro components. `astro check` resolves .astro imports itself, so this
 * fallback only applies where a tool cannot.
 */
declare module '*.astro' {
	const component: (props: Record<string, unknown>) => unknown;
	export default component;
}

/** Short git commit of the build, injected by astro.config.mjs and vitest.config.ts. */
declare const __BUILD_COMMIT__: string;

/** `client:intent`, registered by src/integrations/hydrate-on-intent.ts. */
declare namespace Astro {
	interface ClientDirectives {
		'client:intent'?: boolean;
	}
}
