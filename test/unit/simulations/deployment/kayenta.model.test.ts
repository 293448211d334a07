// The Kayenta-style judge. Cases marked "kayenta:" are translated from spinnaker/kayenta:
// kayenta-mannwhitney MannWhitneySuite.scala, kayenta-judge ClassifierSuite.scala and
// ScorerSuite.scala (test name given). Data arrays are those tests' inputs.
import { describe, expect, test } from 'vitest';
import {
	classifyMetric,
	classifyScore,
	judgeStage,
	judgeTrafficInterval,
	mannWhitney,
	normalQuantile,
	scoreMetrics,
	type MetricClassification,
} from '@sim/deployment/kayenta.model';
import { createTrafficConfig, simulateTick, trafficRng } from '@sim/deployment/traffic.model';

const around10 = [
	9.7767343120109462, 10.587071850477695, 7.8375506388901766, 9.3243326886113884,
	8.3774505409784421, 8.9359264399606282, 8.2707663324728511, 9.7484308126716925,
	11.623746715547156, 9.2753442679633942, 8.1538047749171518, 10.562020975754294,
	13.498135575451835, 11.054419256110332, 6.9538903590055092, 12.521008342195479,
	9.0216358603546443, 4.9234856699531662, 11.251360203607172, 11.598449508040337, 8.435232204668182,
	11.110228516867279, 10.70063380164755, 8.9212773652115249, 10.086167067942661, 11.42107515483087,
	9.3792347813644952, 7.7980320148552593, 10.62339807275746, 11.909642062063739,
];
const control10 = [
	11.1453586774086, 9.9618059885597017, 7.068574306369829, 7.3012661810483657, 9.7944630265656727,
	9.6037918603687302, 6.1867793350339388, 12.345599159550174, 10.371891733859533,
	8.6094300785016724, 9.913162673361084, 10.361375299003466, 14.206800387518818, 10.946153754753301,
	10.215876627044048, 11.739760899484603, 10.907627468626439, 12.823353694464775,
	8.1018609771732137, 8.4981616408804932, 12.113441374697231, 13.272210809932028,
	10.114579381663297, 6.9463958767978067, 6.2105278541727778, 10.160401684903775,
	8.3457712066455461, 8.383822063895833, 7.0020205070083765, 10.755757401808442,
];
const around20 = [
	20.878412601720026, 21.78550581191622, 19.70828084717019, 15.859946903461562, 19.510058772176841,
	19.392005525270303, 22.926528314912101, 17.156530276709894, 18.655117916226171,
	23.422607911610392, 24.055817684156644, 22.62689958516501, 21.979472967817678, 21.659318607218694,
	20.067707574072426, 22.119570836305414, 16.44037132663307, 21.559622826341268, 21.000181443489218,
	17.779369411412663, 17.806006358943584, 18.537200618386109, 20.555550300210797,
	19.552928184468378, 21.771118944087092, 21.809622806176627, 20.961762909905271,
	20.977571577503021, 19.106303205498794, 16.976918966987078,
];
const control20 = [
	20.758113589510348, 22.802059629464559, 20.612340363492208, 20.973274654749986,
	23.469237330498622, 21.53133988954805, 21.767353687439805, 18.308050730374301, 19.062145167827566,
	25.879498436001779, 18.982629726336128, 19.387920182269266, 18.995398251246982,
	24.228420230932805, 20.050985172694688, 18.2340451091756, 17.870515494460435, 23.058103863806618,
	18.400259567501134, 16.971352091177167, 19.467529066052151, 17.90465423342031, 17.553948617825831,
	16.104611843907193, 24.38171081433039, 15.919294339922635, 20.479409626304697, 19.08307201492406,
	17.455788050722866, 18.853826823235142,
];

