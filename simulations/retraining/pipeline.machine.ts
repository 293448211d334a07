/**
 * The continuous-training run as an XState machine the learner watches: one state per pipeline
 * step (extraction → validation → training → evaluation → gate → registration → deployment) and
 * three endings — promoted, rejected (the gate said no) and failed (data validation or training
 * broke) — which are outcomes, not errors. The context holds every step's Kubeflow-style status,
 * duration, inputs and outputs, so a view draws the step graph beside the statechart.
 *
 * Key decision: the machine does no work itself. Whoever runs the steps (the lab kit's actor
 * around the worker, or `pipelineEvents` replaying a headless run) reports each step's fact —
 * `step.succeeded`, `step.failed`, `step.skipped` — and the machine accepts only the fact for the
 * step it is in, so a late or duplicated report cannot move it. With no invoked actors, the
 * machine can be explored path by path in model-based tests.
 */
import { assign, setup } from 'xstate';
import {
	pipelineSteps,
	type PipelineRun,
	type PipelineStepId,
	type PipelineOutcome,
	type StepStatus,
	type StepValue,
} from './pipeline.model';
import type { RunTrigger } from './retraining.policy';

/** A step as the machine tracks it. */
export interface TrackedStep {
	readonly status: StepStatus;
	readonly durationMinutes: number | null;
	readonly inputs: Readonly<Record<string, StepValue>>;
	readonly outputs: Readonly<Record<string, StepValue>>;
	readonly message: string | null;
}

/** The machine's context. */
export interface PipelineContext {
	readonly day: number | null;
	readonly trigger: RunTrigger | null;
	readonly steps: Readonly<Record<PipelineStepId, TrackedStep>>;
	readonly outcome: PipelineOutcome | null;
	readonly reason: string | null;
	/** Runs started since the machine was created or reset. */
	readonly runsStarted: number;
}

/** Events: a command to start, facts reported by whoever runs the steps, and reset. */
export type PipelineEvent =
	| { type: 'pipeline.start'; day: number; trigger: RunTrigger }
	| {
			type: 'step.succeeded';
			step: PipelineStepId;
			durationMinutes: number;
			inputs?: Record<string, StepValue>;
			outputs?: Record<string, StepValue>;
	  }
	| {
			type: 'step.failed';
			step: PipelineStepId;
			durationMinutes: number;
			reason: string;
			inputs?: Record<string, StepValue>;
			outputs?: Record<string, StepValue>;
	  }
	| { type: 'step.skipped'; step: PipelineStepId; reason: string }
	| { type: 'pipeline.reset' };

const pending: TrackedStep = {
	status: 'Pending',
	durationMinutes: null,
	inputs: {},
	outputs: {},
	message: null,
};

/** Every step Pending. */
export function pendingSteps(): Record<PipelineStepId, TrackedStep> {
	return Object.fromEntries(pipelineSteps.map((id) => [id, pending])) as Record<
		PipelineStepId,
		TrackedStep
	>;
}

/** The context of a machine that has run nothing. */
export const initialPipelineContext: PipelineContext = {
	day: null,
	trigger: null,
	steps: pendingSteps(),
	outcome: null,
	reason: null,
	runsStarted: 0,
};

const withStep = (
	steps: Readonly<Record<PipelineStepId, TrackedStep>>,
	id: PipelineStepId,
	step: Partial<TrackedStep>,
) => ({ ...steps, [id]: { ...steps[id], ...step } });

/** Marks every step after `id` Skipped (the run ended there). */
function skipAfter(
	steps: Readonly<Record<PipelineStepId, TrackedStep>>,
	id: PipelineStepId,
	message: string,
) {
	const after = pipelineSteps.slice(pipelineSteps.indexOf(id) + 1);
	let next = { ...steps };
	for (const later of after) next = withStep(next, later, { status: 'Skipped', message });
	return next;
}

const next = (id: PipelineStepId): PipelineStepId | null =>
	pipelineSteps[pipelineSteps.indexOf(id) + 1] ?? null;

/** The step states: each marks itself Running on entry and waits for its fact. */
function stepState(id: PipelineStepId) {
	const following = next(id);
	return {
		entry: { type: 'markRunning' as const, params: { step: id } },
		on: {
			'step.succeeded': {
				guard: { type: 'isStep' as const, params: { step: id } },
				target: following ?? 'promoted',
				actions: { type: 'recordSuccess' as const },
			},
			'step.skipped': {
				guard: { type: 'isStep' as const, params: { step: id } },
				target: following ?? 'promoted',
				actions: { type: 'recordSkip' as const },
			},
			'step.failed': {
				guard: { type: 'isStep' as const, params: { step: id } },
				// The gate failing is a rejection; any other step failing fails the run.
				target: id === 'gate' ? 'rejected' : 'failed',
				actions: { type: 'recordFailure' as const },
			},
		},
	};
}

