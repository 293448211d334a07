/**
 * What a participant sends a workshop's trainer besides an assessment: their quiz scores and what
 * they got in the labs (the run's settings and seed, and its outcome), as one versioned file or
 * one link. The trainer's team view reads either; every field is checked and a bad one is named,
 * so one participant's damaged results never stop the others'.
 *
 * Key decision: the payload carries a check code (a hash of its contents). It catches a file
 * edited by hand or a link cut short in a chat, and says so plainly; it is not a signature —
 * without a server nothing stops a participant from recomputing it, and a workshop that compares
 * notes needs no more. A lab outcome keeps the run's link query, so the trainer can open exactly
 * the run a participant reports (every lab reproduces a run from its link).
 */
import { hashValue } from '@sim/shared/hash';
import { strFromU8, strToU8, unzlibSync, zlibSync } from 'fflate';
import { fromBase64Url, toBase64Url } from '../base64url';
import { isObject, parseQuizzes, type QuizScores } from '../quiz-results';
import { outcomePrefix } from './outcome-link';

/** The `format` field that marks a participant's results file. */
export const resultsFormat = 'mlops-lab-results';

/** Version of the results file and link; bump when their shape changes. */
export const resultsVersion = 1;

/** The fragment prefix of a results link. */
export const resultsPrefix = '#results=';

/** The page a results link opens (it says what the link holds and where it goes). */
export const resultsPath = '/teach/send/';

/** Labs whose outcome a participant can send, in the order a workshop meets them. */
export const outcomeLabs = ['training', 'drift', 'continuous-training', 'deployment'] as const;
export type OutcomeLab = (typeof outcomeLabs)[number];

/** How a canary rollout ended. */
export const rolloutResults = ['promoted', 'aborted', 'unfinished'] as const;
export type RolloutResult = (typeof rolloutResults)[number];

/** What one participant got in one lab run; `query` is the run's link query (no "?"). */
export type LabOutcome =
	| { lab: 'training'; query: string; testAccuracy: number }
	| { lab: 'drift'; query: string; firstAlertDay: number | null }
	| { lab: 'continuous-training'; query: string; meanAccuracy: number; runs: number }
	| { lab: 'deployment'; query: string; rollout: RolloutResult; minutes: number };

/** One participant's results: quiz scores, lab outcomes, or both. */
export interface ParticipantResults {
	quizzes?: QuizScores;
	labs: LabOutcome[];
}

/** Most lab outcomes one participant may send (a whole half-day is eighteen steps). */
export const maxLabOutcomes = 24;

/** Longest run link query accepted; the labs' longest preset link is under 200 characters. */
export const maxQueryChars = 600;

/** The check code of results: changes whenever any score, outcome or setting does. */
export function resultsCheck(results: ParticipantResults): string {
	return hashValue({ quizzes: results.quizzes ?? null, labs: results.labs });
}

function payload(results: ParticipantResults) {
	return {
		format: resultsFormat,
		version: resultsVersion,
		...(results.quizzes ? { quizzes: results.quizzes } : {}),
		labs: results.labs,
		check: resultsCheck(results),
	};
}

/** The file a participant sends. */
export function resultsFile(results: ParticipantResults): string {
	return JSON.stringify(payload(results), null, 2);
}

/** The link a participant sends: this site's results page with the results in its fragment. */
export function resultsLink(origin: string, results: ParticipantResults): string {
	const packed = toBase64Url(zlibSync(strToU8(JSON.stringify(payload(results))), { level: 9 }));
	return `${origin}${resultsPath}${resultsPrefix}${packed}`;
}

/** Whether a pasted link is a results link (rather than an assessment share link). */
export const isResultsLink = (link: string): boolean => link.includes(resultsPrefix);

/** Reads a results link (or just its fragment); throws an Error saying why it cannot be used. */
export function parseResultsLink(link: string): ParticipantResults {
	const at = link.indexOf(resultsPrefix);
	if (at < 0) throw new Error('it is not a results link (no “#results=” part).');
	let data: unknown;
	try {
		data = JSON.parse(strFromU8(unzlibSync(fromBase64Url(link.slice(at + resultsPrefix.length)))));
	} catch {
		throw new Error('the link is damaged or cut short; ask for it to be copied again.');
	}
	return parseResults(data);
}

/**
 * Validates a parsed results file or link payload; throws an Error whose message completes
 * "… could not be loaded: …".
 */
