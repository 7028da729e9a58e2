import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { printableFromUnits } from '../../src/lib/core/exports/printable';
import type { Printable, StoredUnitForPrint } from '../../src/lib/core/exports/types';
import { toDocx } from '../../src/lib/server/exports/docx';
import { MissingFont } from '../../src/lib/server/exports/fonts';
import { toPdf } from '../../src/lib/server/exports/pdf';
import { compileTypst, TypstCompileError } from '../../src/lib/server/exports/typst-compiler';

/**
 * Real files out, read back by real readers: DOCX by mammoth and as a ZIP, PDF by poppler's
 * pdftotext and pdffonts, typeset with the Noto fonts of Debian's fonts-noto-core and
 * fonts-noto-cjk. No database.
 */
const dir = mkdtempSync(join(tmpdir(), 'plenary-exports-'));
const emptyFontDir = mkdtempSync(join(tmpdir(), 'plenary-no-fonts-'));
afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
	rmSync(emptyFontDir, { recursive: true, force: true });
});

let files = 0;
/**
 * Runs a poppler tool on the PDF and returns what it prints. `raw`: the text in the order it was
 * written, without pdftotext's joining of a word broken by a hyphen at the end of a line (which
 * would eat the hyphen of a text that ends in "-" there).
 */
function poppler(tool: 'pdftotext' | 'pdffonts', pdf: Uint8Array, raw = false): string {
	const path = join(dir, `${++files}.pdf`);
	writeFileSync(path, pdf);
	return execFileSync(tool, tool === 'pdftotext' ? [...(raw ? ['-raw'] : []), path, '-'] : [path], { encoding: 'utf8' });
}
const squeeze = (s: string) => s.replace(/\s+/g, '');

const ENGLISH = 'The Working Group recommends enhanced cooperation among all stakeholders.';
const RUSSIAN = 'Рабочая группа рекомендует расширенное сотрудничество всех заинтересованных сторон.';
const ARABIC = 'يوصي الفريق العامل بتعزيز التعاون بين جميع أصحاب المصلحة.';
const CHINESE = '工作组建议所有利益攸关方加强合作。';

let position = 0;
const unit = (kind: StoredUnitForPrint['kind'], text: string, more: Partial<StoredUnitForPrint> = {}): StoredUnitForPrint => ({
	key: `u${++position}`,
	kind,
	depth: 0,
	part: 'body',
	number: null,
	text,
	notes: [],
	...more
});

function multilingual(toc = true): Printable {
	return printableFromUnits({
		title: 'Report of the Working Group',
		subtitle: 'Draft',
		lang: 'en',
		meta: ['Version 3 · 22 November 2026'],
		toc,
		units: [
			unit('heading', 'Executive summary', { key: 'summary', part: 'front' }),
			unit('paragraph', 'A short summary.', { key: 'summary-u1', part: 'front' }),
			unit('heading', 'Introduction', { key: 'intro', number: 'I' }),
			unit('paragraph', ENGLISH, { key: 'intro-p1', number: '1', notes: [{ marker: '1', offset: 17 }] }),
			unit('footnote', 'Footnote in English about the mandate.', { key: 'fn-1', number: '1' }),
			unit('heading', 'Languages', { key: 'intro-h1', depth: 1, number: '2' }),
			unit('paragraph', RUSSIAN, { key: 'intro-p2', number: '2', lang: 'ru', notes: [{ marker: '2', offset: 13 }] }),
			unit('footnote', 'Сноска на русском языке.', { key: 'fn-2', number: '2', lang: 'ru' }),
			unit('paragraph', ARABIC, { key: 'intro-p3', number: '3', lang: 'ar' }),
			unit('list_item', CHINESE, { key: 'intro-p3-li1', depth: 1, number: 'a', lang: 'zh' }),
			unit('annex', 'ANNEX I – Composition', { key: 'annex-1', part: 'annex-1', number: 'I' }),
			unit('paragraph', 'Members and observers.', { key: 'annex-1-u1', part: 'annex-1' }),
			unit('annex', 'المرفق الثاني', { key: 'annex-2', part: 'annex-2', lang: 'ar' })
		]
	});
}

