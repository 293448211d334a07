// CBPE as NannyML does it, and scikit-learn's isotonic regression, against values computed by
// running their code (scripts/fixtures/nannyml-fixtures.py: NannyML 4c86ee350dc5
// nannyml/performance_estimation/confidence_based/cbpe.py, nannyml/calibration.py; scikit-learn
// sklearn/isotonic.py as packaged by Debian), on the default model's scores from
// scripts/fixtures/cbpe-export.mjs.
import { describe, expect, test } from 'vitest';
import {
	binIndexEdges,
	calibrateProbabilities,
	checkCalibration,
	createRng,
	DriftInputError,
	estimateAccuracy,
	expectedCalibrationError,
	fitIsotonic,
	fitPerformanceEstimator,
	predictIsotonic,
	rocAucScore,
	runDriftStream,
	defaultStreamConfig,
} from '@sim/index';
import { defaultModelScores } from './cbpe-world';
import { loadFixture } from './fixtures';

interface IsotonicCase {
	name: string;
	x: number[];
	y: number[];
	xThresholds: number[];
	yThresholds: number[];
	xMin: number;
	xMax: number;
	at: number[];
	predictions: number[];
}
const isotonic = loadFixture<{ cases: IsotonicCase[] }>('isotonic.json');

describe("isotonic regression as scikit-learn's IsotonicRegression(increasing, clip)", () => {
	for (const c of isotonic.cases) {
		test(c.name, () => {
			const model = fitIsotonic(c.x, c.y);
			expect(Array.from(model.xThresholds)).toEqual(c.xThresholds);
			expect(Array.from(model.yThresholds)).toEqual(c.yThresholds);
			expect([model.xMin, model.xMax]).toEqual([c.xMin, c.xMax]);
			expect(Array.from(predictIsotonic(model, c.at))).toEqual(c.predictions);
		});
	}

	test('bad input is refused with a message', () => {
		expect(() => fitIsotonic([], [])).toThrow(/x: must not be empty/);
		expect(() => fitIsotonic([0.1, 0.2], [1])).toThrow(/y: expected 2 values/);
		expect(() => fitIsotonic([0.1, Number.NaN], [0, 1])).toThrow(DriftInputError);
	});
});

interface CbpeFixture {
	meta: { commit: string };
	cbpe: {
		settings: { seed: number; referenceSize: number; recordsPerDay: number; dayCount: number };
		needsCalibration: boolean;
		chunkSize: number;
		chunkCount: number;
		estimatedAccuracy: number[];
		rawEstimatedAccuracy: number[];
		realisedAccuracy: number[];
		inputChecksum: {
			referenceProbabilitySum: number;
			referencePositives: number;
			dayProbabilitySums: number[];
		};
	};
	ece: {
		name: string;
		probabilities: number[];
		labels: number[];
		binCount: number;
		edges: [number, number][];
		error: number;
	}[];
}
const nannyml = loadFixture<CbpeFixture>('nannyml-cbpe.json');
const settings = nannyml.cbpe.settings;
const scores = defaultModelScores(settings);
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const rng = () => createRng(settings.seed).split('cbpe-calibration-check');

describe("NannyML's expected calibration error (calibration.py)", () => {
	for (const c of nannyml.ece) {
		test(c.name, () => {
			const edges = binIndexEdges(c.probabilities.length, c.binCount);
			expect(edges).toEqual(c.edges);
			expect(expectedCalibrationError(c.labels, c.probabilities, edges)).toBeCloseTo(c.error, 14);
		});
	}
	test('fewer than 4 rows cannot make 2 bins', () => {
		expect(() => binIndexEdges(3, 10)).toThrow(/minimum of 2 calibration bins/);
	});
});

