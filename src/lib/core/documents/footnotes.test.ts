import { describe, expect, it } from 'vitest';
import { findFootnoteDefinitions, FootnoteSequence } from './footnotes';
import { isBlankLine, isSeparatorLine, splitLines } from './lines';

function defs(text: string) {
	const lines = splitLines(text);
	const separator = lines.map((l) => isSeparatorLine(l.text));
	const blank = lines.map((l, i) => !separator[i] && isBlankLine(l.text));
	return findFootnoteDefinitions(lines, separator, blank).map((d) => ({ marker: d.marker, first: d.firstLine, last: d.lastLine }));
}

describe('findFootnoteDefinitions', () => {
	it('reads a page-bottom block after a no-break-space separator, ending at the next page', () => {
		const sep = '\u00A0 '.repeat(20);
		const text = `…was elected Chair of the Working\n\n${sep}\n1 A placeholder note\n2 Another note that\nwraps to a second line\n public policy. The page goes on.\n`;
		expect(defs(text)).toEqual([
			{ marker: '1', first: 3, last: 3 },
			{ marker: '2', first: 4, last: 5 }
		]);
	});
	it('reads underscore separators, superscript and Markdown definitions', () => {
		expect(defs('text\n__________\n3 Note three\n')).toEqual([{ marker: '3', first: 2, last: 2 }]);
		expect(defs('Body.¹\n\n¹ The message sent by the Chair.\n\n² Second.\ncontinued\n')).toEqual([
			{ marker: '1', first: 2, last: 2 },
			{ marker: '2', first: 4, last: 5 }
		]);
		expect(defs('Body[^a]\n\n[^a]: A Markdown note.\n')).toEqual([{ marker: 'a', first: 2, last: 2 }]);
	});
	it('does not take a numbered paragraph after a separator for a footnote', () => {
		expect(defs('---\n\n12. The WGEC further took note\n')).toEqual([]);
	});
});

describe('FootnoteSequence', () => {
	it('accepts the next defined number, or the one after, and nothing else', () => {
		const seq = new FootnoteSequence(['1', '2', '3', '5']);
		expect(seq.acceptsGlued(3)).toBe(false);
		expect(seq.acceptsGlued(1)).toBe(true);
		expect(seq.acceptsGlued(1)).toBe(false);
		expect(seq.acceptsGlued(3)).toBe(true);
		expect(seq.acceptsGlued(4)).toBe(false);
		seq.sawExplicit('5');
		expect(seq.acceptsGlued(5)).toBe(false);
	});
});
