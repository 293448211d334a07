/**
 * The deployment lab's service: it builds the traffic world for a run, deploys the stable
 * revision and the candidate (the first deployment skips the steps, the second rolls out), and
 * for every tick the clock asks for, routes that tick's requests by the rollout's weight and then
 * reconciles the rollout at the tick's end, exactly as `runCanaryRollout` does in one call. The
 * learner's commands act on the rollout between ticks. The comparison of every strategy's blast
 * radius runs here too: it simulates thousands of requests per strategy, which is why the
 * service runs in a worker when it can.
 */
import type { RequestHandler, Service } from '../runtime/worker.port';
import {
	abortRollout,
	createCanaryState,
	deployRevision,
	promoteRollout,
	promoteRolloutFull,
	reconcileRollout,
	retryRollout,
	rollbackRollout,
	type CanaryState,
} from './canary.model';
import { compareStrategies, trafficMeasurer } from './rollout.model';
import {
	createTrafficConfig,
	simulateTick,
	trafficRng,
	windowStats,
	type TrafficTick,
} from './traffic.model';
import {
	deploymentFailure,
	type DeploymentReply,
	type DeploymentRequest,
	type RolloutCommand,
	type TickSummary,
	type VersionSummary,
} from './deployment.protocol';

const commands: Record<RolloutCommand, (state: CanaryState) => CanaryState> = {
	promote: promoteRollout,
	promoteFull: promoteRolloutFull,
	abort: (state) => abortRollout(state),
	retry: retryRollout,
	rollback: rollbackRollout,
};

/** Summarises one side of one tick. */
export function summariseTick(ticks: readonly TrafficTick[], tickMs: number): TickSummary {
	const last = ticks.at(-1);
	if (last === undefined) throw new Error('No tick to summarise.');
	const side = (name: 'stable' | 'candidate'): VersionSummary => {
		const stats = windowStats([last], name, last.tick, last.tick, 0);
		return {
			served: stats.served,
			errors: stats.errors,
			successRate: stats.successRate,
			latencyP99Ms: stats.latencyP99Ms,
		};
	};
	return {
		tick: last.tick + 1,
		atSeconds: ((last.tick + 1) * tickMs) / 1000,
		weightPercent: last.split.candidatePercent,
		stable: side('stable'),
		candidate: side('candidate'),
	};
}

interface Run {
	readonly tickMs: number;
	readonly ticks: TrafficTick[];
	readonly step: (tick: number) => TickSummary;
	rollout: CanaryState;
}

function openRun(config: DeploymentRequest & { type: 'open' }): Run {
	const { seed, candidate, spec, requestsPerTick, tickMs } = config.config;
	const traffic = createTrafficConfig({ seed, candidate, requestsPerTick });
	const rng = trafficRng(seed);
	const ticks: TrafficTick[] = [];
	const measure = trafficMeasurer(ticks, tickMs, traffic.labelDelayTicks);
	const initial = deployRevision(deployRevision(createCanaryState(spec), 1), 2);
	const run: Run = {
		tickMs,
		ticks,
		rollout: reconcileRollout(initial, 0, measure),
		step(tick) {
			// Tick n (1-based) covers ((n−1)·tickMs, n·tickMs] at the weight in force when it began.
			const split = { candidatePercent: run.rollout.weightPercent };
			ticks.push(simulateTick(traffic, split, tick - 1, rng));
			run.rollout = reconcileRollout(run.rollout, tick * tickMs, measure);
			return summariseTick(ticks, tickMs);
		},
	};
	return run;
}

/** The request handler: opens a run, computes ticks, applies commands, compares strategies. */
export function createDeploymentHandler(
	reply: (message: DeploymentReply) => void,
): RequestHandler<DeploymentRequest> {
	let run: Run | null = null;
	const opened = () => {
		if (run === null) throw new Error('The rollout was asked for a tick before it opened.');
		return run;
	};
	return {
		handle(request) {
			try {
				switch (request.type) {
					case 'open':
						run = openRun(request);
						return;
					case 'tick': {
						const current = opened();
						const summary = current.step(request.tick);
						reply({ type: 'tick', summary, rollout: current.rollout });
						return;
					}
					case 'command': {
						const current = opened();
						current.rollout = commands[request.command](current.rollout);
						reply({ type: 'commanded', rollout: current.rollout });
						return;
					}
					case 'compare':
						reply({
							type: 'compared',
							results: compareStrategies({ seed: request.seed, candidate: request.candidate }),
						});
						return;
				}
			} catch (error) {
				reply(deploymentFailure(error instanceof Error ? error.message : String(error)));
			}
		},
	};
}

/** The rollout as a service. */
export const deploymentService: Service<DeploymentRequest, DeploymentReply> = {
	start: createDeploymentHandler,
	failure: deploymentFailure,
};
