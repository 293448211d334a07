/**
 * A participant's lab run as a link query the trainer can open: the link the lab's Share button
 * copied (or the address bar), read with the lab's own parameter rules and written back whole,
 * seed included, so a setting the lab would reject is caught here — on the participant's
 * screen, while they can still fix it — and not in the trainer's team view.
 */
import type { TrainingParams } from '@sim/training/training.data';
import { readParams, withSeed, writeParams } from '../url-params';
import { trainingParamsSpec } from '../labs/training/training-params';
import { driftQuery, readDriftParams } from '../labs/drift/drift-params';
import { ctQuery, readCtParams } from '../labs/continuous-training/ct-params';
import { deploymentQuery, readDeploymentParams } from '../labs/deployment/deployment-params';
import type { OutcomeLab } from './participant-results';

/** The link query of a training run's parameters, seed included. */
export function trainingRunQuery(params: TrainingParams): string {
	return withSeed(writeParams(trainingParamsSpec, params), params.seed);
}

/** Each lab's reading of a query: the whole query it would run, and what it would not accept. */
const readers: Record<OutcomeLab, (search: string) => { query: string; problems: string[] }> = {
	training: (search) => {
		const r = readParams(trainingParamsSpec, search);
		return { query: trainingRunQuery(r.params), problems: r.problems };
	},
	drift: (search) => {
		const r = readDriftParams(search);
		return { query: withSeed(driftQuery(r.params), r.params.seed), problems: r.problems };
	},
	'continuous-training': (search) => {
		const r = readCtParams(search);
		return { query: ctQuery(r.params), problems: r.problems };
	},
	deployment: (search) => {
		const r = readDeploymentParams(search);
		return { query: withSeed(deploymentQuery(r.params), r.params.seed), problems: r.problems };
	},
};

/**
 * Reads a pasted lab link (absolute, site-relative or just its query) for `lab`; returns the
 * run's query, or throws an Error saying what is wrong with the link.
 */
export function runQueryFromLink(lab: OutcomeLab, link: string): string {
	const text = link.trim();
	if (text === '')
		throw new Error('paste the link of your run (the lab’s “Copy link to this run” button).');
	let url: URL;
	try {
		url = new URL(text.startsWith('?') ? `/labs/${lab}/${text}` : text, 'https://site.invalid');
	} catch {
		throw new Error('that is not a link.');
	}
	if (url.pathname.replace(/\/?$/, '/') !== `/labs/${lab}/`)
		throw new Error(`that is not a link to the ${lab} lab (it goes to ${url.pathname}).`);
	const read = readers[lab](url.search);
	if (read.problems.length > 0)
		throw new Error(`the lab would not run that link as it is: ${read.problems.join(' ')}`);
	return read.query;
}
