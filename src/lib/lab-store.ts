/**
 * Browser storage for the labs: experiment runs, model artifacts and the model registry, in
 * one IndexedDB database (artifacts are too large and too structured for local storage).
 * Every value is validated by the caller's parser on the way out, so a record written by an
 * older version or damaged by hand is reported instead of crashing the lab; when IndexedDB is
 * unavailable (private modes, old browsers) `openLabStore` says so and the lab keeps working
 * in memory.
 */

/** Object stores in the database. */
export type LabStoreName = 'runs' | 'artifacts' | 'registry';

const databaseName = 'mlops-lab';
const databaseVersion = 1;
const storeNames: readonly LabStoreName[] = ['runs', 'artifacts', 'registry'];

/** A minimal async key-value view of one database. */
export interface LabStore {
	/** Whether data survives a reload (false when IndexedDB was unavailable). */
	readonly persistent: boolean;
	get(store: LabStoreName, key: string): Promise<unknown>;
	getAll(store: LabStoreName): Promise<unknown[]>;
	put(store: LabStoreName, key: string, value: unknown): Promise<void>;
	delete(store: LabStoreName, key: string): Promise<void>;
	clear(store: LabStoreName): Promise<void>;
	close(): void;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed.'));
	});
}

function memoryStore(): LabStore {
	const maps = new Map<LabStoreName, Map<string, unknown>>(storeNames.map((n) => [n, new Map()]));
	const map = (name: LabStoreName) => maps.get(name) as Map<string, unknown>;
	// structuredClone keeps the same copy semantics as IndexedDB, so callers cannot mutate stored data.
	return {
		persistent: false,
		get: async (s, k) => structuredClone(map(s).get(k)),
		getAll: async (s) => [...map(s).values()].map((v) => structuredClone(v)),
		put: async (s, k, v) => void map(s).set(k, structuredClone(v)),
		delete: async (s, k) => void map(s).delete(k),
		clear: async (s) => map(s).clear(),
		close: () => undefined,
	};
}

/** Opens the lab database, or an in-memory stand-in (with `persistent: false`) if it cannot. */
export async function openLabStore(
	factory: IDBFactory | undefined = globalThis.indexedDB,
): Promise<LabStore> {
	if (!factory) return memoryStore();
	let db: IDBDatabase;
	try {
		const open = factory.open(databaseName, databaseVersion);
		open.onupgradeneeded = () => {
			for (const name of storeNames) {
				if (!open.result.objectStoreNames.contains(name)) open.result.createObjectStore(name);
			}
		};
		db = await request(open);
	} catch {
		return memoryStore();
	}
	const tx = (name: LabStoreName, mode: IDBTransactionMode) =>
		db.transaction(name, mode).objectStore(name);
	return {
		persistent: true,
		get: (s, k) => request(tx(s, 'readonly').get(k)),
		getAll: (s) => request(tx(s, 'readonly').getAll()),
		put: async (s, k, v) => void (await request(tx(s, 'readwrite').put(v, k))),
		delete: async (s, k) => void (await request(tx(s, 'readwrite').delete(k))),
		clear: async (s) => void (await request(tx(s, 'readwrite').clear())),
		close: () => db.close(),
	};
}