describe('Mann–Whitney', () => {
	// kayenta: Test zQuant
	test('the 98 % two-sided quantile', () => {
		expect(normalQuantile(0.02 / 2)).toBeCloseTo(-2.326348, 6);
		expect(normalQuantile(0.5)).toBe(0);
	});
	// kayenta: Mann-Whitney Confidence Interval & Estimate
	test('interval and Hodges–Lehmann estimate', () => {
		const r = mannWhitney([10, 20, 30, 40], [1, 2, 3, 4]);
		expect(r.lower).toBeCloseTo(6, 6);
		expect(r.upper).toBeCloseTo(39, 6);
		expect(r.estimate).toBeCloseTo(22.5, 6);
		// U = 16 (every canary value beats every baseline value); z = (8 − 0.5)/√12.
		expect(r.u).toBe(16);
		expect(r.pValue).toBeCloseTo(0.030383, 5);
	});
	test('no shift: U at its mean and p = 1', () => {
		const r = mannWhitney([1, 2, 3, 4, 5], [5, 4, 3, 2, 1]);
		expect(r.u).toBe(12.5);
		expect(r.pValue).toBe(1);
	});
});

describe('classifyMetric (kayenta: ClassifierSuite)', () => {
	const strict = { tolerance: 0.1, confidenceLevel: 0.95 };
	test.each([
		['Pass Metric', control10, around10, 'either', 'Pass'],
		['High Metric', control10, around20, 'either', 'High'],
		['Low Metric', control20, around10, 'either', 'Low'],
		['Directional Test: Increase', control20, around10, 'increase', 'Pass'],
		['Directional Test: Decrease', control10, around20, 'decrease', 'Pass'],
		['Directional Test: High Metric', control10, around20, 'increase', 'High'],
		['Directional Test: Low Metric', control20, around10, 'decrease', 'Low'],
		['Tied Observations', [1, 1], [1, 1, 1], 'decrease', 'Pass'],
		['Identical Populations', [5, 4, 3, 2, 1], [1, 2, 3, 4, 5], 'decrease', 'Pass'],
		['Leading Zero Identical Population', [1, 1, 1, 1, 1], [0, 1, 1, 1, 1], 'decrease', 'Pass'],
		['Missing Experiment Data', [1, 2, 3, 4, 5], [], 'decrease', 'Nodata'],
		['Majority Tied Observations', [1, 1, 1, 1, 1], [1, 1, 1, 1, 10], 'either', 'Pass'],
		['Tied Ranks', [1, 1, 1, 1, 1], [10, 10, 10, 10, 10], 'either', 'High'],
		['Tied Ranks With Zeros', [0, 0, 0, 0, 0], [10, 10, 10, 10, 10], 'either', 'High'],
	] as const)('%s', (_, baseline, canary, direction, expected) => {
		expect(classifyMetric(baseline, canary, { ...strict, direction }).classification).toBe(
			expected,
		);
	});

	const high = [20, 22, 21, 25, 30];
	const base = [1, 2.2, 1.1, 2.5, 3];
	test('Mean Ratio Effect Size: High', () => {
		expect(
			classifyMetric(base, high, {
				...strict,
				direction: 'either',
				effectSizeThresholds: [0.8, 1.2],
			}).classification,
		).toBe('High');
	});
	test('Critical Effect Size: Critical High, High, Pass, default thresholds', () => {
		const critical = (effect: [number, number], criticalThresholds: [number, number]) =>
			classifyMetric(base, high, {
				...strict,
				direction: 'either',
				critical: true,
				effectSizeThresholds: effect,
				criticalThresholds,
			});
		expect(critical([1, 1], [1, 1.2])).toMatchObject({ classification: 'High', critical: true });
		expect(critical([1, 5], [1, 13])).toMatchObject({ classification: 'High', critical: false });
		expect(critical([1, 13], [1, 15])).toMatchObject({ classification: 'Pass', critical: false });
		expect(critical([1, 1], [1, 1])).toMatchObject({ classification: 'High', critical: true });
	});
	test('Critical Effect Size: Critical Low', () => {
		expect(
			classifyMetric([10, 20.2, 10.1, 20.5, 30], [2, 2, 2, 2, 3], {
				...strict,
				direction: 'either',
				critical: true,
				criticalThresholds: [1.2, 1],
			}),
		).toMatchObject({ classification: 'Low', critical: true });
	});
	test('Missing Experiment Data: Critical Metric; must-have-data', () => {
		expect(classifyMetric([1, 2, 3], [], { direction: 'decrease', critical: true })).toMatchObject({
			classification: 'Nodata',
			critical: true,
		});
		expect(
			classifyMetric([1, 2, 3], [], { direction: 'decrease', mustHaveData: true }).classification,
		).toBe('NodataFailMetric');
	});
});

