import { describe, expect, it } from 'vitest';
import { parseDocument } from '../documents/parse';
import { bulletContent, cleanLine, display, GUARD, guardAnnexLine, headingContent, LineGuard, numberReadsBack, paragraphContent, titleContent } from './escape';

const G = GUARD;

describe('cleanLine', () => {
	it('brings text to the form the parser cleans it to, keeping references and tags as words', () => {
		expect(cleanLine('  one\ttwo\n\nthree\u00A0 four\u200B ')).toBe('one two three four');
		expect(cleanLine('a *starred* word\uF0B7')).toBe('a ∗starred∗ word');
		expect(cleanLine('m² and CO₂')).toBe('m2 and CO₂');
		expect(cleanLine('see [^3] and <sup>4</sup> in <b>bold</b>')).toBe(`see [${G}^3] and <${G}sup>4<${G}/sup> in <${G}b>bold<${G}/b>`);
		expect(cleanLine(`al${G}ready guarded`)).toBe('already guarded');
		// An e-mail address is not a tag.
		expect(cleanLine('<pmajor@example.org>')).toBe('<pmajor@example.org>');
	});

	it('reads back through the parser as the text a reader sees', () => {
		const line = cleanLine('A *title* with [^1], <i>tags</i>, ³ and  spaces');
		const unit = parseDocument(`## ${line}\n## x\n`).units[0];
		expect(unit.text).toBe(line);
		expect(display(unit.text)).toBe('A ∗title∗ with [^1], <i>tags</i>, 3 and spaces');
	});
});

describe('line guards', () => {
	it('guard a heading that would be cut, turned into an annex, or not be a heading at all', () => {
		expect(headingContent('1. Draft recommendations')).toBe(`${G}1. Draft recommendations`);
		expect(headingContent('Annex 2: Budget')).toBe(`${G}Annex 2: Budget`);
		expect(headingContent('“Quoted” proposals')).toBe(`${G}“Quoted” proposals`);
		expect(headingContent('Contents')).toBe(`${G}Contents`);
		expect(headingContent('_')).toBe(`${G}_`);
		expect(headingContent('GROUP A: Implementation')).toBe('GROUP A: Implementation');
		expect(headingContent('Draft recommendations submitted by Japan (7 February 2014)')).toBe('Draft recommendations submitted by Japan (7 February 2014)');
		expect(titleContent('Option 1 – Forum')).toBe(`${G}Option 1 – Forum`);
		expect(titleContent('Proposals of Draft Recommendations')).toBe('Proposals of Draft Recommendations');
	});

	it('guard an unnumbered paragraph that the parser would read as structure', () => {
		for (const text of ['- a bullet', '1. a number', '(a) a letter', '# a heading', 'Annex 2: Budget', 'GROUP A: x', 'II. Modus Operandi', '2 Background', 'Introduction', 'Introduction[^1]', 'From: someone', '| a | b |', '---', '[^1]: a definition', '_1. emphasised']) {
			expect(paragraphContent(text), text).toBe(G + text);
		}
		for (const text of ['The Group recommends.', '“International Internet organizations…”', '2014 was a year.', 'Introduction of the report']) {
			expect(paragraphContent(text), text).toBe(text);
		}
	});

	it('guard a bullet whose text starts with another bullet, a number or makes a separator', () => {
		expect(bulletContent('• second glyph')).toBe(`${G}• second glyph`);
		expect(bulletContent('1) numbered')).toBe(`${G}1) numbered`);
		expect(bulletContent('--')).toBe(`${G}--`);
		expect(bulletContent('Members should cooperate.')).toBe('Members should cooperate.');
	});

	it('know which printed numbers the parser reads back', () => {
		for (const n of ['(1)', '1.', '12.', 'a)', 'a.', 'iv.', '(iv)', '2 bis', '1.1']) expect(numberReadsBack(n), n).toBe(true);
		for (const n of ['A.', 'IV.', 'Art. 5', '1000.', '#1', '-', '*1.']) expect(numberReadsBack(n), n).toBe(false);
	});

	it('guard only the annex labels inside an annex text', () => {
		expect(guardAnnexLine('Annex 2: attached below.')).toBe(`${G}Annex 2: attached below.`);
		expect(guardAnnexLine('## APPENDIX B')).toBe(`## ${G}APPENDIX B`);
		expect(guardAnnexLine('_Annex 3: Budget_')).toBe(`_${G}Annex 3: Budget_`);
		// Not a label for the parser (nothing after the numeral): a bold heading, left alone.
		expect(guardAnnexLine('**Annex 3**')).toBe('**Annex 3**');
		expect(guardAnnexLine('1. Which stakeholder category do you belong to?')).toBe('1. Which stakeholder category do you belong to?');
		expect(guardAnnexLine('- Annex 4 as a list item')).toBe('- Annex 4 as a list item');
	});
});

describe('LineGuard', () => {
	it('guards glued digits only when they are the next footnotes the parser expects', () => {
		const guard = new LineGuard([1, 2, 3, 77]);
		expect(guard.finish('G77 and Agenda.1 and word2, (3)')).toBe(`G77 and Agenda.${G}1 and word${G}2, (3)`);
		// After a reference to 2, the parser expects 3 and 77.
		expect(guard.finish('Text[^2] then G77 and A1 and B3.')).toBe(`Text[^2] then G${G}77 and A1 and B${G}3.`);
		expect(new LineGuard([]).finish('G77 and Agenda.1')).toBe('G77 and Agenda.1');
	});

	it('guards line endings the parser reads as a contents entry or a closing heading mark', () => {
		const guard = new LineGuard([]);
		expect(guard.finish('see pages.....12')).toBe(`see pages.....12${G}`);
		expect(guard.finish('## Issue #')).toBe(`## Issue #${G}`);
		expect(guard.finish('Questions 2 and 3')).toBe('Questions 2 and 3');
		expect(guard.finish('C#')).toBe('C#');
	});
});
