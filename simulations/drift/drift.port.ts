/**
 * Where the drift lab's days are computed: in a module Web Worker when the browser has workers,
 * otherwise on the page. One day with long windows (KS on thousands of rows, eleven features,
 * three tests each) and the first day's reference and model can take longer than a frame, so the
 * page hands them to a worker and stays responsive; the in-page port runs the very same handler
 * synchronously, which is what Node tests and browsers without workers get.
 */
import type { ModelArtifact } from '../training/artifact';
import {
	createDriftStream,
	driftFeatures,
	featureHistogram,
	type DayResult,
	type DriftScenario,
	type DriftStream,
	type FeatureHistogram,
	type StreamConfig,
} from './drift.model';

/** What the clock asks of the stream. */
export type StreamRequest =
	| {
			readonly type: 'open';
			readonly config: StreamConfig;
			readonly artifact: ModelArtifact | null;
	  }
	| { readonly type: 'day'; readonly day: number }
	| { readonly type: 'inject'; readonly scenario: DriftScenario };

/** What the stream answers. */
export type StreamReply =
	| {
			readonly type: 'day';
			readonly result: DayResult;
			readonly histograms: readonly FeatureHistogram[];
			readonly modelSource: 'registry' | 'default';
	  }
	| { readonly type: 'error'; readonly message: string };

/** A channel to a stream, wherever it runs. */
export interface StreamPort {
	post(request: StreamRequest): void;
	terminate(): void;
}

/** The request handler both ports run: opens the stream, computes days, applies injections. */
export function createStreamHandler(
	reply: (message: StreamReply) => void,
): (request: StreamRequest) => void {
	let stream: DriftStream | null = null;
	return (request) => {
		try {
			switch (request.type) {
				case 'open':
					stream = createDriftStream(request.config, request.artifact ?? undefined);
					return;
				case 'inject':
					stream?.inject(request.scenario);
					return;
				case 'day': {
					if (stream === null) throw new Error('The stream was asked for a day before it opened.');
					const current = stream;
					const result = current.computeDay(request.day);
					const histograms = driftFeatures.map((f) => {
						const values = current.windowValues(f);
						return featureHistogram(f, values.reference, values.current);
					});
					reply({ type: 'day', result, histograms, modelSource: current.model.source });
					return;
				}
			}
		} catch (error) {
			reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
		}
	};
}

/** Runs the stream on this thread; replies arrive synchronously. */
export function openInPageStream(onReply: (reply: StreamReply) => void): StreamPort {
	let terminated = false;
	const handle = createStreamHandler((reply) => {
		if (!terminated) onReply(reply);
	});
	return {
		post: (request) => {
			if (!terminated) handle(request);
		},
		terminate: () => {
			terminated = true;
		},
	};
}

/** Runs the stream in a module worker, or on this thread when workers are unavailable. */
export function openStream(onReply: (reply: StreamReply) => void): StreamPort {
	if (typeof Worker === 'undefined') return openInPageStream(onReply);
	let worker: Worker;
	try {
		worker = new Worker(new URL('./drift.worker.ts', import.meta.url), { type: 'module' });
	} catch {
		return openInPageStream(onReply);
	}
	worker.onmessage = (event: MessageEvent<StreamReply>) => onReply(event.data);
	worker.onerror = (event) => {
		event.preventDefault();
		onReply({
			type: 'error',
			message: `The drift worker crashed: ${event.message || 'unknown error'}`,
		});
	};
	return {
		post: (request) => worker.postMessage(request),
		terminate: () => worker.terminate(),
	};
}
