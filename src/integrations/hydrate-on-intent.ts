/**
 * Registers `client:intent` (hydrate-on-intent.client.ts), the directive the lab pages mount their
 * islands with: code loaded when the lab is in view, hydration when the learner reaches or
 * touches it. Astro inlines a directive's script only on the pages that use it.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

export default function hydrateOnIntent(): AstroIntegration {
	return {
		name: 'mlops-lab:hydrate-on-intent',
		hooks: {
			'astro:config:setup': ({ addClientDirective }) => {
				addClientDirective({
					name: 'intent',
					// esbuild bundles the directive and takes a path, not a file: URL.
					entrypoint: fileURLToPath(new URL('./hydrate-on-intent.client.ts', import.meta.url)),
				});
			},
		},
	};
}
