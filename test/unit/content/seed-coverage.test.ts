/**
 * Seed coverage: every concept the five seed documents teach is taught by a named lesson.
 * Each row names the concept, the lesson that teaches it and a pattern that must match that
 * lesson's prose, so deleting or gutting the passage fails the test. Patterns match the text
 * with glossary links, emphasis and line breaks removed, so they survive rewording of markup
 * but not of substance. The four quiz questions of seed 002 are checked against the quizzes.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';

/** A seed concept and where it is taught. */
interface Coverage {
	concept: string;
	lesson: string;
	pattern: RegExp;
}

function lessonText(id: string): string {
	const raw = readFileSync(`content/lessons/${id}.mdx`, 'utf8');
	return raw
		.replace(/<\/?Term[^>]*>/g, '')
		.replace(/\*\*|__|(?<![\w])_(?=\w)|(?<=\w)_(?![\w])/g, '')
		.replace(/\s+/g, ' ');
}

function quizText(id: string): string {
	const text = lessonText(id);
	return text.slice(text.lastIndexOf('<Quiz'));
}

const WHAT = 'foundations/01-what-is-mlops';
const LIFE = 'foundations/02-ml-lifecycle';
const ROLES = 'foundations/03-roles-and-responsibilities';
const FAIL = 'foundations/04-why-models-fail';
const STEPS = 'foundations/05-steps-to-production';
const DATA = 'data-and-experiments/01-data-quality-and-versioning';
const FEAT = 'data-and-experiments/02-feature-engineering-and-feature-stores';
const EXP = 'data-and-experiments/03-experiment-tracking-and-reproducibility';
const SELECT = 'data-and-experiments/04-model-selection';
const CICD = 'delivery/01-ci-cd-ct';
const PATTERNS = 'delivery/02-deployment-patterns';
const STRATEGIES = 'delivery/03-deployment-strategies';
const TESTING = 'delivery/04-testing-ml-systems';
const MONITOR = 'operations/01-monitoring';
const DRIFT = 'operations/02-drift';
const RETRAIN = 'operations/03-retraining';
const MATURITY = 'maturity-and-practice/01-maturity-levels';
const TOOLS = 'maturity-and-practice/02-tool-landscape';
const PRIVACY = 'maturity-and-practice/03-privacy-security-compliance';

