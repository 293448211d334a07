/**
 * Which parts of the site exist yet. Lessons link onward to labs and to the assessment only
 * when the target page is built, so the link checker never finds a dangling link while the
 * curriculum grows ahead of the labs.
 */
import { labIds, type LabId } from '../schemas/lab-ids';

/** Labs whose pages are built. Add an id here when its page lands. */
export const availableLabs: ReadonlySet<LabId> = new Set<LabId>([
	'training',
	'drift',
	'continuous-training',
	'deployment',
]);

/** Display names for labs. */
export const labTitles: Record<LabId, string> = {
	training: 'training and experiment tracking',
	drift: 'drift and monitoring',
	'continuous-training': 'continuous training',
	deployment: 'deployment strategies',
};

/** Whether the maturity self-assessment at /assess/ is built, so lessons can link to it. */
export const assessmentAvailable = true;

/** One lab as pages list it: in course order, linked only when its page exists. */
export interface LabStatus {
	id: LabId;
	title: string;
	available: boolean;
}

/**
 * Every lab in course order with whether it is built, so pages that list all four say which
 * are still coming, and stop saying it by themselves when a lab's id joins `availableLabs`.
 */
export function labStatuses(available: ReadonlySet<LabId> = availableLabs): LabStatus[] {
	return labIds.map((id) => ({ id, title: labTitles[id], available: available.has(id) }));
}

/** "Two of the four labs are open; the continuous training and deployment strategies labs are still being built." */
export function labAvailabilitySentence(statuses: readonly LabStatus[]): string {
	const coming = statuses.filter((lab) => !lab.available).map((lab) => lab.title);
	const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six'];
	const say = (n: number) => words[n] ?? String(n);
	if (coming.length === 0) return `All ${say(statuses.length)} labs are open.`;
	const open = statuses.length - coming.length;
	const list =
		coming.length === 1
			? coming[0]
			: `${coming.slice(0, -1).join(', ')} and ${coming[coming.length - 1]}`;
	return `${say(open).replace(/^./, (c) => c.toUpperCase())} of the ${say(statuses.length)} labs ${open === 1 ? 'is' : 'are'} open; the ${list} ${coming.length === 1 ? 'lab is' : 'labs are'} still being built.`;
}
