/**
 * Turns an agenda step's link (an id) into a URL, and checks at build time that every link names
 * something the site builds. The check is a pure function over the agenda and the sets of known
 * ids, so a unit test can feed it a broken agenda; the run-sheet route feeds it the real ones
 * and stops the build with the file named when any link is dangling.
 */
import type { AgendaLink, AgendaStep } from '../../schemas/agenda';

/** What the site builds, by id. */
export interface KnownTargets {
	/** Lesson ids (paths under content/lessons/ without `.mdx`). */
	lessons: ReadonlySet<string>;
	/** Labs whose page is built. */
	labs: ReadonlySet<string>;
	/** Preset keys `lab/id` of those labs (see `presetKey`). */
	presets: ReadonlySet<string>;
}

/** Why each step's link is broken, as sentences naming the step; empty when all are fine. */
export function agendaLinkProblems(steps: readonly AgendaStep[], known: KnownTargets): string[] {
	const problems: string[] = [];
	steps.forEach((step, index) => {
		const where = `step ${index + 1} ("${step.title}")`;
		const link = step.link;
		if (!link) return;
		if (link.kind === 'lesson' && !known.lessons.has(link.lesson))
			problems.push(`${where} links lesson "${link.lesson}", which does not exist.`);
		if (link.kind === 'preset') {
			if (!known.labs.has(link.lab))
				problems.push(`${where} links the ${link.lab} lab, whose page is not built yet.`);
			else if (!known.presets.has(`${link.lab}/${link.preset}`))
				problems.push(`${where} links preset "${link.preset}", which the ${link.lab} lab lacks.`);
		}
		if (
			link.kind === 'assessment' &&
			(link.part === 'dimension') !== (link.dimension !== undefined)
		)
			problems.push(
				`${where}: an assessment link names a dimension exactly when its part is "dimension".`,
			);
	});
	return problems;
}

/** A link's URL and a short label for it, given the presets' URLs by key. */
export function agendaLinkTarget(
	link: AgendaLink,
	presets: ReadonlyMap<string, { href: string; title: string }>,
	lessonTitles: ReadonlyMap<string, string>,
): { href: string; label: string } {
	switch (link.kind) {
		case 'lesson':
			return {
				href: `/lessons/${link.lesson}/`,
				label: `Lesson: ${lessonTitles.get(link.lesson) ?? link.lesson}`,
			};
		case 'preset': {
			const preset = presets.get(`${link.lab}/${link.preset}`);
			return {
				href: preset?.href ?? `/labs/${link.lab}/`,
				label: `Lab preset: ${preset?.title ?? link.preset}`,
			};
		}
		case 'assessment':
			if (link.part === 'team')
				return { href: '/assess/#team-title', label: 'Assessment: team view' };
			if (link.part === 'dimension')
				return {
					href: `/assess/#dimension-${link.dimension ?? ''}`,
					label: `Assessment: ${link.dimension ?? ''}`,
				};
			return { href: '/assess/', label: 'The self-assessment' };
	}
}

/** Minutes after midnight of a `HH:MM` time. */
export function minutesOfDay(time: string): number {
	const [hours = 0, minutes = 0] = time.split(':').map(Number);
	return hours * 60 + minutes;
}

/** `HH:MM` (24-hour, wrapping past midnight) of a number of minutes after midnight. */
export function clockTime(minutesAfterMidnight: number): string {
	const wrapped = ((minutesAfterMidnight % 1440) + 1440) % 1440;
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${pad(Math.floor(wrapped / 60))}:${pad(wrapped % 60)}`;
}

/** Each step's start, in minutes from the session's start; the last entry is the total. */
export function stepOffsets(steps: readonly Pick<AgendaStep, 'minutes'>[]): number[] {
	const offsets = [0];
	for (const step of steps) offsets.push((offsets.at(-1) ?? 0) + step.minutes);
	return offsets;
}

/** A session's length in words, e.g. "45 min", "1 h", "3 h 30 min". */
export function durationText(minutes: number): string {
	return minutes >= 60
		? `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`
		: `${minutes} min`;
}
