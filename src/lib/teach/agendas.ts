/**
 * Agenda queries for the /teach/ routes: every agenda in order, each checked against what the
 * site builds. A dangling link stops the build with the agenda's file and step named, so a
 * trainer's new file cannot send a room to a page that does not exist.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { getLessons } from '../lessons';
import { availableLabs } from '../site-links';
import { agendaLinkProblems, agendaLinkTarget } from './agenda-links';
import { labPresetLinks, presetKey } from './lab-presets';

/** An agenda entry from the content collection. */
export type AgendaEntry = CollectionEntry<'agendas'>;

/** Paths under /teach/ that are pages of their own, so no agenda may take their name. */
export const reservedTeachPaths = ['presets', 'qr', 'personas', 'send'];

/** Every agenda, in `order`, with every link checked; throws naming the file otherwise. */
export async function getAgendas(): Promise<AgendaEntry[]> {
	const [agendas, lessons] = await Promise.all([getCollection('agendas'), getLessons()]);
	const known = {
		lessons: new Set(lessons.map((lesson) => lesson.id)),
		labs: new Set<string>(availableLabs),
		presets: new Set(labPresetLinks.map(presetKey)),
	};
	for (const agenda of agendas) {
		const file = agenda.filePath ?? `content/agendas/${agenda.id}.yaml`;
		if (reservedTeachPaths.includes(agenda.id))
			throw new Error(`${file}: the name "${agenda.id}" is taken by /teach/${agenda.id}/.`);
		const problems = agendaLinkProblems(agenda.data.steps, known);
		if (problems.length > 0)
			throw new Error(`${file} has links to nothing:\n${problems.map((p) => `  ${p}`).join('\n')}`);
	}
	return agendas.sort((a, b) => a.data.order - b.data.order);
}

/** Resolves step links to URLs and labels, with lesson titles for the labels. */
export async function agendaLinkResolver(): Promise<
	(link: Parameters<typeof agendaLinkTarget>[0]) => { href: string; label: string }
> {
	const lessons = await getLessons();
	const titles = new Map(lessons.map((lesson) => [lesson.id, lesson.data.title]));
	const presets = new Map(labPresetLinks.map((p) => [presetKey(p), p]));
	return (link) => agendaLinkTarget(link, presets, titles);
}
