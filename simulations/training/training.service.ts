/**
 * The trainer: the service the training lab's worker runs (and the page runs when it has no
 * workers). It turns requests into epochs and replies; it knows nothing about time or workers —
 * the clock paces it one `epoch` request at a time, and `runtime/worker.port` carries the
 * messages — so Node tests drive it by calling `handle`. Every request is answered or reported
 * as an error; nothing throws across the boundary.
 */
import { useLabBackend } from '../shared/tf-backend';
import type { RequestHandler, Service } from '../runtime/worker.port';
import { predictWithArtifact } from './artifact';
import { classificationMetrics } from './metrics';
import { prepareData } from './training.data';
import { trainingFailure, type TrainingReply, type TrainingRequest } from './training.protocol';
import { TrainingRun } from './training.model';

/** A trainer bound to `reply`; `dispose` frees the run's tensors. */
export function createTrainingSession(
	reply: (message: TrainingReply) => void,
): RequestHandler<TrainingRequest> & { dispose(): void } {
	let run: TrainingRun | null = null;
	let trainingDurationMs = 0;

	const release = () => {
		run?.dispose();
		run = null;
	};
	const fail = (error: unknown) => {
		release();
		const detail = error instanceof Error ? error.message : String(error);
		reply({ type: 'error', message: `Training failed: ${detail}` });
	};

	return {
		handle(request) {
			try {
				switch (request.type) {
					case 'configure': {
						release();
						trainingDurationMs = 0;
						run = new TrainingRun(request.params);
						if (request.learningRateByEpoch) {
							run.replayLearningRates([...request.learningRateByEpoch]);
						}
						const { train, validation, test } = run.data;
						reply({
							type: 'ready',
							dataVersion: run.data.dataVersion,
							trainRows: train.rows,
							validationRows: validation.rows,
							testRows: test.rows,
						});
						return;
					}
					case 'epoch': {
						if (!run) {
							reply({ type: 'error', message: 'Cannot train: no model is configured.' });
							return;
						}
						const current = run;
						const outcome = current.runEpoch();
						trainingDurationMs += outcome.metrics.epochDurationMs;
						const finished = outcome.finished
							? { result: current.finish(outcome.finished), trainingDurationMs }
							: null;
						if (finished) release();
						reply({ type: 'epoch', metrics: outcome.metrics, finished });
						return;
					}
					case 'setLearningRate':
						if (!Number.isFinite(request.learningRate) || request.learningRate <= 0) {
							reply({ type: 'error', message: 'The learning rate must be a positive number.' });
							return;
						}
						run?.setLearningRate(request.learningRate);
						return;
					case 'score': {
						// Scored here, not on the page: the data generation and the forward pass are the
						// trainer's, and a stored model is re-scored by the same code that first scored it.
						const { test } = prepareData(request.params);
						const probabilities = predictWithArtifact(request.artifact, test);
						reply({
							type: 'scored',
							testRows: test.rows,
							metrics: classificationMetrics(probabilities, test.y),
						});
						return;
					}
				}
			} catch (error) {
				fail(error);
			}
		},
		dispose: release,
	};
}

/** The trainer as a service: it selects the tfjs backend chosen for this lab before its first request. */
export const trainingService: Service<TrainingRequest, TrainingReply> = {
	async start(reply) {
		try {
			await useLabBackend('training');
		} catch (error) {
			throw new Error(`TensorFlow.js could not start: ${String(error)}`, { cause: error });
		}
		return createTrainingSession(reply);
	},
	failure: trainingFailure,
};
