/**
 * Persona teams for workshops: fictional teams, each a paragraph for participants to assess and a
 * committed answer set for the trainer. The answer key is never written by hand: it is what the
 * real scoring engine makes of the persona's answers — the level in each lens and, as the why,
 * the practices that hold each level where it is (the engine's blockers, with the persona's answer
 * and the answer that would pass). So the key and the engine cannot disagree. The personas live
 * in content/assessment/personas/, one JSON file each, read by this page and by the unit tests.
 */
import { isPassing, scoreAssessment, type LadderResult, type QuestionBank } from '../assessment';
import { answerLabel } from './assessment-report';

/** One persona file. */
export interface Persona {
	/** Stable id, also the file name. */
	id: string;
	/** The team as participants meet it. */
	name: string;
	/** What participants read before assessing it. */
	paragraph: string;
	/** One line for the trainer. */
	description: string;
	/** The question-bank version the answers were written for. */
	bankVersion: number;
	/** The answers an expert would give (context and practice questions). */
	answers: Record<string, string>;
	/** The outcome measures an expert would give. */
	outcomes: Record<string, string>;
	/** The verdict the unit tests hold the engine to (levels, target, ML Test Score, next steps). */
	expected: {
		google: number;
		microsoft: number;
		mlTestScore: number;
		suggestedTarget: { low: number; high: number };
		outOfScope: string[];
		topSteps: string[];
	};
	/** The same team's answers in question bank version 1, where they were first written. */
	answersInBankVersion1?: Record<string, string>;
}

const files = import.meta.glob<Persona>('../../content/assessment/personas/*.json', {
	eager: true,
	import: 'default',
});

/** Every persona, from the least to the most mature by the engine's Microsoft then Google level. */
export const personas: readonly Persona[] = Object.values(files).sort(
	(a, b) =>
		a.expected.microsoft - b.expected.microsoft ||
		a.expected.google - b.expected.google ||
		a.id.localeCompare(b.id),
);

/** One practice that decides a level: where the persona stands and what would pass. */
export interface DecidingPractice {
	questionId: string;
	prompt: string;
	/** The persona's answer, as the question words it. */
	answer: string;
	/** The lowest answer that passes. */
	needs: string;
}

/** One lens's level and why. */
export interface KeyLevel {
	level: number;
	/** The next level, or null at the top. */
	next: number | null;
	/** The practices standing between this level and the next. */
	blockers: DecidingPractice[];
}

/** The trainer's answer key for one persona. */
export interface PersonaKey {
	google: KeyLevel;
	microsoft: KeyLevel;
	mlTestScore: { score: number; band: string; outOfScope: string[] };
	dimensions: (KeyLevel & { id: string; title: string; score: number | null })[];
}

/** The answer key, computed by the scoring engine from the persona's answers. */
export function personaKey(bank: QuestionBank, persona: Persona): PersonaKey {
	const result = scoreAssessment(bank, persona.answers);
	const why = (ladder: LadderResult): KeyLevel => ({
		level: ladder.level,
		next: ladder.next,
		blockers: ladder.blockers.map((id) => {
			const question = bank.questions.find((q) => q.id === id);
			const pass = question?.options.find((o) => isPassing(question, { [id]: o.id }));
			return {
				questionId: id,
				prompt: question?.prompt ?? id,
				answer: answerLabel(bank, id, persona.answers[id]),
				needs: pass?.label ?? '',
			};
		}),
	});
	return {
		google: why(result.google),
		microsoft: why(result.microsoft),
		mlTestScore: {
			score: result.mlTestScore.score,
			band: result.mlTestScore.band.label,
			outOfScope: result.mlTestScore.outOfScope,
		},
		dimensions: result.dimensions.map((d) => ({
			...why(d),
			id: d.id,
			title: bank.dimensions.find((x) => x.id === d.id)?.title ?? d.id,
			score: d.score,
		})),
	};
}
