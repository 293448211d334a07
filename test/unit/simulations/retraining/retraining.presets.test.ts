import { describe, expect, test } from 'vitest';
import {
	findRetrainingPreset,
	resolveScenario,
	retrainingPresets,
	seasonPhase,
	simulateContinuousTraining,
	type ContinuousTrainingResult,
	type DailyOutcome,
} from '@sim/index';

/** Each preset's sentence is a claim about its year; these tests hold the sentence to it. */
function years(id: string): { policy: ContinuousTrainingResult; other: ContinuousTrainingResult } {
	const preset = findRetrainingPreset(id);
	if (preset === undefined) throw new Error(`no preset ${id}`);
	return {
		policy: simulateContinuousTraining(preset.params.config),
		other: simulateContinuousTraining(preset.params.compareWith),
	};
}

const meanOf = (days: readonly DailyOutcome[], key: 'policyAccuracy' | 'staticAccuracy') =>
	days.reduce((s, d) => s + d[key], 0) / days.length;
const between = (r: ContinuousTrainingResult, from: number, to: number) =>
	r.daily.filter((d) => d.day >= from && d.day <= to);

test('presets have unique ids, a notice and a link into the retraining lesson', () => {
	expect(new Set(retrainingPresets.map((p) => p.id)).size).toBe(retrainingPresets.length);
	for (const p of retrainingPresets) {
		expect(p.notice.length).toBeGreaterThan(80);
		expect(p.lesson).toMatch(/^\/lessons\/operations\/03-retraining\/#[a-z-]+$/);
	}
	expect(findRetrainingPreset('no-such-preset')).toBeUndefined();
});

describe('schedule-misses-shift', () => {
	const { policy, other } = years('schedule-misses-shift');
	test('the quarterly schedule serves the old model from the shift (day 95) until day 180', () => {
		expect(policy.runs.map((r) => [r.day, r.outcome])).toEqual([
			[90, 'rejected'],
			[180, 'promoted'],
			[270, 'promoted'],
			[360, 'rejected'],
		]);
		expect(between(policy, 95, 180).every((d) => d.servedVersion === 1)).toBe(true);
		// Serving the static model, it is exactly as bad as the static model.
		expect(meanOf(between(policy, 95, 180), 'policyAccuracy')).toBeCloseTo(
			meanOf(between(policy, 95, 180), 'staticAccuracy'),
			12,
		);
		expect(meanOf(between(policy, 95, 180), 'policyAccuracy')).toBeLessThan(0.76);
	});

	test('the performance trigger promotes a new model weeks before day 180 and gains over the year', () => {
		const firstPromotion = other.runs.find((r) => r.outcome === 'promoted');
		expect(firstPromotion?.trigger).toBe('performance');
		expect(firstPromotion?.day).toBe(142);
		expect(other.summary.meanPolicyAccuracy - policy.summary.meanPolicyAccuracy).toBeGreaterThan(
			0.015,
		);
		// Days 181–270: the performance policy is back above 0.825; the schedule still under 0.8,
		// until its day-270 run.
		expect(meanOf(between(other, 181, 270), 'policyAccuracy')).toBeGreaterThan(0.825);
		expect(meanOf(between(policy, 181, 270), 'policyAccuracy')).toBeLessThan(0.8);
		expect(meanOf(between(policy, 271, 365), 'policyAccuracy')).toBeGreaterThan(0.81);
	});
});

describe('harmless-drift', () => {
	const { policy, other } = years('harmless-drift');
	test('the drift trigger fires about twenty times, every 14 days, and the gate rejects almost all', () => {
		expect(policy.summary.runs).toBe(22);
		expect(policy.runs.every((r) => r.trigger === 'drift')).toBe(true);
		expect(policy.runs[0]?.day).toBe(60);
		expect(policy.summary.rejected).toBe(21);
		expect(policy.summary.computeMinutes).toBeGreaterThan(0);
	});

	test('accuracy is the same as with no retraining (within half a point)', () => {
		expect(other.summary.runs).toBe(0);
		expect(
			Math.abs(policy.summary.meanPolicyAccuracy - other.summary.meanPolicyAccuracy),
		).toBeLessThan(0.005);
	});
});

describe('gate-rejects-corrupted', () => {
	const { policy, other } = years('gate-rejects-corrupted');
	test('the day-90 challenger passes data validation and is rejected at the gate with its reasons', () => {
		const run = policy.runs.find((r) => r.day === 90);
		expect(run?.outcome).toBe('rejected');
		expect(run?.steps.find((s) => s.id === 'validation')?.status).toBe('Succeeded');
		expect(run?.steps.find((s) => s.id === 'gate')?.status).toBe('Failed');
		expect(run?.reason).toBe(
			'not blessed: accuracy 74.5 % vs champion 81.3 % (−6.8 points) misses the required change of +0.5 points',
		);
		// The run before the backfill read clean history.
		expect(policy.runs.find((r) => r.day === 60)?.reason).toContain('(+0.3 points)');
		expect(run?.steps.find((s) => s.id === 'deployment')?.status).toBe('Skipped');
		expect(between(policy, 91, 120).every((d) => d.servedVersion === 1)).toBe(true);
	});

	test('without the gate the corrupted challenger is deployed and accuracy falls', () => {
		expect(other.runs.find((r) => r.day === 90)?.outcome).toBe('promoted');
		expect(
			meanOf(between(policy, 91, 120), 'policyAccuracy') -
				meanOf(between(other, 91, 120), 'policyAccuracy'),
		).toBeGreaterThan(0.055);
	});
});

describe('short-window-seasonal', () => {
	const { policy, other } = years('short-window-seasonal');
	const scenario = resolveScenario('seasonal');
	const phases = scenario.phases[0];
	test('the world has a season: the pattern recurs every 120 days', () => {
		expect(phases).toBeDefined();
		if (!phases) return;
		expect(seasonPhase(phases, 61)).toBe(1);
		expect(seasonPhase(phases, 1)).toBe(0);
		expect(seasonPhase(phases, 181)).toBe(1);
	});

	// The season as the notice states it: days 31–90, 151–210 and 271–330.
	const inSeason = (day: number) => day >= 31 && (day - 31) % 120 < 60;

	test('in the seasons after day 120 the 30-day window is about 15 points behind all history', () => {
		const seasons = (r: ContinuousTrainingResult) =>
			r.daily.filter((d) => d.day > 120 && inSeason(d.day));
		const short = meanOf(seasons(policy), 'policyAccuracy');
		const long = meanOf(seasons(other), 'policyAccuracy');
		expect(seasons(policy)).toHaveLength(120);
		expect(short).toBeCloseTo(0.613, 3);
		expect(long).toBeCloseTo(0.767, 3);
		expect(long - short).toBeGreaterThan(0.14);
		// Out of season the two are close: the loss is the season's.
		const ordinary = (r: ContinuousTrainingResult) =>
			r.daily.filter((d) => d.day > 120 && !inSeason(d.day));
		const gap =
			meanOf(ordinary(other), 'policyAccuracy') - meanOf(ordinary(policy), 'policyAccuracy');
		expect(gap).toBeGreaterThan(0);
		expect(gap).toBeLessThan(0.03);
	});

	test('the gate promotes every short-window challenger from day 90 on', () => {
		const later = policy.runs.filter((r) => r.day >= 90);
		expect(later).toHaveLength(10);
		expect(later.every((r) => r.outcome === 'promoted')).toBe(true);
		// Each trains on a 30-day window ending a month before its run.
		expect(later.every((r) => r.window.toDay - r.window.fromDay === 29)).toBe(true);
	});
});
