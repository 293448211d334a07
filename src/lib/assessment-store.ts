/**
 * Saved assessments: several named assessments (one per ML system), each with its answers,
 * reasons for "not applicable", targets and a history of completed runs, kept in local storage
 * under one versioned key. Everything that comes from outside — storage, an imported file, a
 * share link — goes through the same strict parsers, which throw a message a person can act on
 * and never half-accept data. Share links are made and read in `./assessment-share`, which
 * brings the compression library, so a page that only reads storage does not load it.
 */
import {
	migrateAnswers,
	validateAnswers,
	type Answers,
	type MigrationReport,
	type QuestionBank,
} from '../assessment';
import {
	assessmentDimensionIds,
	type AssessmentDimensionId,
} from '../schemas/assessment-dimensions';

/** Storage format version; bump and migrate in `parseAssessmentStore` when the shape changes. */
export const assessmentStoreVersion = 1;

/** The storage key (after the site prefix). */
export const assessmentStoreKey = 'assessments';

/** Largest file or pasted text accepted for import, in bytes. */
export const maxImportBytes = 512 * 1024;

/** A finished pass through the questions, kept for history and comparison. */
export interface CompletedRun {
	/** When it was completed, ms since the epoch. */
	completedAtMs: number;
	/** The answers at that moment. */
	answers: Record<string, string>;
	/** The outcome measures at that moment (outcome id → option id or `unknown`). */
	outcomes?: Record<string, string>;
}

/** Where an action of the plan stands. */
export const planStatuses = ['todo', 'doing', 'done'] as const;
export type PlanStatus = (typeof planStatuses)[number];

/** One action of the team's plan. */
export interface PlanItem {
	/** Stable id within the plan. */
	id: string;
	/** The practice it works on, if it came from a next step. */
	questionId: string | null;
	/** What to do, in the team's words. */
	title: string;
	/** Who does it. */
	owner: string;
	/** Due date, `YYYY-MM-DD`, or empty. */
	due: string;
	/** Where it stands. */
	status: PlanStatus;
}

/** The action plan: ordered actions and the date to assess again. */
export interface ActionPlan {
	/** Actions in the team's order of work. */
	items: PlanItem[];
	/** When to run the assessment again, `YYYY-MM-DD`, or null. */
	reassessOn: string | null;
}

/** Longest evidence note or link kept per answer. */
export const maxEvidenceChars = 500;

/** One named assessment of one ML system. */
export interface SavedAssessment {
	/** Stable id (lowercase letters, digits, hyphens). */
	id: string;
	/** The ML system's name as the team calls it. */
	name: string;
	/** The question-bank version the answers belong to. */
	bankVersion: number;
	/** Question id → option id, `na` or `unknown`. */
	answers: Record<string, string>;
	/** Question id → why it does not apply. */
	naReasons: Record<string, string>;
	/** Question id → a note or link that backs the answer (optional). */
	evidence: Record<string, string>;
	/** Outcome measure id → option id or `unknown`, asked once per assessment. */
	outcomes: Record<string, string>;
	/** The action plan. */
	plan: ActionPlan;
	/** Dimension id → target level (0–4) chosen by the team; missing means one level up. */
	targets: Partial<Record<AssessmentDimensionId, number>>;
	/** The step the team was on (0 = context). */
	step: number;
	/** Created, ms since the epoch. */
	createdAtMs: number;
	/** Last changed, ms since the epoch. */
	updatedAtMs: number;
	/** Completed runs, oldest first. */
	runs: CompletedRun[];
	/** Set when the answers were carried forward from an older question bank, until the team dismisses it. */
	migration?: MigrationReport;
}

/** Everything stored. */
export interface AssessmentStore {
	version: typeof assessmentStoreVersion;
	/** The assessment last worked on. */
	activeId: string | null;
	/** All assessments, in creation order. */
	assessments: SavedAssessment[];
}

/** An exported assessment file. */
export interface AssessmentExport {
	format: 'mlops-lab-assessment';
	version: typeof assessmentStoreVersion;
	assessment: SavedAssessment;
}

/** An empty store. */
export function emptyAssessmentStore(): AssessmentStore {
	return { version: assessmentStoreVersion, activeId: null, assessments: [] };
}

