import { describe, expect, test } from 'vitest';
import {
	loadWorkerService,
	openInPagePort,
	openWorkerPort,
	type Service,
} from '@sim/runtime/worker.port';

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
