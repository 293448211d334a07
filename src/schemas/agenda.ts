/**
 * Workshop agendas: one YAML file per workshop under `content/agendas/`, checked against this
 * schema at build time, so a trainer adds a workshop by adding a file and a typo stops the build
 * with the file and field named. Every step says what the trainer says and what the room does,
 * and may link one thing on the site (a lesson, a seeded lab preset or a part of the assessment).
 *
 * Key decision: a link names its target by id (`lesson: foundations/01-what-is-mlops`,
 * `lab: drift` + `preset: concept-drift`), never by URL. The run sheet builds the URL, and
 * `agendaLinkProblems` (src/lib/teach/agenda-links.ts) checks every id against what the site
 * builds, so an agenda cannot send a room to a page that does not exist.
 */
import { z } from 'astro/zod';
import { assessmentDimensionIds } from './assessment-dimensions';
import { labIds } from './lesson';

/** What a step links to: exactly one lesson, lab preset or part of the assessment. */
export const agendaLinkSchema = z.discriminatedUnion('kind', [
	z.strictObject({
		kind: z.literal('lesson'),
		/** The lesson's id: its path under content/lessons/ without `.mdx`. */
		lesson: z.string().min(1),
	}),
	z.strictObject({
		kind: z.literal('preset'),
		/** The lab the preset belongs to; only labs whose page is built may be linked. */
		lab: z.enum(labIds),
		/** The preset's id in that lab (see /teach/presets/ for the list). */
		preset: z.string().min(1),
	}),
	z.strictObject({
		kind: z.literal('assessment'),
		/** `self`: the assessment itself; `team`: the team view; `dimension`: one dimension. */
		part: z.enum(['self', 'team', 'dimension']),
		/** With `part: dimension`, which one. */
		dimension: z.enum(assessmentDimensionIds).optional(),
	}),
]);

/** A step's link. */
export type AgendaLink = z.infer<typeof agendaLinkSchema>;

/** One step of a run sheet. */
export const agendaStepSchema = z.strictObject({
	/** Short name of the step, shown as its heading. */
	title: z.string().min(3).max(80),
	/** What kind of step it is; the run sheet marks each kind and prints breaks lightly. */
	kind: z.enum(['talk', 'lab', 'discussion', 'assessment', 'break']),
	/** How long the step takes, in whole minutes; the run sheet adds them up into clock times. */
	minutes: z.number().int().min(1).max(120),
	/** What the room should be able to do or see by the end of the step. */
	goal: z.string().min(10),
	/** What the trainer says: the framing, in a sentence or three, in the trainer's voice. */
	say: z.string().min(10),
	/** What participants do during the step. */
	do: z.string().min(5),
	/** Questions to put to the room; none for a break. */
	prompts: z.array(z.string().min(5)).default([]),
	/** The observation to draw out of the room before moving on. */
	observation: z.string().min(10),
	/** The one lesson, lab preset or part of the assessment the step uses, if any. */
	link: agendaLinkSchema.optional(),
});

/** A step. */
export type AgendaStep = z.infer<typeof agendaStepSchema>;

/** A workshop agenda (one file in content/agendas/). */
export const agendaSchema = z.strictObject({
	/** The workshop's name, also the run sheet's `<h1>`. */
	title: z.string().min(5).max(80),
	/** One or two sentences for the /teach/ list and the meta description. */
	description: z.string().min(50).max(200),
	/** Who it is for and what they need to know beforehand. */
	audience: z.string().min(10),
	/** Position in the /teach/ list. */
	order: z.number().int().min(1),
	/** Default start time (24-hour `HH:MM`) for the run sheet's clock; the trainer can change it. */
	start: z
		.string()
		.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'start must be a 24-hour time such as 09:00')
		.default('09:00'),
	/** What the trainer prepares before the session (room, links, devices). */
	preparation: z.array(z.string().min(5)).min(1),
	/** The steps, in order. */
	steps: z.array(agendaStepSchema).min(2),
});

/** An agenda's frontmatter. */
export type Agenda = z.infer<typeof agendaSchema>;