/** A new, unanswered assessment. */
export function newAssessment(
	bank: QuestionBank,
	name: string,
	nowMs: number,
	taken: readonly string[] = [],
): SavedAssessment {
	const base =
		name
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 30) || 'assessment';
	let id = base;
	for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
	return {
		id,
		name: name.trim().slice(0, 80) || 'Untitled system',
		bankVersion: bank.version,
		answers: {},
		naReasons: {},
		evidence: {},
		outcomes: {},
		plan: { items: [], reassessOn: null },
		targets: {},
		step: 0,
		createdAtMs: nowMs,
		updatedAtMs: nowMs,
		runs: [],
	};
}

/** Whether a parsed JSON value is a plain object (shared with the share-link reader). */
export const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Question id → option id, validated against the bank; `where` names the source in messages. */
export function parseAnswers(
	bank: QuestionBank,
	value: unknown,
	where: string,
): Record<string, string> {
	if (!isObject(value)) throw new Error(`${where}: "answers" must be an object.`);
	try {
		validateAnswers(bank, value as Answers);
	} catch (error) {
		throw new Error(`${where}: ${(error as Error).message}`, { cause: error });
	}
	return { ...(value as Record<string, string>) };
}

const isDate = (v: unknown): v is string =>
	typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));

/** Question id → short text (n/a reasons, evidence); absent means none. */
export function parseTexts(
	bank: QuestionBank,
	value: unknown,
	where: string,
	field: string,
): Record<string, string> {
	if (value === undefined) return {};
	const known = new Set(bank.questions.map((q) => q.id));
	if (
		!isObject(value) ||
		Object.entries(value).some(
			([id, text]) => !known.has(id) || typeof text !== 'string' || text.length > maxEvidenceChars,
		)
	) {
		throw new Error(
			`${where}: "${field}" must map question ids to texts of at most ${maxEvidenceChars} characters.`,
		);
	}
	return { ...(value as Record<string, string>) };
}

/** Outcome id → option id or `unknown`; absent means not asked yet. */
function parseOutcomes(bank: QuestionBank, value: unknown, where: string): Record<string, string> {
	if (value === undefined) return {};
	if (!isObject(value)) throw new Error(`${where}: "outcomes" must be an object.`);
	for (const [id, answer] of Object.entries(value)) {
		const outcome = bank.outcomes.find((o) => o.id === id);
		if (!outcome) throw new Error(`${where}: "${id}" is not an outcome measure.`);
		if (answer !== 'unknown' && !outcome.options.some((o) => o.id === answer)) {
			throw new Error(`${where}: outcome "${id}" has no option ${JSON.stringify(answer)}.`);
		}
	}
	return { ...(value as Record<string, string>) };
}

/** The action plan; absent means an empty plan (assessments saved before plans existed). */
function parsePlan(bank: QuestionBank, value: unknown, where: string): ActionPlan {
	if (value === undefined) return { items: [], reassessOn: null };
	if (!isObject(value) || !Array.isArray(value['items'])) {
		throw new Error(`${where}: "plan" must have a list of "items".`);
	}
	const reassessOn = value['reassessOn'] ?? null;
	if (reassessOn !== null && !isDate(reassessOn)) {
		throw new Error(`${where}: the re-assessment date must be a date (YYYY-MM-DD).`);
	}
	const ids = new Set<string>();
	const items = value['items'].map((item: unknown, i): PlanItem => {
		const at = `${where}, plan action ${i + 1}`;
		if (!isObject(item)) throw new Error(`${at} is not an action.`);
		const { id, questionId, title, owner, due, status } = item;
		if (typeof id !== 'string' || !/^[a-z0-9-]{1,60}$/.test(id) || ids.has(id)) {
			throw new Error(`${at} has no valid, unique "id".`);
		}
		ids.add(id);
		if (questionId !== null && !bank.questions.some((q) => q.id === questionId)) {
			throw new Error(`${at} names an unknown question.`);
		}
		if (typeof title !== 'string' || title.trim().length === 0 || title.length > 300) {
			throw new Error(`${at} needs a title of at most 300 characters.`);
		}
		if (typeof owner !== 'string' || owner.length > 100) {
			throw new Error(`${at}: the owner must be a text of at most 100 characters.`);
		}
		if (due !== '' && !isDate(due))
			throw new Error(`${at}: the due date must be a date (YYYY-MM-DD).`);
		if (!(planStatuses as readonly unknown[]).includes(status)) {
			throw new Error(`${at}: the status must be one of ${planStatuses.join(', ')}.`);
		}
		return {
			id,
			questionId: questionId as string | null,
			title,
			owner,
			due: due as string,
			status: status as PlanStatus,
		};
	});
	return { items, reassessOn: reassessOn as string | null };
}

