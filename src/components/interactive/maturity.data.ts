/**
 * Two maturity models for the MaturityExplorer island: Google Cloud's MLOps levels 0–2 (with
 * the simpler three-level automation / collaboration / monitoring table that course notes
 * often pair with it) and Microsoft's MLOps maturity model, levels 0–4, with its four columns.
 * Everything is paraphrased from the sources; "lacks" and "ready for the next level" are this
 * site's reading of the differences between adjacent levels, not text from either source.
 */

/** What each model's level records, whichever model it comes from. */
export interface MaturityLevel {
	/** Level number as the source numbers it. */
	level: number;
	/** The source's name for the level. */
	name: string;
	/** One sentence: the level in a nutshell. */
	summary: string;
	/** What a team at this level looks like day to day. */
	looksLike: readonly string[];
	/** What is still missing. */
	lacks: readonly string[];
	/** The sign that it is time to move up; absent on the top level. */
	readyForNext?: string;
}

/** A row of the three-level table: one aspect described at each level. */
export interface ThreeLevelRow {
	aspect: 'Automation' | 'Collaboration' | 'Monitoring';
	/** The aspect at the first, second and third level. */
	cells: readonly [string, string, string];
}

/** One of Microsoft's four columns for one level. */
export interface MicrosoftColumns {
	people: string;
	modelCreation: string;
	modelRelease: string;
	applicationIntegration: string;
}

/** Google Cloud's levels 0, 1 and 2. */
export const googleLevels: readonly MaturityLevel[] = [
	{
		level: 0,
		name: 'Manual process',
		summary: 'Every step, and every move between steps, is done by hand in notebooks and scripts.',
		looksLike: [
			'A manual, script-driven and interactive process: a data scientist runs notebook cells until a model looks good',
			'The model file is handed over to engineers, who rebuild the features for serving',
			'New model versions a few times a year',
			'No CI and no CD; only the prediction service is deployed, not the pipeline',
		],
		lacks: [
			'Active monitoring of predictions, so decay and drift go unseen',
			'Any way to retrain without redoing the work by hand',
			'Confidence that serving computes features exactly as training did',
		],
		readyForNext:
			'The model needs retraining more often than people can do by hand, or it has silently decayed at least once.',
	},
	{
		level: 1,
		name: 'ML pipeline automation',
		summary:
			'The training pipeline itself is deployed and runs automatically, giving continuous training (CT).',
		looksLike: [
			'Experiment steps are orchestrated, so trying an idea is fast',
			'The pipeline retrains the model on fresh data when a trigger fires (schedule, new data, decay, drift)',
			'The same pipeline runs in development, pre-production and production',
			'Automated data validation and model validation gate every new model; metadata records every run',
		],
		lacks: [
			'Automated testing and deployment of changes to the pipeline itself: new pipeline code still ships by hand',
		],
		readyForNext:
			'The team wants to try new features, architectures or pipelines often, and shipping each pipeline change by hand has become the bottleneck.',
	},
	{
		level: 2,
		name: 'CI/CD pipeline automation',
		summary:
			'Changes to the pipeline are built, tested and deployed automatically, on top of continuous training.',
		looksLike: [
			'Source control, test and build services, and deployment services for pipeline code',
			'A model registry, a feature store, an ML metadata store and a pipeline orchestrator',
			'New ideas go from experiment to production pipeline quickly and reliably',
		],
		lacks: ['Nothing structural, but data analysis and model analysis remain human work'],
	},
];

/** The three-level table (numbered 1–3 in the course notes it comes from). */
export const threeLevelTable: readonly ThreeLevelRow[] = [
	{
		aspect: 'Automation',
		cells: ['Manual processes', 'Automated development (CI)', 'Full automation'],
	},
	{
		aspect: 'Collaboration',
		cells: [
			'ML and operations work apart',
			'Collaboration at the hand-over from development',
			'Close collaboration throughout',
		],
	},
	{
		aspect: 'Monitoring',
		cells: [
			'No monitoring',
			'Development tracking (experiments, feature store)',
			'Full monitoring',
		],
	},
];

