/**
 * The model registry's rules as pure functions: versions are numbered in order of
 * registration, move through stages none → staging → production → archived, and at most one
 * version is in production — promoting another archives the old one, as registries that
 * enforce a single serving version do. Stored entries are validated when read back.
 */
import { z } from 'astro/zod';

/** Lifecycle stages of a model version. */
export const stages = ['none', 'staging', 'production', 'archived'] as const;

/** A stage. */
export type Stage = (typeof stages)[number];

const versionSchema = z.object({
	version: z.number().int().positive(),
	runId: z.string().min(1),
	stage: z.enum(stages),
	registeredAt: z.string(),
	history: z.array(z.object({ stage: z.enum(stages), at: z.string() })),
});

/** One registered model version. Its artifact is stored under the run's id. */
export type ModelVersion = z.output<typeof versionSchema>;

/** Validates a stored version entry. */
export function parseModelVersion(value: unknown): { version: ModelVersion } | { error: string } {
	const parsed = versionSchema.safeParse(value);
	if (parsed.success) return { version: parsed.data };
	const issue = parsed.error.issues[0];
	return {
		error:
			`Registry entry is not valid: ${issue?.path.join('.') || 'value'} ${issue?.message ?? ''}`.trim(),
	};
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