/** Validates one assessment; throws an Error saying what is wrong. */
export function parseSavedAssessment(bank: QuestionBank, data: unknown): SavedAssessment {
	if (!isObject(data)) throw new Error('an assessment must be an object.');
	const id = data['id'];
	if (typeof id !== 'string' || !/^[a-z0-9-]{1,40}$/.test(id)) {
		throw new Error('the assessment has no valid "id".');
	}
	const where = `assessment "${id}"`;
	const name = data['name'];
	if (typeof name !== 'string' || name.length < 1 || name.length > 80) {
		throw new Error(`${where} has no valid "name".`);
	}
	const naReasons = data['naReasons'];
	if (
		!isObject(naReasons) ||
		Object.values(naReasons).some((r) => typeof r !== 'string' || r.length > 500)
	) {
		throw new Error(`${where}: "naReasons" must map question ids to short texts.`);
	}
	// Answers from an older bank are carried forward before they are checked against this one.
	const carry = (value: unknown, texts: Record<string, string>[], at: string) => {
		const version = data['bankVersion'];
		if (version === bank.version || !isObject(value))
			return { answers: value, texts, report: null };
		const migrated =
			typeof version === 'number'
				? migrateAnswers(bank, version, value as Record<string, string>, texts)
				: null;
		if (!migrated) {
			throw new Error(
				`${at} was made with question bank version ${JSON.stringify(version)}; this site reads versions 1 to ${bank.version}.`,
			);
		}
		return { answers: migrated.answers, texts: migrated.texts, report: migrated.report };
	};
	const evidence = data['evidence'] ?? {};
	if (!isObject(evidence)) throw new Error(`${where}: "evidence" must be an object.`);
	const carried = carry(
		data['answers'],
		[naReasons as Record<string, string>, evidence as Record<string, string>],
		where,
	);
	const answers = parseAnswers(bank, carried.answers, where);
	const storedMigration = parseMigration(data['migration']);
	const targets = data['targets'];
	if (!isObject(targets)) throw new Error(`${where}: "targets" must be an object.`);
	for (const [dimension, level] of Object.entries(targets)) {
		if (!(assessmentDimensionIds as readonly string[]).includes(dimension)) {
			throw new Error(`${where}: "${dimension}" is not a dimension.`);
		}
		if (!Number.isInteger(level) || (level as number) < 0 || (level as number) > 4) {
			throw new Error(`${where}: the target for "${dimension}" must be a level from 0 to 4.`);
		}
	}
	const step = data['step'];
	if (
		!Number.isInteger(step) ||
		(step as number) < 0 ||
		(step as number) > bank.dimensions.length
	) {
		throw new Error(`${where} has an invalid "step".`);
	}
	if (!isTime(data['createdAtMs']) || !isTime(data['updatedAtMs'])) {
		throw new Error(`${where} has invalid timestamps.`);
	}
	const runs = data['runs'];
	if (!Array.isArray(runs)) throw new Error(`${where}: "runs" must be a list.`);
	return {
		id,
		name,
		bankVersion: bank.version,
		answers,
		naReasons: { ...(carried.texts[0] ?? {}) },
		evidence: parseTexts(bank, carried.texts[1], where, 'evidence'),
		outcomes: parseOutcomes(bank, data['outcomes'], where),
		plan: parsePlan(bank, data['plan'], where),
		targets: { ...(targets as Partial<Record<AssessmentDimensionId, number>>) },
		step: step as number,
		createdAtMs: data['createdAtMs'],
		updatedAtMs: data['updatedAtMs'],
		runs: runs.map((run, i) => {
			if (!isObject(run) || !isTime(run['completedAtMs'])) {
				throw new Error(`${where}: run ${i + 1} is not a completed run.`);
			}
			const outcomes = parseOutcomes(bank, run['outcomes'], `${where}, run ${i + 1}`);
			return {
				completedAtMs: run['completedAtMs'],
				answers: parseAnswers(
					bank,
					carry(run['answers'], [], `${where}, run ${i + 1}`).answers,
					`${where}, run ${i + 1}`,
				),
				...(Object.keys(outcomes).length > 0 ? { outcomes } : {}),
			};
		}),
		...((carried.report ?? storedMigration)
			? { migration: (carried.report ?? storedMigration) as MigrationReport }
			: {}),
	};
}

