import { describe, expect, it } from 'vitest';
import { SLUG_MAX, SLUG_PATTERN, slugCandidate, slugify } from './slug';

describe('slugify', () => {
	it('turns names into addresses', () => {
		expect(slugify('WGEC 2016–2018')).toBe('wgec-2016-2018');
		expect(slugify("  Côte d'Ivoire ")).toBe('cote-d-ivoire');
		expect(slugify('Ms. Avri Doria')).toBe('ms-avri-doria');
	});
	it('gives nothing for names without a Latin spelling', () => {
		expect(slugify('俄罗斯联邦')).toBe('');
	});
	it('stays within the maximum and never ends with a hyphen', () => {
		const s = slugify('a '.repeat(100));
		expect(s.length).toBeLessThanOrEqual(SLUG_MAX);
		expect(s).toMatch(SLUG_PATTERN);
	});
});

describe('slugCandidate', () => {
	it('numbers later candidates and keeps them valid', () => {
		expect(slugCandidate('jane-doe', 1)).toBe('jane-doe');
		expect(slugCandidate('jane-doe', 2)).toBe('jane-doe-2');
		const long = slugCandidate('x'.repeat(80), 12);
		expect(long.length).toBe(80);
		expect(long.endsWith('-12')).toBe(true);
		expect(long).toMatch(SLUG_PATTERN);
	});
});
