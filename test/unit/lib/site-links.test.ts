import { describe, expect, test } from 'vitest';
import { availableLabs, labAvailabilitySentence, labStatuses } from '@/lib/site-links';
import { labIds } from '@/schemas/lesson';

describe('labStatuses', () => {
	test('lists every lab in course order, available only when its page is built', () => {
		const statuses = labStatuses(new Set(['training', 'drift']));
		expect(statuses.map((lab) => [lab.id, lab.available])).toEqual([
			['training', true],
			['drift', true],
			['continuous-training', false],
			['deployment', false],
		]);
		expect(statuses[2]?.title).toBe('continuous training');
	});

	test('defaults to the labs the site builds', () => {
		expect(labStatuses().map((lab) => lab.available)).toEqual(
			labIds.map((id) => availableLabs.has(id)),
		);
	});
});

describe('labAvailabilitySentence', () => {
	test.each([
		[
			['training', 'drift'],
			'Two of the four labs are open; the continuous training and deployment strategies labs are still being built.',
		],
		[
			['training', 'drift', 'continuous-training'],
			'Three of the four labs are open; the deployment strategies lab is still being built.',
		],
		[
			['training'],
			'One of the four labs is open; the drift and monitoring, continuous training and deployment strategies labs are still being built.',
		],
		[['training', 'drift', 'continuous-training', 'deployment'], 'All four labs are open.'],
	] as const)('with %j open', (open, sentence) => {
		expect(labAvailabilitySentence(labStatuses(new Set(open)))).toBe(sentence);
	});
});
