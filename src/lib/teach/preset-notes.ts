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
	'continuous-training/schedule-misses-shift': {
		use: 'Opening the retraining lab; choosing what starts a retraining run.',
		ask: 'The world changed on day 95. How many days did each policy serve the old model, and what would have told you sooner?',
		notice:
			'A calendar does not know the world changed: the schedule keeps the stale model for months, while a performance trigger with a recent window recovers once a week of new labels exists.',
	},
	'continuous-training/harmless-drift': {
		use: 'Straight after the schedule preset, or after the drift lab’s harmless shift.',
		ask: 'Twenty runs, almost all rejected: what did they cost, and what should the trigger have watched instead?',
		notice:
			'Drift that does not hurt accuracy still fires a drift trigger; the gate saves the model but not the compute, and accuracy is no better than never retraining.',
	},
	'continuous-training/gate-rejects-corrupted': {
		use: 'Why a pipeline needs a gate after data validation.',
		ask: 'The data passed validation. What caught the bad model, and what would have happened without that check?',
		notice:
			'Scrambled labels keep every schema and rate check green; only comparing the challenger with the champion on fresh data stops the worse model from serving.',
	},
	'continuous-training/short-window-seasonal': {
		use: 'Choosing the training window; pairs with the schedule preset.',
		ask: 'A short window reacted faster in the first preset. Why is it worse here, and how would you choose the window for your data?',
		notice:
			'A 30-day window never holds a whole seasonal cycle, so every peak meets a model that has forgotten the last one; all history remembers it.',
	},
	'deployment/broken-canary': {
		use: 'Opening the deployment lab: what a canary is for.',
		ask: 'How many users met the broken version, and for how long? What would a plain rolling update have done?',
		notice:
			'One minute at 10 % and one failed analysis send every request back to the old version: the damage is small and bounded.',
	},
	'deployment/good-canary': {
		use: 'Straight after the broken canary: the same steps when all is well.',
		ask: 'Every step passed. What did the gradual rollout cost you here, and was it worth it?',
		notice:
			'A good model walks through 10 %, 50 % and 100 % with each analysis passing; the price of safety is a few minutes.',
	},
	'deployment/slow-canary': {
		use: 'Choosing the metrics an analysis checks.',
		ask: 'Every answer was right, so why did the rollout stop — and would your own rollouts have caught it?',
		notice:
			'Correctness passed and latency failed: an analysis only protects against what its metrics measure.',
	},
	'deployment/thin-canary': {
		use: 'Sizing canary steps; end the deployment part with it.',
		ask: 'The analysis passed at 1 %. How many requests did it actually judge, and which users never reached the canary?',
		notice:
			'A dozen requests in a minute cannot represent a small segment: the first step passes and the fault appears only at 100 %.',
	},
	'deployment/inconclusive-canary': {
		use: 'Teaching the inconclusive verdict of an analysis.',
		ask: 'The analysis neither passed nor failed. What would you look at before promoting or aborting, and who should decide?',
		notice:
			'Between the success wanted and the failure limit the result is Inconclusive: the rollout pauses and waits for a person instead of guessing.',
	},
	'deployment/broken-recreate': {
		use: 'Comparing strategies: the bluntest one first.',
		ask: 'How long was nobody served, and how many users then met the broken model?',
		notice:
			'Recreate stops every old pod before a new one is ready: an outage first, then every request on the broken version, with nothing to stop it.',
	},
	'deployment/broken-rolling': {
		use: "Comparing strategies: Kubernetes' default.",
		ask: 'The rollout finished without complaint. What in a plain Deployment would have noticed the errors?',
		notice:
			'Pods are replaced a few at a time, so there is no outage, but no analysis runs: the broken model reaches everyone.',
	},
	'deployment/broken-shadow': {
		use: 'Comparing strategies: testing without users.',
		ask: 'Every failure happened on a copy. What can a shadow test not tell you about the new version?',
		notice:
			"Mirrored requests reveal the errors while every user is still answered by the old version; the candidate's answers are discarded.",
	},
	'deployment/broken-bluegreen': {
		use: 'Comparing strategies: the instant switch.',
		ask: 'Everyone met the broken model for a while. What decided how long, and how fast was the way back?',
		notice:
			'All traffic moves at once and the post-promotion analysis switches it back at once: a short window, but a full one.',
	},
	'deployment/preview-bluegreen': {
		use: 'Blue/green with a human gate.',
		ask: 'What would you check on the preview before pressing promote?',
		notice:
			'With autoPromotionEnabled false the new version waits beside the old one on a preview service until someone switches it.',
	},
	'deployment/kayenta-canary': {
		use: 'Judging a canary by comparison rather than fixed thresholds.',
		ask: 'Why compare v2 with stable at the same moment instead of with a fixed number?',
		notice:
			"The judge scores each metric against stable's over the same interval; a low score fails the step whatever the absolute figures.",
	},
	'deployment/flagger-canary': {
		use: 'The same canary as Flagger runs it.',
		ask: 'Flagger counted failed checks instead of failed measurements. When does that difference matter?',
		notice:
			'Flagger steps the weight by stepWeight up to maxWeight and rolls back once its threshold of failed checks is reached.',
	},
};
