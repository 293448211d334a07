/**
 * Classification metrics as pure functions over typed arrays of predicted churn probabilities
 * and 0/1 labels. They run outside tfjs so the same code scores a tfjs model, a plain
 * typed-array model and (in later labs) a registered model serving live traffic. Undefined
 * ratios (precision with no predicted positives, AUC with one class) are 0 and NaN
 * respectively, and non-finite probabilities make the loss NaN so divergence is visible.
 */

/** The four cells of a binary confusion matrix. */
export interface ConfusionCounts {
	truePositive: number;
	falsePositive: number;
	trueNegative: number;
	falseNegative: number;
}

/** Every metric the labs show for a set of predictions. */
export interface ClassificationMetrics {
	/** Mean binary cross-entropy (log loss). */
	loss: number;
	accuracy: number;
	precision: number;
	recall: number;
	f1: number;
	/** Area under the ROC curve; NaN when only one class is present. */
	auc: number;
	confusion: ConfusionCounts;
}

type Numbers = ArrayLike<number>;

const epsilon = 1e-7;

/** Counts predictions at `threshold` against labels. */
export function confusionMatrix(
	probabilities: Numbers,
	labels: Numbers,
	threshold = 0.5,
): ConfusionCounts {
	const counts = { truePositive: 0, falsePositive: 0, trueNegative: 0, falseNegative: 0 };
	for (let i = 0; i < labels.length; i++) {
		const predicted = (probabilities[i] ?? 0) >= threshold;
		const actual = labels[i] === 1;
		if (predicted && actual) counts.truePositive++;
		else if (predicted) counts.falsePositive++;
		else if (actual) counts.falseNegative++;
		else counts.trueNegative++;
	}
	return counts;
}

/** Mean binary cross-entropy, with probabilities clipped to [1e-7, 1 − 1e-7]. */
export function logLoss(probabilities: Numbers, labels: Numbers): number {
	if (labels.length === 0) return Number.NaN;
	let sum = 0;
	for (let i = 0; i < labels.length; i++) {
		const p = probabilities[i] ?? Number.NaN;
		if (!Number.isFinite(p)) return Number.NaN;
		const clipped = Math.min(1 - epsilon, Math.max(epsilon, p));
		sum -= labels[i] === 1 ? Math.log(clipped) : Math.log(1 - clipped);
	}
	return sum / labels.length;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Share of correct predictions. */
export const accuracyOf = (c: ConfusionCounts): number =>
	ratio(
		c.truePositive + c.trueNegative,
		c.truePositive + c.trueNegative + c.falsePositive + c.falseNegative,
	);
/** Share of predicted churners who churned. */
export const precisionOf = (c: ConfusionCounts): number =>
	ratio(c.truePositive, c.truePositive + c.falsePositive);
/** Share of churners the model caught. */
export const recallOf = (c: ConfusionCounts): number =>
	ratio(c.truePositive, c.truePositive + c.falseNegative);
/** Harmonic mean of precision and recall. */
export const f1Of = (c: ConfusionCounts): number =>
	ratio(2 * c.truePositive, 2 * c.truePositive + c.falsePositive + c.falseNegative);

/**
 * ROC AUC as the Mann–Whitney statistic: the chance that a random churner scores higher than
 * a random stayer, ties counting half (average ranks).
 */
export function rocAuc(probabilities: Numbers, labels: Numbers): number {
	const n = labels.length;
	const order = Array.from({ length: n }, (_, i) => i).sort(
		(a, b) => (probabilities[a] ?? 0) - (probabilities[b] ?? 0),
	);
	let positives = 0;
	let rankSum = 0;
	for (let start = 0; start < n;) {
		let end = start;
		const value = probabilities[order[start] ?? 0];
		while (end + 1 < n && probabilities[order[end + 1] ?? 0] === value) end++;
		const averageRank = (start + end) / 2 + 1;
		for (let k = start; k <= end; k++) {
			if (labels[order[k] ?? 0] === 1) {
				positives++;
				rankSum += averageRank;
			}
		}
		start = end + 1;
	}
	const negatives = n - positives;
	if (positives === 0 || negatives === 0) return Number.NaN;
	return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** All metrics at once. */
export function classificationMetrics(
	probabilities: Numbers,
	labels: Numbers,
	threshold = 0.5,
): ClassificationMetrics {
	const confusion = confusionMatrix(probabilities, labels, threshold);
	return {
		loss: logLoss(probabilities, labels),
		accuracy: accuracyOf(confusion),
		precision: precisionOf(confusion),
		recall: recallOf(confusion),
		f1: f1Of(confusion),
		auc: rocAuc(probabilities, labels),
		confusion,
	};
}