describe("CBPE on the default model's scores, against NannyML's CBPE", () => {
	test('the scores are the ones NannyML was given', () => {
		const checksum = nannyml.cbpe.inputChecksum;
		expect(sum(scores.reference.probabilities)).toBeCloseTo(checksum.referenceProbabilitySum, 6);
		expect(sum(scores.reference.labels)).toBe(checksum.referencePositives);
		scores.days.forEach((day, i) => {
			expect(sum(day.probabilities)).toBeCloseTo(checksum.dayProbabilitySums[i] as number, 8);
		});
		// And they are the drift stream's own: day 3's raw estimate (mean of max(p, 1 − p) over
		// these scores) and its realised accuracy. The stream now reports the calibrated estimate
		// (fitted on held-out reference data), so its raw one is recomputed here from the scores.
		const day3 = scores.days[2]?.probabilities ?? [];
		expect(sum(day3.map((p) => Math.max(p, 1 - p))) / day3.length).toBeCloseTo(
			nannyml.cbpe.rawEstimatedAccuracy[2] as number,
			12,
		);
		const stream = runDriftStream(defaultStreamConfig, 3);
		expect(stream[2]?.accuracy).toBe(nannyml.cbpe.realisedAccuracy[2]);
		expect(stream[2]?.estimatedAccuracy).toBeCloseTo(0.8196602310127525, 12);
	});

	test("the calibration check agrees with NannyML's: the default model needs calibrating", () => {
		const check = checkCalibration(scores.reference.probabilities, scores.reference.labels, {
			rng: rng(),
		});
		expect(nannyml.cbpe.needsCalibration).toBe(true);
		expect(check.needsCalibration).toBe(true);
		expect(check.reason).toBe('calibration-error');
		expect(check.errorAfter as number).toBeLessThan(check.errorBefore as number);
	});

	test('per-day estimated accuracy within 0.005 of NannyML (in fact within 1e-9)', () => {
		const estimator = fitPerformanceEstimator(
			scores.reference.probabilities,
			scores.reference.labels,
			{ rng: rng() },
		);
		expect(scores.days.length).toBe(nannyml.cbpe.chunkCount);
		scores.days.forEach((day, i) => {
			const ours = estimateAccuracy(estimator, day.probabilities);
			const theirs = nannyml.cbpe.estimatedAccuracy[i] as number;
			expect(Math.abs(ours - theirs)).toBeLessThan(0.005);
			expect(Math.abs(ours - theirs)).toBeLessThan(1e-9);
		});
		// Without calibration the same function gives the lab's current (raw) estimate.
		const raw = fitPerformanceEstimator(scores.reference.probabilities, scores.reference.labels, {
			rng: rng(),
			calibration: 'never',
		});
		scores.days.forEach((day, i) => {
			expect(estimateAccuracy(raw, day.probabilities)).toBeCloseTo(
				nannyml.cbpe.rawEstimatedAccuracy[i] as number,
				12,
			);
		});
	});
});