describe('toDocx', () => {
	it('writes a Word document that mammoth reads with its headings in order, its footnotes and every script intact', async () => {
		const docx = await toDocx(multilingual());
		const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(docx) });
		const headings = [...html.matchAll(/<h([1-6])>(.*?)<\/h\1>/g)].map((m) => [m[1], m[2].replace(/<[^>]+>/g, '')]);
		expect(headings).toEqual([
			['1', 'Executive summary'],
			['1', 'I. Introduction'],
			['2', '2. Languages'],
			['1', 'ANNEX I – Composition'],
			['1', 'المرفق الثاني']
		]);
		for (const text of [ENGLISH.slice(17), RUSSIAN.slice(13), ARABIC, CHINESE]) expect(html).toContain(text);
		// Footnotes are Word footnotes: mammoth lists them at the end, linked from their references.
		expect(html).toMatch(/<li id="footnote-1"><p>Footnote in English about the mandate\./);
		expect(html).toMatch(/<li id="footnote-2"><p>Сноска на русском языке\./);
		expect(html).toContain('<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>');
	});

	it('is a valid package: a ZIP with the document, its footnotes, styles and properties', async () => {
		const zip = await JSZip.loadAsync(await toDocx(multilingual()));
		const document = await zip.file('word/document.xml')!.async('string');
		expect(document).toContain('<w:pStyle w:val="Heading1"/>');
		// The Arabic paragraph is laid out right to left; the table of contents field lists Heading 1–2 after the front part.
		expect(document).toMatch(/<w:p><w:pPr>(?:(?!<\/w:pPr>).)*<w:bidi\/>(?:(?!<\/w:p>).)*يوصي/);
		expect(document).toMatch(/TOC \\b &quot;_PlenaryContents&quot; \\h \\o &quot;1-2&quot;/);
		expect(await zip.file('word/footnotes.xml')!.async('string')).toContain('Footnote in English about the mandate.');
		expect(await zip.file('docProps/core.xml')!.async('string')).toContain('<dc:title>Report of the Working Group</dc:title>');
		expect(await zip.file('word/styles.xml')!.async('string')).toMatch(/<w:lang w:val="en-GB"/);
	});

	it('lists the body’s headings in its table of contents, not the front part’s, and none without `toc`', async () => {
		const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(await toDocx(multilingual())) });
		const entries = [...html.matchAll(/<p><a href="#_Toc\d+">([^<]*)\t<\/a><\/p>/g)].map((m) => m[1]);
		expect(entries).toEqual(['I. Introduction', '2. Languages', 'ANNEX I – Composition', 'المرفق الثاني']);
		const plain = await JSZip.loadAsync(await toDocx(multilingual(false)));
		expect(await plain.file('word/document.xml')!.async('string')).not.toContain('TOC \\');
	});
});

