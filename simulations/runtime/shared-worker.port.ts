/**
 * Several ports over one worker, for a lab whose machines run two actors on one service at once
 * (the deployment lab's rollout clock and its strategy comparison): two workers would be two
 * busy threads, and on a two-core machine they leave the page's main thread waiting for a core.
 *
 * Key decision: a module apart from `worker.port.ts`, which every lab's page loads in the kit's
 * shared chunk; only the lab that imports this one pays for it.
 */
import {
	loadWorkerService,
	messageOf,
	openInPagePort,
	serveInWorker,
	type PortOpener,
	type RequestHandler,
	type Service,
} from './worker.port';

/**
 * Several ports over one worker: what crosses the worker's boundary, each message tagged with
 * the port (channel) it belongs to. `close` ends one channel's service; the worker outlives it
 * while other channels are open.
 */
export type ChannelMessage<Request> =
	| { readonly channel: number; readonly request: Request }
	| { readonly channel: number; readonly close: true };
export interface ChannelReply<Reply> {
	readonly channel: number;
	readonly reply: Reply;
}

/**
 * The opener of a lab's worker shared by every port it opens at once: one worker, one thread, one
 * copy of the bundle, however many actors talk to the service. Where a lab runs two actors against
 * the same service (the deployment lab's rollout clock and its strategy comparison), two workers
 * would be two busy threads; on a two-core machine they leave the page's main thread waiting for a
 * core. Each port has its own channel, hence its own started service in the worker; the worker is
 * terminated when its last port is, so a lab with one port at a time behaves as with
 * `workerPortOpener`. The worker file serves with `serveChannelsInWorker`. Without workers, each
 * port gets its own in-page service, as `workerPortOpener` gives.
 */
export function sharedWorkerPortOpener<Request, Reply>(
	name: string,
	url: string,
	failure: (message: string) => Reply,
	createWorker: () => Worker = () => new Worker(url, { type: 'module' }),
): PortOpener<Request, Reply> {
	let worker: Worker | null = null;
	const listeners = new Map<number, (reply: Reply) => void>();
	let nextChannel = 0;
	const loadService = () => loadWorkerService<Request, Reply>(url);
	return (onReply) => {
		if (worker === null) {
			if (typeof Worker === 'undefined') return openInPagePort(loadService, onReply, failure);
			try {
				worker = createWorker();
			} catch {
				return openInPagePort(loadService, onReply, failure);
			}
			worker.onmessage = (event: MessageEvent<ChannelReply<Reply>>) =>
				listeners.get(event.data.channel)?.(event.data.reply);
			worker.onerror = (event) => {
				event.preventDefault();
				const crashed = failure(`The ${name} worker crashed: ${event.message || 'unknown error'}`);
				for (const listener of [...listeners.values()]) listener(crashed);
			};
		}
		const host = worker;
		const channel = nextChannel++;
		listeners.set(channel, onReply);
		const send = (message: ChannelMessage<Request>) => host.postMessage(message);
		return {
			post: (request) => listeners.has(channel) && send({ channel, request }),
			terminate() {
				if (!listeners.delete(channel)) return;
				if (listeners.size > 0) return send({ channel, close: true });
				host.terminate();
				if (worker === host) worker = null;
			},
		};
	};
}

/**
 * The worker side of `sharedWorkerPortOpener`, as a function of the messages it receives: each
 * channel's requests go, in order, to that channel's own started service; `close` disposes it.
 */
export function channelDispatcher<Request, Reply>(
	service: Service<Request, Reply>,
	post: (reply: ChannelReply<Reply>) => void,
): (message: ChannelMessage<Request>) => void {
	const handlers = new Map<number, Promise<RequestHandler<Request>>>();
	return (message) => {
		const { channel } = message;
		if ('close' in message) {
			void handlers.get(channel)?.then(
				(handler) => handler.dispose?.(),
				() => undefined,
			);
			handlers.delete(channel);
			return;
		}
		let started = handlers.get(channel);
		if (started === undefined) {
			const reply = (answer: Reply) => handlers.has(channel) && post({ channel, reply: answer });
			started = Promise.resolve().then(() => service.start(reply));
			handlers.set(channel, started);
		}
		void started.then(
			(handler) => handlers.has(channel) && handler.handle(message.request),
			(error: unknown) => post({ channel, reply: service.failure(messageOf(error)) }),
		);
	};
}

/** `serveInWorker` for a worker shared by channels (`sharedWorkerPortOpener`). */
export function serveChannelsInWorker<Request, Reply>(
	service: Service<Request, Reply>,
	moduleUrl: string,
): void {
	// Imported on a page (no workers there), it registers the service as `serveInWorker` does.
	if (!('WorkerGlobalScope' in globalThis)) return serveInWorker(service, moduleUrl);
	const scope = self as unknown as {
		postMessage(reply: ChannelReply<Reply>): void;
		onmessage: ((event: MessageEvent<ChannelMessage<Request>>) => void) | null;
	};
	const dispatch = channelDispatcher(service, (reply) => scope.postMessage(reply));
	scope.onmessage = (event) => dispatch(event.data);
}
