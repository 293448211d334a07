/**
 * The props that pass down the assessment's views together: the question bank, the assessment
 * on screen and the lesson titles, and, once it is scored, its result. The steps, the results
 * and the findings each took the same four, described four times; they now extend these.
 */
import type { AssessmentResult, QuestionBank } from '@/assessment';
import type { SavedAssessment } from '@/lib/assessment-store';

/** What every view of one assessment is given. */
export interface AssessmentViewProps {
	/** The question bank. */
	bank: QuestionBank;
	/** The assessment shown. */
	assessment: SavedAssessment;
	/** Lesson id → title for the lessons whose pages exist. */
	lessonTitles: Readonly<Record<string, string>>;
}

/** What every view of a scored assessment is given. */
export interface ScoredViewProps extends AssessmentViewProps {
	/** Its score. */
	result: AssessmentResult;
}
