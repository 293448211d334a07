/**
 * Every lab preset as a trainer uses it: lab, id, title, what the lab itself says it shows, and
 * the seeded link that puts a whole room in the same scenario. This is the only file of the
 * workshop kit that reads the labs' own preset lists, so when they move to one shared preset
 * type, only the few lines below change.
 */
import { driftPresets } from '@sim/labs/drift';
import { retrainingPresets } from '@sim/labs/continuous-training';
import { deploymentPresets } from '@sim/labs/deployment';
import {
	trainingPresets,
	presetHref as trainingPresetHref,
} from '../labs/training/training-presets';
import {
	driftParamsSpec,
	driftQuery,
	presetParams as driftPresetParams,
} from '../labs/drift/drift-params';
import {
	ctParamsSpec,
	ctQuery,
	presetParams as ctPresetParams,
} from '../labs/continuous-training/ct-params';
import {
	deploymentParamsSpec,
	deploymentQuery,
	presetParams as deploymentPresetParams,
} from '../labs/deployment/deployment-params';
import { defaultParams } from '../url-params';

/** A lab with presets. */
export type PresetLab = 'training' | 'drift' | 'continuous-training' | 'deployment';

/** The labs with presets, in the order a workshop meets them. */
export const presetLabs: readonly PresetLab[] = [
	'training',
	'drift',
	'continuous-training',
	'deployment',
];

/** One preset, ready to link. */
export interface LabPresetLink {
	/** The lab it opens. */
	lab: PresetLab;
	/** The preset's id within its lab. */
	id: string;
	/** The preset's name in the lab. */
	title: string;
	/** What the lab says will happen, in the lab's own words. */
	shows: string;
	/** Site-relative link with every setting and the seed, so every browser runs the same thing. */
	href: string;
}

const driftDefaults = defaultParams(driftParamsSpec);
const ctDefaults = defaultParams(ctParamsSpec);
const deploymentDefaults = defaultParams(deploymentParamsSpec);

/**
 * The links of a lab whose presets say in a sentence what to notice; `run` gives a preset's link
 * query as the lab writes it and its seed, which the link then always states.
 */
function noticed<P extends { id: string; title: string; notice: string }>(
	lab: PresetLab,
	presets: readonly P[],
	run: (preset: P) => { query: string; seed: number },
): LabPresetLink[] {
	return presets.map((p) => {
		const { query, seed } = run(p);
		const params = new URLSearchParams(query);
		params.set('seed', String(seed));
		return { lab, id: p.id, title: p.title, shows: p.notice, href: `/labs/${lab}/?${params}` };
	});
}

/** Every preset of every built lab, in `presetLabs` order, each in its lab's order. */
export const labPresetLinks: readonly LabPresetLink[] = [
	...trainingPresets.map((p) => ({
		lab: 'training' as const,
		id: p.id,
		title: p.title,
		shows: `Press Train: ${p.notice}`,
		href: trainingPresetHref(p),
	})),
	// The labs' own links leave out values equal to their defaults; a room's link states the
	// seed anyway, so it keeps meaning the same run if a default ever changes.
	...noticed('drift', driftPresets, (p) => {
		const params = driftPresetParams(p, driftDefaults);
		return { query: driftQuery(params), seed: params.seed };
	}),
	...noticed('continuous-training', retrainingPresets, (p) => {
		const params = ctPresetParams(p, ctDefaults);
		return { query: ctQuery(params), seed: params.seed };
	}),
	...noticed('deployment', deploymentPresets, (p) => {
		const params = deploymentPresetParams(p, deploymentDefaults);
		return { query: deploymentQuery(params), seed: params.seed };
	}),
];

/** The key a preset is known by across labs, e.g. `drift/concept-drift`. */
export const presetKey = (preset: Pick<LabPresetLink, 'lab' | 'id'>): string =>
	`${preset.lab}/${preset.id}`;
