import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanText, joinWrappedLines, stripEmphasis, stripPrivateUse } from './clean';
import { FootnoteSequence } from './footnotes';

describe('joinWrappedLines', () => {
	it('joins soft wraps with one space and keeps word-internal hyphens without a space', () => {
		expect(joinWrappedLines(['Internet-', 'related policy'])).toBe('Internet-related policy');
		expect(joinWrappedLines(['at its twenty-', 'first session'])).toBe('at its twenty-first session');
		expect(joinWrappedLines(['on the ', '', 'Overall Review'])).toBe('on the Overall Review');
		expect(joinWrappedLines(['again -', 'this is'])).toBe('again - this is');
	});
});

describe('stripPrivateUse and stripEmphasis', () => {
	it('removes Symbol-font glyphs', () => {
		expect(stripPrivateUse('\uF0B7 Transparency \uF0FC\uF0A7')).toBe(' Transparency ');
	});
	it('removes Markdown emphasis, keeps a lone asterisk and strike-through marks', () => {
		expect(stripEmphasis('*develop **enhanced cooperation** as envisioned*,')).toBe('develop enhanced cooperation as envisioned,');
		expect(stripEmphasis('5 * 3')).toBe('5 * 3');
		expect(stripEmphasis('International ~~dimension~~-extent')).toBe('International ~~dimension~~-extent');
	});
});

describe('cleanText', () => {
	it('takes glued digits for a reference only when that footnote is next', () => {
		const seq = new FootnoteSequence(['9', '10']);
		const a = cleanText(['Transparency9:  '], { footnotes: seq });
		expect(a).toEqual({ text: 'Transparency:', notes: [{ marker: '9', offset: 12 }] });
		const b = cleanText(['marginalized groups10 and', 'unaffiliated users.'], { footnotes: seq });
		expect(b.text).toBe('marginalized groups and unaffiliated users.');
		expect(b.notes).toEqual([{ marker: '10', offset: 'marginalized groups'.length }]);
	});
	it('never takes resolution symbols, paragraph numbers, years or ranges for references', () => {
		const seq = new FootnoteSequence(['1', '2', '35', '70', '125']);
		const r = cleanText(['resolution A/70/125, paragraph 35, in 2016, paragraphs 69-71, “4.1 Enhanced'], { footnotes: seq });
		expect(r.notes).toEqual([]);
		expect(r.text).toContain('A/70/125');
	});
	it('reads superscript, <sup> and [^n] markers without a footnote list', () => {
		const r = cleanText(['framework on 14 November 2013.¹ The groups are:² x<sup>3</sup> y[^4]']);
		expect(r.text).toBe('framework on 14 November 2013. The groups are: x y');
		expect(r.notes.map((n) => n.marker)).toEqual(['1', '2', '3', '4']);
		expect(r.text.slice(0, r.notes[0].offset)).toBe('framework on 14 November 2013.');
	});
	it('collapses white space and removes HTML list tags but not e-mail addresses', () => {
		const r = cleanText(['Infrastructural\t<ul style="list-style-type: none"> •  Ensuring', 'From: Peter <pmajor@BLUEWIN.CH>']);
		expect(r.text).toBe('Infrastructural • Ensuring From: Peter <pmajor@BLUEWIN.CH>');
	});
	it('keeps every offset inside the text and never leaves private-use glyphs (property)', () => {
		const alphabet = fc.constantFrom('a', 'B', ' ', '\u00A0', '-', '.', '9', '1', '\uF0B7', '\uF0FC', '*', '¹', '<sup>2</sup>', '“', '”', '\t');
		fc.assert(
			fc.property(fc.array(fc.array(alphabet, { maxLength: 30 }).map((a) => a.join('')), { maxLength: 5 }), (lines) => {
				const r = cleanText(lines, { footnotes: new FootnoteSequence(['1', '2', '9']) });
				expect(r.text).not.toMatch(/[\uF000-\uF0FF]/);
				expect(r.text).not.toMatch(/^\s|\s$|\s\s/);
				for (const n of r.notes) expect(n.offset).toBeGreaterThanOrEqual(0), expect(n.offset).toBeLessThanOrEqual(r.text.length);
			})
		);
	});
});
