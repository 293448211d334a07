import { describe, expect, test } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openLabStore } from '@/lib/lab-store';

describe('openLabStore', () => {
	test('stores, reads back and deletes values across reopenings', async () => {
		const factory = new IDBFactory();
		const store = await openLabStore(factory);
		expect(store.persistent).toBe(true);
		await store.put('runs', 'run-1', { id: 'run-1', accuracy: 0.9 });
		await store.put('runs', 'run-2', { id: 'run-2', accuracy: 0.8 });
		store.close();

		const reopened = await openLabStore(factory);
		expect(await reopened.get('runs', 'run-1')).toEqual({ id: 'run-1', accuracy: 0.9 });
		expect(await reopened.getAll('runs')).toHaveLength(2);
		await reopened.delete('runs', 'run-1');
		expect(await reopened.get('runs', 'run-1')).toBeUndefined();
		await reopened.clear('runs');
		expect(await reopened.getAll('runs')).toEqual([]);
		reopened.close();
	});

	test('falls back to memory, copying values, when IndexedDB is missing', async () => {
		const store = await openLabStore(undefined);
		expect(store.persistent).toBe(false);
		const value = { weights: [1, 2, 3] };
		await store.put('artifacts', 'a', value);
		value.weights.push(4);
		expect(await store.get('artifacts', 'a')).toEqual({ weights: [1, 2, 3] });
	});
});
