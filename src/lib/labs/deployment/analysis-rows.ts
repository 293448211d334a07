/**
 * The rollout's AnalysisRuns as the lab lists them, as `kubectl argo rollouts get rollout`
 * would: each run's kind, revision, start, phase and message, and each metric's measurements.
 * This module loads with the list (AnalysisRuns), when the first run starts.
 */
import type { RolloutAnalysisRun, RolloutStatus } from '@sim/labs/deployment';
import { formatClock } from './deployment-view';

/** One analysis run as the table shows it. */
export interface AnalysisRow {
	readonly key: string;
	readonly title: string;
	readonly phase: string;
	readonly message: string;
	readonly metrics: readonly {
		readonly name: string;
		readonly phase: string;
		/** Each measurement: time, value (3 significant places) and phase. */
		readonly measurements: readonly string[];
	}[];
}

const runNames: Record<RolloutAnalysisRun['kind'], (r: RolloutAnalysisRun) => string> = {
	step: (r) => `Step ${r.stepIndex + 1} analysis`,
	background: () => 'Background analysis',
	postPromotion: () => 'postPromotionAnalysis',
	shadow: () => 'Shadow analysis (mirrored requests)',
};

function row(r: RolloutAnalysisRun): AnalysisRow {
	const started = formatClock(r.run.startedAtMs / 1000);
	return {
		key: `${r.kind}-${r.stepIndex}-${r.run.startedAtMs}`,
		title: `${runNames[r.kind](r)} (v${r.revision}), started ${started}`,
		phase: r.run.phase,
		message: r.run.message,
		metrics: r.run.metrics.map((m) => ({
			name: m.name,
			phase: m.phase,
			measurements: m.measurements.map(
				(x) =>
					`${formatClock(x.atMs / 1000)}: ${x.value === undefined || !Number.isFinite(x.value) ? 'no data' : Number(x.value.toPrecision(3))} (${x.phase})`,
			),
		})),
	};
}

/** Every analysis run of the rollout, oldest first, the running ones last. */
export function analysisRows(rollout: RolloutStatus | null): AnalysisRow[] {
	return rollout ? rollout.analysisRuns.map(row) : [];
}
