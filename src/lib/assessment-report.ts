/**
 * Text exports of an assessment: a CSV of the raw answers for spreadsheets and a Markdown report
 * a team can commit next to its code (levels, why not the next level, scores per dimension, the
 * ML Test Score, the outcome measures, the next steps, the evidence behind the answers and the
 * action plan). Both are pure functions of the bank, the saved assessment and its score, so they
 * are unit-tested without a browser.
 */
import {
	defaultTargets,
	nextSteps,
	scoreAssessment,
	type AssessmentResult,
	type QuestionBank,
} from '@/assessment';
import type { SavedAssessment } from './assessment-store';
import { planMarkdown } from './assessment-plan';

/** Quotes a CSV field when it needs it (RFC 4180). */
function csvField(value: string): string {
	return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** An answer's label among its options; unanswered and "don't know" read the same everywhere. */
function optionLabel(
	options: readonly { id: string; label: string }[] | undefined,
	answer: string | undefined,
): string {
	if (answer === undefined) return 'Not answered';
	if (answer === 'unknown') return 'Don’t know';
	return options?.find((o) => o.id === answer)?.label ?? answer;
}

/** The label shown for an answer id. */
export function answerLabel(
	bank: QuestionBank,
	questionId: string,
	answer: string | undefined,
): string {
	if (answer === 'na') return 'Not applicable';
	const question =
		bank.questions.find((q) => q.id === questionId) ??
		bank.context.find((c) => c.id === questionId);
	return optionLabel(question?.options, answer);
}

/** The label shown for an outcome measure's answer. */
export function outcomeLabel(
	bank: QuestionBank,
	outcomeId: string,
	answer: string | undefined,
): string {
	return optionLabel(bank.outcomes.find((o) => o.id === outcomeId)?.options, answer);
}

/**
 * One row per question (context first, outcome measures last): ids, dimension, prompt, answer,
 * n/a reason and evidence.
 */
export function assessmentCsv(bank: QuestionBank, assessment: SavedAssessment): string {
	const rows = [
		[
			'question_id',
			'dimension',
			'question',
			'answer_id',
			'answer',
			'not_applicable_reason',
			'evidence',
		],
	];
	for (const c of bank.context) {
		const a = assessment.answers[c.id];
		rows.push([c.id, 'context', c.prompt, a ?? '', answerLabel(bank, c.id, a), '', '']);
	}
	for (const q of bank.questions) {
		const a = assessment.answers[q.id];
		rows.push([
			q.id,
			q.dimension,
			q.prompt,
			a ?? '',
			answerLabel(bank, q.id, a),
			assessment.naReasons[q.id] ?? '',
			assessment.evidence[q.id] ?? '',
		]);
	}
	for (const o of bank.outcomes) {
		const a = assessment.outcomes[o.id];
		rows.push([o.id, 'outcome', o.prompt, a ?? '', outcomeLabel(bank, o.id, a), '', '']);
	}
	return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const prompt = (bank: QuestionBank, id: string) =>
	bank.questions.find((q) => q.id === id)?.prompt ?? id;

/** A Markdown report of the assessment's current answers. */
export function assessmentMarkdown(
	bank: QuestionBank,
	assessment: SavedAssessment,
	dateText: string,
	result: AssessmentResult = scoreAssessment(bank, assessment.answers),
): string {
	const lines: string[] = [];
	const title = (id: string) => bank.dimensions.find((d) => d.id === id)?.title ?? id;
	lines.push(`# MLOps maturity: ${assessment.name}`, '');
	lines.push(
		`Assessed ${dateText} with MLOps Lab's self-assessment (question bank version ${bank.version}).`,
		'',
	);
	lines.push('## Levels', '');
	lines.push(`- **Google** (0–2): level ${result.google.level}`);
	lines.push(`- **Microsoft** (0–4): level ${result.microsoft.level}`);
	lines.push(
		`- **ML Test Score** (2017 scoring): ${result.mlTestScore.score} — ${result.mlTestScore.band.label}`,
	);
	if (result.mlTestScore.outOfScope.length > 0) {
		lines.push(
			`  - Out of scope, counted as met: ${result.mlTestScore.outOfScope.join(', ')} (every question behind them is not applicable here)`,
		);
	}
	if (result.headline.weakestLink) {
		lines.push(
			`- **Weakest link**: ${title(result.headline.weakestLink.dimension)} at ${result.headline.weakestLink.score}/10; **mean** ${result.headline.mean}/10`,
		);
	}
	for (const [name, lens] of [
		['Google', result.google],
		['Microsoft', result.microsoft],
	] as const) {
		if (lens.next === null) continue;
		lines.push('', `### Why not ${name} level ${lens.next}`, '');
		for (const id of lens.blockers) {
			lines.push(`- ${prompt(bank, id)} (now: ${answerLabel(bank, id, assessment.answers[id])})`);
		}
	}
	const defaults = defaultTargets(bank, assessment.answers, result);
	lines.push(
		'',
		'## Dimensions',
		'',
		'| Dimension | Level | Target | Score /10 |',
		'|---|---|---|---|',
	);
	for (const d of result.dimensions) {
		const target = assessment.targets[d.id] ?? defaults[d.id];
		lines.push(`| ${title(d.id)} | ${d.level} | ${target} | ${d.score ?? 'n/a'} |`);
	}
	lines.push('', '## ML Test Score sections', '', '| Section | Points /7 |', '|---|---|');
	for (const s of result.mlTestScore.sections) {
		const sectionTitle = bank.mlTestScore.sections.find((x) => x.id === s.id)?.title ?? s.id;
		lines.push(`| ${sectionTitle} | ${s.score} |`);
	}
	if (Object.keys(assessment.outcomes).length > 0) {
		lines.push('', '## Outcome measures', '', '| Measure | Answer |', '|---|---|');
		for (const o of bank.outcomes)
			lines.push(`| ${o.title} | ${outcomeLabel(bank, o.id, assessment.outcomes[o.id])} |`);
	}
	const steps = nextSteps(bank, assessment.answers, result);
	if (steps.length > 0) {
		lines.push('', '## Next steps', '');
		steps.forEach((step, i) => {
			lines.push(
				`${i + 1}. ${prompt(bank, step.questionId)} — aim for “${answerLabel(bank, step.questionId, step.targetOption)}” (${step.reasons.join('; ')}).`,
			);
		});
	}
	if (result.findings.unknown.length > 0) {
		lines.push('', '## Nobody knew', '');
		for (const id of result.findings.unknown) lines.push(`- ${prompt(bank, id)}`);
	}
	const na = result.findings.notApplicable;
	if (na.length > 0) {
		lines.push('', '## Marked not applicable', '');
		for (const id of na)
			lines.push(`- ${prompt(bank, id)} — ${assessment.naReasons[id] || 'no reason given'}`);
	}
	const evidenced = bank.questions.filter((q) => assessment.evidence[q.id]);
	if (evidenced.length > 0) {
		lines.push('', '## Evidence', '');
		for (const q of evidenced) {
			const note = (assessment.evidence[q.id] ?? '').replace(/\r?\n/g, ' ');
			lines.push(`- ${q.prompt} — ${answerLabel(bank, q.id, assessment.answers[q.id])}: ${note}`);
		}
	}
	return lines.join('\n') + '\n\n' + planMarkdown(bank, assessment);
}
