/**
 * One way for a lab to run long work off the page: a typed request/reply channel to a service
 * that lives in a module Web Worker when the browser has workers, and on the page otherwise.
 * The same service object answers in both places, so Node tests exercise the code a worker runs.
 *
 * Key decision: the in-page fallback is always asynchronous. Requests wait for the service to
 * load (it is imported on demand, so a page that gets a worker never downloads the service's
 * code on its main thread) and replies arrive on a later task, exactly as `postMessage` would
 * deliver them. Callers therefore cannot come to depend on re-entrant delivery, and guards such
 * as the clock's one-request-in-flight rule run in Node tests the way they run in the browser.
 *
 * Second decision: in the browser the fallback imports the worker's own bundle
 * (`loadWorkerService`) rather than the service's source. A source import
 * would put the service into the page's module graph, and a bundler keeps in a shared module
 * every export that any importer uses: the page would then download the world generator, the
 * pipeline and the analysis rules that only the service calls, merely because they share a
 * module with a label or a constant the page shows. The worker bundle is built apart.
 */

/** A channel to a service, wherever it runs. */
export interface Port<Request> {
	post(request: Request): void;
	/** Ends the service for good (terminates a worker, frees an in-page service). */
	terminate(): void;
}

/** A started service: answers one request at a time through the `reply` it was given. */
export interface RequestHandler<Request> {
	handle(request: Request): void;
	/** Frees what the service holds (tensors, caches) when the page port is terminated. */
	dispose?(): void;
}

/** What a lab's worker runs: how to start it and how to report a failure as a reply. */
export interface Service<Request, Reply> {
	/** Starts the service; may load code first (a tfjs backend, for instance). */
	start(reply: (reply: Reply) => void): RequestHandler<Request> | Promise<RequestHandler<Request>>;
	/** Turns a failure message into the protocol's error reply. */
	failure(message: string): Reply;
}

/** How to open a lab's port. */
export interface PortOptions<Request, Reply> {
	/** Names the work in messages, e.g. 'training' gives "The training worker crashed". */
	readonly name: string;
	/**
	 * Creates the worker: `new Worker(url, { type: 'module' })` with the URL of the worker's
	 * bundle, which the lab imports as `./x.worker.ts?worker&url` (the bundler builds it apart).
	 */
	readonly createWorker: () => Worker;
	/**
	 * Loads the same service for the page: `loadWorkerService(url)` in the browser, so the page
	 * runs the worker's own bundle; tests may pass the service itself.
	 */
	readonly loadService: () => Promise<Service<Request, Reply>>;
	/** The protocol's error reply, for a crashed worker or a service that could not load. */
	readonly failure: (message: string) => Reply;
}

/** A thrown value as a message for an error reply. */
export const messageOf = (error: unknown) =>
	error instanceof Error ? error.message : String(error);

/**
 * A service's handler from its `answer`, which may throw: the throw becomes the protocol's error
 * reply, so a service's mistake reaches the page as a message and the next request is still served.
 */
export function answering<Request, Reply>(
	reply: (reply: Reply) => void,
	failure: (message: string) => Reply,
	answer: (request: Request) => void,
): RequestHandler<Request> {
	return {
		handle(request) {
			try {
				answer(request);
			} catch (error) {
				reply(failure(messageOf(error)));
			}
		},
	};
}

/**
 * Runs a service on this thread. Requests queue behind the service's start; replies are delivered
 * on a later task and never after `terminate`.
 */
export function openInPagePort<Request, Reply>(
	loadService: () => Promise<Service<Request, Reply>>,
	onReply: (reply: Reply) => void,
	failure: (message: string) => Reply,
): Port<Request> {
	let terminated = false;
	let handler: RequestHandler<Request> | null = null;
	const deliver = (reply: Reply) => {
		if (!terminated) setTimeout(() => !terminated && onReply(reply), 0);
	};
	let queue: Promise<void> = loadService()
		.then((service) => service.start(deliver))
		.then(
			(started) => {
				handler = started;
			},
			(error: unknown) => deliver(failure(messageOf(error))),
		);
	return {
		post(request) {
			if (terminated) return;
			queue = queue.then(() => {
				if (terminated || handler === null) return;
				try {
					handler.handle(request);
				} catch (error) {
					// Services answer errors themselves; this is the last line of defence.
					deliver(failure(messageOf(error)));
				}
			});
		},
		terminate() {
			if (terminated) return;
			terminated = true;
			void queue.then(() => handler?.dispose?.());
		},
	};
}

