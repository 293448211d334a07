/**
 * The learner's rollout spec as Argo Rollouts would read it: written out as the YAML manifests
 * (a Rollout and its AnalysisTemplates) a team would apply, and checked with the messages Argo's
 * validation gives, so the lab teaches the real tool's vocabulary and its real complaints.
 *
 * Sources: pkg/apis/rollouts/validation/validation.go (ValidateRolloutStrategyCanary: step
 * types, setWeight range, pause duration, maxSurge/maxUnavailable) and validation_references.go
 * (ValidateAnalysisTemplateWithType: template metrics, metrics that run indefinitely in a step),
 * with errors formatted as Kubernetes' field errors (`<path>: Invalid value: <value>: <detail>`).
 * The manifests themselves are written by `rollout.manifest.ts`.
 */
import { validateMetrics } from './analysis.model';
import { pauseDurationSeconds } from './duration.model';
import type { CanarySpec } from './canary.model';
import type { FlaggerSpec } from './flagger.model';
import type { IntOrPercent } from './rolling.model';

/** Argo's validation messages (validation.go constants). */
export const argoMessages = {
	invalidStep:
		'Step must have one of the following set: experiment, setWeight, setCanaryScale, plugin or pause',
	invalidSetWeight: (max: number) => `SetWeight needs to be between 0 and ${max}`,
	invalidDuration: 'Duration needs to be greater than 0',
	invalidMaxSurgeMaxUnavailable: 'MaxSurge and MaxUnavailable both can not be zero',
} as const;

// Kubernetes prints a bad value by its Go type: numbers plainly, strings quoted, an
// IntOrString through its String method (unquoted).
function fieldInvalid(path: string, value: number | string, detail: string, raw = false): string {
	const shown = typeof value === 'string' && !raw ? JSON.stringify(value) : String(value);
	return `${path}: Invalid value: ${shown}: ${detail}`;
}

/** Options of the manifest beyond the canary steps. */
export interface RolloutManifestOptions {
	name: string;
	image: string;
	replicas: number;
	maxSurge?: IntOrPercent;
	maxUnavailable?: IntOrPercent;
	/** The strategy the manifest is for (canary when absent). */
	strategy?:
		| { kind: 'canary' }
		| { kind: 'recreate' }
		| { kind: 'rolling' }
		| { kind: 'shadow' }
		| { kind: 'blueGreen'; autoPromotionEnabled: boolean; scaleDownDelaySeconds: number }
		| { kind: 'flagger'; analysis: FlaggerSpec };
}

const stepTypes = ['experiment', 'pause', 'setWeight', 'analysis'] as const;

/**
 * Every problem Argo would report for this canary spec, in Argo's order and words; empty when
 * valid. Steps are read loosely, because a spec may come from a shared link or storage.
 */
export function validateCanarySpec(
	spec: CanarySpec,
	options: Pick<RolloutManifestOptions, 'maxSurge' | 'maxUnavailable'> = {},
): string[] {
	const errors: string[] = [];
	const root = 'spec.strategy.canary';
	const maxSurge = options.maxSurge ?? '25%';
	const maxUnavailable = options.maxUnavailable ?? '25%';
	const zero = (v: IntOrPercent) =>
		typeof v === 'number' ? v === 0 : Number.parseInt(v, 10) === 0;
	if (zero(maxSurge) && zero(maxUnavailable)) {
		errors.push(
			fieldInvalid(`${root}.maxSurge`, maxSurge, argoMessages.invalidMaxSurgeMaxUnavailable, true),
		);
	}
	const maxWeight = 100;
	spec.steps.forEach((raw, i) => {
		const step = raw as Partial<Record<(typeof stepTypes)[number], unknown>>;
		const path = `${root}.steps[${i}]`;
		const has = (k: (typeof stepTypes)[number]) => step[k] !== undefined && step[k] !== null;
		if (stepTypes.filter(has).length > 1) {
			const flags = `step.Experiment: ${has('experiment')} step.Pause: ${has('pause')} step.SetWeight: ${has('setWeight')} step.Analysis: ${has('analysis')}`;
			errors.push(fieldInvalid(path, flags, argoMessages.invalidStep));
		}
		if (!stepTypes.some(has)) {
			const flags = [
				'Experiment',
				'Pause',
				'SetWeight',
				'Analysis',
				'SetCanaryScale',
				'SetHeaderRoute',
				'SetMirrorRoute',
				'Plugin',
			]
				.map((k) => `step.${k}: true`)
				.join(' ');
			errors.push(fieldInvalid(path, flags, argoMessages.invalidStep));
		}
		if (has('setWeight')) {
			const weight = Number(step.setWeight);
			if (!(weight >= 0 && weight <= maxWeight)) {
				errors.push(
					fieldInvalid(`${path}.setWeight`, weight, argoMessages.invalidSetWeight(maxWeight)),
				);
			}
		}
		if (has('pause')) {
			const duration = (step.pause as { duration?: number | string }).duration;
			const seconds = pauseDurationSeconds(duration);
			if (seconds < 0)
				errors.push(fieldInvalid(`${path}.pause.duration`, seconds, argoMessages.invalidDuration));
		}
	});
	// Referenced templates: a step's templates must exist, be valid and end on their own.
	const checkTemplates = (names: readonly string[], path: string, inline: boolean) => {
		for (const name of names) {
			const template = spec.templates.find((t) => t.name === name);
			if (!template) {
				errors.push(`AnalysisTemplate '${name}' not found`);
				continue;
			}
			const problem = validateMetrics(template.metrics);
			if (problem) {
				errors.push(fieldInvalid(path, name, `AnalysisTemplate ${name}: ${problem}`));
				continue;
			}
			if (!inline) continue;
			for (const metric of template.metrics) {
				if (metric.interval && !metric.count) {
					const count = metric.count === undefined ? '<nil>' : String(metric.count);
					errors.push(
						fieldInvalid(
							path,
							name,
							`AnalysisTemplate ${name} has metric ${metric.name} which runs indefinitely. Invalid value for count: ${count}`,
						),
					);
				}
			}
		}
	};
	spec.steps.forEach((step, i) => {
		if ('analysis' in step && step.analysis) {
			checkTemplates(step.analysis.templates, `${root}.steps[${i}].analysis.templates`, true);
		}
	});
	if (spec.analysis) checkTemplates(spec.analysis.templates, `${root}.analysis.templates`, false);
	return errors;
}
