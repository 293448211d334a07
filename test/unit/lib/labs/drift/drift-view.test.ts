import { describe, expect, test } from 'vitest';
import { initialTransition } from 'xstate';
import { driftLabMachine, noScenario, type DayResult } from '@sim/labs/drift';
import {
	accuracySeries,
	driftStateName,
	driftStatus,
	featureLabel,
	formatScore,
	servedModelText,
	startMarkers,
} from '@/lib/labs/drift/drift-view';

const [idle] = initialTransition(driftLabMachine, { horizonDays: 30 });
const day = (n: number, accuracy: number, labelsArriveDay: number) =>
	({ day: n, accuracy, estimatedAccuracy: 0.8, labelsArriveDay }) as DayResult;

describe('drift view', () => {
	test('words the status for each state', () => {
		expect(driftStateName({ running: 'paused' })).toBe('running.paused');
		expect(driftStatus('idle', idle.context, 'healthy', 0)).toBe(
			'Ready. Choose a preset or a scenario, then press Stream days.',
		);
		const two = { ...idle.context, results: [day(1, 0.9, 8), day(2, 0.9, 9)] };
		expect(driftStatus('running.streaming', two, 'warning', 1)).toBe(
			'Day 2 of 30: monitor Warning, 1 alerts logged.',
		);
		expect(driftStatus('running.paused', { ...two, error: 'boom' }, 'healthy', 0)).toBe(
			'Paused: boom',
		);
	});

	test('shows measured accuracy only for days whose labels have arrived', () => {
		const [measured, estimated] = accuracySeries([day(1, 0.9, 2), day(2, 0.7, 3)]);
		expect(measured?.values).toEqual([0.9, null]);
		expect(estimated?.values).toEqual([0.8, 0.8]);
	});

	test('marks where drift starts, or where it was injected', () => {
		const sudden = { ...noScenario, kind: 'sudden' as const, startDay: 20 };
		const configured = { ...idle.context, config: { ...idle.context.config, scenario: sudden } };
		expect(startMarkers(configured)).toEqual([{ x: 20, label: 'drift starts' }]);
		const injected = {
			...configured,
			injections: [{ day: 5, scenario: { ...sudden, startDay: 3 } }],
		};
		expect(startMarkers(injected)).toEqual([{ x: 5, label: 'injected' }]);
	});

	test('names the served model, features and scores', () => {
		expect(servedModelText(idle.context, null)).toBe(
			'the default model: logistic regression trained on the reference data',
		);
		expect(servedModelText({ ...idle.context, modelSource: 'registry' }, 3)).toBe(
			'the training lab’s production model (version 3)',
		);
		expect(featureLabel('dataset')).toBe('dataset');
		expect(featureLabel('nonsense')).toBe('nonsense');
		expect([formatScore(null), formatScore(0.00001234), formatScore(0.5)]).toEqual([
			'–',
			'1.2e-5',
			'0.5',
		]);
	});
});
