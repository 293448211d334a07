/**
 * The maturity self-assessment's question bank, as data. The bank lives in
 * `content/assessment/bank.json` and is checked against this schema in the unit tests and at
 * build time (the assessment page parses it), so the browser never ships Zod: the engine uses the
 * inferred types only. Cross-references (scales, pass options, context ids, ML Test Score ids) are
 * checked here too, because a dangling reference would silently change a score.
 */
import { z } from 'astro/zod';
import { labIds } from './lesson';
import { assessmentDimensionIds, type AssessmentDimensionId } from './assessment-dimensions';

/** The dimension ids (defined on their own so the lesson schema can import them without a cycle). */
export { assessmentDimensionIds, type AssessmentDimensionId };

/** Lessons that questions may point to (checked against the lesson files once they exist). */
export const assessmentLessonIds = [
	'foundations/01-what-is-mlops',
	'foundations/02-ml-lifecycle',
	'foundations/03-roles-and-responsibilities',
	'foundations/04-why-models-fail',
	'foundations/05-steps-to-production',
	'data-and-experiments/01-data-quality-and-versioning',
	'data-and-experiments/02-feature-engineering-and-feature-stores',
	'data-and-experiments/03-experiment-tracking-and-reproducibility',
	'data-and-experiments/04-model-selection',
	'delivery/01-ci-cd-ct',
	'delivery/02-deployment-patterns',
	'delivery/03-deployment-strategies',
	'delivery/04-testing-ml-systems',
	'operations/01-monitoring',
	'operations/02-drift',
	'operations/03-retraining',
	'maturity-and-practice/01-maturity-levels',
	'maturity-and-practice/02-tool-landscape',
	'maturity-and-practice/03-privacy-security-compliance',
] as const;

/** The four sections of the ML Test Score (Breck et al., 2017), seven tests each. */
export const mlTestScoreSectionIds = ['data', 'model', 'infra', 'monitor'] as const;

/** Answer ids every question accepts besides its own options. */
export const reservedAnswerIds = ['na', 'unknown'] as const;

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lowercase words joined by hyphens');

/** One answer option of a practice question. */
export const optionSchema = z.object({
	/** Stable id, stored in saved answers; never `na` or `unknown`. */
	id: slug,
	/** What the team observably does at this rung, in a few words. */
	label: z.string().min(3).max(140),
	/** ML Test Score points for this rung (2017 rubric): 0 not done, 0.5 manual and documented, 1 automated. */
	mts: z.union([z.literal(0), z.literal(0.5), z.literal(1)]).optional(),
});

/** A context question: asked first, it decides which questions apply and what target is sensible. */
export const contextQuestionSchema = z.object({
	/** Stable id; practice questions refer to it in `appliesWhen` and `riskWhen`. */
	id: slug,
	/** The question as asked. */
	prompt: z.string().min(10),
	/** Why the answer matters for the rest of the assessment. */
	help: z.string().min(10),
	/** The choices, in a natural order. */
	options: z
		.array(
			z.object({
				/** Stable id. */
				id: slug,
				/** The choice as shown. */
				label: z.string().min(2),
				/** The lowest Microsoft level (0–4) this context makes sensible to aim for, if it sets one. */
				suggestsLevel: z.number().int().min(0).max(4).optional(),
			}),
		)
		.min(2),
});

/** Context question id → the option ids under which a condition holds. */
const contextCondition = z.record(slug, z.array(slug).min(1));

