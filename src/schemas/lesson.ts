/**
 * The frontmatter every lesson must carry. Validation runs at build time, so a lesson with a
 * missing or mistyped field stops the build with a message naming the file and the field.
 */
import { z } from 'astro/zod';
import { assessmentDimensionIds } from './assessment-dimensions';
import { labIds } from './lab-ids';

export { labIds };

/** Modules of the curriculum, in the order the lessons index shows them. */
export const lessonModules = [
	'foundations',
	'data-and-experiments',
	'delivery',
	'operations',
	'maturity-and-practice',
] as const;

/** Human-readable names for the modules. */
export const moduleTitles: Record<(typeof lessonModules)[number], string> = {
	foundations: 'Foundations',
	'data-and-experiments': 'Data and experiments',
	delivery: 'Building and delivering',
	operations: 'Operating models in production',
	'maturity-and-practice': 'Maturity and practice',
};

export const lessonSchema = z.object({
	/** Page title, also the `<h1>`. */
	title: z.string().min(3).max(80),
	/** One or two sentences for the lessons index, search results and the meta description. */
	description: z.string().min(50).max(200),
	/** Which module the lesson belongs to. */
	module: z.enum(lessonModules),
	/** Position within the module; lessons sort by this number. */
	order: z.number().int().min(1),
	/** What the learner can do after reading: two to six statements that start with a verb. */
	objectives: z.array(z.string().min(10)).min(2).max(6),
	/** Estimated reading time in minutes, quiz included. */
	minutes: z.number().int().min(2).max(60),
	/** The lab that puts this lesson into practice, if one exists yet. */
	lab: z.enum(labIds).optional(),
	/** The assessment dimension that measures this practice, if any (links to the assessment). */
	assessmentDimension: z.enum(assessmentDimensionIds).optional(),
	/** Glossary ids for the key terms this lesson introduces (each must exist in the glossary). */
	keyTerms: z.array(z.string()).default([]),
	/** Sources for further reading, cited by title and URL. */
	furtherReading: z
		.array(z.object({ title: z.string(), url: z.url(), note: z.string().optional() }))
		.default([]),
	/** Drafts are built in development only. */
	draft: z.boolean().default(false),
});

export type LessonFrontmatter = z.infer<typeof lessonSchema>;