export function parseResults(data: unknown): ParticipantResults {
	if (!isObject(data) || data['format'] !== resultsFormat)
		throw new Error('it is not an MLOps Lab results file.');
	const version = data['version'];
	if (typeof version === 'number' && version > resultsVersion)
		throw new Error(
			`it was made by a newer version of this site (results version ${version}); this site reads version ${resultsVersion}.`,
		);
	if (version !== resultsVersion)
		throw new Error(`it has an unknown results version ${JSON.stringify(version)}.`);
	const results: ParticipantResults = {
		...(data['quizzes'] !== undefined ? { quizzes: parseQuizzes(data['quizzes']) } : {}),
		labs: parseLabOutcomes(data['labs'] ?? []),
	};
	if (!results.quizzes && results.labs.length === 0)
		throw new Error('it holds no quiz scores and no lab outcomes.');
	if (data['check'] !== resultsCheck(results))
		throw new Error(
			'its contents do not match its check code: it was changed after the site wrote it, or damaged on the way. Ask for it to be sent again.',
		);
	return results;
}

/**
 * Reads the outcome a lab put in a "send this result" link's fragment (see outcome-link) with
 * the same checks as a results file; throws an Error whose message completes "… cannot be
 * used: …".
 */
export function readOutcomeFragment(hash: string): LabOutcome {
	const at = hash.indexOf(outcomePrefix);
	if (at < 0) throw new Error('the link holds no lab result.');
	let data: unknown;
	try {
		data = JSON.parse(
			new TextDecoder('utf-8', { fatal: true }).decode(
				fromBase64Url(hash.slice(at + outcomePrefix.length)),
			),
		);
	} catch {
		throw new Error('the link is damaged or cut short; go back to the lab and follow it again.');
	}
	try {
		const [outcome] = parseLabOutcomes([data]);
		if (outcome) return outcome;
	} catch (error) {
		throw new Error((error as Error).message.replace(/^lab outcome 1: /, ''), { cause: error });
	}
	throw new Error('the link holds no lab result.');
}

/** Validates a list of lab outcomes; throws naming the first bad one (1-based). */
export function parseLabOutcomes(value: unknown): LabOutcome[] {
	if (!Array.isArray(value)) throw new Error('its "labs" must be a list of lab outcomes.');
	if (value.length > maxLabOutcomes)
		throw new Error(`it holds ${value.length} lab outcomes; at most ${maxLabOutcomes} are read.`);
	return value.map((item, i) => {
		try {
			return parseLabOutcome(item);
		} catch (error) {
			throw new Error(`lab outcome ${i + 1}: ${(error as Error).message}`, { cause: error });
		}
	});
}

const isIn = <T extends string>(values: readonly T[], v: unknown): v is T =>
	typeof v === 'string' && (values as readonly string[]).includes(v);

function between(v: unknown, min: number, max: number, what: string, integer = false): number {
	if (
		typeof v !== 'number' ||
		!Number.isFinite(v) ||
		v < min ||
		v > max ||
		(integer && !Number.isInteger(v))
	)
		throw new Error(
			`${what} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}.`,
		);
	return v;
}

/** A run link's query: short, no fragment, and stating a whole-number seed. */
export function parseRunQuery(v: unknown): string {
	if (typeof v !== 'string' || v.length > maxQueryChars || /[#\s]/.test(v))
		throw new Error(
			`its run settings must be a link query of at most ${maxQueryChars} characters.`,
		);
	const query = v.replace(/^\?/, '');
	if (!/^\d+$/.test(new URLSearchParams(query).get('seed') ?? ''))
		throw new Error('its run settings do not state the seed, so nobody could rerun it.');
	return query;
}

function parseLabOutcome(item: unknown): LabOutcome {
	if (!isObject(item) || !isIn(outcomeLabs, item['lab']))
		throw new Error(`it must name one of the labs ${outcomeLabs.join(', ')}.`);
	const lab: OutcomeLab = item['lab'];
	const query = parseRunQuery(item['query']);
	switch (lab) {
		case 'training':
			return {
				lab: 'training',
				query,
				testAccuracy: between(item['testAccuracy'], 0, 1, 'the test accuracy'),
			};
		case 'drift': {
			const day = item['firstAlertDay'];
			return {
				lab: 'drift',
				query,
				firstAlertDay: day === null ? null : between(day, 1, 3650, 'the first alert day', true),
			};
		}
		case 'continuous-training':
			return {
				lab: 'continuous-training',
				query,
				meanAccuracy: between(item['meanAccuracy'], 0, 1, 'the year’s mean accuracy'),
				runs: between(item['runs'], 0, 3650, 'the number of runs', true),
			};
		case 'deployment': {
			if (!isIn(rolloutResults, item['rollout']))
				throw new Error(`the rollout result must be one of ${rolloutResults.join(', ')}.`);
			return {
				lab: 'deployment',
				query,
				rollout: item['rollout'],
				minutes: between(item['minutes'], 0, 1440, 'the rollout’s minutes'),
			};
		}
	}
}
