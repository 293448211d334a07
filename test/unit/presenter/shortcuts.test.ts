import { describe, expect, test } from 'vitest';
import {
	formatElapsed,
	shortcutFor,
	shortcuts,
	withPresent,
	type KeyPress,
} from '../../../src/lib/presenter/shortcuts';

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({
	key,
	ctrlKey: false,
	metaKey: false,
	altKey: false,
	targetTag: 'BODY',
	targetEditable: false,
	...more,
});

describe('shortcutFor', () => {
	test.each([
		[' ', 'play-pause'],
		['k', 'play-pause'],
		['K', 'play-pause'],
		['.', 'step'],
		['ArrowRight', 'step'],
		['r', 'reset'],
		['n', 'next-preset'],
		['t', 'timer-toggle'],
		['0', 'timer-reset'],
		['f', 'fullscreen'],
		['?', 'help'],
		['x', null],
	])('maps %j to %s', (key, action) => {
		expect(shortcutFor(press(key))).toBe(action);
	});

	test('leaves typing, browser shortcuts and Space on a focused button alone', () => {
		expect(shortcutFor(press('r', { targetTag: 'INPUT' }))).toBeNull();
		expect(shortcutFor(press('n', { targetTag: 'SELECT' }))).toBeNull();
		expect(shortcutFor(press('k', { targetTag: 'DIV', targetEditable: true }))).toBeNull();
		expect(shortcutFor(press('r', { ctrlKey: true }))).toBeNull();
		expect(shortcutFor(press('f', { metaKey: true }))).toBeNull();
		expect(shortcutFor(press(' ', { targetTag: 'BUTTON' }))).toBeNull();
		expect(shortcutFor(press('k', { targetTag: 'BUTTON' }))).toBe('play-pause');
	});

	test('no key is bound twice', () => {
		const keys = shortcuts.flatMap((s) => s.keys);
		expect(new Set(keys).size).toBe(keys.length);
	});

	test('the dialog names each shortcut by its keys', () => {
		const labels = shortcuts.map((s) => s.label).join(' | ');
		expect(labels).toBe('Space or K | . or → | R | N | T | 0 | F | ? | Esc');
	});
});

describe('formatElapsed', () => {
	test.each([
		[0, '0:00'],
		[999, '0:00'],
		[61_000, '1:01'],
		[3_599_000, '59:59'],
		[3_661_000, '1:01:01'],
		[-5, '0:00'],
	])('%i ms reads %s', (ms, text) => {
		expect(formatElapsed(ms)).toBe(text);
	});
});

describe('withPresent', () => {
	test('adds present=1 to a path, keeping its query and hash', () => {
		expect(withPresent('/labs/training/?seed=42#lab')).toBe(
			'/labs/training/?seed=42&present=1#lab',
		);
		expect(withPresent('/lessons/foundations/01-what-is-mlops/')).toBe(
			'/lessons/foundations/01-what-is-mlops/?present=1',
		);
	});

	test('leaves other sites’ links alone and does not repeat itself', () => {
		expect(withPresent('https://example.com/x')).toBe('https://example.com/x');
		expect(withPresent('/labs/drift/?present=1')).toBe('/labs/drift/?present=1');
	});
});
