/**
 * The lab ids on their own, free of zod, so browser code that only needs the list (the site's
 * links, every island that links to a lab) does not pull the schema library into its bundle:
 * importing them from the lesson schema brought about 80 KB of zod into the assessment's island.
 */

/** Labs a lesson can point to. The ids match the routes under /labs/. */
export const labIds = ['training', 'drift', 'continuous-training', 'deployment'] as const;

/** A lab id. */
export type LabId = (typeof labIds)[number];
