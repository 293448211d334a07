import { describe, expect, test } from 'vitest';
import { createActor, type SnapshotFrom } from 'xstate';
import { createTestModel } from 'xstate/graph';
import {
	pipelineEvents,
	pipelineMachine,
	pipelineSteps,
	simulateContinuousTraining,
	type PipelineEvent,
	type PipelineStepId,
	type StepStatus,
} from '@sim/index';

type Snapshot = SnapshotFrom<typeof pipelineMachine>;

/**
 * The specification, written from the issue's description of the pipeline and not from the
 * machine: steps run in order; a step's success or skip moves to the next (after deployment the
 * run is promoted); the gate's failure rejects the run, any other failure fails it, and every
 * later step is then Skipped; a report for a step other than the current one changes nothing;
 * a run starts from idle or from an ended run; reset forgets everything.
 */
interface Expected {
	value: string;
	statuses: Record<PipelineStepId, StepStatus>;
	outcome: 'promoted' | 'rejected' | 'failed' | null;
	reason: string | null;
}

/** The issue's steps, in its order. */
const issueOrder = 'extraction validation training evaluation gate registration deployment';
const order = issueOrder.split(' ') as readonly PipelineStepId[];

function allPending(): Record<PipelineStepId, StepStatus> {
	return Object.fromEntries(order.map((s) => [s, 'Pending'])) as Record<PipelineStepId, StepStatus>;
}

function specAfter(events: readonly PipelineEvent[]): Expected {
	let state: Expected = { value: 'idle', statuses: allPending(), outcome: null, reason: null };
	for (const e of events) {
		const ended = ['idle', 'promoted', 'rejected', 'failed'].includes(state.value);
		if (e.type === 'pipeline.reset') {
			state = { value: 'idle', statuses: allPending(), outcome: null, reason: null };
		} else if (e.type === 'pipeline.start') {
			if (ended) {
				const statuses = allPending();
				statuses.extraction = 'Running';
				state = { value: 'extraction', statuses, outcome: null, reason: null };
			}
		} else if (!ended && e.step === state.value) {
			const i = order.indexOf(e.step);
			const statuses = { ...state.statuses };
			if (e.type === 'step.failed') {
				statuses[e.step] = 'Failed';
				for (const later of order.slice(i + 1)) statuses[later] = 'Skipped';
				const outcome = e.step === 'gate' ? 'rejected' : 'failed';
				state = { value: outcome, statuses, outcome, reason: e.reason };
			} else {
				statuses[e.step] = e.type === 'step.succeeded' ? 'Succeeded' : 'Skipped';
				const following = order[i + 1];
				if (following === undefined) {
					state = { value: 'promoted', statuses, outcome: 'promoted', reason: null };
				} else {
					statuses[following] = 'Running';
					state = { ...state, value: following, statuses };
				}
			}
		}
	}
	return state;
}

function observed(snapshot: Snapshot): Expected {
	const { context } = snapshot;
	return {
		value: String(snapshot.value),
		statuses: Object.fromEntries(order.map((s) => [s, context.steps[s].status])) as Record<
			PipelineStepId,
			StepStatus
		>,
		outcome: context.outcome,
		reason: context.reason,
	};
}

const start: PipelineEvent = { type: 'pipeline.start', day: 30, trigger: 'schedule' };
const ok = (step: PipelineStepId): PipelineEvent => ({
	type: 'step.succeeded',
	step,
	durationMinutes: 1,
});

describe('pipeline machine, transitions', () => {
	test('the step order is the issue’s', () => {
		expect(pipelineSteps).toEqual(order);
	});

	test('a full run ends promoted with every step Succeeded and its outputs kept', () => {
		const actor = createActor(pipelineMachine).start();
		actor.send(start);
		for (const step of order) {
			actor.send({ type: 'step.succeeded', step, durationMinutes: 1, outputs: { step } });
		}
		const snapshot = actor.getSnapshot();
		expect(snapshot.value).toBe('promoted');
		expect(snapshot.context.steps.deployment.outputs).toEqual({ step: 'deployment' });
		expect(snapshot.context.runsStarted).toBe(1);
	});

	test('a failed validation fails the run with its reason and skips the rest', () => {
		const actor = createActor(pipelineMachine).start();
		actor.send(start);
		actor.send(ok('extraction'));
		actor.send({
			type: 'step.failed',
			step: 'validation',
			durationMinutes: 1,
			reason: 'bad units',
		});
		expect(observed(actor.getSnapshot())).toEqual(
			specAfter([
				start,
				ok('extraction'),
				{
					type: 'step.failed',
					step: 'validation',
					durationMinutes: 1,
					reason: 'bad units',
				},
			]),
		);
		expect(actor.getSnapshot().context.steps.deployment.message).toBe(
			'skipped: the run failed earlier',
		);
	});

	test('a late report for another step is ignored', () => {
		const actor = createActor(pipelineMachine).start();
		actor.send(start);
		actor.send(ok('training'));
		expect(actor.getSnapshot().value).toBe('extraction');
	});
});

