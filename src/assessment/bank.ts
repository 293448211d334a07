/**
 * The question bank as the engine and the page use it: `content/assessment/bank.json` with the
 * shared answer scales expanded into each question's own `options`. The JSON is imported
 * directly, which Vite, Astro and Vitest all accept without a loader, and it is validated
 * against the Zod schema in the unit tests and at build time rather than in the browser, so the
 * page does not ship Zod.
 */
import bankSource from '../../content/assessment/bank.json';
import type {
	AssessmentDimensionId,
	QuestionBankSource,
	questionSchema,
} from '../schemas/assessment';
import type { z } from 'astro/zod';

/** One answer option, lowest practice first within its question. */
export interface AnswerOption {
	/** Stable id stored in answers. */
	id: string;
	/** Text shown for the option. */
	label: string;
	/** ML Test Score points (0, 0.5 or 1) when the question maps to a test. */
	mts?: 0 | 0.5 | 1 | undefined;
}

/** A practice question with its options resolved. */
export type Question = Omit<z.infer<typeof questionSchema>, 'scale' | 'options'> & {
	/** Options from lowest to highest practice (never including `na` or `unknown`). */
	options: AnswerOption[];
};

/** A context question (asked first). */
export type ContextQuestion = QuestionBankSource['context'][number];

/** A dimension. */
export type Dimension = QuestionBankSource['dimensions'][number];

/** The parsed bank the engine scores against. */
export interface QuestionBank {
	/** Bank version; saved answers carry it. */
	version: number;
	/** Context questions, asked first. */
	context: ContextQuestion[];
	/** The dimensions in order. */
	dimensions: Dimension[];
	/** Practice questions in the order they are asked. */
	questions: Question[];
	/** The ML Test Score rubric (28 tests in four sections). */
	mlTestScore: QuestionBankSource['mlTestScore'];
	/** DORA-style outcome measures, asked once per assessment. */
	outcomes: Outcome[];
	/** What changed in each version after the first. */
	changes: QuestionBankSource['changes'];
}

/** A DORA-style outcome measure. */
export type Outcome = QuestionBankSource['outcomes'][number];

/** Expands each question's shared scale into its own options; throws on a dangling scale. */
export function resolveBank(source: QuestionBankSource): QuestionBank {
	return {
		version: source.version,
		context: source.context,
		dimensions: source.dimensions,
		mlTestScore: source.mlTestScore,
		outcomes: source.outcomes,
		changes: source.changes,
		questions: source.questions.map(({ scale, options, ...rest }) => {
			const resolved = options ?? (scale === undefined ? undefined : source.scales[scale]);
			if (!resolved) throw new Error(`Question "${rest.id}" has no options and no known scale.`);
			return { ...rest, options: resolved };
		}),
	};
}

/** The raw bank as stored (validate it with `questionBankSchema` before trusting it). */
export const questionBankSource = bankSource as QuestionBankSource;

/** The site's question bank, ready to score. */
export const questionBank: QuestionBank = resolveBank(questionBankSource);

/** Questions of one dimension, in bank order. */
export function questionsOf(bank: QuestionBank, dimension: AssessmentDimensionId): Question[] {
	return bank.questions.filter((q) => q.dimension === dimension);
}
