import { describe, expect, it } from 'vitest';
import { unitLabel } from './labels';

describe('unitLabel', () => {
	it('gives bare numerals a full stop and leaves the others as written', () => {
		expect(unitLabel('paragraph', '1', 'Text')).toBe('1.');
		expect(unitLabel('list_item', 'a', 'Text')).toBe('a.');
		expect(unitLabel('paragraph', 'IV', 'Text')).toBe('IV.');
		expect(unitLabel('list_item', '(3)', 'Text')).toBe('(3)');
		expect(unitLabel('paragraph', '2 bis', 'Text')).toBe('2 bis');
		expect(unitLabel('paragraph', '1.1', 'Text')).toBe('1.1');
	});

	it('bullets an unnumbered list item, and prints nothing before an unnumbered paragraph or a title', () => {
		expect(unitLabel('list_item', null, 'Text')).toBe('•');
		expect(unitLabel('paragraph', null, 'Text')).toBeNull();
		expect(unitLabel('title', '1', 'Text')).toBeNull();
	});

	it('puts back a heading number the parser cut from its words, and does not repeat one its words carry', () => {
		expect(unitLabel('heading', '2', 'Draft recommendations submitted by Japan (7 February 2014)')).toBe('2.');
		expect(unitLabel('heading', 'I', 'INTRODUCTION')).toBe('I.');
		expect(unitLabel('heading', 'A', 'GROUP A: Implementation of the Tunis Agenda')).toBeNull();
		expect(unitLabel('annex', '1', 'ANNEX 1: Message from the Chair')).toBeNull();
		expect(unitLabel('heading', '1', 'Option 1 – Establishment of UN body')).toBeNull();
		expect(unitLabel('annex', 'III', 'ANNEX III – Institutional Framework')).toBeNull();
	});
});
