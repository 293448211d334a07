/**
 * A glossary entry: one term, a short definition shown in tooltips, and an optional longer
 * body on the glossary page. Lessons refer to terms by id (the file name).
 */
import { z } from 'astro/zod';

export const glossarySchema = z.object({
	/** The term as it should be displayed. */
	term: z.string().min(2),
	/** One or two plain sentences; shown on hover and focus wherever the term is linked. */
	short: z.string().min(20).max(300),
	/** Other glossary ids worth reading next. */
	related: z.array(z.string()).default([]),
});

export type GlossaryEntry = z.infer<typeof glossarySchema>;
