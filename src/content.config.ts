/**
 * Content collections: lessons (MDX) and glossary terms (Markdown), loaded from the top-level
 * `content/` folder. Files whose name starts with an underscore are partials and are skipped.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema } from './schemas/lesson';
import { glossarySchema } from './schemas/glossary';

const lessons = defineCollection({
	loader: glob({ base: './content/lessons', pattern: '**/[^_]*.mdx' }),
	schema: lessonSchema,
});

const glossary = defineCollection({
	loader: glob({ base: './content/glossary', pattern: '**/[^_]*.md' }),
	schema: glossarySchema,
});

export const collections = { lessons, glossary };
