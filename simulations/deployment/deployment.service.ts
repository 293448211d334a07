/**
 * The deployment lab's service: it builds the traffic world for a run, starts the chosen
 * strategy's engine (v1 stable, v2 deployed), and for every tick the clock asks for, routes that
 * tick's requests by the split the engine wants (weight, mirror, requests lost while no pod is
 * up) and then reconciles the engine at the tick's end — for the canary exactly as
 * `runCanaryRollout` does in one call. The learner's commands act on the engine between ticks. The comparison of every strategy's blast
 * radius runs here too: it simulates thousands of requests per strategy, which is why the
 * service runs in a worker when it can.
 */
import { answering, messageOf, type RequestHandler, type Service } from '../runtime/worker.port';
import { blueGreenEngine } from './bluegreen.model';
import { createCanaryState, deployRevision, templateMetrics } from './canary.model';
import { flaggerEngine } from './flagger.model';
import { canaryEngine, type LiveEngine, type RolloutStatus } from './live.model';
import { strategyComparisons, trafficMeasurer, type StrategyComparison } from './rollout.model';
import { candidateForTraffic } from './registered.model';
import { shadowEngine } from './shadow.model';
import { dropRequests } from './strategies.model';
import {
	createTrafficConfig,
	emptyVersionTick,
	labelledAccuracy,
	simulateTick,
	trafficRng,
	windowStats,
	type TrafficSide,
	type TrafficTick,
} from './traffic.model';
import { workloadEngine } from './workload.model';
import {
	deploymentFailure,
	type DeploymentReply,
	type DeploymentRequest,
	type DeploymentRunConfig,
	type TickSummary,
	type VersionSummary,
} from './deployment.protocol';

/** Replicas of the lab's workload, and the time a pod takes to start (two 10-second ticks). */
export const LAB_REPLICAS = 10;
export const POD_STARTUP_MS = 20_000;

/** Summarises the last tick of a run. */
export function summariseTick(
	ticks: readonly TrafficTick[],
	tickMs: number,
	labelDelayTicks = 0,
	dropped = 0,
): TickSummary {
	const last = ticks.at(-1);
	if (last === undefined) throw new Error('No tick to summarise.');
	const side = (name: TrafficSide): VersionSummary => {
		const stats = windowStats([last], name, last.tick, last.tick, 0);
		return {
			served: stats.served,
			errors: stats.errors,
			successRate: stats.successRate,
			latencyP99Ms: stats.latencyP99Ms,
			// Accuracy counts every tick so far whose labels have arrived by now.
			accuracy: labelledAccuracy(ticks, name, last.tick, labelDelayTicks).accuracy,
		};
	};
	return {
		tick: last.tick + 1,
		atSeconds: ((last.tick + 1) * tickMs) / 1000,
		weightPercent: last.split.candidatePercent,
		mirrorPercent: last.split.mirrorPercent ?? 0,
		dropped,
		stable: side('stable'),
		candidate: side('candidate'),
		shadow: side('shadow'),
	};
}

/** The engine a run's strategy uses, over the run's spec and the lab's workload. */
export function engineFor(config: DeploymentRunConfig): LiveEngine<unknown> {
	const { spec, tickMs } = config;
	const metrics = spec.templates.flatMap((t) => t.metrics);
	const firstTemplate = spec.templates[0]?.name;
	const analysed = firstTemplate ? templateMetrics(spec, [firstTemplate]) : metrics;
	const fenceposts = {
		maxSurge: `${config.maxSurgePercent}%`,
		maxUnavailable: `${config.maxUnavailablePercent}%`,
	};
	const workload = {
		name: 'churn-model',
		replicas: LAB_REPLICAS,
		tickMs,
		startupTicks: Math.round(POD_STARTUP_MS / tickMs),
		...fenceposts,
	};
	switch (config.strategy) {
		case 'canary':
			if (config.flagger) return erase(flaggerEngine(config.flagger));
			// v1 is the first deployment (it skips the steps); v2 then rolls out.
			return erase(
				canaryEngine(() => deployRevision(deployRevision(createCanaryState(spec), 1), 2)),
			);
		case 'recreate':
		case 'rolling':
			return erase(workloadEngine(config.strategy, workload));
		case 'shadow':
			return erase(shadowEngine(analysed));
		case 'blueGreen':
			return erase(
				blueGreenEngine(
					{
						autoPromotionEnabled: config.autoPromotionEnabled,
						scaleDownDelaySeconds: config.scaleDownDelaySeconds,
						postPromotionMetrics: analysed,
					},
					{ replicas: LAB_REPLICAS, startupMs: POD_STARTUP_MS, previewPercent: 5 },
				),
			);
	}
}

