import { describe, expect, it } from 'vitest';
import { SEARCH_TS_CONFIGS, tsConfigFor } from './ts-config';

describe('tsConfigFor', () => {
	it.each([
		['ar', 'arabic'],
		['en', 'english'],
		['es', 'spanish'],
		['fr', 'french'],
		['ru', 'russian'],
		['zh', 'simple']
	])('reads %s with %s', (lang, config) => {
		expect(tsConfigFor(lang)).toBe(config);
	});

	it('uses the base language of a regional tag, in any case', () => {
		expect(tsConfigFor('fr-CA')).toBe('french');
		expect(tsConfigFor('EN_gb')).toBe('english');
		expect(tsConfigFor('zh-Hans')).toBe('simple');
	});

	it('falls back to simple for unknown or missing languages', () => {
		expect(tsConfigFor('de')).toBe('simple');
		expect(tsConfigFor('')).toBe('simple');
		expect(tsConfigFor(null)).toBe('simple');
		expect(tsConfigFor(undefined)).toBe('simple');
	});

	it('lists each configuration once', () => {
		expect([...SEARCH_TS_CONFIGS].sort()).toEqual(['arabic', 'english', 'french', 'russian', 'simple', 'spanish']);
	});
});
