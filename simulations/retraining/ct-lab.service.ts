/**
 * The continuous-training lab's service: it simulates the policies' years on the same world and
 * hands them to the clock one day at a time, so the page draws a year unfolding while every
 * retrain (validation, training, gate) ran off the main thread. On a day policy A's pipeline
 * trains, the run the learner watches, its training step is trained again with TensorFlow.js
 * (the training lab's model code on the cpu backend) and the reply carries that replay: its
 * validation accuracy beside the reference's, its wall time, and the live tensor count before and
 * after.
 *
 * Key decisions: each policy's year is stepped only as far as the page has asked
 * (`continuousTrainingYear`), so the first day shows at once and the year's work is spread over
 * its playback; an on-demand run restarts policy A's year with one more on-demand day. The year
 * is deterministic for a config, so the restarted year reproduces every day before it exactly;
 * the days already shown stay true and the stream simply continues from the new year. Both policies and every rerun read
 * one `ProductionWorld`, so the world's half-million subscribers are generated once per opening.
 * The year itself trains with the typed-array reference: two years of up to two dozen retrains,
 * each 2,000 SGD steps at the training lab's batch of 32, would cost ten seconds or more at
 * tfjs's tenth of a millisecond or more a step (minutes before its step was written out), and
 * full-batch tfjs steps would learn a different model than the one the presets' claims are
 * tested on. The tfjs replay trains the same rows in the same order with
 * batches of `replayBatchSize`; the retraining tests show the two trainers agree. TensorFlow.js
 * is imported on the first replay, so opening a year never waits for it.
 */
import type { RequestHandler, Service } from '../runtime/worker.port';
import {
	continuousTrainingYear,
	productionWorldFor,
	type ContinuousTrainingConfig,
	type DailyOutcome,
	type ProductionWorld,
	type RunSummary,
	type YearStep,
} from './retraining.model';
import { plainLogisticTrainer } from './retraining.trainer';
import type { TrainFunction, TrainRequest } from './pipeline.model';
import {
	yearFailure,
	type PolicyPair,
	type TfjsReplay,
	type YearReply,
	type YearRequest,
} from './ct-lab.protocol';

/**
 * A policy's year, stepped only as far as the page has asked: days and runs computed so far.
 * Runs carry no weights (versions do, and they stay in the generator), so they cross to the page
 * as they are.
 */
class SteppedYear {
	readonly #steps: Generator<YearStep, unknown, void>;
	readonly #days: YearStep[] = [];
	constructor(steps: Generator<YearStep, unknown, void>) {
		this.#steps = steps;
	}
	/** Day `day` (1-based), stepping the year up to it. */
	day(day: number): YearStep | undefined {
		while (this.#days.length < day) {
			const next = this.#steps.next();
			if (next.done) break;
			this.#days.push(next.value);
		}
		return this.#days[day - 1];
	}
}

/** Replays one training request with tfjs; injectable so tests can run without it. */
export type ReplayTrainer = (
	request: TrainRequest,
) => Promise<Omit<TfjsReplay, 'policy' | 'run' | 'referenceValidationAccuracy'>>;

/** The default replay: the tfjs logistic model on the cpu backend, loaded on first use. */
export const tfjsReplay: ReplayTrainer = async (request) => {
	const [{ tf, useCpuBackend }, { tfjsTrainer, replayBatchSize }] = await Promise.all([
		import('../shared/tf-backend'),
		import('./retraining.tfjs-trainer'),
	]);
	await useCpuBackend();
	const train = tfjsTrainer({ kind: 'logistic', batchSize: replayBatchSize });
	const tensorsBefore = tf.memory().numTensors;
	const started = performance.now();
	const outcome = train(request);
	const wallMs = performance.now() - started;
	const n = request.records.length;
	const trainRows = n - Math.round(n * request.params.validationFraction);
	const epochs = trainRows > 0 ? outcome.rowEpochs / trainRows : 0;
	return {
		backend: tf.getBackend(),
		batchSize: replayBatchSize,
		steps: Math.round(epochs * Math.ceil(trainRows / replayBatchSize)),
		wallMs: Math.round(wallMs),
		validationAccuracy: outcome.validationAccuracy,
		tensorsBefore,
		tensorsAfter: tf.memory().numTensors,
	};
};

