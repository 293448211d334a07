/**
 * Lesson queries shared by routes: all published lessons in curriculum order, grouped by
 * module, and the previous / next lesson for page-to-page navigation.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { lessonModules, moduleTitles } from '../schemas/lesson';

/** A lesson entry from the content collection. */
export type Lesson = CollectionEntry<'lessons'>;

/** All lessons that should be built, in curriculum order (module, then order). */
export async function getLessons(): Promise<Lesson[]> {
	const lessons = await getCollection('lessons', ({ data }) => import.meta.env.DEV || !data.draft);
	return lessons.sort(
		(a, b) =>
			lessonModules.indexOf(a.data.module) - lessonModules.indexOf(b.data.module) ||
			a.data.order - b.data.order,
	);
}

/** Lessons grouped by module, modules in curriculum order, empty modules left out. */
export async function getLessonsByModule(): Promise<
	{ id: (typeof lessonModules)[number]; title: string; lessons: Lesson[] }[]
> {
	const lessons = await getLessons();
	return lessonModules
		.map((id) => ({
			id,
			title: moduleTitles[id],
			lessons: lessons.filter((lesson) => lesson.data.module === id),
		}))
		.filter((group) => group.lessons.length > 0);
}

/** The URL of a lesson page. */
export function lessonHref(lesson: Pick<Lesson, 'id'>): string {
	return `/lessons/${lesson.id}/`;
}
