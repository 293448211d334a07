/**
 * Every lab preset as a trainer uses it: lab, id, title, what the lab itself says it shows, and
 * the seeded link that puts a whole room in the same scenario. This is the only file of the
 * workshop kit that reads the labs' own preset lists, so when they move to one shared preset
 * type, only the few lines below change.
 */
import { driftPresets } from '@sim/labs/drift';
import {
	trainingPresets,
	presetHref as trainingPresetHref,
} from '../labs/training/training-presets';
import {
	driftParamsSpec,
	driftQuery,
	presetParams as driftPresetParams,
} from '../labs/drift/drift-params';
import { defaultParams } from '../url-params';

/** A lab with presets. */
export type PresetLab = 'training' | 'drift';

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

/** Every preset of every built lab, training first, each in its lab's order. */
export const labPresetLinks: readonly LabPresetLink[] = [
	...trainingPresets.map((p) => ({
		lab: 'training' as const,
		id: p.id,
		title: p.title,
		shows: `Press Train: ${p.notice}`,
		href: trainingPresetHref(p),
	})),
	...driftPresets.map((p) => {
		const params = driftPresetParams(p, driftDefaults);
		// The lab's own links leave out values equal to its defaults; a room's link states the
		// seed anyway, so it keeps meaning the same run if the default ever changes.
		const query = new URLSearchParams(driftQuery(params));
		query.set('seed', String(params.seed));
		return {
			lab: 'drift' as const,
			id: p.id,
			title: p.title,
			shows: p.notice,
			href: `/labs/drift/?${query.toString()}`,
		};
	}),
];

/** The key a preset is known by across labs, e.g. `drift/concept-drift`. */
export const presetKey = (preset: Pick<LabPresetLink, 'lab' | 'id'>): string =>
	`${preset.lab}/${preset.id}`;
