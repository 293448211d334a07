/**
 * Safe local storage. Every read validates what it finds, because storage can be corrupted,
 * written by an older version, edited by hand or blocked entirely. A failed read never throws
 * into the page: it returns a result the caller turns into a message, and the raw text is kept
 * so that nothing the user had is lost.
 */

/** The outcome of reading a stored value. */
export type StoredRead<T> =
	{ ok: true; value: T; present: boolean } | { ok: false; error: string; raw: string };

/** The prefix that namespaces every key this site writes. */
export const storagePrefix = 'mlops-lab:';

function storage(): Storage | undefined {
	try {
		return globalThis.localStorage ?? undefined;
	} catch {
		return undefined; // e.g. blocked by privacy settings
	}
}

/**
 * Reads and validates a JSON value. `parse` must throw (with a helpful message) when the value
 * is not what the caller expects. A missing key gives the fallback with `present: false`.
 */
export function readStored<T>(
	key: string,
	parse: (value: unknown) => T,
	fallback: T,
): StoredRead<T> {
	const store = storage();
	if (!store) return { ok: true, value: fallback, present: false };
	let raw: string | null;
	try {
		raw = store.getItem(storagePrefix + key);
	} catch {
		return { ok: true, value: fallback, present: false };
	}
	if (raw === null) return { ok: true, value: fallback, present: false };
	try {
		return { ok: true, value: parse(JSON.parse(raw)), present: true };
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return { ok: false, error: `Saved data under “${key}” could not be read: ${reason}`, raw };
	}
}

/** Writes a JSON value; returns false when storage is unavailable or full. */
export function writeStored(key: string, value: unknown): boolean {
	const store = storage();
	if (!store) return false;
	try {
		store.setItem(storagePrefix + key, JSON.stringify(value));
		return true;
	} catch {
		return false;
	}
}

/** Moves an unreadable value aside (keeping it) so a fresh start does not destroy it. */
export function quarantineStored(key: string, raw: string, nowMs: number): string | undefined {
	const store = storage();
	if (!store) return undefined;
	const backupKey = `${key}.unreadable-${nowMs}`;
	try {
		store.setItem(storagePrefix + backupKey, raw);
		store.removeItem(storagePrefix + key);
		return backupKey;
	} catch {
		return undefined;
	}
}

/** Offers text as a file download (used to hand users their raw data). */
export function downloadText(filename: string, text: string, mimeType = 'application/json'): void {
	const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
	const link = document.createElement('a');
	link.href = url;
	link.download = filename;
	link.click();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
