import { describe, expect, it } from 'vitest';
import { hitPath, isNumberLabel } from './links';

describe('hitPath', () => {
	it('links a document unit by its stable key', () => {
		expect(hitPath('fr', { sourceKind: 'document', documentSlug: 'chair-draft', unitKey: 'p-19' })).toBe('/fr/documents/chair-draft#u-p-19');
	});
	it('links a contribution item by its position', () => {
		expect(hitPath('ar', { sourceKind: 'contribution', contributionSlug: 'rf-2013', unitKey: '3' })).toBe('/ar/contributions/rf-2013#item-3');
	});
	it('links the page when there is no unit, and nothing without a slug', () => {
		expect(hitPath('en', { sourceKind: 'document', documentSlug: 'd', unitKey: null })).toBe('/en/documents/d');
		expect(hitPath('en', { sourceKind: 'document', documentSlug: null, unitKey: 'x' })).toBeNull();
		expect(hitPath('en', { sourceKind: 'other', documentSlug: 'd' })).toBeNull();
	});
	it('escapes what it puts in the address', () => {
		expect(hitPath('en', { sourceKind: 'document', documentSlug: 'a b', unitKey: '"><x' })).toBe('/en/documents/a%20b#u-%22%3E%3Cx');
	});
});

describe('isNumberLabel', () => {
	it('recognises paragraph, item and annex numbers', () => {
		for (const l of ['19', '2 bis', '2 ter', '(3)', '[4]', 'IV', 'iv', '5.']) expect(isNumberLabel(l), l).toBe(true);
	});
	it('treats headings as headings', () => {
		for (const l of ['Introduction', 'Recommendations', 'I. Introduction', '', 'Annex I', 'civil']) expect(isNumberLabel(l), l).toBe(false);
	});
});
