import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../documents/parse';
import { contentsEntries, contentsPosition, headingLine } from './contents';
import { printableFromUnits } from './printable';
import type { StoredUnitForPrint } from './types';

let position = 0;
const unit = (kind: StoredUnitForPrint['kind'], text: string, more: Partial<StoredUnitForPrint> = {}): StoredUnitForPrint => ({
	key: `u${++position}`,
	kind,
	depth: 0,
	parentKey: null,
	part: 'body',
	number: null,
	text,
	notes: [],
	...more
});

describe('printableFromUnits', () => {
	it('turns footnote units into numbered footnotes and leaves the other units in order', () => {
		const p = printableFromUnits({
			title: 'Draft',
			lang: 'en',
			units: [
				unit('heading', 'Introduction'),
				unit('paragraph', 'Transparency: open.', { number: '1', notes: [{ marker: '9', offset: 12 }] }),
				unit('footnote', 'We note with concern.', { number: '9' }),
				unit('blank', '')
			]
		});
		expect(p.units.map((u) => [u.kind, u.label, u.text])).toEqual([
			['heading', null, 'Introduction'],
			['paragraph', '1.', 'Transparency: open.']
		]);
		expect(p.units[1].notes).toEqual([{ offset: 12, n: 1, marker: '9' }]);
		expect(p.footnotes).toEqual([{ n: 1, marker: '9', text: 'We note with concern.', part: 'body', refKey: p.units[1].key }]);
	});

	it('keeps a footnote nothing refers to where it stands', () => {
		const p = printableFromUnits({ title: 'T', lang: 'en', units: [unit('paragraph', 'Text'), unit('footnote', 'Lonely note', { number: '4' })] });
		expect(p.units.map((u) => [u.kind, u.label])).toEqual([
			['paragraph', null],
			['footnote', '4']
		]);
		expect(p.footnotes).toEqual([]);
	});

	it('drops title units that repeat the title or subtitle, whatever their case and spacing', () => {
		const p = printableFromUnits({
			title: 'Proposals of Draft Recommendations',
			subtitle: 'Rolling Document',
			lang: 'en',
			units: [unit('title', 'Working Group on Enhanced Cooperation', { part: 'front' }), unit('title', 'PROPOSALS OF  DRAFT RECOMMENDATIONS', { part: 'front' }), unit('title', 'Rolling Document', { part: 'front' })]
		});
		expect(p.units.map((u) => u.text)).toEqual(['Working Group on Enhanced Cooperation']);
	});

	it('leaves out a stored table of contents only when it prints its own', () => {
		const units = [
			unit('heading', 'Table of Contents', { key: 'toc', part: 'front' }),
			unit('list_item', 'GROUP A', { key: 'toc-li1', parentKey: 'toc', part: 'front', depth: 1 }),
			unit('heading', 'GROUP A', { key: 'group-a', number: 'A' })
		];
		expect(printableFromUnits({ title: 'T', lang: 'en', toc: true, units }).units.map((u) => u.key)).toEqual(['group-a']);
		expect(printableFromUnits({ title: 'T', lang: 'en', toc: false, units }).units.map((u) => u.key)).toEqual(['toc', 'toc-li1', 'group-a']);
	});

	it('gives the document and each unit a language and direction', () => {
		const p = printableFromUnits({ title: 'تقرير', lang: 'ar', units: [unit('paragraph', 'نص'), unit('paragraph', 'Text', { lang: 'en' })] });
		expect(p.dir).toBe('rtl');
		expect(p.units.map((u) => [u.lang, u.dir])).toEqual([
			['ar', 'rtl'],
			['en', 'ltr']
		]);
		// A unit tagged with the document's language, more or less precisely, is in the document's language.
		const british = printableFromUnits({ title: 'T', lang: 'en-GB', units: [unit('paragraph', 'a', { lang: 'en' }), unit('paragraph', 'b', { lang: 'EN-gb' }), unit('paragraph', 'c', { lang: 'en-US' })] });
		expect(british.units.map((u) => u.lang)).toEqual(['en-GB', 'en-GB', 'en-US']);
	});

	it('drops unprintable characters and keeps footnote references in place', () => {
		const p = printableFromUnits({
			title: 'A\u0000B',
			lang: 'en',
			meta: ['v\u00071'],
			units: [unit('paragraph', 'ab\u0000cd', { notes: [{ marker: '1', offset: 5 }] }), unit('footnote', 'n', { number: '1' })]
		});
		expect(p.title).toBe('AB');
		expect(p.meta).toEqual(['v1']);
		expect(p.units[0].text).toBe('abcd');
		expect(p.units[0].notes[0].offset).toBe(4);
	});

	it('uses the labels given, English otherwise', () => {
		const p = printableFromUnits({ title: 'T', lang: 'fr', labels: { contents: 'Table des matières' }, units: [] });
		expect(p.labels).toEqual({ contents: 'Table des matières', footnotes: 'Footnotes', backToText: 'Back to text' });
	});
});

const corpusDir = resolve(process.cwd(), process.env.PLENARY_CORPUS_DIR ?? '../shared/corpus');
const rollingFile = existsSync(corpusDir) ? readdirSync(corpusDir).find((f) => f.startsWith('003_') && f.endsWith('.txt')) : undefined;

describe.skipIf(!rollingFile)('003 — the rolling document, printed', () => {
	const units = parseDocument(readFileSync(join(corpusDir, rollingFile ?? ''), 'utf8')).units;
	const p = printableFromUnits({ title: 'Proposals of Draft Recommendations', subtitle: 'Rolling Document', lang: 'en', toc: true, units });

	it('lists the 28 entries of the document’s own table of contents, in its order', () => {
		const entries = contentsEntries(p);
		expect(entries).toHaveLength(28);
		// The annex heading ends with a full stop its contents entry lacks.
		const trimmed = (s: string) => s.replace(/\.$/, '');
		const stored = units.filter((u) => u.parentKey === 'toc').map((u) => (u.number ? `${u.number}. ${u.text}` : u.text));
		expect(entries.map(headingLine).map(trimmed)).toEqual(stored.map(trimmed));
	});

	it('puts the contents after the front part and resolves the four footnotes', () => {
		expect(p.units[contentsPosition(p)].key).toBe('group-a');
		expect(p.footnotes.map((f) => f.marker)).toEqual(['1', '2', '3', '4']);
		expect(p.units.some((u) => u.kind === 'footnote')).toBe(false);
	});
});