const coverage: Coverage[] = [
	// What MLOps is (seeds 000, 001, 003, 004)
	{
		concept: 'MLOps defined as principles and practices for the ML lifecycle',
		lesson: WHAT,
		pattern: /set of principles and practices that make the machine-learning lifecycle standard/,
	},
	{
		concept: 'MLOps is a culture, not a tool',
		lesson: WHAT,
		pattern: /not a product you install.{0,40}culture/,
	},
	{
		concept: 'MLOps grows out of DevOps: CI and CD',
		lesson: WHAT,
		pattern: /Continuous integration \(CI\).{0,300}Continuous delivery \(CD\)/,
	},
	{
		concept: 'continuous training as the practice MLOps adds',
		lesson: WHAT,
		pattern: /adds a third practice.{0,80}continuous training \(CT\)/,
	},
	{
		concept: 'siloed teams and the hand-off between them',
		lesson: WHAT,
		pattern: /two separate worlds/,
	},
	{
		concept: 'share of ML projects reaching production',
		lesson: WHAT,
		pattern: /54 % of AI projects made it from pilot to production/,
	},
	{
		concept: 'DevOps vs MLOps: tests data, schemas and models too',
		lesson: WHAT,
		pattern: /MLOps also tests data, data schemas and models/,
	},
	{
		concept: 'DevOps vs MLOps: ships the training pipeline, the whole system',
		lesson: WHAT,
		pattern: /ships a whole system, including the pipeline that trains the model/,
	},
	{
		concept: 'DevOps vs MLOps: keeps monitoring, retraining and serving',
		lesson: WHAT,
		pattern: /MLOps keeps monitoring the model, retraining it and serving new versions/,
	},
	{
		concept: 'MLOps is experimental at its core',
		lesson: WHAT,
		pattern: /experimental at its core/,
	},
	{
		concept: 'hybrid, multi-functional teams',
		lesson: WHAT,
		pattern:
			/Teams are mixed\. Subject-matter experts, data scientists, data engineers and ML engineers/,
	},
	{
		concept: 'testing complexity: data, schema, model, code together',
		lesson: WHAT,
		pattern: /Testing goes beyond code/,
	},
	{
		concept: 'deployment complexity: pipeline-centric delivery',
		lesson: WHAT,
		pattern: /What you deploy is a pipeline, not just a model/,
	},
	{
		concept: 'model decay watched by monitoring prediction quality',
		lesson: WHAT,
		pattern: /Models decay\..{0,200}quality of predictions/,
	},
	{
		concept: 'hidden technical debt: ML code is a small box',
		lesson: WHAT,
		pattern: /Hidden technical debt/,
	},
	{
		concept: 'Sculley et al. debt components (configuration, serving, monitoring...)',
		lesson: WHAT,
		pattern:
			/configuration.{0,400}serving infrastructure|serving infrastructure.{0,400}configuration/i,
	},

	{
		concept: 'why and when to employ MLOps: shorten idea-to-production, keep quality',
		lesson: WHAT,
		pattern: /MLOps exists to shorten the time from an idea to a reliable model in production/,
	},
	// The lifecycle (seeds 000, 001, 002, 003, 004)
	{
		concept: 'phase 1: business understanding and planning',
		lesson: LIFE,
		pattern: /Business understanding, or problem framing/,
	},
	{
		concept: 'phase 2: data collection — sources, formats, volume',
		lesson: LIFE,
		pattern:
			/where each source comes from, its format, how much exists and how much more will arrive/,
	},
	{
		concept: 'data lake as the store for collected data',
		lesson: LIFE,
		pattern: /often a data lake/,
	},
	{ concept: 'exploratory data analysis', lesson: LIFE, pattern: /exploratory data analysis/i },
	{
		concept: 'phase 3: data wrangling and feature engineering',
		lesson: LIFE,
		pattern: /Data wrangling cleans, joins and transforms/,
	},
	{
		concept: '“data modelling” means different things in data engineering and ML',
		lesson: LIFE,
		pattern: /data modelling.{0,300}(schema|tables).{0,300}(trained|learn)/i,
	},
	{
		concept: 'AutoML searching model and parameter combinations',
		lesson: LIFE,
		pattern: /AutoML tools can search many model and parameter combinations/,
	},
	{
		concept: 'inner loop over phases 2–4',
		lesson: LIFE,
		pattern: /Phases 2, 3 and 4 are rarely done once/,
	},
	{
		concept: 'deployment is the middle, not the end, for ML',
		lesson: LIFE,
		pattern: /For most software, deployment is the end of the project\. For ML it is the middle/,
	},
	{
		concept: 'monitoring compares predictions with actual outcomes',
		lesson: LIFE,
		pattern: /compares predictions with what actually happened/,
	},
	{
		concept: 'retraining (model tuning) repeats phases 2 onwards',
		lesson: LIFE,
		pattern: /going round again.{0,120}phases 2 to 7/,
	},
	{
		concept: 'three broad phases: design, research and experimentation, operations',
		lesson: LIFE,
		pattern: /research and experimentation.{0,200}operations/i,
	},
	{
		concept: 'three stages: design, development, deployment',
		lesson: LIFE,
		pattern: /Three stages: design, development, deployment/,
	},
	{
		concept: 'nine lifecycle steps mapped to the three stages',
		lesson: LIFE,
		pattern: /setting up CI\/CD, deploying the model, monitoring and maintenance/,
	},
	{
		concept: 'design: estimate value, requirements (accuracy, latency, throughput, transparency)',
		lesson: LIFE,
		pattern:
			/value of the project is estimated.{0,200}accuracy, latency, throughput, how transparent/,
	},
	{
		concept: 'Google discovery stage (use case, feasibility, data exploration, algorithm)',
		lesson: LIFE,
		pattern: /discovery stage \(use case, feasibility, data exploration/,
	},
	{
		concept: 'design stays manual; templates help; development and deployment automate',
		lesson: LIFE,
		pattern: /cannot be fully automated, though templates help/,
	},
	{
		concept: 'TDSP lifecycle stages',
		lesson: LIFE,
		pattern:
			/Business understanding\..{0,1500}Data acquisition and understanding\..{0,1500}Modelling\..{0,1500}Deployment\..{0,800}Customer acceptance\./,
	},
	{
		concept: 'TDSP customer acceptance stage',
		lesson: LIFE,
		pattern: /customer confirms the system meets their need/,
	},

	// Roles (seeds 000, 003, 004)
	{
		concept: 'subject matter experts: questions, KPIs, evaluate as users',
		lesson: ROLES,
		pattern: /### Subject-matter experts/,
	},
	{
		concept: 'product owner and business stakeholders',
		lesson: ROLES,
		pattern: /### Product owner and business stakeholders/,
	},
	{
		concept: 'data scientists: algorithms, build/train/validate, hyperparameter tuning',
		lesson: ROLES,
		pattern: /### Data scientists.{0,600}hyperparameter/,
	},
	{
		concept: 'data engineers: acquisition, data lake, wrangling, ETL pipelines',
		lesson: ROLES,
		pattern: /### Data engineers.{0,800}ETL/,
	},
	{
		concept: 'ML engineers operationalise (retrain on full data) and deploy',
		lesson: ROLES,
		pattern: /retrain it on the full data if it was only built on a sample/,
	},
	{
		concept: 'platform engineers provide infrastructure',
		lesson: ROLES,
		pattern: /### Software, DevOps and platform engineers/,
	},
	{ concept: 'roles × lifecycle steps', lesson: ROLES, pattern: /Who does what, phase by phase/ },
	{
		concept: 'each role judges performance with a different metric',
		lesson: ROLES,
		pattern: /Same model, different scorecards/,
	},

	// Why models fail (seeds 000, 003)
	{
		concept: 'proof of concept on a laptop in a notebook',
		lesson: FAIL,
		pattern: /ready on that laptop/,
	},
	{
		concept: 'notebook handed over by email, USB, shared drive or Git',
		lesson: FAIL,
		pattern: /by email, on a USB stick, through a shared drive/,
	},
	{
		concept: 'what operations does not know: dependencies, features, output, format, readiness',
		lesson: FAIL,
		pattern: /Which output is the prediction\?.{0,2000}Is it production ready\?/,
	},
	{
		concept: 'the model rebuilt in a different language is a different model',
		lesson: FAIL,
		pattern: /different language to fit the production stack/,
	},
	{
		concept: 'supporting the hand-off costs 40–50 % of a data scientist’s time',
		lesson: FAIL,
		pattern: /40 to 50 % of a data scientist/,
	},
	{
		concept: 'R&D phase and operations phase step sequences',
		lesson: FAIL,
		pattern: /package, compile, deploy, release(,| and) monitor/i,
	},
	{
		concept: 'easing the transition: notebook templates and documentation',
		lesson: FAIL,
		pattern: /notebook templates.{0,200}document/i,
	},

	// Steps to production (seeds 000, 003)
	{
		concept: 'package: compile code, resolve dependencies, run scripts',
		lesson: STEPS,
		pattern: /## 1\. Package.{0,400}Serialise the model/,
	},
	{
		concept: 'performance: scale out, partition, parallel, GPU',
		lesson: STEPS,
		pattern:
			/partition the data and process partitions in parallel, to scale out across several machines, and to use GPUs/,
	},
	{
		concept: 'performance: load balancing and prediction speed',
		lesson: STEPS,
		pattern: /Latency.{0,1200}behind a load balancer/,
	},
	{
		concept: 'instrument: versioning, logging, monitoring hooks',
		lesson: STEPS,
		pattern: /## 3\. Instrument/,
	},
	{
		concept: 'automate: continuous training instead of manual repeats',
		lesson: STEPS,
		pattern: /## 4\. Automate/,
	},

	// Data (seeds 000, 001, 004)
	{
		concept: 'data quality: how well data serves its purpose',
		lesson: DATA,
		pattern: /Data quality, dimension by dimension/,
	},
	{ concept: 'quality dimension: accuracy', lesson: DATA, pattern: /\|\s*Accuracy\s*\|/ },
	{ concept: 'quality dimension: completeness', lesson: DATA, pattern: /\|\s*Completeness\s*\|/ },
	{ concept: 'quality dimension: consistency', lesson: DATA, pattern: /\|\s*Consistency\s*\|/ },
	{ concept: 'quality dimension: timeliness', lesson: DATA, pattern: /\|\s*Timeliness\s*\|/ },
	{
		concept: 'data collection from many sources (IoT, apps, files)',
		lesson: DATA,
		pattern: /Collecting data: know your sources/,
	},
	{
		concept: 'data ingestion',
		lesson: DATA,
		pattern: /Ingestion: moving data to where it can be used/,
	},
	{ concept: 'data lakes', lesson: DATA, pattern: /data lake/i },
	{ concept: 'ETL and ELT pipelines', lesson: DATA, pattern: /ETL.{0,600}ELT|ELT.{0,600}ETL/ },
	{
		concept: 'data versioning',
		lesson: DATA,
		pattern: /Versioning: know exactly what a model saw/,
	},

	// Features (seed 004)
	{
		concept: 'feature engineering: selecting and transforming raw data into features',
		lesson: FEAT,
		pattern: /Feature engineering is the work of selecting, transforming and combining raw data/,
	},
	{
		concept: 'domain knowledge in feature engineering',
		lesson: FEAT,
		pattern: /(domain|subject-matter) (knowledge|expert)/i,
	},
	{
		concept: 'feature store: central repository to share and reuse features',
		lesson: FEAT,
		pattern: /## Feature stores/,
	},

	// Experiments (seeds 001, 002, 003, 004)
	{
		concept:
			'practitioner pain points: versions, experiment space, best model, collaborating, reproducing',
		lesson: EXP,
		pattern:
			/Keeping track of versions.{0,400}Controlling the experiment space.{0,400}Pinpointing the best model.{0,400}Collaborating.{0,400}Reproducing and tracing/,
	},
	{
		concept: 'experiment tracking records configuration, hyperparameters, data, metrics',
		lesson: EXP,
		pattern: /Experiment tracking: every run, recorded/,
	},
	{
		concept: 'experiment process starts with a hypothesis and ends with registering',
		lesson: EXP,
		pattern: /State a hypothesis/,
	},
	{ concept: 'model registry', lesson: EXP, pattern: /## The model registry/ },
	{
		concept: 'metadata and lineage (ML metadata store)',
		lesson: EXP,
		pattern: /Metadata and lineage/,
	},
	{
		concept: 'reproducibility: code + data + parameters + environment',
		lesson: EXP,
		pattern: /Reproducibility: code, data, parameters, environment/,
	},
	{
		concept: 'MLflow’s parts: tracking, projects, models, registry',
		lesson: EXP,
		pattern: /MLflow, in four parts/,
	},

	// Model selection (seed 001)
	{
		concept: 'selection criterion: performance',
		lesson: SELECT,
		pattern: /## Performance: choose metrics that fit the problem/,
	},
	{
		concept: 'selection criterion: explainability',
		lesson: SELECT,
		pattern: /Explainability\. The retention team/,
	},
	{
		concept: 'selection criterion: dataset size',
		lesson: SELECT,
		pattern: /Data size\. Flexible models/,
	},
	{
		concept: 'selection criterion: dimensionality',
		lesson: SELECT,
		pattern: /Dimensionality\. Twenty/,
	},
	{
		concept: 'selection criterion: training time and cost',
		lesson: SELECT,
		pattern: /Training time and cost\./,
	},
	{
		concept: 'selection criterion: inference time',
		lesson: SELECT,
		pattern: /Inference time and model size\./,
	},
	{
		concept: 'testing a model on held-out data (train/test split)',
		lesson: SELECT,
		pattern: /training, validation and test sets/,
	},

	// CI / CD / CT (seeds 001, 002, 003, 004)
	{
		concept: 'CI steps: check out, change, validate, unit test, merge',
		lesson: CICD,
		pattern: /## Continuous integration: is this change safe to merge\?/,
	},
	{
		concept: 'CD steps: build, test, release',
		lesson: CICD,
		pattern: /## Continuous delivery: can this be released safely\?/,
	},
	{
		concept: 'CT steps: monitor, measure, retrain, serve',
		lesson: CICD,
		pattern: /## Continuous training: does the model still work\?/,
	},

	// Deployment (seeds 000, 003, 004)
	{
		concept: 'model as a service behind a REST API',
		lesson: PATTERNS,
		pattern: /model as a service.{0,400}REST/i,
	},
	{
		concept: 'live scoring as another name for model as a service',
		lesson: PATTERNS,
		pattern: /live or online scoring/i,
	},
	{
		concept: 'embedded deployment inside an application',
		lesson: PATTERNS,
		pattern: /## Model as a service or embedded model/,
	},
	{
		concept: 'containerisation with Docker and Kubernetes',
		lesson: PATTERNS,
		pattern: /## Containers: the same environment everywhere.{0,3000}Kubernetes/,
	},
	{ concept: 'microservices versus a monolith', lesson: PATTERNS, pattern: /monolith/i },
	{
		concept: 'an API as the contract between services',
		lesson: PATTERNS,
		pattern: /## Microservices and APIs/,
	},
	{
		concept: 'inference: predictions on new, unseen data',
		lesson: PATTERNS,
		pattern: /inference/i,
	},
	{
		concept: 'strategy: basic deployment',
		lesson: STRATEGIES,
		pattern: /## Basic: replace everything at once/,
	},
	{
		concept: 'strategy: shadow deployment',
		lesson: STRATEGIES,
		pattern: /## Shadow: run it, but do not use it/,
	},
	{
		concept: 'strategy: canary deployment',
		lesson: STRATEGIES,
		pattern: /## Canary: a little traffic, checked, then more/,
	},
	{
		concept: 'strategy: blue/green deployment',
		lesson: STRATEGIES,
		pattern: /## Blue\/green: two environments and a switch/,
	},

	// Testing (issue)
	{
		concept: 'ML Test Score: 28 tests in four sections',
		lesson: TESTING,
		pattern: /28 tests.{0,300}four sections|four sections.{0,300}28 tests/i,
	},

	// Monitoring (seeds 000, 001, 003, 004)
	{
		concept: 'statistical monitoring of inputs and predictions',
		lesson: MONITOR,
		pattern: /### Statistical monitoring/,
	},
	{
		concept: 'computational monitoring of requests, resources, latency',
		lesson: MONITOR,
		pattern: /### Computational monitoring/,
	},
	{ concept: 'model decay', lesson: MONITOR, pattern: /## Why models decay/ },
	{
		concept: 'feedback loop: true outcomes come back to show when and why the model was wrong',
		lesson: MONITOR,
		pattern: /true outcomes come back and meet the predictions.{0,200}when the model was wrong/,
	},
	{
		concept: 'harmful feedback loop: predictions shape future training data',
		lesson: MONITOR,
		pattern: /the model changes the data it will later learn from/,
	},
	{
		concept: 'Prometheus and Grafana for system monitoring',
		lesson: MONITOR,
		pattern: /Prometheus.{0,200}Grafana/,
	},

	// Drift (seeds 001, 002, 004)
	{
		concept: 'drift as change against a baseline',
		lesson: DRIFT,
		pattern: /Drift is change against a reference/,
	},
	{ concept: 'data drift', lesson: DRIFT, pattern: /### Data drift \(covariate shift\)/ },
	{ concept: 'concept drift', lesson: DRIFT, pattern: /### Concept drift/ },
	{ concept: 'label drift', lesson: DRIFT, pattern: /### Label drift/ },
	{
		concept: 'changes in the ingestion process that look like drift',
		lesson: DRIFT,
		pattern: /### Data-quality breaks/,
	},

	// Retraining (seeds 000, 003, 004)
	{
		concept: 'retraining triggers: schedule, performance, drift',
		lesson: RETRAIN,
		pattern: /## When: retraining triggers/,
	},
	{
		concept: 'retraining depends on volatility, cost and requirements',
		lesson: RETRAIN,
		pattern: /how volatile the data is, how much a retraining run costs/,
	},
	{ concept: 'full retraining from scratch', lesson: RETRAIN, pattern: /### Full retraining/ },
	{ concept: 'incremental training', lesson: RETRAIN, pattern: /### Incremental training/ },
	{ concept: 'online learning', lesson: RETRAIN, pattern: /### Online learning/ },

	// Maturity (seeds 002, 004, issue)
	{
		concept: 'Google level 0: manual, script-driven, interactive',
		lesson: MATURITY,
		pattern: /## Level 0: a manual process/,
	},
	{
		concept: 'level 0: disconnection between ML and operations',
		lesson: MATURITY,
		pattern: /Level 0.{0,1500}(disconnect|separat|apart)/,
	},
	{
		concept: 'level 0: infrequent releases, no CI/CD',
		lesson: MATURITY,
		pattern: /Infrequent releases/,
	},
	{
		concept: 'Google level 1: ML pipeline automation, continuous training',
		lesson: MATURITY,
		pattern: /## Level 1: ML pipeline automation/,
	},
	{ concept: 'level 1: experimental-operational symmetry', lesson: MATURITY, pattern: /symmetry/ },
	{
		concept: 'Google level 2: CI/CD pipeline automation',
		lesson: MATURITY,
		pattern: /## Level 2: CI\/CD pipeline automation/,
	},
	{
		concept:
			'level 2 components: source control, build, deploy, registry, feature store, metadata, orchestrator',
		lesson: MATURITY,
		pattern:
			/source control, test and build services, deployment services, a model registry, a feature store/,
	},
	{
		concept: 'three-level automation/collaboration/monitoring table',
		lesson: MATURITY,
		pattern:
			/\| Automation \| Manual processes \| Automated development \(CI\) \| Full automation \|/,
	},
	{
		concept: 'design phase cannot be fully automated',
		lesson: MATURITY,
		pattern: /never becomes fully automated/,
	},
	{ concept: 'Microsoft levels 0 to 4', lesson: MATURITY, pattern: /## Microsoft’s levels 0 to 4/ },

	// Tools (seeds 001, 003, 004)
	{
		concept: 'feature store tools: Feast, Tecton, Hopsworks',
		lesson: TOOLS,
		pattern: /## Feature stores.{0,1500}Feast.{0,300}Tecton.{0,300}Hopsworks/,
	},
	{
		concept: 'tracking tools: MLflow, ClearML, Weights & Biases',
		lesson: TOOLS,
		pattern: /MLflow.{0,400}(ClearML.{0,300}Weights|Weights.{0,300}ClearML)/,
	},
	{
		concept: 'container tools: Docker, Kubernetes',
		lesson: TOOLS,
		pattern: /Docker.{0,300}Kubernetes/,
	},
	{
		concept: 'CI/CD tools: Jenkins, GitLab, GitHub Actions, Azure DevOps',
		lesson: TOOLS,
		pattern: /## CI\/CD.{0,1500}Jenkins/,
	},
	{
		concept: 'statistical monitoring tools: Evidently, Fiddler, WhyLabs',
		lesson: TOOLS,
		pattern: /## Statistical monitoring.{0,1500}Evidently.{0,400}(Fiddler|WhyLabs)/,
	},
	{
		concept: 'computational monitoring tools: Prometheus, Grafana, Datadog',
		lesson: TOOLS,
		pattern: /## Computational monitoring.{0,1500}Prometheus.{0,400}Grafana.{0,400}Datadog/,
	},
	{ concept: 'Kubeflow for ML workflows on Kubernetes', lesson: TOOLS, pattern: /Kubeflow/ },

	// Privacy, security, compliance (seed 004)
	{
		concept: 'privacy of personal data in training sets',
		lesson: PRIVACY,
		pattern: /### Personal data in training sets/,
	},
	{
		concept: 'security of data and models',
		lesson: PRIVACY,
		pattern: /### Access control to data and models/,
	},
	{
		concept: 'regulated domains: health (HIPAA) and finance explanations',
		lesson: PRIVACY,
		pattern: /HIPAA/,
	},
];

describe('every seed concept is taught by a named lesson', () => {
	test('the table is substantial and has no duplicate concepts', () => {
		expect(coverage.length).toBeGreaterThanOrEqual(100);
		expect(new Set(coverage.map((c) => c.concept)).size).toBe(coverage.length);
	});

	test.each(coverage.map((c) => [c.concept, c] as const))('%s', (_concept, c) => {
		const text = lessonText(c.lesson);
		expect(text, `${c.lesson} should teach: ${c.concept}`).toMatch(c.pattern);
		// A pattern that names a heading also needs the section under it to teach something.
		if (c.pattern.source.startsWith('#') && !c.pattern.source.includes('.{')) {
			const match = c.pattern.exec(text);
			const start = (match?.index ?? 0) + (match?.[0].length ?? 0);
			const next = text.slice(start).search(/ #{2,3} /);
			const section = text.slice(start, next === -1 ? undefined : start + next);
			const words = section
				.replace(/<[^>]+>/g, ' ')
				.split(/\s+/)
				.filter(Boolean).length;
			expect(words, `the section under ${c.pattern.source} is too thin`).toBeGreaterThanOrEqual(40);
		}
	});
});

describe('the four seed-002 quiz questions are asked, reworded', () => {
	test.each([
		[
			'maturity level 0 is manual, script-driven and interactive',
			MATURITY,
			/emails the model file/i,
			/manual, script-driven/i,
		],
		[
			'building the model is CI/CD, not CT',
			CICD,
			/but never in Sunday’s continuous-training run/i,
			/build/i,
		],
		[
			'MLOps keeps monitoring, retraining and serving, unlike DevOps',
			WHAT,
			/a web checkout page, the other a churn model/i,
			/monitor.{0,60}retrain.{0,60}serv/i,
		],
		[
			'continuous training names the monitor-measure-retrain-serve loop',
			CICD,
			/trains a new model on recent data and serves it/i,
			/Continuous training/,
		],
	] as const)('%s', (_name, lesson, question, answer) => {
		const quiz = quizText(lesson);
		const start = quiz.search(question);
		expect(start, `${lesson} asks the question`).toBeGreaterThanOrEqual(0);
		const block = quiz.slice(
			start,
			quiz.indexOf('q:', start + 3) === -1 ? undefined : quiz.indexOf('q:', start + 3),
		);
		const correct = /\{[^{}]*correct: true[^{}]*\}/.exec(block)?.[0] ?? '';
		expect(correct, 'the question has a correct option').not.toBe('');
		expect(correct).toMatch(answer);
	});
});
