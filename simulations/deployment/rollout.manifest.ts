/**
 * The learner's rollout as the YAML manifests a team would apply: an Argo Rollout (canary,
 * blue/green) with its AnalysisTemplates, a Kubernetes Deployment (recreate, rolling update),
 * an Istio mirror (shadow) or a Flagger Canary. Kept apart from the validation in
 * `rollout.spec.ts` because the lab shows the manifests only when the learner opens them, so the
 * writer loads then and not with the page.
 * Key decision: the YAML is emitted by a small writer here rather than a YAML library, so no
 * parser ships to the browser; the tests read it back with the `yaml` package.
 */
import type { CanarySpec, CanaryStep } from './canary.model';
import { conditionExpression, metricQueries, type RolloutMetric } from './metrics.model';
import type { FlaggerSpec } from './flagger.model';
import type { RolloutManifestOptions } from './rollout.spec';

type Yaml = string | number | boolean | null | Yaml[] | { [key: string]: Yaml | undefined };

// A plain scalar (YAML 1.2, block context) must not start with an indicator, contain ": " or
// " #", end in a colon or space, or read as a number, boolean or null; otherwise it is quoted.
function scalar(value: string | number | boolean | null): string {
	if (value === null) return 'null';
	if (typeof value !== 'string') return String(value);
	const plain =
		value !== '' &&
		!/^[-?:,[\]{}#&*!|>'"%@`\s]/.test(value) &&
		!/: | #|[:\s]$|["\n]/.test(value) &&
		!/^(true|false|null|yes|no|on|off|~)$/i.test(value) &&
		!/^[-+]?(\.\d+|\d+(\.\d*)?)([eE][-+]?\d+)?$/.test(value) &&
		!/^0[xo]/.test(value);
	return plain ? value : JSON.stringify(value);
}

function emit(value: Yaml, indent: string, out: string[], prefix: string): void {
	if (Array.isArray(value)) {
		if (value.length === 0) {
			out.push(`${prefix}[]`);
			return;
		}
		if (prefix) out.push(prefix.trimEnd());
		for (const item of value) emit(item, `${indent}  `, out, `${indent}- `);
		return;
	}
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value).filter(([, v]) => v !== undefined) as [string, Yaml][];
		if (entries.length === 0) {
			out.push(`${prefix}{}`);
			return;
		}
		if (prefix.trim() && !prefix.trimStart().startsWith('-')) out.push(prefix.trimEnd());
		let first = prefix.trimStart().startsWith('-');
		for (const [key, v] of entries) {
			const lead = first ? prefix : indent;
			first = false;
			const isBlock =
				(Array.isArray(v) && v.length > 0) ||
				(v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0);
			if (isBlock) {
				out.push(`${lead}${key}:`);
				const childIndent = Array.isArray(v) ? indent : `${indent}  `;
				if (Array.isArray(v))
					for (const item of v) emit(item, `${indent}  `, out, `${childIndent}- `);
				else emit(v, childIndent, out, '');
			} else {
				emit(v, indent, out, `${lead}${key}: `);
			}
		}
		return;
	}
	out.push(`${prefix}${scalar(value)}`);
}

/** Writes a value as block-style YAML. */
export function toYaml(value: Yaml): string {
	const out: string[] = [];
	emit(value, '', out, '');
	return `${out.join('\n')}\n`;
}

function stepYaml(step: CanaryStep): Yaml {
	if ('setWeight' in step) return { setWeight: step.setWeight };
	if ('pause' in step) {
		return step.pause.duration === undefined
			? { pause: {} }
			: { pause: { duration: step.pause.duration } };
	}
	return {
		analysis: { templates: step.analysis.templates.map((templateName) => ({ templateName })) },
	};
}

function metricYaml(metric: RolloutMetric): Yaml {
	return {
		name: metric.name,
		interval: metric.interval,
		initialDelay: metric.initialDelay,
		count: metric.count,
		failureLimit: metric.failureLimit,
		inconclusiveLimit: metric.inconclusiveLimit,
		consecutiveErrorLimit: metric.consecutiveErrorLimit,
		consecutiveSuccessLimit: metric.consecutiveSuccessLimit,
		successCondition: metric.successCondition && conditionExpression(metric.successCondition),
		failureCondition: metric.failureCondition && conditionExpression(metric.failureCondition),
		provider: metric.kayenta
			? {
					kayenta: {
						address: 'https://kayenta.example',
						application: 'churn-model',
						canaryConfigName: 'churn-model-canary',
						threshold: { pass: metric.kayenta.pass, marginal: metric.kayenta.marginal },
						scopes: [
							{
								name: 'default',
								controlScope: { scope: 'version=stable', step: 10 },
								experimentScope: { scope: 'version=canary', step: 10 },
							},
						],
					},
				}
			: {
					prometheus: {
						address: 'http://prometheus.monitoring:9090',
						query: metricQueries[metric.source].replaceAll(
							'{{args.lookback}}',
							metric.lookback ?? metric.interval ?? '1m',
						),
					},
				},
	};
}

/**
 * The manifests a team would apply for this rollout: the Rollout (canary strategy with an
 * Istio-style traffic router, so weights are exact) and one AnalysisTemplate per template.
 */
