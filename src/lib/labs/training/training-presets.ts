/**
 * The training lab's "Things to try": each is a link that opens the lab with the settings that
 * make one lesson visible (divergence, thrashing, over-fitting, early stopping). Links spell out
 * every setting they rely on, the seed included, rather than leaning on the current defaults, so
 * a preset keeps showing what its text promises even if a default changes; a unit test trains
 * each seeded preset and checks that it does.
 */
import { defaultTrainingParams, type LabPreset, type TrainingParams } from '@sim/labs/training';

/**
 * One suggested experiment: the settings the link sets (the rest are the lab's defaults) and
 * what happens when the learner presses Train.
 */
export type TrainingPreset = LabPreset<
	Partial<TrainingParams>,
	'diverge' | 'thrash' | 'overfit' | 'earlyStop'
>;

const overfit: Partial<TrainingParams> = {
	model: 'mlp',
	hiddenUnits: 64,
	learningRate: 1,
	epochs: 150,
	l2: 0,
	datasetSize: 200,
	patience: 0,
	seed: 42,
};

/** The suggestions, in the order the page lists them. */
export const trainingPresets: readonly TrainingPreset[] = [
	{
		id: 'diverge',
		title: 'Learning rate 100',
		params: { model: 'mlp', learningRate: 100, seed: 42 },
		notice:
			'the loss explodes within a few epochs and the run is logged as diverged, with no test score.',
	},
	{
		id: 'thrash',
		title: 'Learning rate 10',
		params: { model: 'mlp', learningRate: 10, seed: 42 },
		notice:
			'the run survives but the curves jump about. Tick it and a default run in the log to compare them.',
	},
	{
		id: 'overfit',
		title: 'Over-fit on purpose',
		params: overfit,
		notice:
			'200 records, 64 hidden units, no L2 and 150 epochs: the training loss falls towards zero while the validation loss turns upward, and the gap between them widens.',
	},
	{
		id: 'earlyStop',
		title: 'The same, with early stopping',
		params: { ...overfit, patience: 5 },
		notice:
			'training stops a few epochs after the validation loss stops improving and keeps the weights of the best epoch.',
	},
];

/** The full parameters a preset trains with. */
export function presetParams(preset: TrainingPreset): TrainingParams {
	return { ...defaultTrainingParams, ...preset.params };
}

/**
 * The lab link for a preset, relative to the site root: every preset setting, seed included,
 * and a jump to the lab itself so the learner lands on the Train button.
 */
export function presetHref(preset: TrainingPreset): string {
	const query = new URLSearchParams();
	for (const [key, value] of Object.entries(preset.params)) query.set(key, String(value));
	return `/labs/training/?${query.toString()}#lab`;
}
