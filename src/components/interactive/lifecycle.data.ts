/**
 * The ML lifecycle as the LifecycleStepper and RolesMatrix show it: eight phases from business
 * understanding to retraining, each placed in the three-stage design → development →
 * deployment view and matched to the name Microsoft's Team Data Science Process (TDSP) uses.
 * One list feeds both islands so the phases never disagree between lessons.
 */

/** The three broad stages many MLOps courses group the lifecycle into. */
export type StageId = 'design' | 'development' | 'deployment';

/** A broad stage and what it covers. */
export interface Stage {
	id: StageId;
	name: string;
	summary: string;
}

/** One phase of the lifecycle. */
export interface LifecyclePhase {
	/** Stable id, also used by the roles matrix. */
	id: string;
	/** Full name of the phase. */
	name: string;
	/** One-word name for the step buttons, where space is tight. */
	short: string;
	/** Which broad stage the phase belongs to. */
	stage: StageId;
	/** The stage name in the Team Data Science Process. */
	tdsp: string;
	/** One or two sentences on what happens. */
	summary: string;
	/** The people who do the work or are consulted. */
	who: string[];
	/** What the phase produces (its artefacts and decisions). */
	produces: string[];
	/** Typical ways the phase goes wrong. */
	goesWrong: string[];
}

/** The three-stage view, in order. */
export const stages: readonly Stage[] = [
	{
		id: 'design',
		name: 'Design',
		summary: 'Frame the problem, find the data and decide whether ML is worth it.',
	},
	{
		id: 'development',
		name: 'Development',
		summary: 'Prepare features, experiment, and evaluate candidate models.',
	},
	{
		id: 'deployment',
		name: 'Deployment',
		summary: 'Ship the model, watch it in production and retrain it when it decays.',
	},
];

/** The lifecycle phases in order. The last one loops back to data acquisition. */
export const lifecyclePhases: readonly LifecyclePhase[] = [
	{
		id: 'business',
		name: 'Business understanding',
		short: 'Business',
		stage: 'design',
		tdsp: 'Business understanding',
		summary:
			'Agree what decision the model will support, how success is measured and whether ML is the right tool at all.',
		who: ['Subject-matter experts', 'Business stakeholders / product owner', 'Data scientists'],
		produces: [
			'A problem statement and the business KPI it should move',
			'Requirements: accuracy, latency, explainability, privacy',
			'A go / no-go decision on feasibility and value',
		],
		goesWrong: [
			'The objective is vague, so nobody can say when the model is good enough',
			'The model metric (accuracy) is not tied to the business metric (churn saved)',
		],
	},
	{
		id: 'data-acquisition',
		name: 'Data acquisition and understanding',
		short: 'Data',
		stage: 'design',
		tdsp: 'Data acquisition and understanding',
		summary:
			'Find the data sources, connect to them, store the data and explore it to judge its quality.',
		who: ['Data engineers', 'Data scientists', 'Subject-matter experts'],
		produces: [
			'Connections to the sources and a store such as a data lake',
			'A data-quality report (accuracy, completeness, consistency, timeliness)',
			'Exploratory analysis notes',
		],
		goesWrong: [
			'The sample is biased or too small for the question',
			'A field is only known after the event, so the model "sees the future" in training',
		],
	},
	{
		id: 'data-preparation',
		name: 'Data preparation and feature engineering',
		short: 'Features',
		stage: 'development',
		tdsp: 'Modeling (feature engineering)',
		summary: 'Clean and transform the raw data and turn it into features a model can learn from.',
		who: ['Data scientists', 'Data engineers', 'Subject-matter experts'],
		produces: [
			'Versioned cleaning and transformation code',
			'Feature definitions, ideally shared in a feature store',
			'Training, validation and test splits',
		],
		goesWrong: [
			'Features are computed one way in a notebook and another way in production (training–serving skew)',
			'Nobody can say which version of the data built which model',
		],
	},
	{
		id: 'modelling',
		name: 'Modelling and experimentation',
		short: 'Modelling',
		stage: 'development',
		tdsp: 'Modeling (model training)',
		summary:
			'Try algorithms, features and hyperparameters; most attempts fail, so every run is recorded.',
		who: ['Data scientists', 'ML engineers (consulted on what can be served)'],
		produces: [
			'Tracked experiments: code version, data version, parameters, metrics',
			'Candidate models',
		],
		goesWrong: [
			'Untracked notebook runs: the best model cannot be rebuilt',
			'Tuning against the test set until it stops being a fair test',
		],
	},
	{
		id: 'evaluation',
		name: 'Evaluation',
		short: 'Evaluation',
		stage: 'development',
		tdsp: 'Modeling (model evaluation)',
		summary:
			'Check the candidate against a baseline and the current model, on the metric that matters and on each segment of customers.',
		who: ['Data scientists', 'Subject-matter experts', 'Business stakeholders / product owner'],
		produces: [
			'An evaluation report compared with the baseline',
			'Results per segment, not just overall',
			'A decision to release, iterate or stop',
		],
		goesWrong: [
			'A better overall score hides a region or customer group where the model got worse',
			'The offline test data does not look like production data',
		],
	},
	{
		id: 'deployment',
		name: 'Deployment',
		short: 'Deployment',
		stage: 'deployment',
		tdsp: 'Deployment',
		summary:
			'Package the model with its dependencies and put it behind an API or inside an application.',
		who: ['ML engineers', 'Software / DevOps engineers', 'Data scientists (consulted)'],
		produces: [
			'A packaged model (for example a container image)',
			'A prediction service (REST API) or an embedded model',
			'A release record saying which model version serves traffic',
		],
		goesWrong: [
			'Missing dependencies or a different library version in production',
			'No quick way back to the previous model when the new one misbehaves',
		],
	},
	{
		id: 'monitoring',
		name: 'Monitoring',
		short: 'Monitoring',
		stage: 'deployment',
		tdsp: 'Deployment and customer acceptance (TDSP has no separate monitoring stage)',
		summary:
			'Watch both the system (latency, errors, load) and the model (input drift, prediction quality once true outcomes arrive).',
		who: [
			'ML engineers',
			'Subject-matter experts (judge the model as its users)',
			'Business stakeholders / product owner',
			'Data engineers',
		],
		produces: [
			'Dashboards and alerts on latency, errors and input distributions',
			'Logged predictions joined with the outcomes that followed',
			'A trigger when quality drops or the data drifts',
		],
		goesWrong: [
			'Only uptime is watched, so a model that is healthy but wrong goes unnoticed',
			'The only feedback is complaints from users',
		],
	},
	{
		id: 'retraining',
		name: 'Retraining',
		short: 'Retraining',
		stage: 'deployment',
		tdsp: 'Loops back to earlier stages (TDSP is iterative)',
		summary:
			'Train again on fresh data, validate, and redeploy: the lifecycle loops back to data acquisition.',
		who: ['Data scientists', 'ML engineers', 'Data engineers'],
		produces: [
			'A new model version trained on recent data',
			'Validation results against the model it would replace',
		],
		goesWrong: [
			'Retraining by hand takes weeks, so it happens too rarely',
			'A retrained model ships without the checks the first one had',
		],
	},
];

/** Index of the phase that retraining loops back to (data acquisition). */
export const loopBackIndex = lifecyclePhases.findIndex((p) => p.id === 'data-acquisition');

/** The stage record for an id. */
export function stageById(id: StageId): Stage {
	const stage = stages.find((s) => s.id === id);
	if (!stage) throw new Error(`Unknown lifecycle stage "${id}".`);
	return stage;
}
