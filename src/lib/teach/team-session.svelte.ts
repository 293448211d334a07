/**
 * The state of the trainer's team view, apart from its markup: the members' assessments and the
 * participants' results (quiz scores, lab outcomes) loaded so far, how files and pasted links are
 * added, and how the session is kept in this browser. Every input is read on its own: a bad file
 * or link is named with its reason and everything else is added. The same assessment or results
 * loaded twice (by file and by link) count once. A stored session that cannot be read is moved
 * aside under a backup key rather than overwritten, and said on its own.
 */
import {
	questionBank as bank,
	countOf,
	memberKey,
	newMembers,
	pastedLinks,
	type Answers,
} from '@/assessment';
import {
	maxImportBytes,
	parseTeamSession,
	teamSessionKey,
	type TeamSession as StoredSession,
} from '@/lib/assessment-store';
import { quarantineStored, readStored, writeStored } from '@/lib/storage';
import {
	parseTeamQuizzes,
	readParticipantFile,
	resultsKey,
	teamQuizzesKey,
	teamQuizzesVersion,
	type TeamQuizzes,
} from '@/lib/team-results';
import { isResultsLink, parseResultsLink, type ParticipantResults } from './participant-results';

/** One loaded member: answers, evidence notes and an identity to spot the same one twice. */
export interface Member {
	key: string;
	answers: Answers;
	evidence: Record<string, string>;
}

/** One participant's quiz scores and lab outcomes, with an identity to spot the same one twice. */
export interface Reporter {
	key: string;
	results: ParticipantResults;
}

/** What one participant sent, in a few words, for the participation list. */
function sentText(results: ParticipantResults): string {
	const parts = [
		...(results.quizzes
			? [`quiz scores for ${countOf(Object.keys(results.quizzes).length, 'lesson')}`]
			: []),
		...(results.labs.length > 0 ? [countOf(results.labs.length, 'lab outcome')] : []),
	];
	return parts.join(' and ');
}

export class TeamSessionState {
	members = $state<Member[]>([]);
	reporters = $state<Reporter[]>([]);
	links = $state('');
	problems = $state<string[]>([]);
	sessionProblem = $state('');
	message = $state('');

	/** What each participant sent, in arrival order (assessments first). */
	everyone = $derived([
		...this.members.map(
			(m) =>
				`an assessment (${Object.values(m.answers).filter((x) => x !== 'unknown').length} answers)`,
		),
		...this.reporters.map((r) => sentText(r.results)),
	]);

	/** Reads every chosen file; each bad one is named with its reason. */
	async addFiles(files: readonly File[]): Promise<void> {
		const added: Member[] = [];
		const reported: Reporter[] = [];
		const failed: string[] = [];
		for (const file of files) {
			if (file.size > maxImportBytes) {
				failed.push(
					`“${file.name}” could not be loaded: it is larger than ${maxImportBytes / 1024} KB.`,
				);
				continue;
			}
			try {
				const read = readParticipantFile(bank, await file.text());
				if (read.kind === 'assessment') added.push(read);
				else if (read.kind === 'results') reported.push(read);
				else reported.push({ key: read.key, results: { quizzes: read.quizzes, labs: [] } });
			} catch (error) {
				failed.push(`“${file.name}” could not be loaded: ${(error as Error).message}`);
			}
		}
		this.finish(added, reported, failed);
	}

	/** Reads the pasted links, assessment share links and results links alike. */
	async addLinks(): Promise<void> {
		// The share-link reader brings the compression library: fetched only when links are added.
		const { parseShareLink } = await import('@/lib/assessment-share');
		const added: Member[] = [];
		const reported: Reporter[] = [];
		const failed: string[] = [];
		for (const { line, link } of pastedLinks(this.links)) {
			try {
				if (isResultsLink(link)) {
					const results = parseResultsLink(link);
					reported.push({ key: resultsKey(results), results });
				} else {
					const shared = parseShareLink(bank, link);
					added.push({
						key: memberKey(shared.name, shared.answers),
						answers: shared.answers,
						evidence: shared.evidence,
					});
				}
			} catch (error) {
				failed.push(`Line ${line}: ${(error as Error).message}`);
			}
		}
		if (failed.length === 0) this.links = '';
		this.finish(added, reported, failed);
	}

	private finish(incoming: Member[], reported: Reporter[], failed: string[]): void {
		const members = newMembers(this.members, incoming);
		const reporters = newMembers(this.reporters, reported);
		this.members = [...this.members, ...members.added];
		this.reporters = [...this.reporters, ...reporters.added];
		this.problems = failed;
		this.persist();
		const again = members.repeats + reporters.repeats;
		this.message = `${members.added.length + reporters.added.length} added${again > 0 ? ` (${countOf(again, 'was', 'were')} already in the team view and counted once)` : ''}; ${countOf(this.everyone.length, 'participant')} in the team view.`;
	}

	clear(): void {
		this.members = [];
		this.reporters = [];
		this.problems = [];
		this.persist();
		this.message = 'Team session cleared: no members are stored in this browser any more.';
	}

	/** Restores what this browser kept; call once the page is in the browser. */
	restore(): void {
		const stored = readStored<StoredSession | undefined>(
			teamSessionKey,
			(data) => parseTeamSession(bank, data),
			undefined,
		);
		if (stored.ok) {
			const session = stored.value;
			if (session && session.members.length > 0) {
				this.members = session.members.map((answers, i) => ({
					key: session.keys?.[i] ?? memberKey(`member ${i + 1}`, answers),
					answers,
					evidence: session.evidence?.[i] ?? {},
				}));
			}
		} else {
			const backup = quarantineStored(teamSessionKey, stored.raw, Date.now());
			const reason = stored.error.replace(/^Saved data under “[^”]*” could not be read: /, '');
			this.sessionProblem = `The team session saved in this browser could not be read: ${reason} It was kept under “mlops-lab:${backup ?? teamSessionKey}”; the team view starts empty.`;
		}
		const storedResults = readStored<TeamQuizzes | undefined>(
			teamQuizzesKey,
			parseTeamQuizzes,
			undefined,
		);
		if (storedResults.ok) {
			this.reporters = (storedResults.value?.participants ?? []).map((results) => ({
				key: resultsKey(results),
				results,
			}));
		} else {
			const backup = quarantineStored(teamQuizzesKey, storedResults.raw, Date.now());
			this.sessionProblem += ` The quiz scores and lab outcomes saved for the team view could not be read; they were kept under “mlops-lab:${backup ?? teamQuizzesKey}”.`;
		}
		const count = this.members.length + this.reporters.length;
		if (count > 0) {
			this.message = `Restored the team session saved in this browser: ${countOf(count, 'participant')}.`;
		}
	}

	private persist(): void {
		const members = $state.snapshot(this.members) as Member[];
		const session: StoredSession = {
			version: 1,
			bankVersion: bank.version,
			members: members.map((m) => ({ ...m.answers })),
			evidence: members.map((m) => m.evidence),
			keys: members.map((m) => m.key),
		};
		const results: TeamQuizzes = {
			version: teamQuizzesVersion,
			participants: ($state.snapshot(this.reporters) as Reporter[]).map((r) => r.results),
		};
		if (!writeStored(teamSessionKey, session) || !writeStored(teamQuizzesKey, results)) {
			this.problems = [
				...this.problems,
				'The team session could not be saved in this browser (storage unavailable or full); it lasts until the page closes.',
			];
		}
	}
}
