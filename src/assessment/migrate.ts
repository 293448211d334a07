/**
 * Carries answers made with an older question bank forward to the current one, so saved
 * assessments, exported files and share links from before a bank change still open. A migration
 * is data: for each old question that was renamed, split or re-optioned, where each of its answers
 * goes. Answers to questions that kept their id and options pass through; an answer with no
 * faithful place in the new bank is dropped (the question shows as unanswered) rather than guessed,
 * and an option the old bank never had is refused, as it would have been then.
 * Every migration also returns notes in plain words, which the page shows where the migrated
 * assessment is opened.
 */
import type { QuestionBank } from './bank';
import { AssessmentInputError } from './scoring';

/** Where one old question's answer goes: a new question id and, if options changed, an option map. */
interface Move {
	to: string;
	/** Old option id → new option id, or null when the old answer says nothing about the new question. */
	options?: Readonly<Record<string, string | null>>;
}

/** One step, from `from` to `from + 1`. */
interface Migration {
	from: number;
	/** Old question id → where its answer goes (several moves split a question). */
	moves: Readonly<Record<string, readonly Move[]>>;
	/** Old ids whose answer was copied to several new questions, with the names used in the note. */
	splits: Readonly<Record<string, string>>;
}

const practiceTo = (map: Record<string, string | null>) => map;

/** Version 1 → 2 (see `changes` in the bank). */
const v1: Migration = {
	from: 1,
	moves: {
		'monitoring-trigger': ['quality-trigger', 'drift-trigger'].map((to) => ({
			to,
			options: { none: 'none', manual: 'person', ticket: 'ticket', automatic: 'automatic' },
		})),
		ci: [
			{
				to: 'app-ci',
				options: { none: 'none', 'app-only': 'tested', 'ml-code': 'tested', gate: 'gate' },
			},
			{
				to: 'ml-ci',
				options: { none: 'none', 'app-only': 'none', 'ml-code': 'all', gate: 'gate' },
			},
		],
		'version-control': [
			{
				to: 'version-control',
				options: { none: 'none', partial: 'partial', all: 'all', reviewed: 'all' },
			},
			{
				to: 'code-review',
				options: { none: null, partial: null, all: null, reviewed: 'reviewed' },
			},
		],
		'data-schema': [
			{
				to: 'data-schema',
				options: practiceTo({
					none: 'none',
					adhoc: 'notes',
					manual: 'checked-by-hand',
					automated: 'checked-in',
					enforced: 'checked-in',
				}),
			},
			{
				to: 'data-validation',
				options: practiceTo({
					none: 'none',
					adhoc: 'by-hand',
					manual: 'by-hand',
					automated: 'report',
					enforced: 'stops',
				}),
			},
		],
		'config-reviewed': [
			{
				to: 'config-reviewed',
				options: practiceTo({
					none: 'none',
					adhoc: 'sometimes',
					manual: 'reviewed',
					automated: 'reviewed',
					enforced: 'enforced',
				}),
			},
		],
		'validation-gate': [
			{
				to: 'validation-gate',
				options: practiceTo({
					none: 'none',
					adhoc: 'adhoc',
					manual: 'manual',
					automated: 'report',
					enforced: 'gate',
				}),
			},
		],
		'feature-lead-time': [
			// "Months" in version 1 covered both "one to two months" and "never": ask again.
			{
				to: 'feature-lead-time',
				options: { months: null, weeks: 'weeks', days: 'weeks', hours: 'weeks' },
			},
		],
		'privacy-controls': [
			'privacy-access',
			'privacy-minimisation',
			'privacy-retention',
			'privacy-access-log',
		].map((to) => ({ to })),
	},
	splits: {
		'monitoring-trigger': 'quality- and drift-triggered retraining',
		ci: 'application CI and ML CI',
		'version-control': 'version control and code review',
		'data-schema': 'the data schema and automated data validation',
		'privacy-controls': 'the four privacy controls',
	},
};

const migrations: readonly Migration[] = [v1];

/** Oldest bank version this site can still read. */
export const oldestReadableBankVersion = 1;

/** What a migration did, for the notice on the migrated assessment. */
export interface MigrationReport {
	/** The bank version the answers were made with. */
	from: number;
	/** The version they were carried to. */
	to: number;
	/** Plain-language notes: the bank's changelog, then what happened to these answers. */
	notes: string[];
}

type Keyed = Record<string, string>;

/** Moves one answer set (or one per-question map such as n/a reasons) a single version forward. */
function step(migration: Migration, values: Keyed, isAnswer: boolean): Keyed {
	const out: Keyed = {};
	for (const [id, value] of Object.entries(values)) {
		const moves = migration.moves[id];
		if (!moves) {
			out[id] = value;
			continue;
		}
		for (const move of moves) {
			if (!isAnswer || value === 'na' || value === 'unknown' || !move.options) {
				out[move.to] = value;
				continue;
			}
			if (!(value in move.options)) {
				throw new AssessmentInputError(
					`Question "${id}" has no option ${JSON.stringify(value)} in question bank version ${migration.from}.`,
				);
			}
			const mapped = move.options[value];
			if (mapped) out[move.to] = mapped;
		}
	}
	return out;
}

/**
 * Carries answers (and per-question texts such as n/a reasons or evidence) from `from` to the
 * bank's version. Returns null when no migration path exists (a future or unknown version).
 * Ids the current bank no longer has are dropped, so the result always validates.
 */
export function migrateAnswers(
	bank: QuestionBank,
	from: number,
	answers: Keyed,
	texts: readonly Keyed[] = [],
): { answers: Keyed; texts: Keyed[]; report: MigrationReport } | null {
	if (from === bank.version) {
		return { answers, texts: [...texts], report: { from, to: from, notes: [] } };
	}
	if (!Number.isInteger(from) || from < oldestReadableBankVersion || from > bank.version)
		return null;
	let current = { ...answers };
	let currentTexts = texts.map((t) => ({ ...t }));
	const notes: string[] = [];
	for (let version = from; version < bank.version; version++) {
		const migration = migrations.find((m) => m.from === version);
		if (!migration) return null;
		for (const [id, what] of Object.entries(migration.splits)) {
			if (current[id] !== undefined)
				notes.push(`Your answer on ${what} now applies to each part separately; check each one.`);
		}
		if (current['feature-lead-time'] === 'months' && version === 1)
			notes.push('Feature lead time has new bands; please answer it again.');
		current = step(migration, current, true);
		currentTexts = currentTexts.map((t) => step(migration, t, false));
	}
	// Answers are validated by the caller against the new bank; texts are only notes, so any
	// whose question is gone are dropped.
	const known = new Set([...bank.questions.map((q) => q.id), ...bank.context.map((c) => c.id)]);
	const keep = (values: Keyed) =>
		Object.fromEntries(Object.entries(values).filter(([id]) => known.has(id)));
	const valid = current;
	const added = bank.questions.filter(
		(q) => valid[q.id] === undefined && answers[q.id] === undefined,
	).length;
	const changelog = bank.changes
		.filter((c) => c.version > from)
		.flatMap((c) => [c.summary, ...c.notes]);
	if (added > 0)
		notes.push(
			`${added} ${added === 1 ? 'question is' : 'questions are'} new or changed and not answered yet.`,
		);
	return {
		answers: valid,
		texts: currentTexts.map(keep),
		report: { from, to: bank.version, notes: [...changelog, ...notes] },
	};
}
