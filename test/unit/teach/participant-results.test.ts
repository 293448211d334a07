/**
 * A participant's results (quiz scores and lab outcomes) as a file and as a link: they read back
 * exactly; a file edited by hand, a link cut short, a newer version, a run without its seed and
 * every out-of-range outcome are refused with the message the trainer sees; the team view's
 * reader takes them beside assessments; the per-lab summary has the exact spread, median and
 * order; and a participant's pasted lab link is read with the lab's own rules.
 */
import { describe, expect, test } from 'vitest';
import { questionBank as bank } from '@/assessment';
import { readParticipantFile, resultsKey } from '@/lib/team-results';
import {
	maxLabOutcomes,
	parseResults,
	parseResultsLink,
	readOutcomeFragment,
	resultsCheck,
	resultsFile,
	resultsLink,
	type LabOutcome,
	type ParticipantResults,
} from '@/lib/teach/participant-results';
import { summarizeLabs } from '@/lib/teach/team-labs';
import { runQueryFromLink } from '@/lib/teach/run-links';
import { outcomeHref } from '@/lib/teach/outcome-link';

const training: LabOutcome = {
	lab: 'training',
	query: 'model=mlp&learningRate=1&seed=42',
	testAccuracy: 0.835,
};
const drift: LabOutcome = {
	lab: 'drift',
	query: 'preset=concept-drift&seed=42',
	firstAlertDay: 27,
};
const ct: LabOutcome = {
	lab: 'continuous-training',
	query: 'preset=harmless-drift&seed=42',
	meanAccuracy: 0.8,
	runs: 21,
};
const rollout: LabOutcome = {
	lab: 'deployment',
	query: 'preset=broken-canary&seed=7',
	rollout: 'aborted',
	minutes: 1,
};
const results: ParticipantResults = {
	quizzes: { 'foundations/01-what-is-mlops': { correct: 3, total: 4 } },
	labs: [training, drift, ct, rollout],
};