describe('scoring (kayenta: ScorerSuite, ThresholdScoreClassifier)', () => {
	const m = (classification: MetricClassification, group = 'test-group', critical = false) => ({
		classification,
		groups: [group],
		critical,
	});
	test.each([
		['Single Metric Pass', [m('Pass')], {}, 100],
		['Single Metric Fail', [m('High')], {}, 0],
		['Single group Nodata', [m('Nodata', 'g')], {}, 0],
		[
			'Two Groups, one Pass, one Nodata',
			[m('Pass', 'a'), m('Pass', 'a'), m('Nodata', 'b')],
			{},
			100,
		],
		['One Group, Two Metrics', [m('Pass'), m('High')], {}, 50],
		['One Group, Three Metrics', [m('Pass'), m('High'), m('Low')], {}, 33.33],
		[
			'Two Groups, Three Metrics',
			[m('Pass', 'group-1'), m('Pass', 'group-1'), m('High', 'group-2')],
			{ 'group-1': 75, 'group-2': 25 },
			75,
		],
		[
			'Two Groups, Three Metrics (Equal Weight)',
			[m('Pass', 'group-1'), m('High', 'group-1'), m('High', 'group-2')],
			{ 'group-1': 50, 'group-2': 50 },
			25,
		],
		[
			'Two Groups, Three Metrics (Equal Weight), one NoData',
			[m('Pass', 'group-1'), m('Nodata', 'group-1'), m('High', 'group-2')],
			{ 'group-1': 50, 'group-2': 50 },
			50,
		],
		[
			'Two Metrics, one good (normal), one fail (critical)',
			[m('Pass'), m('High', 'test-group', true)],
			{},
			0,
		],
	] as const)('%s', (_, results, weights, score) => {
		expect(scoreMetrics(results, weights).summaryScore).toBe(score);
	});
	test('pass and marginal are inclusive; any interval below marginal fails at once', () => {
		const t = { pass: 95, marginal: 75 };
		expect([classifyScore(95, t), classifyScore(75, t), classifyScore(74.99, t)]).toEqual([
			'Pass',
			'Marginal',
			'Fail',
		]);
		expect(judgeStage([100, 80], t, 3)).toEqual({ verdict: 'Running', atInterval: 2 });
		expect(judgeStage([100, 70, 100], t, 3)).toEqual({ verdict: 'Failed', atInterval: 1 });
		expect(judgeStage([80, 80, 90], t, 3)).toEqual({ verdict: 'Failed', atInterval: 2 });
		expect(judgeStage([80, 80, 96], t, 3)).toEqual({ verdict: 'Passed', atInterval: 2 });
	});
});

describe('judging traffic intervals', () => {
	const judge = (candidate: 'good' | 'broken' | 'slow') => {
		const config = createTrafficConfig({ seed: 3, candidate, requestsPerTick: 400 });
		const rng = trafficRng(3);
		const ticks = Array.from({ length: 12 }, (_, i) =>
			simulateTick(config, { candidatePercent: 20 }, i, rng),
		);
		const j = judgeTrafficInterval(ticks, 0, 11, { pass: 95, marginal: 75 });
		return [
			j.metrics.map((m) => m.judgement.classification),
			j.score.summaryScore,
			j.classification,
		];
	};
	test('a good candidate passes; a broken one is High on errors; a slow one on latency', () => {
		expect(judge('good')).toEqual([['Pass', 'Pass'], 100, 'Pass']);
		expect(judge('broken')).toEqual([['High', 'Pass'], 50, 'Fail']);
		expect(judge('slow')).toEqual([['Pass', 'High'], 50, 'Fail']);
	});
});
