/**
 * Each "Things to try" link really shows what its text promises: the seeded presets are trained
 * to the end in the headless session (the same code the lab's worker runs) and their curves
 * checked, and the curves are read back by runInsights the way the lab does.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { useCpuBackend } from '@sim/shared/tf-backend';
import { createTrainingSession } from '@sim/training/training.service';
import type { TrainingReply } from '@sim/training/training.protocol';
import {
	defaultTrainingParams,
	type EpochMetrics,
	type RunResult,
	type TrainingParams,
} from '@sim/index';
import {
	presetHref,
	presetParams,
	trainingPresets,
	type TrainingPreset,
} from '@/lib/labs/training/training-presets';
import { runInsights } from '@/lib/labs/training/training-insights';
import { readParams } from '@/lib/url-params';
import { trainingParamsSpec } from '@/lib/labs/training/training-params';

beforeAll(useCpuBackend);

/** Trains `params` to the end, one epoch request at a time, as the lab's clock asks. */
function train(params: TrainingParams) {
	const replies: TrainingReply[] = [];
	const session = createTrainingSession((reply) => replies.push(reply));
	session.handle({ type: 'configure', params });
	for (let epoch = 0; epoch < params.epochs; epoch++) {
		session.handle({ type: 'epoch' });
		const last = replies.at(-1);
		if (last?.type !== 'epoch' || last.finished) break;
	}
	const epochs: EpochMetrics[] = [];
	let result: RunResult | null = null;
	let diverged = false;
	for (const r of replies) {
		if (r.type === 'epoch') epochs.push(r.metrics);
		if (r.type === 'epoch' && r.finished) result = r.finished.result;
		if (r.type === 'epoch' && r.finished?.result.reason === 'diverged') diverged = true;
	}
	return { epochs, result, diverged };
}

const preset = (id: TrainingPreset['id']): TrainingPreset => {
	const found = trainingPresets.find((p) => p.id === id);
	if (!found) throw new Error(`no preset ${id}`);
	return found;
};

describe('training presets', () => {
	test('every link parses back to exactly its preset, seed included, with no problems', () => {
		for (const p of trainingPresets) {
			const href = presetHref(p);
			expect(href).toMatch(/^\/labs\/training\/\?.*seed=42.*#lab$/);
			const parsed = readParams(trainingParamsSpec, new URL(href, 'http://x').search);
			expect(parsed.problems).toEqual([]);
			expect(parsed.params).toEqual(presetParams(p));
		}
	});

	test('over-fitting: the validation loss turns upward and the gap to training loss widens', () => {
		const { epochs, result } = train(presetParams(preset('overfit')));
		expect(result?.reason).toBe('completed');
		expect(epochs).toHaveLength(150);
		const last = epochs.at(-1)!;
		const best = epochs.reduce((b, e) => (e.validationLoss < b.validationLoss ? e : b));
		expect(best.epoch).toBeLessThan(40);
		expect(last.trainLoss).toBeLessThan(0.05);
		expect(last.validationLoss - last.trainLoss).toBeGreaterThan(0.5);
		expect(last.validationLoss - best.validationLoss).toBeGreaterThan(0.3);
		const gapAtBest = best.validationLoss - best.trainLoss;
		expect(last.validationLoss - last.trainLoss).toBeGreaterThan(gapAtBest + 0.3);
		expect(runInsights(epochs).map((i) => i.kind)).toEqual(['overfitting']);
	});

	test('early stopping ends the same run near its best epoch and keeps those weights', () => {
		const { epochs, result } = train(presetParams(preset('earlyStop')));
		expect(result?.reason).toBe('earlyStopped');
		expect(epochs.length).toBeLessThan(60);
		expect(result?.bestEpoch).toBe(epochs.length - 5);
		const [insight] = runInsights(epochs, result?.bestEpoch ?? null);
		expect(insight?.kind).toBe('earlyStopped');
		expect(insight?.text).toContain(
			`keeps the weights of epoch ${String(result?.bestEpoch)}, before it could over-fit further`,
		);
	});

	test('learning rate 100 diverges; 10 survives', () => {
		const diverging = train(presetParams(preset('diverge')));
		expect(diverging.diverged).toBe(true);
		expect(diverging.epochs.length).toBeLessThan(10);
		const thrashing = train(presetParams(preset('thrash')));
		expect(thrashing.diverged).toBe(false);
		expect(thrashing.result?.reason).toBe('completed');
		expect(runInsights(thrashing.epochs).map((i) => i.kind)).toEqual(['bumpy']);
	});

	test('the default run reads as healthy', () => {
		const { epochs } = train(defaultTrainingParams);
		expect(runInsights(epochs).map((i) => i.kind)).toEqual(['healthy']);
	});
});
