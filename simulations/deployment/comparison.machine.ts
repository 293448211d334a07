/**
 * The blast-radius comparison as a small machine: idle → comparing → compared (or failed). While
 * comparing, an actor opens the lab's rollout service (on its own channel of the lab's one
 * worker, when the browser has workers) and asks it to run every strategy on the same candidate,
 * seed and request stream; the page never simulates those requests itself, and the service runs
 * a strategy per task, so asking for a comparison mid-rollout cannot stall it.
 *
 * Key decision: a machine of its own rather than a region of the lab machine. The comparison is
 * independent of any rollout (it can run before the first deployment), and keeping it apart
 * keeps the rollout's statechart about the rollout.
 */
import { assign, fromCallback, setup } from 'xstate';
import type { Port } from '../runtime/worker.port';
import type { StrategyComparison } from './rollout.model';
import type { CandidateChoice } from './registered.model';
import type { DeploymentReply, DeploymentRequest } from './deployment.protocol';
import { openDeploymentPort } from './deployment.port';

/** What a comparison needs. */
export interface ComparisonInput {
	readonly seed: number;
	readonly candidate: CandidateChoice;
}

/** Events of the comparison machine. */
export type ComparisonEvent =
	| ({ readonly type: 'comparison.request' } & ComparisonInput)
	| { readonly type: 'comparison.computed'; readonly results: readonly StrategyComparison[] }
	| { readonly type: 'comparison.failed'; readonly message: string };

/** The comparison's context. */
export interface ComparisonContext {
	readonly request: ComparisonInput | null;
	readonly results: readonly StrategyComparison[];
	readonly error: string | null;
}

/** The actor that asks a rollout service for one comparison, over any port. */
export function comparisonActor(
	open: (onReply: (reply: DeploymentReply) => void) => Port<DeploymentRequest> = openDeploymentPort,
) {
	return fromCallback<ComparisonEvent, ComparisonInput>(({ input, sendBack }) => {
		const port = open((reply) => {
			if (reply.type === 'compared')
				sendBack({ type: 'comparison.computed', results: reply.results });
			if (reply.type === 'error') sendBack({ type: 'comparison.failed', message: reply.message });
		});
		port.post({ type: 'compare', seed: input.seed, candidate: input.candidate });
		return () => port.terminate();
	});
}

/** The comparison machine. */
export const comparisonMachine = setup({
	types: {
		context: {} as ComparisonContext,
		events: {} as ComparisonEvent,
	},
	actors: { compare: comparisonActor() },
	actions: {
		remember: assign(({ event }) =>
			event.type === 'comparison.request'
				? { request: { seed: event.seed, candidate: event.candidate }, error: null }
				: {},
		),
	},
}).createMachine({
	id: 'comparison',
	context: { request: null, results: [], error: null },
	initial: 'idle',
	on: { 'comparison.request': { target: '.comparing', actions: 'remember' } },
	states: {
		idle: {},
		comparing: {
			invoke: {
				src: 'compare',
				input: ({ context }) => context.request ?? { seed: 0, candidate: 'broken' },
			},
			on: {
				'comparison.computed': {
					target: 'compared',
					actions: assign(({ event }) => ({ results: event.results })),
				},
				'comparison.failed': {
					target: 'failed',
					actions: assign(({ event }) => ({ error: event.message })),
				},
			},
		},
		compared: {},
		failed: {},
	},
});