export function rolloutYaml(spec: CanarySpec, options: RolloutManifestOptions): string {
	const labels = { app: options.name };
	const kind = options.strategy?.kind ?? 'canary';
	// Recreate, rolling update and shadow's workload are plain Deployments; the others, Rollouts.
	const plain =
		kind === 'recreate' || kind === 'rolling' || kind === 'shadow' || kind === 'flagger';
	const rollout: Yaml = {
		apiVersion: plain ? 'apps/v1' : 'argoproj.io/v1alpha1',
		kind: plain ? 'Deployment' : 'Rollout',
		metadata: { name: options.name },
		spec: {
			replicas: options.replicas,
			selector: { matchLabels: labels },
			template: {
				metadata: { labels },
				spec: { containers: [{ name: options.name, image: options.image }] },
			},
			strategy: strategyYaml(spec, options) ?? {
				canary: {
					maxSurge: options.maxSurge,
					maxUnavailable: options.maxUnavailable,
					canaryService: `${options.name}-canary`,
					stableService: `${options.name}-stable`,
					trafficRouting: {
						istio: { virtualService: { name: options.name, routes: ['primary'] } },
					},
					analysis: spec.analysis && {
						templates: spec.analysis.templates.map((templateName) => ({ templateName })),
						startingStep: spec.analysis.startingStep,
						args: [{ name: 'version', value: 'canary' }],
					},
					steps: spec.steps.map(stepYaml),
				},
			},
		},
	};
	if (options.strategy?.kind === 'flagger') {
		return [
			toYaml(rollout),
			toYaml(flaggerCanaryYaml(options.name, options.strategy.analysis)),
		].join('---\n');
	}
	// A plain Deployment has no AnalysisTemplate: nothing watches its metrics.
	if (kind === 'recreate' || kind === 'rolling') return toYaml(rollout);
	if (kind === 'shadow') return [toYaml(rollout), toYaml(mirrorYaml(options.name))].join('---\n');
	const templates = spec.templates.map((t) =>
		toYaml({
			apiVersion: 'argoproj.io/v1alpha1',
			kind: 'AnalysisTemplate',
			metadata: { name: t.name },
			spec: { args: [{ name: 'version' }], metrics: t.metrics.map(metricYaml) },
		}),
	);
	return [toYaml(rollout), ...templates].join('---\n');
}

/** The non-canary strategy stanzas (Kubernetes' Deployment strategies, Argo's blueGreen). */
function strategyYaml(spec: CanarySpec, options: RolloutManifestOptions): Yaml | undefined {
	const strategy = options.strategy;
	switch (strategy?.kind) {
		case 'recreate':
			return { type: 'Recreate' };
		case 'rolling':
			return {
				type: 'RollingUpdate',
				rollingUpdate: { maxSurge: options.maxSurge, maxUnavailable: options.maxUnavailable },
			};
		case 'shadow':
			// Shadow lives in the mesh, not in the workload: the Deployment keeps serving v1.
			return { type: 'RollingUpdate' };
		case 'blueGreen':
			return {
				blueGreen: {
					activeService: `${options.name}-active`,
					previewService: `${options.name}-preview`,
					autoPromotionEnabled: strategy.autoPromotionEnabled,
					scaleDownDelaySeconds: strategy.scaleDownDelaySeconds,
					postPromotionAnalysis: {
						templates: (spec.templates[0] ? [spec.templates[0].name] : []).map((templateName) => ({
							templateName,
						})),
						args: [{ name: 'version', value: 'active' }],
					},
				},
			};
		default:
			return undefined;
	}
}

/** Istio's mirroring: every request to v1 is copied to v2, whose answers are discarded. */
function mirrorYaml(name: string): Yaml {
	return {
		apiVersion: 'networking.istio.io/v1',
		kind: 'VirtualService',
		metadata: { name },
		spec: {
			hosts: [name],
			http: [
				{
					route: [{ destination: { host: name, subset: 'v1' }, weight: 100 }],
					mirror: { host: name, subset: 'v2' },
					mirrorPercentage: { value: 100 },
				},
			],
		},
	};
}

/** Flagger's Canary resource: it targets the Deployment and runs the analysis loop itself. */
function flaggerCanaryYaml(name: string, analysis: FlaggerSpec): Yaml {
	const interval = `${analysis.intervalSeconds}s`;
	return {
		apiVersion: 'flagger.app/v1beta1',
		kind: 'Canary',
		metadata: { name },
		spec: {
			targetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
			service: { port: 80 },
			analysis: {
				interval,
				threshold: analysis.threshold,
				maxWeight: analysis.maxWeight,
				stepWeight: analysis.stepWeight,
				metrics: [
					{
						name: 'request-success-rate',
						thresholdRange: { min: analysis.minSuccessRate * 100 },
						interval,
					},
					...(analysis.maxLatencyP99Ms > 0
						? [
								{
									name: 'request-duration',
									thresholdRange: { max: analysis.maxLatencyP99Ms },
									interval,
								},
							]
						: []),
				],
			},
		},
	};
}
