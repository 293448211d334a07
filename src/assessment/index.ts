/**
 * The maturity self-assessment engine: the question bank and pure scoring functions, free of
 * DOM and framework code so it runs the same in the browser, in unit tests and in benchmarks.
 */
export {
	questionBank,
	questionBankSource,
	questionsOf,
	resolveBank,
	type AnswerOption,
	type ContextQuestion,
	type Dimension,
	type Outcome,
	type Question,
	type QuestionBank,
} from './bank';
export {
	AssessmentInputError,
	answerFraction,
	appliesInContext,
	isApplicable,
	isPassing,
	mlTestScoreBand,
	mlTestScoreBands,
	scoreAssessment,
	validateAnswers,
	type Answers,
	type AssessmentResult,
	type DimensionResult,
	type LadderResult,
	type MlTestScoreResult,
} from './scoring';
export {
	defaultTargets,
	nextSteps,
	suggestedLevel,
	suggestedTarget,
	type NextStep,
} from './next-steps';
export { migrateAnswers, oldestReadableBankVersion, type MigrationReport } from './migrate';
export {
	countOf,
	memberKey,
	newMembers,
	pastedLinks,
	summarizeTeam,
	type TeamQuestion,
	type TeamSummary,
} from './team';
export { outcomeScores, type OutcomeScore } from './outcomes';