/** A stored migration notice, or undefined when absent or malformed (it is only a notice). */
function parseMigration(value: unknown): MigrationReport | undefined {
	if (!isObject(value)) return undefined;
	const { from, to, notes } = value;
	if (typeof from !== 'number' || typeof to !== 'number' || !Array.isArray(notes)) return undefined;
	return { from, to, notes: notes.filter((n): n is string => typeof n === 'string').slice(0, 40) };
}

/**
 * A stored value's envelope: an object of this storage version holding a list under `key`
 * (`what` names the value in the message); throws an Error saying what is wrong.
 */
function versionedList(
	data: unknown,
	what: string,
	key: string,
): { value: Record<string, unknown>; list: unknown[] } {
	if (!isObject(data)) throw new Error(`expected an object with "version" and "${key}".`);
	if (data['version'] !== assessmentStoreVersion) {
		throw new Error(`unsupported ${what} version ${JSON.stringify(data['version'])}.`);
	}
	const list = data[key];
	if (!Array.isArray(list)) throw new Error(`"${key}" must be a list.`);
	return { value: data, list };
}

/** Validates the whole stored value; throws an Error saying what is wrong. */
export function parseAssessmentStore(bank: QuestionBank, data: unknown): AssessmentStore {
	const { value, list } = versionedList(data, 'assessment storage', 'assessments');
	const assessments = list.map((a) => parseSavedAssessment(bank, a));
	const ids = assessments.map((a) => a.id);
	if (new Set(ids).size !== ids.length) throw new Error('two assessments share an id.');
	const activeId = value['activeId'];
	if (activeId !== null && (typeof activeId !== 'string' || !ids.includes(activeId))) {
		throw new Error('"activeId" does not name a stored assessment.');
	}
	return { version: assessmentStoreVersion, activeId, assessments };
}

/** The export file for one assessment, as text. */
export function exportAssessment(assessment: SavedAssessment): string {
	const file: AssessmentExport = {
		format: 'mlops-lab-assessment',
		version: assessmentStoreVersion,
		assessment,
	};
	return JSON.stringify(file, null, 2);
}

/** Parses an export file's text; throws an Error whose message completes "could not be imported: …". */
export function parseAssessmentExport(bank: QuestionBank, text: string): SavedAssessment {
	if (new TextEncoder().encode(text).length > maxImportBytes) {
		throw new Error(
			`it is larger than ${maxImportBytes / 1024} KB, far more than an assessment needs.`,
		);
	}
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		throw new Error('it is not valid JSON.');
	}
	if (!isObject(data) || data['format'] !== 'mlops-lab-assessment') {
		throw new Error('it is not an MLOps Lab assessment export.');
	}
	if (data['version'] !== assessmentStoreVersion) {
		throw new Error(
			`it uses export format version ${JSON.stringify(data['version'])}; this site reads version ${assessmentStoreVersion}.`,
		);
	}
	return parseSavedAssessment(bank, data['assessment']);
}

/**
 * Reads a chosen export file, refusing one larger than `maxImportBytes` before reading it;
 * throws an Error whose message completes "could not be imported: …".
 */
export async function readAssessmentFile(bank: QuestionBank, file: Blob): Promise<SavedAssessment> {
	if (file.size > maxImportBytes) {
		throw new Error(`it is larger than ${maxImportBytes / 1024} KB.`);
	}
	return parseAssessmentExport(bank, await file.text());
}

/** Adds an imported assessment; an id already in use gets a fresh id so nothing is overwritten. */
export function addImported(store: AssessmentStore, incoming: SavedAssessment): AssessmentStore {
	const taken = store.assessments.map((a) => a.id);
	let id = incoming.id;
	for (let n = 2; taken.includes(id); n++) id = `${incoming.id.slice(0, 36)}-${n}`;
	const name = id === incoming.id ? incoming.name : `${incoming.name} (imported)`.slice(0, 80);
	return {
		...store,
		activeId: id,
		assessments: [...store.assessments, { ...incoming, id, name }],
	};
}