/** Opens a worker-backed port, or the in-page one when workers are unavailable. */
export function openWorkerPort<Request, Reply>(
	options: PortOptions<Request, Reply>,
	onReply: (reply: Reply) => void,
): Port<Request> {
	const { failure } = options;
	if (typeof Worker === 'undefined') return openInPagePort(options.loadService, onReply, failure);
	let worker: Worker;
	try {
		worker = options.createWorker();
	} catch {
		return openInPagePort(options.loadService, onReply, failure);
	}
	worker.onmessage = (event: MessageEvent<Reply>) => onReply(event.data);
	worker.onerror = (event) => {
		event.preventDefault();
		onReply(failure(`The ${options.name} worker crashed: ${event.message || 'unknown error'}`));
	};
	return {
		post: (request) => worker.postMessage(request),
		terminate: () => worker.terminate(),
	};
}

/** Opens a lab's port for a reply handler: the real one opens a worker, tests pass a fake. */
export type PortOpener<Request, Reply> = (onReply: (reply: Reply) => void) => Port<Request>;

/**
 * The opener of a lab's worker, from its bundle's URL (`./x.worker.ts?worker&url`): the worker
 * where the browser has workers, the same bundle on the page otherwise. `name` names the work in
 * messages; `failure` is the protocol's error reply.
 */
export function workerPortOpener<Request, Reply>(
	name: string,
	url: string,
	failure: (message: string) => Reply,
): PortOpener<Request, Reply> {
	const options: PortOptions<Request, Reply> = {
		name,
		createWorker: () => new Worker(url, { type: 'module' }),
		loadService: () => loadWorkerService<Request, Reply>(url),
		failure,
	};
	return (onReply) => openWorkerPort(options, onReply);
}

/**
 * Services registered by worker bundles that the page imported (no workers here), by the
 * bundle's URL. A global, not a module variable: the worker bundle carries its own copy of this
 * module. (Vite drops a worker entry's exports, so the bundle cannot simply export its service.)
 */
const inPageServicesKey = Symbol.for('mlops-lab.inPageServices');
function inPageServices(): Map<string, unknown> {
	const scope = globalThis as { [inPageServicesKey]?: Map<string, unknown> };
	return (scope[inPageServicesKey] ??= new Map());
}

/**
 * Imports a worker bundle (the URL `./x.worker.ts?worker&url` gives) on the page and returns
 * the service it registered: the page runs exactly the code its worker would have.
 */
export async function loadWorkerService<Request, Reply>(
	url: string,
): Promise<Service<Request, Reply>> {
	// Relative to the page in the browser; tests pass absolute file URLs.
	const href = new URL(url, globalThis.location?.href).href;
	await import(/* @vite-ignore */ href);
	const service = inPageServices().get(href);
	if (service === undefined) throw new Error(`${url} did not register a service.`);
	return service as Service<Request, Reply>;
}

/**
 * The worker side: hands every message to the service, in order, once it has started. When the
 * page imported the bundle instead (`loadWorkerService`), it registers the service under the
 * bundle's URL (`moduleUrl`, the worker file's `import.meta.url`) and serves nothing.
 */
export function serveInWorker<Request, Reply>(
	service: Service<Request, Reply>,
	moduleUrl: string,
): void {
	if (!('WorkerGlobalScope' in globalThis)) {
		inPageServices().set(moduleUrl, service);
		return;
	}
	const scope = self as unknown as {
		postMessage(reply: Reply): void;
		onmessage: ((event: MessageEvent<Request>) => void) | null;
	};
	const reply = (message: Reply) => scope.postMessage(message);
	const ready = Promise.resolve().then(() => service.start(reply));
	scope.onmessage = (event) => {
		void ready.then(
			(handler) => handler.handle(event.data),
			(error: unknown) => reply(service.failure(messageOf(error))),
		);
	};
}
