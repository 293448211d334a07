import { describe, expect, test } from 'vitest';
import { initialTransition } from 'xstate';
import { driftLabMachine, noScenario, type DayResult } from '@sim/labs/drift';
import { initialAlertingState, reduceAlerting, type AlertingState } from '@sim/index';
import {
	alertCountText,
	referenceText,
	driftStateName,
	driftStatus,
	featureLabel,
	formatScore,
	servedModelText,
	startMarkers,
} from '@/lib/labs/drift/drift-view';
import { alertGroupRows } from '@/lib/labs/drift/alert-rows';
import { accuracySeries, flaggedDaysText } from '@/lib/labs/drift/drift-chart-view';

const [idle] = initialTransition(driftLabMachine, { horizonDays: 30 });
const day = (n: number, accuracy: number, labelsArriveDay: number) =>
	({ day: n, accuracy, estimatedAccuracy: 0.8, labelsArriveDay }) as DayResult;

describe('drift view', () => {
	test('words the status for each state', () => {
		expect(driftStateName({ running: 'paused' })).toBe('running.paused');
		expect(driftStatus('idle', idle.context, 'healthy', '0 alerts')).toBe(
			'Ready. Choose a preset or a scenario, then press Stream days.',
		);
		const two = { ...idle.context, results: [day(1, 0.9, 8), day(2, 0.9, 9)] };
		expect(driftStatus('running.streaming', two, 'warning', '1 alert (1 firing)')).toBe(
			'Day 2 of 30: monitor Warning, 1 alert (1 firing).',
		);
		expect(driftStatus('running.paused', { ...two, error: 'boom' }, 'healthy', '0 alerts')).toBe(
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

	test('lists alert groups with status, duration, notifications and history', () => {
		let state: AlertingState = initialAlertingState();
		const seats = { alertname: 'FeatureDriftPersistent', feature: 'seats', test: 'ks' };
		const accuracy = { alertname: 'AccuracyBelowThreshold', feature: 'model', test: 'accuracy' };
		for (let d = 1; d <= 12; d++) {
			const firing = [...(d >= 3 && d <= 11 ? [seats] : []), ...(d >= 9 ? [accuracy] : [])];
			state = reduceAlerting(state, { type: 'alerts.observed', day: d, firing });
			if (d === 9) {
				const id = state.groups.find((g) => g.labels.alertname === 'AccuracyBelowThreshold')?.id;
				state = reduceAlerting(state, { type: 'alert.acknowledge', groupId: id ?? '', day: 9 });
			}
		}
		expect(alertCountText(state)).toBe('2 alerts');
		const rows = alertGroupRows(state, 12);
		expect(
			rows.map((r) => [r.title, r.subject, r.statusLabel, r.summary, r.canAcknowledge]),
		).toEqual([
			[
				'Accuracy below threshold',
				'model',
				'Acknowledged',
				'Opened day 9, firing 4 days; 1 notification.',
				false,
			],
			[
				'Persistent drift',
				'Seats',
				'Resolved',
				'Opened day 3, resolved day 12 after 9 days; 3 notifications.',
				false,
			],
		]);
		expect(rows[1]?.history).toEqual([
			'Day 3: opened',
			'Day 3: notified (first notification)',
			// Day 3 is before 11 − 7: the weekly repeat; then the resolution the day the drift ends.
			'Day 11: notified (repeat interval elapsed)',
			'Day 12: notified (resolved notice)',
			'Day 12: resolved',
		]);
		expect(alertCountText(initialAlertingState())).toBe('0 alerts');
	});

	test('says which reference the monitor compares with', () => {
		expect(referenceText(idle.context)).toBe(
			'Reference: the world’s reference data (5,000 rows of simulated day 0, seed 42).',
		);
		const training = {
			version: 4,
			runId: 'run-x-2',
			dataVersion: 'ab12cd34',
			seed: 9,
			datasetSize: 2000,
			labelNoise: 0.05,
			validationFraction: 0.2,
			testFraction: 0.2,
		};
		const artifact = {} as never;
		expect(referenceText({ ...idle.context, artifact, training })).toBe(
			'Reference: the data version 4 was trained on — the training split (1,200 rows) of run run-x-2, data version ab12cd34, seed 9, simulated day 0.',
		);
		// Once a run has started, what the stream reports is the truth.
		expect(
			referenceText({
				...idle.context,
				reference: { source: 'world', rows: 5000, seed: 42, dataVersion: 'ffee' },
			}),
		).toBe(
			'Reference: the world’s reference data (5,000 rows of simulated day 0, seed 42, data version ffee).',
		);
	});

	test('counts the days with a flagged feature, the false-alarm rate under no drift', () => {
		const flaggedDay = (n: number, drifted: boolean) =>
			({ day: n, features: [{ primary: { drifted } }, { primary: { drifted: false } }] }) as never;
		expect(flaggedDaysText([], 'none')).toBe('');
		expect(
			flaggedDaysText(
				[flaggedDay(1, true), flaggedDay(2, false), flaggedDay(3, false)],
				'bonferroni',
			),
		).toBe(
			'Days with at least one feature flagged: 1 of 3 (33.3 %), with Bonferroni correction. When nothing has drifted, every one of them is a false alarm.',
		);
	});
});
