/**
 * Content collections: lessons (MDX), glossary terms (Markdown) and workshop agendas (YAML),
 * loaded from the top-level `content/` folder. Files whose name starts with an underscore are
 * partials and are skipped.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema } from './schemas/lesson';
import { glossarySchema } from './schemas/glossary';
import { agendaSchema } from './schemas/agenda';

const lessons = defineCollection({
	loader: glob({ base: './content/lessons', pattern: '**/[^_]*.mdx' }),
	schema: lessonSchema,
});

const glossary = defineCollection({
	loader: glob({ base: './content/glossary', pattern: '**/[^_]*.md' }),
	schema: glossarySchema,
});

const agendas = defineCollection({
	loader: glob({ base: './content/agendas', pattern: '**/[^_]*.yaml' }),
	schema: agendaSchema,
});

export const collections = { lessons, glossary, agendas };
