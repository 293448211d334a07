/**
 * Which parts of the site exist yet. Lessons link onward to labs and to the assessment only
 * when the target page is built, so the link checker never finds a dangling link while the
 * curriculum grows ahead of the labs.
 */
import type { labIds } from '../schemas/lesson';

type LabId = (typeof labIds)[number];

/** Labs whose pages are built. Add an id here when its page lands. */
export const availableLabs: ReadonlySet<LabId> = new Set<LabId>(['training', 'drift']);

/** Display names for labs. */
export const labTitles: Record<LabId, string> = {
	training: 'training and experiment tracking',
	drift: 'drift and monitoring',
	'continuous-training': 'continuous training',
	deployment: 'deployment strategies',
};

/** Whether the maturity self-assessment at /assess/ is built, so lessons can link to it. */
export const assessmentAvailable = true;