/** The request handler: opens the years, answers days, replays policy A's training steps. */
export function createYearHandler(
	reply: (message: YearReply) => void,
	options: { replay?: ReplayTrainer | null } = {},
): RequestHandler<YearRequest> {
	const replay = options.replay === undefined ? tfjsReplay : options.replay;
	let policies: PolicyPair | null = null;
	let a: SteppedYear | null = null;
	let b: SteppedYear | null = null;
	// Policy A's training requests by run day, kept for the replays.
	let requestsA = new Map<number, TrainRequest>();
	// Both policies (and an on-demand rerun) read one world: it is generated once per opening.
	let world: ProductionWorld | null = null;
	const simulate = (config: ContinuousTrainingConfig, record = false) => {
		const requests = new Map<number, TrainRequest>();
		const train: TrainFunction = (request) => {
			const day = /\/run-day-(\d+)\/train$/.exec(request.rng.key)?.[1];
			if (day !== undefined) requests.set(Number(day), request);
			return plainLogisticTrainer(request);
		};
		const year = continuousTrainingYear(config, {
			...(world === null ? {} : { world }),
			...(record ? { train } : {}),
		});
		if (record) requestsA = requests;
		return new SteppedYear(year);
	};
	const replaysOn = async (runs: readonly RunSummary[]): Promise<TfjsReplay[]> => {
		const replays: TfjsReplay[] = [];
		if (replay === null) return replays;
		for (const run of runs) {
			const request = requestsA.get(run.day);
			const trained = run.steps.find((s) => s.id === 'training');
			if (request === undefined || trained === undefined) continue;
			const reference = trained.outputs['validationAccuracy'];
			replays.push({
				policy: 'a',
				run: run.run,
				referenceValidationAccuracy: typeof reference === 'number' ? reference : null,
				...(await replay(request)),
			});
		}
		return replays;
	};
	const fail = (error: unknown) =>
		reply(yearFailure(error instanceof Error ? error.message : String(error)));
	/** Answers a request; returns a promise only while a replay is training. */
	const answer = (request: YearRequest): Promise<void> | void => {
		switch (request.type) {
			case 'open':
				policies = request.policies;
				world = productionWorldFor(policies.a);
				a = simulate(policies.a, true);
				b = policies.b === null ? null : simulate(policies.b);
				return;
			case 'demand': {
				if (policies === null) throw new Error('No year is open.');
				const days = [...(policies.a.onDemandDays ?? []), request.day];
				policies = { ...policies, a: { ...policies.a, onDemandDays: days } };
				a = simulate(policies.a, true);
				return;
			}
			case 'day': {
				if (a === null) throw new Error('A day was asked for before the year opened.');
				const stepA = a.day(request.day);
				if (stepA === undefined) throw new Error(`Day ${request.day} is outside the year.`);
				const today: DailyOutcome = stepA.daily;
				const stepB = b?.day(request.day);
				const runsA = [...stepA.runs];
				const send = (replays: TfjsReplay[]): void =>
					reply({
						type: 'day',
						result: {
							day: request.day,
							a: today,
							b: stepB?.daily ?? null,
							runsA,
							runsB: [...(stepB?.runs ?? [])],
							replays,
						},
					});
				const replayable = runsA.filter((r) => requestsA.has(r.day));
				if (replay === null || replayable.length === 0) {
					send([]);
					return;
				}
				return replaysOn(replayable).then(send);
			}
		}
	};
	// Requests are answered in the order they came: while a replay awaits tfjs, later requests
	// wait behind it; otherwise they are answered at once.
	let busy: Promise<void> | null = null;
	const run = (request: YearRequest): Promise<void> | void => {
		try {
			const pending = answer(request);
			if (pending === undefined) return;
			return pending.catch(fail);
		} catch (error) {
			fail(error);
		}
	};
	return {
		handle(request) {
			const next = busy === null ? run(request) : busy.then(() => run(request));
			if (next === undefined) return;
			const mine: Promise<void> = next.then(() => {
				if (busy === mine) busy = null;
			});
			busy = mine;
		},
	};
}

/** The year as a service. */
export const yearService: Service<YearRequest, YearReply> = {
	start: (reply) => createYearHandler(reply),
	failure: yearFailure,
};
