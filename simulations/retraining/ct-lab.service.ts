/**
 * The continuous-training lab's service: it simulates the policies' years on the same world and
 * hands them to the clock one day at a time, so the page draws a year unfolding while every
 * retrain (validation, training, gate) ran off the main thread.
 *
 * Key decision: the year is simulated whole when it opens, and again when a learner asks for an
 * on-demand run. `simulateContinuousTraining` is deterministic for a config, so the rerun with
 * one more on-demand day reproduces every day before it exactly; the days already shown stay
 * true and the stream simply continues from the new year. Both policies and every rerun read
 * one `ProductionWorld`, so the world's half-million subscribers are generated once per opening.
 */
import type { RequestHandler, Service } from '../runtime/worker.port';
import {
	productionWorldFor,
	simulateContinuousTraining,
	type ContinuousTrainingConfig,
	type ProductionWorld,
	type ContinuousTrainingResult,
	type RunSummary,
} from './retraining.model';
import { yearFailure, type PolicyPair, type YearReply, type YearRequest } from './ct-lab.protocol';

// Runs carry no weights (versions do, and they stay here), so they cross to the page as they are.
const runsOn = (result: ContinuousTrainingResult, day: number): RunSummary[] =>
	result.runs.filter((r) => r.day === day);

/** The request handler: opens the years and answers days. */
export function createYearHandler(
	reply: (message: YearReply) => void,
): RequestHandler<YearRequest> {
	let policies: PolicyPair | null = null;
	let a: ContinuousTrainingResult | null = null;
	let b: ContinuousTrainingResult | null = null;
	// Both policies (and an on-demand rerun) read one world: it is generated once per opening.
	let world: ProductionWorld | null = null;
	const simulate = (config: ContinuousTrainingConfig) =>
		simulateContinuousTraining(config, world === null ? {} : { world });
	return {
		handle(request) {
			try {
				switch (request.type) {
					case 'open':
						policies = request.policies;
						world = productionWorldFor(policies.a);
						a = simulate(policies.a);
						b = policies.b === null ? null : simulate(policies.b);
						return;
					case 'demand': {
						if (policies === null) throw new Error('No year is open.');
						const days = [...(policies.a.onDemandDays ?? []), request.day];
						policies = { ...policies, a: { ...policies.a, onDemandDays: days } };
						a = simulate(policies.a);
						return;
					}
					case 'day': {
						if (a === null) throw new Error('A day was asked for before the year opened.');
						const today = a.daily[request.day - 1];
						if (today === undefined) throw new Error(`Day ${request.day} is outside the year.`);
						reply({
							type: 'day',
							result: {
								day: request.day,
								a: today,
								b: b?.daily[request.day - 1] ?? null,
								runsA: runsOn(a, request.day),
								runsB: b === null ? [] : runsOn(b, request.day),
							},
						});
						return;
					}
				}
			} catch (error) {
				reply(yearFailure(error instanceof Error ? error.message : String(error)));
			}
		},
	};
}

/** The year as a service. */
export const yearService: Service<YearRequest, YearReply> = {
	start: createYearHandler,
	failure: yearFailure,
};
