/**
 * Builds the Pagefind search index over the finished static site, after Astro has written
 * every page. Running the index inside `astro build` (rather than as a separate npm step)
 * means any build — CI, preview, or a contributor's — always ships a working search.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { createIndex, close } from 'pagefind';

export default function pagefind(): AstroIntegration {
	return {
		name: 'mlops-lab:pagefind',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const outputPath = fileURLToPath(dir);
				const { index, errors } = await createIndex({});
				if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
				const added = await index.addDirectory({ path: outputPath });
				if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
				await index.writeFiles({ outputPath: `${outputPath}/pagefind` });
				logger.info(`Pagefind indexed ${added.page_count} pages.`);
				await close();
			},
		},
	};
}
