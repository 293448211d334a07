/**
 * The model registry's rules as pure functions: versions are numbered in order of registration,
 * move through stages none → staging → production → archived, and at most one version is in
 * production — promoting another archives the old one, as registries that enforce a single
 * serving version do. Each version keeps its lineage (the run, data and code it came from), and
 * `promotionDecision` is the champion/challenger rule a pipeline applies before promoting.
 * No storage here: the site stores versions and validates them when it reads them back.
 */

/** Lifecycle stages of a model version. */
export const stages = ['none', 'staging', 'production', 'archived'] as const;

/** A stage. */
export type Stage = (typeof stages)[number];

/** One registered model version. Its artifact is stored under the run's id. */
export interface ModelVersion {
	version: number;
	runId: string;
	stage: Stage;
	registeredAt: string;
	history: { stage: Stage; at: string }[];
}

/** Stages a version may move to from `stage`. */
export function allowedStages(stage: Stage): Stage[] {
	switch (stage) {
		case 'none':
			return ['staging', 'archived'];
		case 'staging':
			return ['production', 'archived'];
		case 'production':
			return ['archived'];
		case 'archived':
			return [];
	}
}

/** Registers `runId` as the next version (stage none). Refuses a run already registered. */
export function registerVersion(
	versions: readonly ModelVersion[],
	runId: string,
	at: string,
): { versions: ModelVersion[]; added: ModelVersion } | { error: string } {
	const existing = versions.find((v) => v.runId === runId);
	if (existing) return { error: `This run is already registered as version ${existing.version}.` };
	const added: ModelVersion = {
		version: versions.reduce((max, v) => Math.max(max, v.version), 0) + 1,
		runId,
		stage: 'none',
		registeredAt: at,
		history: [{ stage: 'none', at }],
	};
	return { versions: [...versions, added], added };
}

/**
 * Moves `version` to `stage`. Returns every changed entry (the promoted one and, when
 * promoting to production, the previous production version, now archived).
 */
export function moveToStage(
	versions: readonly ModelVersion[],
	version: number,
	stage: Stage,
	at: string,
): { versions: ModelVersion[]; changed: ModelVersion[] } | { error: string } {
	const target = versions.find((v) => v.version === version);
	if (!target) return { error: `There is no version ${version}.` };
	if (!allowedStages(target.stage).includes(stage)) {
		return { error: `Version ${version} cannot move from ${target.stage} to ${stage}.` };
	}
	const changed: ModelVersion[] = [];
	const next = versions.map((v) => {
		if (v.version === version || (stage === 'production' && v.stage === 'production')) {
			const newStage = v.version === version ? stage : 'archived';
			const updated = { ...v, stage: newStage, history: [...v.history, { stage: newStage, at }] };
			changed.push(updated);
			return updated;
		}
		return v;
	});
	return { versions: next, changed };
}

/** Where a version came from: its run's data and code, and the run it reproduced, if any. */
export interface Lineage {
	readonly version: number;
	readonly runId: string;
	readonly dataVersion: string | null;
	readonly codeVersion: string | null;
	readonly reproducedFrom: string | null;
}

/** The lineage of `version`, read from the runs it was registered from. */
export function lineageOf(
	version: ModelVersion,
	runs: readonly {
		id: string;
		dataVersion: string;
		codeVersion: string;
		reproducedFrom: string | null;
	}[],
): Lineage {
	const run = runs.find((r) => r.id === version.runId);
	return {
		version: version.version,
		runId: version.runId,
		dataVersion: run?.dataVersion ?? null,
		codeVersion: run?.codeVersion ?? null,
		reproducedFrom: run?.reproducedFrom ?? null,
	};
}

/** The version serving production, if any. */
export const productionVersion = (versions: readonly ModelVersion[]): ModelVersion | null =>
	versions.find((v) => v.stage === 'production') ?? null;

/** A champion/challenger rule: promote when the challenger beats the champion by a margin. */
export interface PromotionRule {
	/** The metric compared (higher is better). */
	readonly metric: 'accuracy' | 'auc' | 'f1';
	/** How much higher the challenger must score. */
	readonly minImprovement: number;
}

/** Whether a challenger should replace the champion, and why, in words a learner can read. */
export function promotionDecision(
	rule: PromotionRule,
	challenger: Readonly<Record<PromotionRule['metric'], number>>,
	champion: Readonly<Record<PromotionRule['metric'], number>> | null,
): { readonly promote: boolean; readonly reason: string } {
	const score = challenger[rule.metric];
	if (!Number.isFinite(score)) {
		return { promote: false, reason: `The challenger has no ${rule.metric} to compare.` };
	}
	if (champion === null) return { promote: true, reason: 'No model is in production yet.' };
	const margin = score - champion[rule.metric];
	return margin >= rule.minImprovement
		? { promote: true, reason: `${rule.metric} improves by ${margin.toFixed(3)}.` }
		: {
				promote: false,
				reason: `${rule.metric} changes by ${margin.toFixed(3)}, less than the ${rule.minImprovement} required.`,
			};
}
