/**
 * Learning paths: ordered selections of lessons for different readers. A learner goes from
 * foundations to operations; a team lead reads what is needed to judge and improve practice;
 * a workshop path is the pre-reading and in-session material for a trainer. A content test
 * checks every id here names a real lesson.
 */
import { assessmentLessonIds } from '../schemas/assessment';

/** One path through the curriculum. */
export interface LearningPath {
	id: string;
	title: string;
	/** Who it is for and what they get. */
	summary: string;
	/** Lesson ids (module/slug) in reading order. */
	lessons: readonly string[];
}

/** All paths, shown on the lessons index. */
export const learningPaths: readonly LearningPath[] = [
	{
		id: 'learner',
		title: 'Foundations to operations',
		summary:
			'The whole course in order, for anyone new to MLOps: why it exists, how models are built and delivered, how they are kept working, and how to judge and grow a team’s practice.',
		// Every lesson, in course order: the one list the question bank's lesson links use too.
		lessons: assessmentLessonIds,
	},
	{
		id: 'team-lead',
		title: 'For team leads',
		summary:
			'What a lead needs to judge a team’s practice and choose what to improve first — read before taking the self-assessment.',
		lessons: [
			'foundations/01-what-is-mlops',
			'foundations/03-roles-and-responsibilities',
			'foundations/04-why-models-fail',
			'maturity-and-practice/01-maturity-levels',
			'maturity-and-practice/02-tool-landscape',
			'delivery/01-ci-cd-ct',
			'delivery/04-testing-ml-systems',
			'operations/01-monitoring',
			'maturity-and-practice/03-privacy-security-compliance',
		],
	},
	{
		id: 'workshop',
		title: 'Workshop',
		summary:
			'Pre-reading and session material for a 90-minute or half-day workshop, in the order the labs use it.',
		lessons: [
			'foundations/01-what-is-mlops',
			'foundations/02-ml-lifecycle',
			'data-and-experiments/03-experiment-tracking-and-reproducibility',
			'operations/02-drift',
			'operations/03-retraining',
			'delivery/03-deployment-strategies',
			'maturity-and-practice/01-maturity-levels',
		],
	},
];