// The service keeps one engine and hands its own state back to it, so the state's type can be
// forgotten here without losing safety.
const erase = <S>(engine: LiveEngine<S>) => engine as unknown as LiveEngine<unknown>;

interface Run {
	readonly step: (tick: number) => TickSummary;
	readonly command: (command: Parameters<LiveEngine<unknown>['command']>[1]) => void;
	status(): RolloutStatus;
}

function openRun(config: DeploymentRunConfig): Run {
	const { seed, candidate, requestsPerTick, tickMs } = config;
	const traffic = createTrafficConfig({
		seed,
		candidate: candidateForTraffic(candidate),
		requestsPerTick,
	});
	const rng = trafficRng(seed);
	const ticks: TrafficTick[] = [];
	const delay = traffic.labelDelayTicks;
	const measurers = {
		candidate: trafficMeasurer(ticks, tickMs, delay, 'candidate'),
		shadow: trafficMeasurer(ticks, tickMs, delay, 'shadow'),
	};
	const measure = (side: 'candidate' | 'shadow') => measurers[side];
	const engine = engineFor(config);
	let state = engine.reconcile(engine.start(), 0, measure);
	return {
		step(tick) {
			// Tick n (1-based) covers ((n−1)·tickMs, n·tickMs] with the split in force when it began.
			const status = engine.status(state);
			const split = {
				candidatePercent: status.weightPercent,
				mirrorPercent: status.mirrorPercent,
			};
			const t = simulateTick(traffic, split, tick - 1, rng);
			let dropped = 0;
			if (status.droppedPercent >= 100) {
				// Nobody is up: no answer, no latency, no prediction for anyone this tick.
				for (const side of ['stable', 'candidate', 'shadow'] as const) {
					t[side] = { ...t[side], ...emptyVersionTick() };
				}
				dropped = t.requests;
			} else if (status.droppedPercent > 0) {
				dropped = dropRequests(t, status.droppedPercent);
			}
			ticks.push(t);
			state = engine.reconcile(state, tick * tickMs, measure);
			return summariseTick(ticks, tickMs, delay, dropped);
		},
		command(command) {
			state = engine.command(state, command);
		},
		status: () => engine.status(state),
	};
}

/**
 * The request handler: opens a run, computes ticks, applies commands, compares strategies. A
 * comparison runs one strategy per task, so a rollout sharing the worker (its own channel of
 * `sharedWorkerPortOpener`) gets its ticks answered between strategies rather than after all six.
 */
export function createDeploymentHandler(
	reply: (message: DeploymentReply) => void,
): RequestHandler<DeploymentRequest> {
	let run: Run | null = null;
	let comparing: ReturnType<typeof setTimeout> | undefined;
	const opened = () => {
		if (run === null) throw new Error('The rollout was asked for a tick before it opened.');
		return run;
	};
	const compare = (steps: readonly (() => StrategyComparison)[]) => {
		const results: StrategyComparison[] = [];
		const next = () => {
			const step = steps[results.length];
			if (step === undefined) return reply({ type: 'compared', results });
			try {
				results.push(step());
			} catch (error) {
				reply(deploymentFailure(messageOf(error)));
				return;
			}
			comparing = setTimeout(next, 0);
		};
		clearTimeout(comparing);
		comparing = setTimeout(next, 0);
	};
	const handler = answering<DeploymentRequest, DeploymentReply>(
		reply,
		deploymentFailure,
		(request) => {
			switch (request.type) {
				case 'open':
					run = openRun(request.config);
					return;
				case 'tick': {
					const current = opened();
					const summary = current.step(request.tick);
					reply({ type: 'tick', summary, rollout: current.status() });
					return;
				}
				case 'command': {
					const current = opened();
					current.command(request.command);
					reply({ type: 'commanded', rollout: current.status() });
					return;
				}
				case 'compare':
					compare(
						strategyComparisons({
							seed: request.seed,
							candidate: candidateForTraffic(request.candidate),
						}),
					);
					return;
			}
		},
	);
	return { ...handler, dispose: () => clearTimeout(comparing) };
}

/** The rollout as a service. */
export const deploymentService: Service<DeploymentRequest, DeploymentReply> = {
	start: createDeploymentHandler,
	failure: deploymentFailure,
};
