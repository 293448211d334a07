import { afterEach, describe, expect, test, vi } from 'vitest';
import {
	loadWorkerService,
	openInPagePort,
	openWorkerPort,
	type Service,
} from '@sim/runtime/worker.port';
import {
	channelDispatcher,
	sharedWorkerPortOpener,
	type ChannelMessage,
	type ChannelReply,
} from '@sim/runtime/shared-worker.port';

type Reply = { type: 'echo'; value: number } | { type: 'error'; message: string };
const failure = (message: string): Reply => ({ type: 'error', message });

const echo: Service<number, Reply> = {
	start: (reply) => ({
		handle(value) {
			if (value < 0) throw new Error('negative');
			reply({ type: 'echo', value });
		},
	}),
	failure,
};

/** A page port on the service `load` gives, and the replies it sends (into `replies` if given). */
function inPage(load: () => Promise<Service<number, Reply>>, replies: Reply[] = []) {
	return { port: openInPagePort(load, (r) => replies.push(r), failure), replies };
}

describe('openInPagePort', () => {
	test('answers in order, on a later task, never synchronously', async () => {
		const { port, replies } = inPage(() => Promise.resolve(echo));
		port.post(1);
		port.post(2);
		expect(replies).toEqual([]);
		await expect.poll(() => replies.length).toBe(2);
		expect(replies).toEqual([
			{ type: 'echo', value: 1 },
			{ type: 'echo', value: 2 },
		]);
	});

	test('a throwing handler and a service that cannot start both come back as error replies', async () => {
		const replies: Reply[] = [];
		inPage(() => Promise.resolve(echo), replies).port.post(-1);
		const broken: Service<number, Reply> = {
			start: () => Promise.reject(new Error('no backend')),
			failure,
		};
		inPage(() => Promise.resolve(broken), replies).port.post(1);
		inPage(() => Promise.reject(new Error('chunk failed')), replies).port.post(1);
		await expect.poll(() => replies.length).toBe(3);
		expect(replies).toContainEqual({ type: 'error', message: 'negative' });
		expect(replies).toContainEqual({ type: 'error', message: 'no backend' });
		expect(replies).toContainEqual({ type: 'error', message: 'chunk failed' });
	});

	test('terminate drops queued replies and disposes the service', async () => {
		let disposed = false;
		const { port, replies } = inPage(() =>
			Promise.resolve<Service<number, Reply>>({
				start: (reply) => ({
					handle: (value) => reply({ type: 'echo', value }),
					dispose: () => (disposed = true),
				}),
				failure,
			}),
		);
		port.post(1);
		port.terminate();
		port.post(2);
		await expect.poll(() => disposed).toBe(true);
		await new Promise((resolve) => setTimeout(resolve, 10));
		expect(replies).toEqual([]);
	});
});

describe('openWorkerPort', () => {
	test('falls back to the page when there are no workers (Node)', async () => {
		const replies: Reply[] = [];
		const port = openWorkerPort(
			{
				name: 'echo',
				createWorker: () => {
					throw new Error('unreachable in Node');
				},
				loadService: () => Promise.resolve(echo),
				failure,
			},
			(r) => replies.push(r),
		);
		port.post(7);
		await expect.poll(() => replies).toEqual([{ type: 'echo', value: 7 }]);
	});
});

describe('loadWorkerService', () => {
	test('imports a worker file outside a worker and returns the service it registered', async () => {
		const url = new URL('../../../fixtures/runtime/echo.worker.ts', import.meta.url).href;
		const service = await loadWorkerService<number, Reply>(url);
		const { port, replies } = inPage(() => Promise.resolve(service));
		port.post(21);
		await expect.poll(() => replies).toEqual([{ type: 'echo', value: 42 }]);
	});

	test('a module that registers no service is a clear error', async () => {
		const url = new URL('../../../../simulations/shared/hash.ts', import.meta.url).href;
		await expect(loadWorkerService(url)).rejects.toThrow(/did not register a service/);
	});
});

/**
 * A stand-in for a module worker running `channelDispatcher` over `service`: messages cross in
 * both directions on a later task, as postMessage delivers them.
 */