/** One practice question: an observable practice with options from lowest to highest. */
export const questionSchema = z.object({
	/** Stable id; saved answers and history are keyed by it, so it never changes meaning. */
	id: slug,
	/** The dimension it belongs to. */
	dimension: z.enum(assessmentDimensionIds),
	/** The practice, phrased as something a team can check, never as a self-rating. */
	prompt: z.string().min(20).max(300),
	/** A shared answer scale from `scales`; give either this or `options`. */
	scale: slug.optional(),
	/** Answer options specific to this question, lowest practice first. */
	options: z.array(optionSchema).min(3).optional(),
	/** The lowest option that counts as passing when the ladders (levels) are computed. */
	pass: slug,
	/** Google level (0–2) at which this practice is first expected, if Google's model names it. */
	google: z.number().int().min(0).max(2).optional(),
	/**
	 * Microsoft level (0–4) that needs this practice, only when Microsoft's model names it: a
	 * practice Microsoft does not mention (success metrics, baselines, feature cost, compliance)
	 * must not block one of its levels.
	 */
	microsoft: z.number().int().min(0).max(4).optional(),
	/**
	 * The rung (0–4) of the question on its own dimension's ladder. Kept apart from the Microsoft
	 * tag so every dimension can show progress on more than one rung whatever the lenses say.
	 */
	rung: z.number().int().min(0).max(4),
	/** The ML Test Score test it matches, e.g. `data-1`, if any. */
	mlTestScore: z
		.string()
		.regex(/^(data|model|infra|monitor)-[1-7]$/)
		.optional(),
	/** Why the practice matters, in one or two sentences. */
	why: z.string().min(30),
	/** What good looks like: a concrete picture of the passing practice. */
	good: z.string().min(30),
	/** The lesson that teaches it (an id from `assessmentLessonIds`). */
	lesson: z.string().regex(/^[a-z-]+\/\d\d-[a-z0-9-]+$/),
	/** The lab that lets a learner practise it, if any. */
	lab: z.enum(labIds).optional(),
	/** The question applies only when every listed context answer is one of the given options. */
	appliesWhen: contextCondition.optional(),
	/** Practices that must be in place first; while any fails, this one is ranked after it. */
	requires: z.array(slug).optional(),
	/**
	 * Automation this practice makes safe (an automated gate guards automatic retraining and
	 * deployment). While it fails and any guarded practice already passes, the gap is a live risk
	 * and ranks first.
	 */
	guards: z.array(slug).optional(),
	/** The gap is riskier (ranked higher among next steps) when any listed context answer matches. */
	riskWhen: contextCondition.optional(),
});

/** A dimension of the assessment. */
export const dimensionSchema = z.object({
	/** One of `assessmentDimensionIds`. */
	id: z.enum(assessmentDimensionIds),
	/** Short title for headings and charts. */
	title: z.string().min(3).max(40),
	/** One sentence on what the dimension covers. */
	summary: z.string().min(20),
});

/** The ML Test Score rubric's 28 tests as data. */
export const mlTestScoreSchema = z.object({
	/** The four sections, each with its seven tests. */
	sections: z
		.array(
			z.object({
				/** Section id. */
				id: z.enum(mlTestScoreSectionIds),
				/** Section title. */
				title: z.string().min(3),
				/** The seven tests, in the paper's order. */
				tests: z
					.array(
						z.object({
							/** Test id, `<section>-<n>`. */
							id: z.string().regex(/^(data|model|infra|monitor)-[1-7]$/),
							/** The test, paraphrased. */
							title: z.string().min(10),
						}),
					)
					.length(7),
			}),
		)
		.length(4),
});

/** A DORA-style outcome measure for ML, asked once per assessment (kept apart from practice scores). */
export const outcomeSchema = z.object({
	/** Stable id; answers are stored under it in an assessment's `outcomes`. */
	id: slug,
	/** Short name for tables and the history. */
	title: z.string().min(3).max(40),
	/** The question as asked. */
	prompt: z.string().min(10),
	/** Bands from worst to best outcome. */
	options: z.array(z.object({ id: slug, label: z.string().min(2) })).min(3),
});

/** One entry of the bank's changelog, shown where an assessment made with an older bank is opened. */
export const bankChangeSchema = z.object({
	/** The bank version this entry introduced. */
	version: z.number().int().min(2),
	/** One sentence. */
	summary: z.string().min(10),
	/** What changed, one item per line. */
	notes: z.array(z.string().min(10)).min(1),
});

