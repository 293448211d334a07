/**
 * The training lab's registry as stored: reading version entries back and validating them. The
 * drift lab reads the registry to find the production model, so this module reaches neither the
 * run records nor anything else of the training lab's page.
 */
import { stages, type ModelVersion } from '@sim/registry/registry.model';
import type { LabStore } from '@/lib/lab-store';
import { array, nonEmpty, object, oneOf, parse, positiveInteger, string } from './stored-readers';

const readVersion = object<ModelVersion>({
	version: positiveInteger,
	runId: nonEmpty,
	stage: oneOf(stages),
	registeredAt: string,
	history: array(object({ stage: oneOf(stages), at: string })),
});

/** Validates a stored version entry. */
export function parseModelVersion(value: unknown): { version: ModelVersion } | { error: string } {
	const parsed = parse(readVersion, value, 'Registry entry');
	return 'value' in parsed ? { version: parsed.value } : parsed;
}

/** Every readable registry entry, sorted by version, and what could not be read. */
export async function loadModelVersions(
	store: LabStore,
): Promise<{ versions: ModelVersion[]; problems: string[] }> {
	const versions: ModelVersion[] = [];
	const problems: string[] = [];
	for (const value of await store.getAll('registry')) {
		const parsed = parseModelVersion(value);
		if ('version' in parsed) versions.push(parsed.version);
		else problems.push(parsed.error);
	}
	versions.sort((a, b) => a.version - b.version);
	return { versions, problems };
}