class FakeWorker {
	onmessage: ((event: MessageEvent<ChannelReply<Reply>>) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;
	terminated = false;
	private readonly dispatch: (message: ChannelMessage<number>) => void;
	constructor(service: Service<number, Reply>) {
		this.dispatch = channelDispatcher(service, (reply) =>
			setTimeout(() => !this.terminated && this.onmessage?.({ data: reply } as MessageEvent), 0),
		);
	}
	postMessage(message: ChannelMessage<number>) {
		setTimeout(() => !this.terminated && this.dispatch(message), 0);
	}
	terminate() {
		this.terminated = true;
	}
	crash(message: string) {
		this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
	}
}

describe('sharedWorkerPortOpener', () => {
	afterEach(() => vi.unstubAllGlobals());

	/** An opener over fake workers of a service that tags replies with its own start number. */
	function setUp() {
		vi.stubGlobal('Worker', FakeWorker);
		const workers: FakeWorker[] = [];
		const disposed: number[] = [];
		let starts = 0;
		const numbered: Service<number, Reply> = {
			start: (reply) => {
				const id = ++starts;
				return {
					handle: (value) => reply({ type: 'echo', value: id * 1000 + value }),
					dispose: () => disposed.push(id),
				};
			},
			failure,
		};
		const open = sharedWorkerPortOpener<number, Reply>('echo', 'unused.js', failure, () => {
			const worker = new FakeWorker(numbered);
			workers.push(worker);
			return worker as unknown as Worker;
		});
		/** A port of `open`, and the replies it hears. */
		const listen = () => {
			const replies: Reply[] = [];
			return { port: open((r) => replies.push(r)), replies };
		};
		return { open, listen, workers, disposed };
	}

	test('ports opened together share one worker, each with its own service and replies', async () => {
		const { listen, workers } = setUp();
		const { port: portA, replies: a } = listen();
		const { port: portB, replies: b } = listen();
		portA.post(1);
		portB.post(2);
		portA.post(3);
		await expect.poll(() => a.length + b.length).toBe(3);
		expect(workers).toHaveLength(1);
		// Channel A's service started first (1), B's second (2): each port hears only its own.
		expect(a).toEqual([
			{ type: 'echo', value: 1001 },
			{ type: 'echo', value: 1003 },
		]);
		expect(b).toEqual([{ type: 'echo', value: 2002 }]);
	});

	test('terminating one port disposes its service and keeps the worker for the others', async () => {
		const { listen, workers, disposed } = setUp();
		const { port: portA, replies: a } = listen();
		const { port: portB, replies: b } = listen();
		portA.post(1);
		portB.post(1);
		await expect.poll(() => a.length + b.length).toBe(2);
		portA.terminate();
		portA.post(5);
		portB.post(6);
		await expect.poll(() => b.length).toBe(2);
		await expect.poll(() => disposed).toEqual([1]);
		expect(a).toHaveLength(1);
		expect(workers[0]?.terminated).toBe(false);
		portB.terminate();
		expect(workers[0]?.terminated).toBe(true);
		// The next port starts a new worker, as a lab's reset does with one port at a time.
		const { port: portC, replies: c } = listen();
		portC.post(7);
		await expect.poll(() => c).toEqual([{ type: 'echo', value: 3007 }]);
		expect(workers).toHaveLength(2);
	});

	test('a crash reaches every open port as the protocol’s error reply', () => {
		const { listen, workers } = setUp();
		const { replies: a } = listen();
		const { replies: b } = listen();
		workers[0]?.crash('out of memory');
		const crashed = { type: 'error', message: 'The echo worker crashed: out of memory' };
		expect(a).toEqual([crashed]);
		expect(b).toEqual([crashed]);
	});

	test('without workers each port gets its own service on the page', async () => {
		const url = new URL('../../../fixtures/runtime/echo.worker.ts', import.meta.url).href;
		const open = sharedWorkerPortOpener<number, Reply>('echo', url, failure);
		const replies: Reply[] = [];
		open((r) => replies.push(r)).post(4);
		await expect.poll(() => replies).toEqual([{ type: 'echo', value: 8 }]);
	});
});