/** The whole bank. */
export const questionBankSchema = z
	.object({
		/** Bank format and content version; saved answers are stamped with it (older ones are migrated). */
		version: z.literal(2),
		/** What changed in each version after the first, newest last. */
		changes: z.array(bankChangeSchema).min(1),
		/** DORA-style outcome measures for ML, asked once per assessment. */
		outcomes: z.array(outcomeSchema).min(3),
		/** Shared answer scales by id, each lowest practice first. */
		scales: z.record(slug, z.array(optionSchema).min(3)),
		/** Context questions, asked before anything else. */
		context: z.array(contextQuestionSchema).min(1),
		/** The dimensions, in order. */
		dimensions: z.array(dimensionSchema).length(assessmentDimensionIds.length),
		/** The ML Test Score rubric the questions map onto. */
		mlTestScore: mlTestScoreSchema,
		/** The practice questions, grouped by dimension in the order they are asked. */
		questions: z.array(questionSchema).min(40),
	})
	.superRefine((bank, ctx) => {
		const issue = (message: string, path: (string | number)[]) =>
			ctx.addIssue({ code: 'custom', message, path });
		const contextOptions = new Map(bank.context.map((c) => [c.id, c.options.map((o) => o.id)]));
		const testIds = new Set(bank.mlTestScore.sections.flatMap((s) => s.tests.map((t) => t.id)));
		const covered = new Set<string>();
		const seen = new Set<string>(bank.context.map((c) => c.id));
		bank.dimensions.forEach((d, i) => {
			if (d.id !== assessmentDimensionIds[i])
				issue(`expected dimension "${assessmentDimensionIds[i]}"`, ['dimensions', i]);
		});
		bank.mlTestScore.sections.forEach((section, i) => {
			section.tests.forEach((test, j) => {
				if (test.id !== `${section.id}-${j + 1}`)
					issue(`expected test id "${section.id}-${j + 1}"`, [
						'mlTestScore',
						'sections',
						i,
						'tests',
						j,
					]);
			});
		});
		bank.questions.forEach((q, i) => {
			const at = (...rest: (string | number)[]) => ['questions', i, ...rest];
			if (seen.has(q.id)) issue(`duplicate id "${q.id}"`, at('id'));
			seen.add(q.id);
			if ((q.scale === undefined) === (q.options === undefined))
				issue('give exactly one of "scale" and "options"', at());
			const options = q.options ?? (q.scale ? bank.scales[q.scale] : undefined);
			if (!options) {
				issue(`unknown scale "${q.scale}"`, at('scale'));
				return;
			}
			const ids = options.map((o) => o.id);
			if (new Set(ids).size !== ids.length) issue('option ids must be unique', at('options'));
			if (ids.some((id) => (reservedAnswerIds as readonly string[]).includes(id)))
				issue('"na" and "unknown" are reserved answer ids', at('options'));
			if (!ids.includes(q.pass))
				issue(`pass option "${q.pass}" is not one of the options`, at('pass'));
			if (q.mlTestScore !== undefined) {
				if (!testIds.has(q.mlTestScore))
					issue(`unknown ML Test Score test "${q.mlTestScore}"`, at('mlTestScore'));
				covered.add(q.mlTestScore);
				const points = options.map((o) => o.mts);
				if (points.some((p) => p === undefined))
					issue(
						'every option needs "mts" points when the question maps to an ML Test Score test',
						at('mlTestScore'),
					);
				else if (points.some((p, k) => k > 0 && (p as number) < (points[k - 1] as number)))
					issue('"mts" points must not fall from one option to the next', at('options'));
			}
			for (const key of ['requires', 'guards'] as const) {
				for (const other of q[key] ?? []) {
					if (!bank.questions.some((o) => o.id === other && o !== q)) {
						issue(`${key} unknown question "${other}"`, at(key));
					}
				}
			}
			for (const key of ['appliesWhen', 'riskWhen'] as const) {
				for (const [contextId, values] of Object.entries(q[key] ?? {})) {
					const known = contextOptions.get(contextId);
					if (!known) issue(`unknown context question "${contextId}"`, at(key, contextId));
					else
						for (const v of values)
							if (!known.includes(v))
								issue(`"${v}" is not an option of "${contextId}"`, at(key, contextId));
				}
			}
		});
		for (const id of testIds)
			if (!covered.has(id)) issue(`no question maps to ML Test Score test "${id}"`, ['questions']);
		// A dimension whose questions all sit on one rung can only read 0 or that rung.
		for (const d of bank.dimensions) {
			const rungs = new Set(bank.questions.filter((q) => q.dimension === d.id).map((q) => q.rung));
			if (rungs.size < 2)
				issue(`dimension "${d.id}" needs practices on more than one rung`, ['questions']);
		}
		if (bank.changes.at(-1)?.version !== bank.version)
			issue(`the last entry of "changes" must describe version ${bank.version}`, ['changes']);
	});

/** The bank as written in `content/assessment/bank.json`. */
export type QuestionBankSource = z.infer<typeof questionBankSchema>;
