/**
 * The assessment's dimension ids on their own, so lesson frontmatter can name a dimension
 * without importing the whole assessment schema (which itself imports the lesson's lab ids).
 */

/** The eleven dimensions, in the order the assessment walks through them. Lessons name them. */
export const assessmentDimensionIds = [
	'problem-framing',
	'data-management',
	'experimentation',
	'code-quality',
	'pipeline-automation',
	'model-release',
	'deployment',
	'monitoring',
	'feature-management',
	'governance',
	'people-and-collaboration',
] as const;

/** A dimension id. */
export type AssessmentDimensionId = (typeof assessmentDimensionIds)[number];
