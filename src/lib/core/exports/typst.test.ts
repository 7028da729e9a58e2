import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printableFromUnits } from './printable';
import { fontFamiliesFor, toTypst, type FontChoice } from './typst';
import type { PrintUnit, Printable, StoredUnitForPrint } from './types';

const fonts: FontChoice = { latin: 'Noto Serif', arabic: 'Noto Naskh Arabic', cjk: 'Noto Sans CJK' };

const unit = (kind: StoredUnitForPrint['kind'], text: string, more: Partial<StoredUnitForPrint> = {}): StoredUnitForPrint => ({
	key: `${kind}-${text.length}`,
	kind,
	depth: 0,
	part: 'body',
	number: null,
	text,
	notes: [],
	...more
});

/** A printable whose every text is `text`: title, labels, headings, paragraphs, numbers, footnotes, words. */
function documentOf(text: string): Printable {
	const u = (kind: PrintUnit['kind'], key: string, more: Partial<PrintUnit> = {}): PrintUnit => ({
		key,
		kind,
		depth: 0,
		part: 'body',
		number: text,
		label: text,
		text,
		notes: [],
		lang: 'en',
		dir: 'ltr',
		...more
	});
	return {
		title: text,
		subtitle: text,
		lang: 'en',
		dir: 'ltr',
		meta: [text, text],
		toc: true,
		labels: { contents: text, footnotes: text, backToText: text },
		units: [
			u('title', 't', { part: 'front' }),
			u('heading', 'h'),
			u('paragraph', 'p', { notes: [{ offset: text.length, n: 1, marker: text }, { offset: text.length, n: null, marker: text }] }),
			u('footnote', 'f'),
			u('list_item', 'l', { depth: 1 }),
			u('table_row', 'r'),
			u('annex', 'a', { part: 'annex-1' }),
			u('paragraph', 'x', { lang: 'ar', dir: 'rtl' })
		],
		footnotes: [{ n: 1, marker: text, text, part: 'body', refKey: 'p' }]
	};
}

/** The source with every string literal's content taken out: what Typst reads as markup and code. */
const skeleton = (source: string) => source.replace(/"(?:[^"\\]|\\.)*"/g, '""');

describe('fontFamiliesFor', () => {
	it('tries the language’s own script first, then the others, then Typst’s own serif', () => {
		expect(fontFamiliesFor('en', fonts)).toEqual(['Noto Serif', 'Noto Naskh Arabic', 'Noto Sans CJK SC', 'Libertinus Serif']);
		expect(fontFamiliesFor('ar', fonts)).toEqual(['Noto Naskh Arabic', 'Noto Serif', 'Noto Sans CJK SC', 'Libertinus Serif']);
		expect(fontFamiliesFor('zh-TW', fonts)).toEqual(['Noto Sans CJK TC', 'Noto Serif', 'Noto Naskh Arabic', 'Libertinus Serif']);
		expect(fontFamiliesFor('en', {})).toEqual(['Libertinus Serif']);
	});
});

describe('toTypst', () => {
	it('sets up an A4 document with its title, language and direction, then the units', () => {
		const p = printableFromUnits({
			title: 'التقرير',
			lang: 'ar',
			toc: true,
			units: [unit('heading', 'مقدمة', { key: 'intro' }), unit('paragraph', 'نص', { key: 'p1', number: '1', notes: [{ marker: '1', offset: 2 }] }), unit('footnote', 'حاشية', { number: '1' })]
		});
		const source = toTypst(p, fonts);
		expect(source).toContain('#set document(title: "التقرير", date: none)');
		expect(source).toContain('#set page(paper: "a4"');
		expect(source).toContain('#set text(font: ("Noto Naskh Arabic", "Noto Serif", "Noto Sans CJK SC", "Libertinus Serif"), size: 10.5pt, lang: "ar", dir: rtl)');
		expect(source).toContain('#outline(title: [#"Contents"], depth: 2)');
		expect(source).toContain('#heading(level: 1, outlined: true, supplement: [#"مقدمة"])[#"مقدمة"]');
		expect(source).toContain('#par(hanging-indent: 1.8em)[#num[#strong[#"1."]]#"نص"#footnote[#"حاشية"]]');
	});

	it('keeps deeper headings and front headings out of the outline, and starts each annex on a new page', () => {
		const p = printableFromUnits({
			title: 'T',
			lang: 'en',
			toc: true,
			units: [unit('heading', 'Summary', { key: 's', part: 'front' }), unit('heading', 'Deep', { key: 'd', depth: 2 }), unit('annex', 'ANNEX I', { key: 'a', part: 'annex-1', number: 'I' })]
		});
		const source = toTypst(p, fonts);
		expect(source).toContain('#heading(level: 1, outlined: false, supplement: [#"Summary"])');
		expect(source).toContain('#heading(level: 3, outlined: false, supplement: [#"Deep"])');
		expect(source).toContain('#pagebreak(weak: true)\n#heading(level: 1, outlined: true, supplement: [#"ANNEX I"])');
	});

	it('sets the language, direction and fonts of a unit in another language', () => {
		const p = printableFromUnits({ title: 'T', lang: 'en', units: [unit('paragraph', 'نص', { key: 'x', lang: 'ar', depth: 1 })] });
		expect(toTypst(p, fonts)).toContain('#block(width: 100%)[#set text(font: ("Noto Naskh Arabic", "Noto Serif", "Noto Sans CJK SC", "Libertinus Serif"), lang: "ar", dir: rtl)\n#pad(right: 2em)[#"نص"]\n]');
	});

	it('writes no text outside string literals: any text leaves the markup unchanged (property)', () => {
		const reference = skeleton(toTypst(documentOf('x'), fonts));
		fc.assert(
			fc.property(fc.string({ unit: 'binary', minLength: 1 }), (text) => {
				expect(skeleton(toTypst(documentOf(text), fonts))).toBe(reference);
			}),
			{ numRuns: 300 }
		);
	});
});
