/**
 * The continuous-training lab's entry point: everything its page needs (machine, pace, presets,
 * policy specs, run and day types) and nothing from another lab. The year's simulation runs in
 * the lab's worker, or is imported on demand, so the world and the trainers are not reachable
 * from here.
 */
export * from '../runtime/playback';
export type { LabPreset } from '../runtime/lab-preset';
export {
	createCtLabContext,
	ctLabMachine,
	ctPace,
	demandDayOf,
	lastDayOf,
	replayOf,
	shownRun,
	type CtLabContext,
	type CtLabEvent,
	type PolicyId,
	type RunRef,
} from '../retraining/ct-lab.machine';
export type { PolicyPair, TfjsReplay, YearDay } from '../retraining/ct-lab.protocol';
export {
	gateOff,
	retrainingPresets,
	findRetrainingPreset,
	type RetrainingPreset,
} from '../retraining/retraining.presets';
export {
	defaultTriggerParams,
	policyParamSpecs,
	triggerInfo,
	triggerKinds,
	type NumberParamSpec,
	type RunTrigger,
	type TriggerKind,
} from '../retraining/retraining.policy';
export type {
	ContinuousTrainingConfig,
	DailyOutcome,
	RunSummary,
} from '../retraining/retraining.model';
export {
	pipelineStepInfo,
	pipelineSteps,
	type PipelineStep,
	type PipelineStepId,
	type StepValue,
} from '../retraining/pipeline.steps';
export {
	retrainingScenarioIds,
	retrainingScenarioLabels,
	type RetrainingScenarioId,
} from '../retraining/retraining.scenario-labels';