/** The pipeline machine. */
export const pipelineMachine = setup({
	types: {
		context: {} as PipelineContext,
		events: {} as PipelineEvent,
	},
	guards: {
		isStep: ({ event }, params: { step: PipelineStepId }) =>
			'step' in event && event.step === params.step,
	},
	actions: {
		startRun: assign(({ context, event }) =>
			event.type === 'pipeline.start'
				? {
						day: event.day,
						trigger: event.trigger,
						steps: pendingSteps(),
						outcome: null,
						reason: null,
						runsStarted: context.runsStarted + 1,
					}
				: {},
		),
		markRunning: assign(({ context }, params: { step: PipelineStepId }) => ({
			steps: withStep(context.steps, params.step, { status: 'Running' }),
		})),
		recordSuccess: assign(({ context, event }) =>
			event.type === 'step.succeeded'
				? {
						steps: withStep(context.steps, event.step, {
							status: 'Succeeded',
							durationMinutes: event.durationMinutes,
							inputs: event.inputs ?? {},
							outputs: event.outputs ?? {},
						}),
					}
				: {},
		),
		recordSkip: assign(({ context, event }) =>
			event.type === 'step.skipped'
				? {
						steps: withStep(context.steps, event.step, {
							status: 'Skipped',
							durationMinutes: 0,
							message: event.reason,
						}),
					}
				: {},
		),
		recordFailure: assign(({ context, event }) => {
			if (event.type !== 'step.failed') return {};
			const failed = withStep(context.steps, event.step, {
				status: 'Failed',
				durationMinutes: event.durationMinutes,
				inputs: event.inputs ?? {},
				outputs: event.outputs ?? {},
				message: event.reason,
			});
			const rejected = event.step === 'gate';
			return {
				steps: skipAfter(
					failed,
					event.step,
					`skipped: the run ${rejected ? 'was rejected' : 'failed'} earlier`,
				),
				outcome: rejected ? ('rejected' as const) : ('failed' as const),
				reason: event.reason,
			};
		}),
		recordPromotion: assign({ outcome: 'promoted' as const, reason: null }),
		resetAll: assign(() => initialPipelineContext),
	},
}).createMachine({
	id: 'continuousTrainingPipeline',
	context: initialPipelineContext,
	initial: 'idle',
	on: {
		'pipeline.reset': { target: '.idle', actions: 'resetAll' },
	},
	states: {
		idle: {
			on: { 'pipeline.start': { target: 'extraction', actions: 'startRun' } },
		},
		extraction: stepState('extraction'),
		validation: stepState('validation'),
		training: stepState('training'),
		evaluation: stepState('evaluation'),
		gate: stepState('gate'),
		registration: stepState('registration'),
		deployment: stepState('deployment'),
		promoted: {
			entry: 'recordPromotion',
			on: { 'pipeline.start': { target: 'extraction', actions: 'startRun' } },
		},
		rejected: {
			on: { 'pipeline.start': { target: 'extraction', actions: 'startRun' } },
		},
		failed: {
			on: { 'pipeline.start': { target: 'extraction', actions: 'startRun' } },
		},
	},
});

/** The facts a headless run reports, in order: what the kit's actor will send live. */
export function pipelineEvents(run: PipelineRun): PipelineEvent[] {
	const events: PipelineEvent[] = [{ type: 'pipeline.start', day: run.day, trigger: run.trigger }];
	for (const step of run.steps) {
		if (step.status === 'Succeeded') {
			events.push({
				type: 'step.succeeded',
				step: step.id,
				durationMinutes: step.durationMinutes,
				inputs: { ...step.inputs },
				outputs: { ...step.outputs },
			});
		} else if (step.status === 'Failed') {
			events.push({
				type: 'step.failed',
				step: step.id,
				durationMinutes: step.durationMinutes,
				reason: run.reason,
				inputs: { ...step.inputs },
				outputs: { ...step.outputs },
			});
			break;
		} else if (step.status === 'Skipped') {
			events.push({ type: 'step.skipped', step: step.id, reason: step.message ?? '' });
		}
	}
	return events;
}