/** A new assessment named `name`, added as the active one; `fill` sets its answers (a shared link's). */
export function withNewAssessment(
	bank: QuestionBank,
	store: AssessmentStore,
	name: string,
	nowMs: number,
	fill: (created: SavedAssessment) => SavedAssessment = (created) => created,
): AssessmentStore {
	const taken = store.assessments.map((a) => a.id);
	return addImported(store, fill(newAssessment(bank, name, nowMs, taken)));
}

/**
 * A new assessment filled with what a share link held: the answers, the evidence behind them
 * (links made before evidence existed have none) and, for a link from an older question bank,
 * the note of what changed.
 */
export function withSharedAnswers(
	created: SavedAssessment,
	shared: {
		answers: Record<string, string>;
		evidence: Record<string, string>;
		migration?: MigrationReport;
	},
): SavedAssessment {
	return {
		...created,
		answers: { ...shared.answers },
		evidence: { ...shared.evidence },
		...(shared.migration ? { migration: shared.migration } : {}),
	};
}

/** The store with one assessment changed and stamped as updated at `nowMs`. */
export function withAssessmentChanged(
	store: AssessmentStore,
	id: string,
	change: (a: SavedAssessment) => SavedAssessment,
	nowMs: number,
): AssessmentStore {
	return {
		...store,
		assessments: store.assessments.map((a) =>
			a.id === id ? { ...change(a), updatedAtMs: nowMs } : a,
		),
	};
}

/** The store without one assessment (and with none active if it was). */
export function withoutAssessment(store: AssessmentStore, id: string): AssessmentStore {
	return {
		...store,
		assessments: store.assessments.filter((a) => a.id !== id),
		activeId: store.activeId === id ? null : store.activeId,
	};
}

/** The file name, without extension, that every export of an assessment shares. */
export const exportFileStem = (assessment: SavedAssessment): string =>
	`mlops-assessment-${assessment.id}`;

/** The fragment prefix of a share link (the links themselves are made and read in `./assessment-share`). */
export const sharePrefix = '#share=';

/** The storage key (after the site prefix) of the facilitator's team session. */
export const teamSessionKey = 'assessment-team';

/**
 * A workshop's loaded members, kept so a facilitator who reloads mid-session loses nothing. It
 * holds answers only (members are counted, never named) and stays in this browser.
 */
export interface TeamSession {
	version: typeof assessmentStoreVersion;
	/** The question-bank version of the members' answers (absent in sessions saved with version 1). */
	bankVersion?: number;
	/** One answer set per member, in the order they were loaded. */
	members: Record<string, string>[];
	/** Each member's evidence notes, parallel to `members` (absent in older sessions). */
	evidence?: Record<string, string>[];
	/** Each member's identity (`memberKey`), so one assessment added twice counts once. */
	keys?: string[];
}

/** Validates a stored team session; throws an Error saying what is wrong. */
export function parseTeamSession(bank: QuestionBank, data: unknown): TeamSession {
	const { value, list: members } = versionedList(data, 'team session', 'members');
	const from = value['bankVersion'] ?? 1;
	const evidence = value['evidence'];
	const keys = value['keys'];
	if (evidence !== undefined && (!Array.isArray(evidence) || evidence.length !== members.length)) {
		throw new Error('"evidence" must hold one entry per member.');
	}
	if (
		keys !== undefined &&
		(!Array.isArray(keys) ||
			keys.length !== members.length ||
			keys.some((k) => typeof k !== 'string'))
	) {
		throw new Error('"keys" must hold one text per member.');
	}
	return {
		version: assessmentStoreVersion,
		bankVersion: bank.version,
		...(evidence
			? {
					evidence: evidence.map((e, i) =>
						parseTexts(bank, e ?? undefined, `member ${i + 1}`, 'evidence'),
					),
				}
			: {}),
		...(keys ? { keys: keys as string[] } : {}),
		members: members.map((m, i) => {
			const migrated =
				typeof from === 'number' && isObject(m)
					? migrateAnswers(bank, from, m as Record<string, string>)
					: null;
			if (!migrated)
				throw new Error(`member ${i + 1} uses question bank version ${JSON.stringify(from)}.`);
			return parseAnswers(bank, migrated.answers, `member ${i + 1}`);
		}),
	};
}