describe('toPdf', () => {
	afterEach(() => {
		delete process.env.PLENARY_FONT_DIRS;
	});

	it('prints English, Russian, Arabic and Chinese with embedded Noto fonts, headings in order and footnotes', async () => {
		const pdf = await toPdf(multilingual());
		const text = poppler('pdftotext', pdf);
		const flat = squeeze(text);
		for (const s of [ENGLISH.slice(0, 17), ENGLISH.slice(17), RUSSIAN.slice(0, 13), RUSSIAN.slice(13), CHINESE]) expect(flat).toContain(squeeze(s));
		// pdftotext may give Arabic in visual order and in presentation forms: compare each word's letters, either way round.
		const extracted = text.normalize('NFKC');
		for (const word of ARABIC.replace(/[.،]/g, '').split(' ')) {
			expect(extracted.includes(word) || extracted.includes([...word].reverse().join(''))).toBe(true);
		}
		const order = ['Contents', 'I. Introduction', '2. Languages', 'ANNEX I – Composition'].map((h) => text.lastIndexOf(h));
		expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]))).toBe(true);
		expect(flat).toContain(squeeze('Footnote in English about the mandate.'));
		expect(flat).toContain(squeeze('Сноска на русском языке.'));

		const fonts = poppler('pdffonts', pdf);
		for (const name of ['NotoSerif-Regular', 'NotoSerif-Bold', 'NotoNaskhArabic-Regular', 'NotoSansCJKsc-Regular']) {
			expect(fonts).toMatch(new RegExp(`\\+${name}\\S*\\s+.*\\s+yes\\s+yes\\s+yes`));
		}
	});

	it('refuses Chinese text when no font folder holds a CJK font, naming the Debian package', async () => {
		const chinese = printableFromUnits({ title: 'Report', lang: 'zh', units: [unit('paragraph', CHINESE)] });
		await expect(toPdf(chinese, { fontDirs: [emptyFontDir] })).rejects.toThrow(MissingFont);
		await expect(toPdf(chinese, { fontDirs: [emptyFontDir] })).rejects.toThrow(
			'Chinese, Japanese or Korean text needs the font Noto Sans CJK: install the Debian package fonts-noto-cjk'
		);
		// The same through the setting an administrator uses.
		process.env.PLENARY_FONT_DIRS = emptyFontDir;
		await expect(toPdf(chinese)).rejects.toThrow(/fonts-noto-cjk/);
		const arabic = printableFromUnits({ title: 'Report', lang: 'en', units: [unit('paragraph', ARABIC, { lang: 'ar' })] });
		await expect(toPdf(arabic)).rejects.toThrow('Arabic text needs the font Noto Naskh Arabic: install the Debian package fonts-noto-core');
	});

	it('prints Latin, Cyrillic and Greek without any font folder, with the serif Typst carries', async () => {
		const p = printableFromUnits({ title: 'Report', lang: 'en', units: [unit('paragraph', `${ENGLISH} ${RUSSIAN} Ελληνικά.`)] });
		const pdf = await toPdf(p, { fontDirs: [emptyFontDir] });
		expect(squeeze(poppler('pdftotext', pdf))).toContain(squeeze(`${ENGLISH} ${RUSSIAN} Ελληνικά.`));
		const fonts = poppler('pdffonts', pdf);
		expect(fonts).toContain('LibertinusSerif-Regular');
		expect(fonts).not.toContain('Noto');
	});

	it('typesets in a thread of its own: the server’s thread stays free meanwhile', async () => {
		// About 150 pages: long enough to take several hundred milliseconds.
		const long = printableFromUnits({
			title: 'Long',
			lang: 'en',
			units: Array.from({ length: 1200 }, (_, i) => unit('paragraph', `${i} ${ENGLISH.repeat(6)}`, { key: `long-${i}`, number: String(i + 1) }))
		});
		let last = performance.now();
		let longestGap = 0;
		const timer = setInterval(() => {
			const now = performance.now();
			longestGap = Math.max(longestGap, now - last);
			last = now;
		}, 5);
		const start = performance.now();
		await toPdf(long);
		const took = performance.now() - start;
		clearInterval(timer);
		// Blocked, the timer could not fire until the end: its longest gap would be the whole time.
		expect(took).toBeGreaterThan(150);
		expect(longestGap).toBeLessThan(took / 3);
	});

	it('turns a Typst error into a TypstCompileError with Typst’s message', async () => {
		await expect(compileTypst('#let x = ', [])).rejects.toThrow(TypstCompileError);
		await expect(compileTypst('#let x = ', [])).rejects.toThrow('The PDF could not be made: expected expression');
		await expect(compileTypst('#"a"[b]', [])).rejects.toThrow(/expected function, found string/);
		// The compiler is still usable after an error.
		expect((await compileTypst('Fine.', [])).length).toBeGreaterThan(500);
	});

	it('prints any text as it is, Typst markup characters included (property)', async () => {
		const alphabet = fc.constantFrom(
			...'#*_$@<>`\\[]=-+/~\'".,:;!?(){}%&|^ 0123456789 aeiouxyzAEXYZ ÄéßçñøłœжЩёΩλ€£©§¶†•–—‘’“”«»…'.split(''),
			'//',
			'/*',
			'*/',
			'...',
			'--',
			'---',
			'1.',
			'- ',
			'+ ',
			'= ',
			'#let x = 1',
			'$x^2$',
			'<label>',
			'@ref',
			'\\u{41}',
			'http://example.org/a_b',
			'\n'
		);
		const text = fc.string({ unit: alphabet, minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0);
		await fc.assert(
			fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 4 }), async (texts) => {
				const p = printableFromUnits({
					title: texts[0],
					lang: 'en',
					toc: true,
					units: texts.flatMap((t, i) => [
						unit('heading', t, { key: `h${i}` }),
						unit('paragraph', t, { key: `p${i}`, number: String(i + 1), notes: [{ marker: String(i + 1), offset: t.length }] }),
						unit('footnote', t, { key: `f${i}`, number: String(i + 1) })
					])
				});
				const flat = squeeze(poppler('pdftotext', await toPdf(p), true));
				for (const t of texts) expect(flat).toContain(squeeze(t));
			}),
			{ numRuns: 25 }
		);
	});

	it('compiles any Unicode text without an error (property)', async () => {
		await fc.assert(
			fc.asyncProperty(fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }), async (t) => {
				const p = printableFromUnits({ title: t, lang: 'en', units: [unit('heading', t), unit('paragraph', t, { number: t, notes: [{ marker: '1', offset: 1 }] }), unit('footnote', t, { number: '1' })] });
				const pdf = await toPdf(p);
				expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
			}),
			{ numRuns: 40 }
		);
	});
});
