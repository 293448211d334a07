/**
 * The facilitator's notes for each lab preset, keyed by `lab/id` (see `presetKey`): the question
 * to put to the room and what to make sure people notice. Kept apart from the labs' own preset
 * lists, which are being unified, so this text survives that move; a unit test checks that every
 * preset has notes and that no note names a preset that no longer exists.
 */

/** What a trainer does with one preset. */
export interface PresetNote {
	/** When in a session the preset fits, in a few words. */
	use: string;
	/** The question to ask the room once the run has finished. */
	ask: string;
	/** What to make sure the room has noticed before moving on. */
	notice: string;
}

/** Notes for every preset of every built lab. */
export const presetNotes: Readonly<Record<string, PresetNote>> = {
	'training/diverge': {
		use: 'First minutes at the keyboard; shows that failure is logged too.',
		ask: 'What should an automated pipeline do with a run like this — retry, alert, or record it and move on?',
		notice:
			'The run is logged as diverged with no test score, so nobody mistakes it for a bad model or tries it again.',
	},
	'training/thrash': {
		use: 'Comparing runs in the experiment log.',
		ask: 'Tick this run and a default one: which would you register, and what evidence decides it?',
		notice:
			'Both runs used the same data and seed, so the comparison is fair; without the log nobody could say which settings made the difference.',
	},
	'training/overfit': {
		use: 'The core training lesson; works for any audience.',
		ask: 'At which epoch would you have stopped, and what would the training loss alone have told you?',
		notice:
			'Training loss keeps falling while validation loss turns upward: the gap between them is the signal, not either curve.',
	},
	'training/earlyStop': {
		use: 'Straight after the over-fitting preset.',
		ask: 'Patience is one more setting: would you log it, and who decides its value?',
		notice:
			'A rule stops training and keeps the best epoch’s weights, so the result no longer depends on who was watching.',
	},
	'drift/false-alarms': {
		use: 'Before any alerting discussion.',
		ask: 'Nothing changed all year. How often would this have paged your on-call engineer?',
		notice:
			'About one day in twenty is flagged by chance at a 0.05 level: a single flag is a warning, not an alert.',
	},
	'drift/false-alarms-corrected': {
		use: 'Straight after the false-alarms preset, before choosing an alert rule.',
		ask: 'Fewer false flags — what did that cost, and when would you rather not pay it?',
		notice:
			'Correcting for eleven tests at once makes a flagged day rare again in a drift-free year, at the price of missing small real shifts.',
	},
	'drift/tiny-shift': {
		use: 'Choosing statistics and window sizes.',
		ask: 'Is this shift real? Does it matter? Which number told you how big it is?',
		notice:
			'With thousands of rows KS flags even a negligible shift; effect sizes (Wasserstein, PSI) stay small and say it does not matter.',
	},
	'drift/harmless-shift': {
		use: 'Deciding when to retrain.',
		ask: 'The monitor alerted on day 20. Retrain, or not — and what would you look at first?',
		notice:
			'Every test flags the discount feature, yet measured and estimated accuracy hold: drift is not damage.',
	},
	'drift/concept-drift': {
		use: 'Why labels matter; pairs with the harmless shift.',
		ask: 'Why did neither the drift tests nor the estimated accuracy warn us, and what would have?',
		notice:
			'No input moves and the estimate stays level; only measured accuracy, a week later, shows the damage.',
	},
	'drift/label-delay': {
		use: 'Designing monitoring for the weeks before labels arrive.',
		ask: 'For the two weeks with no labels, what would you show a stakeholder who asks whether the model still works?',
		notice:
			'Inputs and the estimate react on day 20; measured accuracy stays blank for 14 days until labels arrive.',
	},
};
