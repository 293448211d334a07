import { describe, expect, test } from 'vitest';
import {
	clampIndex,
	hasNextStep,
	indexForKey,
	listInWords,
	nextStep,
	previousStep,
	toggleSelection,
} from '@/components/interactive/interactive.logic';

describe('clampIndex', () => {
	test('keeps indexes inside the sequence and truncates fractions', () => {
		expect(clampIndex(-3, 5)).toBe(0);
		expect(clampIndex(7, 5)).toBe(4);
		expect(clampIndex(2.9, 5)).toBe(2);
	});

	test('returns 0 for an empty sequence or a non-finite index', () => {
		expect(clampIndex(3, 0)).toBe(0);
		expect(clampIndex(Number.NaN, 5)).toBe(0);
	});
});

describe('nextStep and previousStep', () => {
	test('move one step and stop at the ends by default', () => {
		expect(nextStep(0, 4)).toBe(1);
		expect(nextStep(3, 4)).toBe(3);
		expect(previousStep(2, 4)).toBe(1);
		expect(previousStep(0, 4)).toBe(0);
	});

	test('loop back from the last step to the chosen index', () => {
		expect(nextStep(7, 8, { kind: 'loop', toIndex: 1 })).toBe(1);
		expect(nextStep(6, 8, { kind: 'loop', toIndex: 1 })).toBe(7);
	});

	test('hasNextStep is false only at the end of a sequence that stops', () => {
		expect(hasNextStep(2, 4)).toBe(true);
		expect(hasNextStep(3, 4)).toBe(false);
		expect(hasNextStep(3, 4, { kind: 'loop', toIndex: 0 })).toBe(true);
	});
});

describe('indexForKey', () => {
	test('arrows wrap around, Home and End jump', () => {
		expect(indexForKey('ArrowRight', 2, 3)).toBe(0);
		expect(indexForKey('ArrowDown', 0, 3)).toBe(1);
		expect(indexForKey('ArrowLeft', 0, 3)).toBe(2);
		expect(indexForKey('ArrowUp', 2, 3)).toBe(1);
		expect(indexForKey('Home', 2, 3)).toBe(0);
		expect(indexForKey('End', 0, 3)).toBe(2);
	});

	test('ignores other keys and empty lists', () => {
		expect(indexForKey('Enter', 1, 3)).toBeUndefined();
		expect(indexForKey('ArrowRight', 0, 0)).toBeUndefined();
	});
});

describe('toggleSelection', () => {
	const all = ['basic', 'shadow', 'canary', 'blue-green'];

	test('adds in display order and removes', () => {
		expect(toggleSelection(['canary'], 'basic', all)).toEqual(['basic', 'canary']);
		expect(toggleSelection(['basic', 'canary'], 'basic', all)).toEqual(['canary']);
	});

	test('refuses to remove the last item and ignores unknown ids', () => {
		expect(toggleSelection(['canary'], 'canary', all)).toEqual(['canary']);
		expect(toggleSelection(['canary'], 'rolling', all)).toEqual(['canary']);
	});
});

describe('listInWords', () => {
	test('joins zero, one, two and three names', () => {
		expect(listInWords([])).toBe('');
		expect(listInWords(['Canary'])).toBe('Canary');
		expect(listInWords(['Canary', 'Shadow'])).toBe('Canary and Shadow');
		expect(listInWords(['Basic', 'Canary', 'Shadow'])).toBe('Basic, Canary and Shadow');
	});
});
