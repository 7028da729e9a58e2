import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRINT_CSS } from './html-style';
import { toHtml } from './html';
import { printableFromUnits } from './printable';
import type { StoredUnitForPrint } from './types';

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

const sample = () =>
	printableFromUnits({
		title: 'Report',
		subtitle: 'Draft',
		lang: 'en',
		meta: ['Version 3 · 22 November 2026'],
		toc: true,
		units: [
			unit('title', 'Working Group', { key: 'title-1', part: 'front' }),
			unit('heading', 'Introduction', { key: 'intro' }),
			unit('paragraph', 'First paragraph.', { key: 'intro-p1', number: '1', notes: [{ marker: '1', offset: 5 }] }),
			unit('footnote', 'The first note.', { key: 'fn-1', number: '1' }),
			unit('heading', 'Details', { key: 'intro-h1', depth: 1, number: '2' }),
			unit('list_item', 'An item', { key: 'intro-p1-li1', depth: 1 }),
			unit('annex', 'ANNEX I – Composition', { key: 'annex-1', part: 'annex-1', number: 'I' }),
			unit('paragraph', 'Annex text.', { key: 'annex-1-u1', part: 'annex-1', notes: [{ marker: '2', offset: 5 }] }),
			unit('footnote', 'The second note.', { key: 'fn-2', number: '2', part: 'annex-1' })
		]
	});

describe('toHtml', () => {
	it('is a standalone HTML5 document in the document’s language, with its print stylesheet', () => {
		const html = toHtml(sample());
		expect(html.startsWith('<!DOCTYPE html>\n<html lang="en" dir="ltr">')).toBe(true);
		expect(html).toContain('<meta charset="utf-8">');
		expect(html).toContain('<title>Report</title>');
		expect(html).toContain('@page { size: A4;');
		expect(html).not.toMatch(/<script|<link|src=/i);
		expect(html.trimEnd().endsWith('</html>')).toBe(true);
	});

	it('prints the title block, then headings in order with their anchors', () => {
		const html = toHtml(sample());
		expect(html).toContain('<h1>Report</h1>\n<p class="subtitle">Draft</p>\n<p class="meta">Version 3 · 22 November 2026</p>');
		const headings = [...html.matchAll(/<h(\d) id="(u-[^"]+)"[^>]*>(.*?)<\/h\d>/g)].map((m) => [m[1], m[2], m[3].replace(/<[^>]+>/g, '')]);
		expect(headings).toEqual([
			['2', 'u-intro', 'Introduction'],
			['3', 'u-intro-h1', '2. Details'],
			['2', 'u-annex-1', 'ANNEX I – Composition']
		]);
		expect(html).toContain('class="annex"');
	});

	it('links each table-of-contents entry to its heading, after the front part', () => {
		const html = toHtml(sample());
		const toc = html.slice(html.indexOf('<nav class="contents"'), html.indexOf('</nav>'));
		expect([...toc.matchAll(/<li class="level-(\d)"><a href="#([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2], m[3]])).toEqual([
			['0', 'u-intro', 'Introduction'],
			['1', 'u-intro-h1', '2. Details'],
			['0', 'u-annex-1', 'ANNEX I – Composition']
		]);
		expect(html.indexOf('u-title-1')).toBeLessThan(html.indexOf('<nav class="contents"'));
		expect(html.indexOf('<nav class="contents"')).toBeLessThan(html.indexOf('id="u-intro"'));
		expect(toHtml({ ...sample(), toc: false })).not.toContain('<nav');
	});

	it('lists footnotes at the end of their part, numbered through the document, with links both ways', () => {
		const html = toHtml(sample());
		expect(html).toContain('<p id="u-intro-p1" class="unit paragraph depth-0 labelled"><span class="num">1.</span>First<sup class="fnref"><a href="#fn-1" id="fnref-1">1</a></sup> paragraph.</p>');
		const body = html.slice(html.indexOf('data-part="body"'), html.indexOf('data-part="annex-1"'));
		expect(body).toContain('<ol start="1">\n<li id="fn-1">The first note. <a class="backref" href="#fnref-1" aria-label="Back to text">');
		const annex = html.slice(html.indexOf('data-part="annex-1"'));
		expect(annex).toContain('<ol start="2">\n<li id="fn-2">The second note.');
		expect(annex).not.toContain('fn-1"');
	});

	it('marks a unit in another language with its language and direction', () => {
		const p = printableFromUnits({ title: 'T', lang: 'en', units: [unit('paragraph', 'نص عربي', { key: 'ar', lang: 'ar' })] });
		expect(toHtml(p)).toContain('<p id="u-ar" class="unit paragraph depth-0" lang="ar" dir="rtl">نص عربي</p>');
		const arabic = printableFromUnits({ title: 'تقرير', lang: 'ar', units: [] });
		expect(toHtml(arabic)).toContain('<html lang="ar" dir="rtl">');
	});

	it('makes hostile text inert', () => {
		const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&amp;';
		const p = printableFromUnits({
			title: hostile,
			subtitle: hostile,
			lang: 'en"><script>x</script>',
			meta: [hostile],
			toc: true,
			labels: { contents: hostile, footnotes: hostile, backToText: hostile },
			units: [
				unit('heading', hostile, { key: 'k"><script>' }),
				unit('paragraph', hostile, { number: '<b>1</b>', notes: [{ marker: '<i>', offset: 3 }, { marker: '1', offset: 8 }] }),
				unit('footnote', hostile, { number: '1' })
			]
		});
		const html = toHtml(p);
		expect(html).not.toMatch(/<script|<img|<b>|<i>/i);
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;\'&amp;amp;');
	});

	it('never lets text open a tag or an attribute (property)', () => {
		const ours = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'main', 'section', 'nav', 'ol', 'li', 'a', 'sup', 'span', 'aside']);
		const text = fc.string({ unit: fc.constantFrom('<', '>', '"', "'", '&', '=', '/', ' ', 'a', 'on', 'script', 'é') });
		fc.assert(
			fc.property(text, text, text, fc.nat(20), (title, words, key, offset) => {
				const p = printableFromUnits({
					title,
					lang: 'en',
					toc: true,
					units: [unit('heading', words, { key }), unit('paragraph', words, { number: title, notes: [{ marker: key, offset }] })]
				});
				const html = toHtml(p);
				const body = html.slice(html.indexOf('</style>'));
				for (const tag of body.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)) {
					expect(ours.has(tag[1].toLowerCase())).toBe(true);
					// Attribute values are quoted and hold no quote: no text can add an attribute.
					expect(tag[2]).toMatch(/^(?:\s[a-z-]+="[^"<>]*")*\s?\/?$/);
				}
			})
		);
	});

	it('uses only logical properties for sides', () => {
		expect(PRINT_CSS).not.toMatch(/(?:margin|padding|border)-(?:left|right|top|bottom)|(?<![-\w])(?:left|right|top|bottom)\s*:|text-align:\s*(?:left|right)|float:/);
	});
});