describe('results file and link', () => {
	test('the file states its format, version and check code, and reads back exactly', () => {
		const file = JSON.parse(resultsFile(results));
		expect(file.format).toBe('mlops-lab-results');
		expect(file.version).toBe(1);
		expect(file.check).toMatch(/^[0-9a-f]{8}$/);
		expect(parseResults(file)).toEqual(results);
	});

	test('the link opens the results page and reads back exactly', () => {
		const link = resultsLink('https://mlops.example', results);
		expect(link).toMatch(/^https:\/\/mlops\.example\/teach\/send\/#results=[A-Za-z0-9_-]+$/);
		expect(parseResultsLink(link)).toEqual(results);
	});

	test('the check code changes with any outcome', () => {
		const changed = { ...results, labs: [{ ...training, testAccuracy: 0.99 }] };
		expect(resultsCheck(changed)).not.toBe(resultsCheck({ ...results, labs: [training] }));
	});

	test('a file whose numbers were edited by hand is refused as changed', () => {
		const file = JSON.parse(resultsFile(results));
		file.labs[0].testAccuracy = 0.99;
		expect(() => parseResults(file)).toThrow(
			'its contents do not match its check code: it was changed after the site wrote it',
		);
	});

	test('a link cut short in a chat is refused as damaged', () => {
		const link = resultsLink('https://mlops.example', results);
		expect(() => parseResultsLink(link.slice(0, -12))).toThrow(
			'the link is damaged or cut short; ask for it to be copied again.',
		);
		expect(() => parseResultsLink('https://mlops.example/teach/send/')).toThrow(
			'it is not a results link',
		);
	});

	const withCheck = (labs: unknown[], extra: Record<string, unknown> = {}) => ({
		format: 'mlops-lab-results',
		version: 1,
		labs,
		check: 'whatever',
		...extra,
	});

	test.each([
		[{ ...withCheck([]), version: 2 }, 'made by a newer version of this site (results version 2)'],
		[{ ...withCheck([]), version: '1' }, 'it has an unknown results version "1".'],
		[withCheck([]), 'it holds no quiz scores and no lab outcomes.'],
		[withCheck([{ lab: 'fraud', query: 'seed=1' }]), 'lab outcome 1: it must name one of the labs'],
		[
			withCheck([{ ...training, query: 'model=mlp' }]),
			'lab outcome 1: its run settings do not state the seed, so nobody could rerun it.',
		],
		[
			withCheck([{ ...training, query: `seed=1&x=${'a'.repeat(600)}` }]),
			'its run settings must be a link query of at most 600 characters.',
		],
		[
			withCheck([training, { ...training, testAccuracy: 1.2 }]),
			'lab outcome 2: the test accuracy must be a number from 0 to 1.',
		],
		[
			withCheck([{ ...drift, firstAlertDay: 2.5 }]),
			'the first alert day must be a whole number from 1 to 3650.',
		],
		[withCheck([{ ...ct, runs: -1 }]), 'the number of runs must be a whole number from 0 to 3650.'],
		[
			withCheck([{ ...rollout, rollout: 'rolled-back' }]),
			'the rollout result must be one of promoted, aborted, unfinished.',
		],
		[
			withCheck(Array.from({ length: maxLabOutcomes + 1 }, () => training)),
			`it holds 25 lab outcomes; at most ${maxLabOutcomes} are read.`,
		],
		[withCheck([], { quizzes: { 'x/y': { correct: 5, total: 4 } } }), 'is not a valid quiz score'],
	])('refuses a payload: %#', (data, message) => {
		expect(() => parseResults(data)).toThrow(message);
	});

	test('a drift run with no alert at all is an outcome too', () => {
		const none: ParticipantResults = { labs: [{ ...drift, firstAlertDay: null }] };
		expect(parseResults(JSON.parse(resultsFile(none)))).toEqual(none);
	});
});

describe('the team view reads results files beside assessments', () => {
	test('a results file is one participant, known again by its key', () => {
		const read = readParticipantFile(bank, resultsFile(results));
		expect(read).toEqual({ kind: 'results', key: resultsKey(results), results });
	});

	test('a tampered results file gets the message the team view shows', () => {
		const file = JSON.parse(resultsFile(results));
		file.labs[3].rollout = 'promoted';
		expect(() => readParticipantFile(bank, JSON.stringify(file))).toThrow(
			'its contents do not match its check code',
		);
	});
});

describe('summarizeLabs', () => {
	const people: LabOutcome[][] = [
		[{ ...training, testAccuracy: 0.8 }, rollout],
		[
			{ ...training, testAccuracy: 0.84 },
			{ ...rollout, rollout: 'promoted', minutes: 3 },
		],
		[{ ...training, query: 'model=logistic&seed=1', testAccuracy: 0.72 }, drift],
		[{ ...drift, firstAlertDay: null }, rollout],
	];
	const labs = summarizeLabs(people);

	test('orders labs by disagreement, widest first', () => {
		expect(labs.map((l) => [l.lab, Number(l.disagreement.toFixed(4))])).toEqual([
			['deployment', 0.3333],
			['training', 0.1429],
			['drift', 0],
		]);
	});

	test('counts participants, settings, the distribution and the median', () => {
		const t = labs.find((l) => l.lab === 'training');
		expect(t).toMatchObject({
			measure: 'best test accuracy',
			participants: 3,
			settings: 2,
			median: '80.0 %',
			distribution: [
				['80–85 %', 2],
				['70–75 %', 1],
			],
		});
		expect(t?.rows.map((r) => [r.participant, r.text, r.seed])).toEqual([
			[2, '72.0 %', '1'],
			[0, '80.0 %', '42'],
			[1, '84.0 %', '42'],
		]);
		expect(t?.rows[0]?.href).toBe('/labs/training/?model=logistic&seed=1');
	});

	test('a drift run without an alert is counted, not averaged', () => {
		const d = labs.find((l) => l.lab === 'drift');
		expect(d?.median).toBe('day 27');
		expect(d?.distribution).toEqual([
			['day 27', 1],
			['no alert', 1],
		]);
		expect(d?.rows.map((r) => r.text)).toEqual(['day 27', 'no alert']);
	});

	test('rollouts are categories: the commonest first, promoted rows before aborted', () => {
		const r = labs.find((l) => l.lab === 'deployment');
		expect(r?.distribution).toEqual([
			['aborted', 2],
			['promoted', 1],
		]);
		expect(r?.rows.map((row) => row.text)).toEqual([
			'promoted after 3 min',
			'aborted after 1 min',
			'aborted after 1 min',
		]);
	});

	test('nothing sent, nothing shown', () => {
		expect(summarizeLabs([[], []])).toEqual([]);
	});
});

describe('runQueryFromLink', () => {
	test('writes a lab link back whole, seed included, whatever form it was pasted in', () => {
		expect(
			runQueryFromLink('deployment', 'https://mlops.example/labs/deployment/?preset=broken-canary'),
		).toBe('preset=broken-canary&seed=7');
		expect(runQueryFromLink('training', '/labs/training/?learningRate=10#lab')).toMatch(
			/^(.*&)?learningRate=10&seed=\d+$/,
		);
		expect(runQueryFromLink('drift', '?preset=concept-drift')).toContain('seed=42');
	});

	test.each([
		['drift', '', 'paste the link of your run'],
		['drift', 'https://mlops.example/labs/training/?seed=1', 'that is not a link to the drift lab'],
		['deployment', '/labs/deployment/?seed=-5', 'the lab would not run that link as it is:'],
	] as const)('refuses %s %j', (lab, link, message) => {
		expect(() => runQueryFromLink(lab, link)).toThrow(message);
	});
});

describe('a lab’s “send this result” link', () => {
	const outcome: LabOutcome = {
		lab: 'drift',
		query: 'preset=harmless-shift&seed=3',
		firstAlertDay: 21,
	};

	test('opens the results page and reads back the same outcome', () => {
		const href = outcomeHref(outcome);
		expect(href.startsWith('/teach/send/#outcome=')).toBe(true);
		expect(readOutcomeFragment(href.slice(href.indexOf('#')))).toEqual(outcome);
	});

	test('a tampered or cut link is refused with a reason', () => {
		const forged = outcomeHref({ ...outcome, firstAlertDay: -4 } as LabOutcome);
		expect(() => readOutcomeFragment(forged)).toThrow(
			'the first alert day must be a whole number from 1 to 3650.',
		);
		const noSeed = outcomeHref({ ...outcome, query: 'preset=harmless-shift' });
		expect(() => readOutcomeFragment(noSeed)).toThrow('do not state the seed');
		expect(() => readOutcomeFragment(outcomeHref(outcome).slice(0, -6))).toThrow(
			'the link is damaged or cut short',
		);
		expect(() => readOutcomeFragment('#outcome=%%%')).toThrow('the link is damaged or cut short');
		expect(() => readOutcomeFragment('#results=abc')).toThrow('the link holds no lab result.');
	});
});
