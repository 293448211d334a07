/**
 * The pipeline's steps and their vocabulary — ids, plain-language names, Kubeflow/Vertex AI
 * statuses, and a step's record — apart from the pipeline's code, so the lab's page can label a
 * run's step graph without loading data validation, the gate and the model code that only the
 * worker runs. `pipeline.model` re-exports all of it.
 */

/** The steps of a run, in order. */
export const pipelineSteps = [
	'extraction',
	'validation',
	'training',
	'evaluation',
	'gate',
	'registration',
	'deployment',
] as const;
/** A step's id. */
export type PipelineStepId = (typeof pipelineSteps)[number];

/** Plain-language step names, as a run graph labels its nodes. */
export const pipelineStepInfo: Record<PipelineStepId, { label: string; does: string }> = {
	extraction: { label: 'Data extraction', does: 'reads the labelled window and the holdout' },
	validation: { label: 'Data validation', does: 'checks the schema and values (TFDV)' },
	training: { label: 'Training', does: 'trains the challenger' },
	evaluation: { label: 'Evaluation', does: 'scores challenger and champion on the holdout' },
	gate: { label: 'Gate', does: 'blesses the challenger only if it wins (TFX Evaluator)' },
	registration: { label: 'Registration', does: 'records a version with its lineage' },
	deployment: { label: 'Deployment', does: 'serves the new version from the next day' },
};

/** Kubeflow / Vertex AI task states. */
export type StepStatus = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Skipped';

/** A value shown in a step's inputs or outputs. */
export type StepValue = string | number | boolean | null;

/** One step of a run. */
export interface PipelineStep {
	readonly id: PipelineStepId;
	readonly status: StepStatus;
	/** Simulated minutes (see `stepMinutes`). */
	readonly durationMinutes: number;
	readonly inputs: Readonly<Record<string, StepValue>>;
	readonly outputs: Readonly<Record<string, StepValue>>;
	/** Why it failed or was skipped. */
	readonly message: string | null;
}

/** How a run ended. */
export type PipelineOutcome = 'promoted' | 'rejected' | 'failed';
