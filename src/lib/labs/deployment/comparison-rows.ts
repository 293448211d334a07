/**
 * The blast-radius comparison as table rows: every strategy on the same candidate, seed and
 * requests. This module loads with the table (ComparisonTable), when the first comparison ends.
 */
import type { StrategyComparison } from '@sim/labs/deployment';

/** Strategy names as the lab prints them. */
export const strategyLabels: Readonly<Record<StrategyComparison['strategy'], string>> = {
	recreate: 'Recreate',
	rolling: 'Rolling update (maxSurge 25 %, maxUnavailable 25 %)',
	blueGreen: 'Blue/green (preview, switch, analysis, switch back)',
	canary: 'Canary (Argo: 10 %, 50 %)',
	flagger: 'Flagger (stepWeight 10, maxWeight 50, threshold 2)',
	shadow: 'Shadow (mirrored, answers discarded)',
};

/** One row of the blast-radius table. */
export interface ComparisonRow {
	readonly strategy: string;
	readonly servedByCandidate: number;
	readonly failedByCandidate: number;
	readonly usersFailed: number;
	readonly mirrored: number;
	readonly outcome: string;
}

/** The comparison as table rows, in the order the simulation ran them. */
export function comparisonRows(results: readonly StrategyComparison[]): ComparisonRow[] {
	return results.map((r) => ({
		strategy: strategyLabels[r.strategy],
		servedByCandidate: r.blastRadius.servedByCandidate,
		failedByCandidate: r.blastRadius.failedByCandidate,
		usersFailed: r.blastRadius.usersFailedByCandidate,
		mirrored: r.blastRadius.mirrored,
		outcome: r.outcome || '–',
	}));
}
