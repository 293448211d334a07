/**
 * Share links: an assessment's name, answers and evidence in the URL fragment, compressed with
 * fflate's zlib format (whose checksum catches a tampered link) and base64url-encoded, so the
 * answers never reach a server. Kept apart from the store so the compression library (and its
 * tables, built when it loads) is fetched only when a link is made or opened, not on every visit.
 */
import { strFromU8, strToU8, unzlibSync, zlibSync } from 'fflate';
import { migrateAnswers, type MigrationReport, type QuestionBank } from '../assessment';
import {
	assessmentStoreVersion,
	isObject,
	maxImportBytes,
	parseAnswers,
	parseTexts,
	sharePrefix,
	type SavedAssessment,
} from './assessment-store';
import { fromBase64Url, toBase64Url } from './base64url';

interface SharePayload {
	v: typeof assessmentStoreVersion;
	b: number;
	n: string;
	a: Record<string, string>;
	/** Evidence notes, when any (links made before they existed have none). */
	e?: Record<string, string>;
}

/** The URL fragment that shares an assessment's answers (no storage, no server). */
export function shareFragment(assessment: SavedAssessment): string {
	const payload: SharePayload = {
		v: assessmentStoreVersion,
		b: assessment.bankVersion,
		n: assessment.name,
		a: assessment.answers,
		...(Object.keys(assessment.evidence).length > 0 ? { e: assessment.evidence } : {}),
	};
	return sharePrefix + toBase64Url(zlibSync(strToU8(JSON.stringify(payload)), { level: 9 }));
}

/** What a share link holds, read and checked against the bank. */
export interface SharedAssessment {
	name: string;
	answers: Record<string, string>;
	evidence: Record<string, string>;
	/** Set when the link was made with an older question bank. */
	migration?: MigrationReport;
}

/** Reads a share link or fragment; throws an Error saying why it cannot be used. */
export function parseShareLink(bank: QuestionBank, link: string): SharedAssessment {
	const at = link.indexOf(sharePrefix);
	if (at < 0) throw new Error('it is not an assessment share link (no “#share=” part).');
	let payload: unknown;
	try {
		const bytes = fromBase64Url(link.slice(at + sharePrefix.length).trim());
		if (bytes.length > maxImportBytes) throw new Error('too large');
		payload = JSON.parse(strFromU8(unzlibSync(bytes)));
	} catch {
		throw new Error('the link is damaged or incomplete; ask for it to be copied again.');
	}
	if (!isObject(payload) || payload['v'] !== assessmentStoreVersion) {
		throw new Error('the link was made by a different version of this site.');
	}
	let answers = payload['a'];
	let migration: MigrationReport | undefined;
	if (payload['b'] !== bank.version) {
		const migrated =
			typeof payload['b'] === 'number' && isObject(answers)
				? migrateAnswers(bank, payload['b'], answers as Record<string, string>)
				: null;
		if (!migrated) {
			throw new Error(
				`the link uses question bank version ${JSON.stringify(payload['b'])}; this site reads versions 1 to ${bank.version}.`,
			);
		}
		answers = migrated.answers;
		migration = migrated.report;
	}
	const name = typeof payload['n'] === 'string' ? payload['n'].slice(0, 80) : 'Shared assessment';
	return {
		name: name || 'Shared assessment',
		answers: parseAnswers(bank, answers, 'the link'),
		evidence: parseTexts(bank, payload['e'], 'the link', 'evidence'),
		...(migration ? { migration } : {}),
	};
}
