/**
 * The Web Worker that computes the drift lab's days, so the page's main thread only draws. It
 * hands every message to the same handler the in-page port uses.
 */
import { createStreamHandler, type StreamReply, type StreamRequest } from './drift.port';

const scope = self as unknown as {
	postMessage(reply: StreamReply): void;
	onmessage: ((event: MessageEvent<StreamRequest>) => void) | null;
};

const handle = createStreamHandler((reply) => scope.postMessage(reply));
scope.onmessage = (event) => handle(event.data);
