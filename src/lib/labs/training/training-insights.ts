/**
 * Reads a finished run's learning curves the way a teacher would and says what happened in
 * plain words: over-fitting (validation loss turned upward while training loss kept falling),
 * a bumpy descent (training loss rising in many epochs, a too-large learning rate), or two
 * curves ending close together. It works on the per-epoch metrics alone, so the live lab, a
 * logged run and a test can all ask the same question; thresholds are deliberately coarse so
 * the lab names only what the chart plainly shows.
 */
import type { EpochMetrics } from '@sim/labs/training';

/** One observation about a run's curves. */
export interface RunInsight {
	kind: 'overfitting' | 'bumpy' | 'healthy' | 'earlyStopped';
	/** The observation and what to try next, in one or two sentences. */
	text: string;
}

const fmt = (value: number) => value.toFixed(3);

/** Validation loss must rise this much (absolute) above its best to count as over-fitting. */
export const overfitRise = 0.05;
/** Share of epochs whose training loss went up that marks a bumpy descent. */
export const bumpyShare = 0.25;
/** A rise counts as a bump only above this share of the first epoch's training loss, so the
 * flicker of a loss already near zero is not mistaken for overshooting. */
export const bumpSize = 0.05;

/**
 * What the curves of `epochs` show; empty when there are too few epochs to tell. Pass the
 * epoch whose weights early stopping kept, if it stopped the run, to have that explained.
 */
export function runInsights(
	epochs: readonly EpochMetrics[],
	earlyStoppedAt: number | null = null,
): RunInsight[] {
	const last = epochs.at(-1);
	if (!last || epochs.length < 5) return [];
	const insights: RunInsight[] = [];
	if (earlyStoppedAt !== null) {
		const kept = epochs.find((e) => e.epoch === earlyStoppedAt);
		insights.push({
			kind: 'earlyStopped',
			text: `Early stopping: validation loss was lowest at epoch ${earlyStoppedAt}${kept ? ` (${fmt(kept.validationLoss)})` : ''} and did not improve for ${last.epoch - earlyStoppedAt} epochs after it, so training stopped at epoch ${last.epoch} and the model keeps the weights of epoch ${earlyStoppedAt}, before it could over-fit further.`,
		});
	}
	const best = epochs.reduce((b, e) => (e.validationLoss < b.validationLoss ? e : b));
	const rise = last.validationLoss - best.validationLoss;
	// After early stopping the upturn is what stopped the run, already said above.
	const overfitted =
		earlyStoppedAt === null &&
		best.epoch < last.epoch &&
		rise >= overfitRise &&
		last.trainLoss < best.trainLoss;
	if (overfitted) {
		insights.push({
			kind: 'overfitting',
			text: `Over-fitting: validation loss was lowest at epoch ${best.epoch} (${fmt(best.validationLoss)}) and has since risen to ${fmt(last.validationLoss)}, while training loss kept falling to ${fmt(last.trainLoss)}. The model is memorising its training records, noise included. Try early-stopping patience, an L2 penalty, fewer hidden units or more data.`,
		});
	}
	let rises = 0;
	const minBump = bumpSize * (epochs[0]?.trainLoss ?? 0);
	for (let i = 1; i < epochs.length; i++) {
		const before = epochs[i - 1];
		const now = epochs[i];
		if (before && now && now.trainLoss - before.trainLoss > minBump) rises++;
	}
	if (rises / (epochs.length - 1) >= bumpyShare) {
		insights.push({
			kind: 'bumpy',
			text: `Bumpy descent: training loss went up noticeably in ${rises} of ${epochs.length - 1} epochs, so steps are overshooting. A smaller learning rate gives a smoother curve.`,
		});
	}
	if (insights.length === 0) {
		insights.push({
			kind: 'healthy',
			text: `Training and validation loss ended ${fmt(Math.abs(last.validationLoss - last.trainLoss))} apart and validation loss has not clearly turned upward: no sign of over-fitting yet.`,
		});
	}
	return insights;
}
