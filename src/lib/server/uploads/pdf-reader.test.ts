import { describe, expect, it } from 'vitest';
import { pageParagraphs } from './pdf-reader.js';

/** A text item as pdf.js gives it: the string and where its baseline is (size 12). */
const item = (str: string, y: number, hasEOL = false) => ({ str, hasEOL, transform: [12, 0, 0, 12, 72, y], height: 12 });

describe('pageParagraphs', () => {
	it('joins the lines of a paragraph with spaces and starts a new one at a wide gap', () => {
		const items = [item('The Working Group', 700), item(' met', 700, true), item('in Geneva.', 686, true), item('It agreed.', 640, true)];
		expect(pageParagraphs(items)).toEqual(['The Working Group met in Geneva.', 'It agreed.']);
	});

	it('ends a paragraph at an empty line, and joins a word broken after a hyphen', () => {
		const items = [item('multi-', 700, true), item('stakeholder approach', 686, true), item('', 686, true), item('Next.', 672)];
		expect(pageParagraphs(items)).toEqual(['multi-stakeholder approach', 'Next.']);
	});

	it('gives nothing for a page without text', () => {
		expect(pageParagraphs([])).toEqual([]);
		expect(pageParagraphs([item('  ', 700, true)])).toEqual([]);
	});
});