/** Microsoft's levels 0–4, with the four columns of its tables. */
export const microsoftLevels: readonly (MaturityLevel & { columns: MicrosoftColumns })[] = [
	{
		level: 0,
		name: 'No MLOps',
		summary:
			'The model lifecycle is hard to manage: siloed teams, painful releases, models as black boxes.',
		looksLike: [
			'Manual builds, deployments, testing and training',
			'No central tracking of model performance',
		],
		lacks: ['Automation of any kind', 'Feedback from production'],
		readyForNext:
			'Releases hurt enough that the team starts automating builds and tests of the application.',
		columns: {
			people: 'Data scientists, data engineers and software engineers work in silos',
			modelCreation:
				'Data gathered by hand; experiments not tracked; a single model file handed off',
			modelRelease: 'Manual; the scoring script is written late and not version-controlled',
			applicationIntegration: 'Relies on the data scientist; every release by hand',
		},
	},
	{
		level: 1,
		name: 'DevOps but no MLOps',
		summary:
			'The application has automated builds and tests, but every new model still depends on the data team.',
		looksLike: ['Automated builds and tests for application code', 'Code in version control'],
		lacks: ['Tracked, reproducible training', 'Feedback on how models do in production'],
		readyForNext:
			'Nobody can reproduce how a model was trained, or retraining keeps waiting on one data scientist.',
		columns: {
			people: 'Still siloed',
			modelCreation: 'A data pipeline gathers data automatically; experiments still untracked',
			modelRelease:
				'Manual; scoring script probably version-controlled; handed to software engineers',
			applicationIntegration:
				'Basic integration tests; automated releases; unit tests for app code',
		},
	},
	{
		level: 2,
		name: 'Automated training',
		summary:
			'Training is managed and traceable, so any model can be reproduced; releases are still manual.',
		looksLike: [
			'Automated training with central tracking of results',
			'Model management: code and models versioned',
		],
		lacks: ['Automatic, tested model release', 'A/B testing of models in production'],
		readyForNext: 'Models are ready faster than the manual release process can ship them safely.',
		columns: {
			people:
				'Data scientists and data engineers turn experiments into repeatable jobs; software engineers still apart',
			modelCreation: 'Managed compute, tracked experiments, versioned training code and models',
			modelRelease:
				'Manual but low-friction; scoring script versioned and tested; run by software engineering',
			applicationIntegration: 'Basic integration tests; still relies on data-scientist expertise',
		},
	},
	{
		level: 3,
		name: 'Automated model deployment',
		summary: 'Releases are automatic and traceable from the deployed model back to its data.',
		looksLike: [
			'A CI/CD pipeline releases models',
			'Integrated A/B testing; automated tests for all code',
		],
		lacks: ['Retraining triggered by what production tells you'],
		readyForNext:
			'Production metrics show when a model decays, but someone still has to start the retraining.',
		columns: {
			people:
				'Data engineers, data scientists and software engineers work together on inputs, outputs and integration',
			modelCreation: 'As level 2: managed, tracked and versioned',
			modelRelease: 'Automatic, version-controlled and tested, run by a CI/CD pipeline',
			applicationIntegration:
				'Unit and integration tests for every model release; less reliance on one expert',
		},
	},
	{
		level: 4,
		name: 'Full MLOps automated operations',
		summary:
			'The whole system is automated and monitored; production metrics trigger retraining, approaching zero downtime.',
		looksLike: [
			'Verbose central metrics from the deployed model',
			'Retraining triggered automatically by production metrics',
		],
		lacks: ['Nothing structural; the work is keeping it cheap and well governed'],
		columns: {
			people: 'As level 3, and software engineers build post-deployment metrics gathering',
			modelCreation: 'As level 3, plus retraining triggered automatically from production metrics',
			modelRelease: 'Automatic, versioned and tested, managed by CI/CD',
			applicationIntegration: 'As level 3',
		},
	},
];

/** Labels for Microsoft's four columns, in the order its tables use. */
export const microsoftColumnLabels: Readonly<Record<keyof MicrosoftColumns, string>> = {
	people: 'People',
	modelCreation: 'Model creation',
	modelRelease: 'Model release',
	applicationIntegration: 'Application integration',
};