describe('CBPE is unbiased on drift-free days once calibrated', () => {
	// 240 drift-free days beyond the fixture's 60 (seeded), so this is not the fitted sample.
	const long = defaultModelScores({ ...settings, dayCount: 300 });
	const days = long.days.slice(60);
	const accuracyOf = (sample: { probabilities: number[]; labels: number[] }) =>
		sum(sample.probabilities.map((p, i) => Number(p >= 0.5 === (sample.labels[i] === 1)))) /
		sample.labels.length;
	const realised = days.map(accuracyOf);
	// A fresh sample of the world that the model never trained on, scored by the same model.
	const holdout = defaultModelScores({ ...settings, dayCount: 0, holdoutSeed: 4242 }).holdout;
	/**
	 * Mean error over the days and the band it must lie in: two standard errors, combining the
	 * days' spread with the calibration sample's own accuracy noise, √(a(1 − a)/n), which every
	 * day's estimate shares.
	 */
	const bias = (
		calibration: { probabilities: number[]; labels: number[] },
		mode: 'auto' | 'never',
	) => {
		const estimator = fitPerformanceEstimator(calibration.probabilities, calibration.labels, {
			rng: rng(),
			calibration: mode,
		});
		const errors = days.map(
			(d, i) => estimateAccuracy(estimator, d.probabilities) - (realised[i] as number),
		);
		const mean = sum(errors) / errors.length;
		const sd = Math.sqrt(sum(errors.map((e) => (e - mean) ** 2)) / (errors.length - 1));
		const a = accuracyOf(calibration);
		const band =
			2 *
			Math.hypot(
				sd / Math.sqrt(errors.length),
				Math.sqrt((a * (1 - a)) / calibration.labels.length),
			);
		return { mean, band };
	};

	test('calibrated on the reference: mean error within the band (+0.45 points)', () => {
		const { mean, band } = bias(long.reference, 'auto');
		expect(Math.abs(mean)).toBeLessThan(band);
		// The reference is also the model's training data, so its accuracy runs a little above
		// production's and the estimate with it: the residual is positive.
		expect(mean).toBeGreaterThan(0);
	});

	test('calibrated on a sample the model never trained on: within the band, nearer zero', () => {
		const { mean, band } = bias(holdout, 'auto');
		expect(Math.abs(mean)).toBeLessThan(band);
		expect(Math.abs(mean)).toBeLessThan(bias(long.reference, 'auto').mean);
	});

	test('raw max(p, 1 − p): runs more than a point low, outside the band', () => {
		const { mean, band } = bias(long.reference, 'never');
		expect(mean).toBeLessThan(-0.01);
		expect(mean).toBeLessThan(-band);
	});
});

describe('calibration check and estimator by hand', () => {
	test('one class in the labels needs no calibration (NannyML returns False)', () => {
		const check = checkCalibration([0.2, 0.4, 0.6], [1, 1, 1], { rng: rng() });
		expect(check).toMatchObject({ needsCalibration: false, reason: 'single-class' });
	});

	test('perfectly ranked scores (AUROC > 0.999) need no calibration', () => {
		const check = checkCalibration([0.1, 0.2, 0.3, 0.6, 0.7, 0.9], [0, 0, 0, 1, 1, 1], {
			rng: rng(),
		});
		expect(check).toMatchObject({ needsCalibration: false, reason: 'separable', auroc: 1 });
	});

	test('AUROC counts ties as half', () => {
		expect(rocAucScore([0, 1, 0, 1], [0.5, 0.5, 0.2, 0.8])).toBe(0.875);
	});

	test('the estimate uses the calibrated p for predicted positives and 1 − p for negatives', () => {
		const estimator = fitPerformanceEstimator([0.1, 0.4, 0.6, 0.9], [0, 1, 0, 1], {
			rng: rng(),
			calibration: 'always',
		});
		// Isotonic on (0.1,0), (0.4,1), (0.6,0), (0.9,1): the middle pair pools to 0.5.
		expect(Array.from(calibrateProbabilities(estimator, [0.1, 0.4, 0.6, 0.9]))).toEqual([
			0, 0.5, 0.5, 1,
		]);
		// Predictions from the raw scores: 0, 0, 1, 1 → (1 − 0) + (1 − 0.5) + 0.5 + 1 = 3 of 4.
		expect(estimateAccuracy(estimator, [0.1, 0.4, 0.6, 0.9])).toBe(0.75);
	});

	test('bad input is refused with a message', () => {
		expect(() => fitPerformanceEstimator([0.2, 0.3], [0, 2], { rng: rng() })).toThrow(
			/labels: label at index 1 is 2, not 0 or 1/,
		);
		expect(() => fitPerformanceEstimator([0.2], [0, 1], { rng: rng() })).toThrow(
			/expected 1 labels/,
		);
		const estimator = fitPerformanceEstimator([0.2, 0.8], [0, 1], {
			rng: rng(),
			calibration: 'never',
		});
		expect(() => estimateAccuracy(estimator, [])).toThrow(/must not be empty/);
		expect(() =>
			fitPerformanceEstimator([0.2, 0.8], [0, 1], {
				rng: rng(),
				calibration: 'sometimes' as 'auto',
			}),
		).toThrow(DriftInputError);
	});
});
