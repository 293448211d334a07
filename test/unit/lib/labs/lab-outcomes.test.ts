/**
 * Each lab's outcome for the trainer, built from a machine snapshot: none until the run has one,
 * then exactly the figure the lab shows, with a run link that the results file accepts and that
 * the lab itself reads back unchanged (so the trainer opens the same run).
 */
import { describe, expect, test } from 'vitest';
import { initialTransition } from 'xstate';
import { driftLabMachine, type AlertLogEntry, type DriftLabContext } from '@sim/labs/drift';
import { deploymentLabMachine, type DeploymentLabContext } from '@sim/labs/deployment';
import { trainingMachine, type TrainingContext } from '@sim/labs/training';
import { findRetrainingPreset, simulateContinuousTraining } from '@sim/index';
import { driftOutcome } from '@/lib/labs/drift/drift-outcome';
import { readDriftParams } from '@/lib/labs/drift/drift-params';
import { ctOutcome } from '@/lib/labs/continuous-training/ct-outcome';
import {
	presetParams as ctPresetParams,
	readCtParams,
} from '@/lib/labs/continuous-training/ct-params';
import { deploymentOutcome } from '@/lib/labs/deployment/deployment-outcome';
import { readDeploymentParams } from '@/lib/labs/deployment/deployment-params';
import { trainingOutcome } from '@/lib/labs/training/training-outcome';
import { parseLabOutcomes, type LabOutcome } from '@/lib/teach/participant-results';
import { runQueryFromLink } from '@/lib/teach/run-links';
import { contextAfterYear } from './continuous-training/year-context';

/** The outcome survives the results file's checks and its link is the lab's own reading of it. */
function expectSendable(outcome: LabOutcome | null): LabOutcome {
	if (!outcome) throw new Error('expected an outcome');
	expect(parseLabOutcomes([outcome])).toEqual([outcome]);
	expect(runQueryFromLink(outcome.lab, `?${outcome.query}`)).toBe(outcome.query);
	return outcome;
}

describe('drift outcome', () => {
	const [idle] = initialTransition(driftLabMachine, { horizonDays: 30 });
	const shared = readDriftParams('?preset=harmless-shift&seed=11').params;
	const alert = (day: number): AlertLogEntry => ({
		day,
		kind: 'persistent-drift',
		feature: 'usageHoursPerWeek',
		test: 'ks',
		value: 0.001,
		threshold: 0.05,
	});
	const withLog = (log: AlertLogEntry[]): DriftLabContext => ({
		...idle.context,
		monitoring: {
			...idle.context.monitoring,
			context: { ...idle.context.monitoring.context, alertLog: log },
		} as DriftLabContext['monitoring'],
	});

	test('none while running without an alert', () => {
		expect(driftOutcome(withLog([]), false, shared)).toBeNull();
	});

	test('the first alert’s day once there is one, even mid-run', () => {
		const outcome = expectSendable(driftOutcome(withLog([alert(9), alert(12)]), false, shared));
		expect(outcome).toMatchObject({ lab: 'drift', firstAlertDay: 9 });
		expect(new URLSearchParams(outcome.query).get('seed')).toBe('11');
		expect(readDriftParams(`?${outcome.query}`).params).toEqual(shared);
	});

	test('a finished run without an alert says so', () => {
		expect(expectSendable(driftOutcome(withLog([]), true, shared))).toMatchObject({
			firstAlertDay: null,
		});
	});
});

describe('continuous-training outcome', () => {
	const preset = findRetrainingPreset('gate-rejects-corrupted');
	if (preset === undefined) throw new Error('preset missing');
	const params = ctPresetParams(preset, readCtParams('').params);
	const config = preset.params.config;
	const year = simulateContinuousTraining({ ...config, days: 60 });
	const context = contextAfterYear(config, year);

	test('none before the year is done', () => {
		expect(ctOutcome(context, false, params)).toBeNull();
	});

	test('policy A’s mean accuracy and run count once it is done', () => {
		const outcome = expectSendable(ctOutcome(context, true, params));
		if (outcome.lab !== 'continuous-training') throw new Error('wrong lab');
		expect(outcome.runs).toBe(year.runs.length);
		expect(outcome.meanAccuracy).toBeCloseTo(year.summary.meanPolicyAccuracy, 12);
	});
});

describe('deployment outcome', () => {
	const [setup] = initialTransition(deploymentLabMachine, undefined);
	const params = readDeploymentParams('?preset=good-canary').params;
	const tick = { atSeconds: 450 } as DeploymentLabContext['ticks'][number];
	const ended = (phase: string, stableRevision: number, ticks = [tick]): DeploymentLabContext => ({
		...setup.context,
		rollout: { phase, stableRevision } as DeploymentLabContext['rollout'],
		ticks,
	});

	test('none while the rollout moves or is paused', () => {
		expect(deploymentOutcome(setup.context, params)).toBeNull();
		expect(deploymentOutcome(ended('Progressing', 1), params)).toBeNull();
		expect(deploymentOutcome(ended('Paused', 1), params)).toBeNull();
	});

	test('Healthy on v2 is promoted, Degraded is aborted, with the minutes so far', () => {
		expect(expectSendable(deploymentOutcome(ended('Healthy', 2), params))).toMatchObject({
			rollout: 'promoted',
			minutes: 7.5,
		});
		expect(expectSendable(deploymentOutcome(ended('Degraded', 1), params))).toMatchObject({
			rollout: 'aborted',
			minutes: 7.5,
		});
		expect(deploymentOutcome(ended('Healthy', 1), params)).toMatchObject({ rollout: 'aborted' });
	});
});

describe('training outcome', () => {
	const [idle] = initialTransition(trainingMachine, undefined);
	const result = (accuracy: number) =>
		({ test: { accuracy, loss: 0.4 }, reason: 'completed' }) as TrainingContext['result'];
	const done = (accuracy: number): TrainingContext => ({
		...idle.context,
		params: { ...idle.context.params, seed: 5 },
		result: result(accuracy),
	});

	test('none until a run completes with a test accuracy', () => {
		expect(trainingOutcome('idle', idle.context)).toBeNull();
		expect(trainingOutcome('stopped', done(0.8))).toBeNull();
		expect(trainingOutcome('completed', done(Number.NaN))).toBeNull();
	});

	test('a completed run’s test accuracy with its settings and seed', () => {
		const outcome = expectSendable(trainingOutcome('completed', done(0.875)));
		expect(outcome).toMatchObject({ lab: 'training', testAccuracy: 0.875 });
		expect(new URLSearchParams(outcome.query).get('seed')).toBe('5');
	});
});
