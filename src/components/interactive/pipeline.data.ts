/**
 * Continuous integration, continuous delivery and continuous training as step sequences for the
 * PipelineSteps island. Each step names what it does, the artefact it leaves behind and what a
 * failure there stops. The split follows Google Cloud's MLOps guide: CI and CD are triggered by
 * a change to code and ship code (including the code that builds and packages a model); CT is
 * triggered by data or by the model's behaviour in production and re-runs the deployed pipeline.
 */

/** Which pipeline the island shows. */
export type PipelineKind = 'ci' | 'cd' | 'ct';

/** One step of a pipeline. */
export interface PipelineStep {
	name: string;
	/** What the step does, in a sentence. */
	does: string;
	/** What the step leaves behind. */
	artefact: string;
	/** What a failure at this step prevents. */
	failureStops: string;
}

/** A whole pipeline: its trigger, its steps and how it differs from the others. */
export interface Pipeline {
	kind: PipelineKind;
	/** Full name, e.g. "Continuous integration (CI)". */
	name: string;
	/** What starts a run. */
	trigger: string;
	steps: readonly PipelineStep[];
	/** The CI/CD-versus-CT contrast, said from this pipeline's side. */
	contrast: string;
}

/** The three pipelines by kind. */
export const pipelines: Readonly<Record<PipelineKind, Pipeline>> = {
	ci: {
		kind: 'ci',
		name: 'Continuous integration (CI)',
		trigger:
			'Someone pushes a change to code: a feature transformation, the model code or the training pipeline itself.',
		steps: [
			{
				name: 'Check out',
				does: 'Fetch the changed branch together with the exact dependency versions it declares.',
				artefact: 'A clean workspace at one commit',
				failureStops: 'Everything: there is nothing consistent to test.',
			},
			{
				name: 'Unit-test the code',
				does: 'Test feature-engineering functions and model helpers (for example an encoder) on small, known inputs.',
				artefact: 'A test report',
				failureStops: 'The merge: a broken transformation never reaches the shared branch.',
			},
			{
				name: 'Validate data and schema',
				does: 'Check that sample data has the expected columns, types and value ranges.',
				artefact: 'A data-validation report',
				failureStops:
					'The merge: code that expects a different schema is caught before it trains on bad data.',
			},
			{
				name: 'Smoke-train the model',
				does: 'Train briefly on a few records: the loss must fall and no value may become NaN.',
				artefact: 'Training-convergence checks',
				failureStops: 'The build: a model that cannot learn is not packaged.',
			},
			{
				name: 'Build and package',
				does: 'Build the pipeline components and the model-serving code into versioned packages or container images.',
				artefact: 'Versioned packages and images in a registry',
				failureStops: 'Delivery: CD has nothing to deploy.',
			},
			{
				name: 'Integration-test and merge',
				does: 'Run the components together end to end, then merge the change into the main branch.',
				artefact: 'A merged, releasable commit',
				failureStops: 'The release: the change stays on its branch until it is fixed.',
			},
		],
		contrast:
			'CI reacts to a change in code. Building, testing and packaging the pipeline and the model code is CI/CD work; it does not retrain the production model on new data.',
	},
	cd: {
		kind: 'cd',
		name: 'Continuous delivery (CD)',
		trigger:
			'A CI run on the main branch succeeds and leaves new packages; for models, a new validated model appears in the model registry.',
		steps: [
			{
				name: 'Build the release',
				does: 'Assemble the packaged pipeline or model service with its configuration for the target environment.',
				artefact: 'A release candidate tied to one commit and one model version',
				failureStops: 'Deployment to every environment.',
			},
			{
				name: 'Test in staging',
				does: 'Check the model fits the infrastructure, call the prediction API with expected inputs and load-test latency and throughput.',
				artefact: 'Staging test and load-test results',
				failureStops: 'Promotion to pre-production and production.',
			},
			{
				name: 'Release',
				does: 'Deploy to production, often gradually (canary or blue/green) after a review or approval.',
				artefact: 'A new version serving traffic, with the previous one kept for rollback',
				failureStops: 'The rollout: traffic goes back to the previous version.',
			},
			{
				name: 'Verify',
				does: 'Watch error rates and latency of the new version against the old one.',
				artefact: 'A release record: what runs where, since when',
				failureStops: 'Nothing further ships until the release is healthy or rolled back.',
			},
		],
		contrast:
			'CD ships what CI built. Like CI it starts from a change someone made; CT is the loop that runs without anyone changing code.',
	},
	ct: {
		kind: 'ct',
		name: 'Continuous training (CT)',
		trigger:
			'Data or the model changes, not the code: a schedule, new labelled data, a drop in measured quality, or significant drift in the inputs.',
		steps: [
			{
				name: 'Monitor',
				does: 'Log predictions and inputs in production and compare input distributions with the training data.',
				artefact: 'Monitoring metrics and drift statistics',
				failureStops: 'Everything downstream: without monitoring, decay goes unnoticed.',
			},
			{
				name: 'Measure',
				does: 'Join predictions with the outcomes that followed and compute quality; decide whether a trigger fires.',
				artefact: 'A quality report and, if needed, a retraining trigger',
				failureStops: 'Retraining: no trigger, no new model.',
			},
			{
				name: 'Retrain',
				does: 'Run the deployed training pipeline on fresh data: validate the data, train, then validate the new model against the current one.',
				artefact: 'A new candidate model with its metrics in the model registry',
				failureStops:
					'Serving the candidate: if data validation or model validation fails, the current model keeps serving.',
			},
			{
				name: 'Serve',
				does: 'Deploy the validated model as the new prediction service, usually through the same CD release steps.',
				artefact: 'A new model version in production, the old one kept for rollback',
				failureStops: 'The swap: the previous model stays live.',
			},
		],
		contrast:
			'CT is unique to ML: monitor, measure, retrain and serve run on new data with no code change. Building and packaging the model code is CI/CD, not CT.',
	},
};

/** Every pipeline kind, in teaching order. */
export const pipelineKinds: readonly PipelineKind[] = ['ci', 'cd', 'ct'];

/** The pipeline for a kind; any other value throws with a message naming the allowed kinds. */
export function pipelineFor(kind: string): Pipeline {
	if (kind === 'ci' || kind === 'cd' || kind === 'ct') return pipelines[kind];
	throw new Error(`PipelineSteps: kind must be "ci", "cd" or "ct", not "${kind}".`);
}