describe('pipeline machine replays headless runs', () => {
	// A run started by hand on day 20 fails (no labelled data yet); after the day-95 shift the
	// performance trigger's first challenger is rejected (day 128) and the next promoted (day 142).
	const year = simulateContinuousTraining({
		seed: 42,
		scenario: 'sudden-concept',
		days: 150,
		trigger: { kind: 'performance', threshold: 0.78 },
		cooldownDays: 14,
		windowDays: 60,
		warmStart: false,
		maturityLevel: 1,
		onDemandDays: [20],
	});
	test('the year has runs of all three outcomes', () => {
		expect(year.runs.map((r) => [r.day, r.trigger, r.outcome])).toEqual([
			[20, 'on-demand', 'failed'],
			[128, 'performance', 'rejected'],
			[142, 'performance', 'promoted'],
		]);
	});
	for (const outcome of ['promoted', 'rejected', 'failed'] as const) {
		test(`a ${outcome} run ends in the ${outcome} state with the run's statuses and reason`, () => {
			const run = year.runs.find((r) => r.outcome === outcome);
			expect(run).toBeDefined();
			if (!run) return;
			const actor = createActor(pipelineMachine).start();
			for (const event of pipelineEvents(run)) actor.send(event);
			const snapshot = actor.getSnapshot();
			expect(snapshot.value).toBe(outcome);
			expect(order.map((s) => snapshot.context.steps[s].status)).toEqual(
				run.steps.map((s) => s.status),
			);
			expect(snapshot.context.reason).toBe(outcome === 'promoted' ? null : run.reason);
		});
	}
});

describe('pipeline machine, model-based against the specification', () => {
	const model = createTestModel(pipelineMachine, {
		events: (snapshot): PipelineEvent[] => {
			const value = String(snapshot.value);
			const events: PipelineEvent[] = [start, { type: 'pipeline.reset' }];
			if ((order as readonly string[]).includes(value)) {
				const step = value as PipelineStepId;
				events.push(ok(step));
				events.push({ type: 'step.failed', step, durationMinutes: 1, reason: `${step} broke` });
				// Level 0 skips validation and the gate; other skips are not offered.
				if (step === 'validation' || step === 'gate') {
					events.push({ type: 'step.skipped', step, reason: 'not at this level' });
				}
				// A stale report for the step before (or after) must be ignored.
				events.push(ok(step === 'extraction' ? 'deployment' : 'extraction'));
			}
			return events;
		},
		serializeState: (snapshot) =>
			JSON.stringify([
				snapshot.value,
				order.map((s) => snapshot.context.steps[s].status),
				snapshot.context.reason,
			]),
		serializeEvent: (event) => ('step' in event ? `${event.type}:${event.step}` : event.type),
	});
	const paths = model.getShortestPaths();

	test('every state is reachable', () => {
		const reached = new Set(paths.flatMap((p) => p.steps.map((s) => String(s.state.value))));
		expect([...reached].sort()).toEqual(
			[...order, 'idle', 'promoted', 'rejected', 'failed'].sort(),
		);
		expect(paths.length).toBeGreaterThanOrEqual(20);
	});

	test('along every shortest path, the machine matches the specification after each event', () => {
		for (const path of paths) {
			const actor = createActor(pipelineMachine).start();
			const sent: PipelineEvent[] = [];
			for (const step of path.steps) {
				if (step.event.type.startsWith('xstate.')) continue;
				actor.send(step.event as PipelineEvent);
				sent.push(step.event as PipelineEvent);
				expect(observed(actor.getSnapshot()), path.description).toEqual(specAfter(sent));
			}
		}
	});
});
