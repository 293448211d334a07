import { describe, expect, test } from 'vitest';
import {
	compareMaturityLevels,
	maturityProfiles,
	measureIncidents,
	type ContinuousTrainingResult,
	type DailyOutcome,
} from '@sim/index';

describe('incident measurement on fixed days', () => {
	// A hand-made year: 28 days at 0.8, a drop to 0.7 on days 40–59, a reaction on day 45.
	const daily: DailyOutcome[] = Array.from({ length: 80 }, (_, i) => ({
		day: i + 1,
		staticAccuracy: 0.8,
		policyAccuracy: i + 1 >= 40 && i + 1 < 60 ? 0.7 : 0.8,
		servedVersion: 1,
		stalenessDays: i + 1,
		labelledAccuracy: null,
		driftScore: null,
		suppressedByCooldown: false,
		servingAnomalies: 0,
	}));
	const result = {
		daily,
		runs: [{ day: 45 }],
		events: [],
		config: { maturityLevel: 1 },
	} as unknown as ContinuousTrainingResult;

	test('the trailing week crosses 3 points under the baseline on day 42 and back on day 64', () => {
		const { baselineAccuracy, incidents, accuracyLost } = measureIncidents(result);
		expect(baselineAccuracy).toBeCloseTo(0.8, 12);
		// The trailing 7-day mean is under 0.77 once 3 of its 7 days are at 0.7 (day 42: days
		// 40–42), and back at or above it when at most 2 are (day 64: days 58 and 59).
		expect(incidents).toHaveLength(1);
		expect(incidents[0]).toMatchObject({ startDay: 42, recoveredDay: 64, detectedDay: 45 });
		expect(incidents[0]?.accuracyLost).toBeCloseTo(18 * 0.1, 10);
		expect(accuracyLost).toBeCloseTo(20 * 0.1, 10);
	});
});

describe('the same world at levels 0, 1 and 2 (seed 42, maturity-year)', () => {
	const [l0, l1, l2] = compareMaturityLevels();

	test('levels differ only in their profiles, grounded in the lessons', () => {
		expect(maturityProfiles[0]).toMatchObject({ reviewEveryDays: 90, handOffDays: 28 });
		expect(maturityProfiles[1].pipelineFixDays).toBe(14);
		expect(maturityProfiles[2].pipelineFixDays).toBe(2);
	});

	test('level 0 notices at the day-180 review and ships by hand 28 days later', () => {
		expect(l0?.result.events.slice(0, 2).map((e) => [e.day, e.kind])).toEqual([
			[180, 'noticed'],
			[180, 'hand-off-started'],
		]);
		expect(l0?.result.runs[0]?.day).toBe(208);
		expect(l0?.incidents.map((i) => [i.startDay, i.detectedDay, i.recoveredDay])).toEqual([
			[63, 180, 305],
		]);
	});

	test('level 1 detects the behaviour change once labels arrive and the unit break at once', () => {
		expect(l1?.incidents.map((i) => [i.startDay, i.detectedDay, i.recoveredDay])).toEqual([
			[63, 93, 146],
			[200, 200, 220],
		]);
		expect(l1?.result.events.map((e) => [e.day, e.kind])).toEqual([
			[200, 'data-break-detected'],
			[214, 'pipeline-fix-shipped'],
		]);
	});

	test('level 2 ships the pipeline fix in two days and recovers from the break in eight', () => {
		expect(l2?.result.events.map((e) => [e.day, e.kind])).toEqual([
			[200, 'data-break-detected'],
			[202, 'pipeline-fix-shipped'],
		]);
		expect(l2?.incidents[1]).toMatchObject({ startDay: 200, recoveredDay: 208 });
	});

	test('each level detects sooner, recovers sooner and loses less accuracy than the one below', () => {
		if (!l0 || !l1 || !l2) throw new Error('three levels expected');
		expect(l0.meanTimeToDetectDays).toBe(117);
		expect(l1.meanTimeToDetectDays).toBe(15);
		expect(l2.meanTimeToDetectDays).toBe(15);
		expect(l0.meanTimeToRecoverDays).toBe(242);
		expect(l1.meanTimeToRecoverDays).toBe(51.5);
		expect(l2.meanTimeToRecoverDays).toBe(45.5);
		expect(l0.accuracyLost).toBeGreaterThan(l1.accuracyLost);
		expect(l1.accuracyLost).toBeGreaterThan(l2.accuracyLost);
		expect(l0.accuracyLost).toBeCloseTo(66.11, 2);
		expect(l2.meanAccuracy).toBeGreaterThan(l1.meanAccuracy);
		expect(l1.meanAccuracy).toBeGreaterThan(l0.meanAccuracy);
	});
});
