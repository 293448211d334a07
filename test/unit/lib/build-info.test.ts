import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { buildCommit } from '@/lib/build-info';
import { buildCommit as computeCommit } from '../../../scripts/build-commit.mjs';

describe('buildCommit', () => {
	test('is the short hash of the checked-out commit, injected by the config', () => {
		const head = execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim();
		expect(buildCommit).toBe(head);
		expect(computeCommit()).toBe(head);
	});
});
