/**
 * The drift lab's service: it opens a monitoring stream, computes the days the clock asks for
 * (with each feature's histograms, so the page only draws), and applies injections and model
 * swaps. One day with long windows (KS on thousands of rows, eleven features, three tests each)
 * can take longer than a frame, which is why it runs in a worker when it can.
 */
import { answering, type RequestHandler, type Service } from '../runtime/worker.port';
import { featureHistogram } from '../monitoring/histogram.model';
import { createDriftStream, type DriftStream } from '../monitoring/stream.model';
import { driftFeatures } from '../world/world.model';
import { streamFailure, type StreamReply, type StreamRequest } from './drift.protocol';

/** The request handler: opens the stream, computes days, applies injections and swaps. */
export function createStreamHandler(
	reply: (message: StreamReply) => void,
): RequestHandler<StreamRequest> {
	let stream: DriftStream | null = null;
	const opened = () => {
		if (stream === null) throw new Error('The stream was asked for a day before it opened.');
		return stream;
	};
	return answering(reply, streamFailure, (request) => {
		switch (request.type) {
			case 'open':
				stream = createDriftStream(
					request.config,
					request.artifact ?? undefined,
					request.training ?? undefined,
				);
				return;
			case 'inject':
				stream?.inject(request.scenario);
				return;
			case 'serve':
				opened().serve(request.artifact, request.version, request.fromDay);
				return;
			case 'day': {
				const current = opened();
				const result = current.computeDay(request.day);
				const histograms = driftFeatures.map((f) => {
					const values = current.windowValues(f);
					return featureHistogram(f, values.reference, values.current);
				});
				reply({
					type: 'day',
					result,
					histograms,
					modelSource: current.model.source,
					reference: current.reference,
					injections: current.injections,
				});
				return;
			}
		}
	});
}

/** The stream as a service. */
export const driftService: Service<StreamRequest, StreamReply> = {
	start: createStreamHandler,
	failure: streamFailure,
};
