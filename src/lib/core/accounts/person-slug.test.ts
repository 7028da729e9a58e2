import { describe, expect, it } from 'vitest';
import { personSlugBase, uniqueSlug } from './person-slug';

describe('personSlugBase', () => {
	it.each([
		['Ms. Avri Doria', 'ms-avri-doria'],
		['José  Müller-Ñúñez', 'jose-muller-nunez'],
		['Иван Петров', 'иван-петров'],
		['王小明', '王小明'],
		['!!!', 'person'],
		['  -Ana- ', 'ana']
	])('%j → %j', (name, slug) => {
		expect(personSlugBase(name)).toBe(slug);
	});

	it('stays short and never ends with a hyphen', () => {
		const s = personSlugBase(`${'a'.repeat(59)} b`);
		expect(s.length).toBeLessThanOrEqual(60);
		expect(s.endsWith('-')).toBe(false);
	});
});

describe('uniqueSlug', () => {
	it('numbers a taken slug from 2', () => {
		expect(uniqueSlug('ana', new Set())).toBe('ana');
		expect(uniqueSlug('ana', new Set(['ana']))).toBe('ana-2');
		expect(uniqueSlug('ana', new Set(['ana', 'ana-2', 'ana-3']))).toBe('ana-4');
	});
});
