import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument } from './parse';
import type { ParsedUnit } from './types';

/**
 * Golden expectations on the real WGEC files, stated as structure, numbers and short quotes.
 * The files are read where they lie (../shared/corpus or PLENARY_CORPUS_DIR), never copied.
 */
const corpusDir = resolve(process.cwd(), process.env.PLENARY_CORPUS_DIR ?? '../shared/corpus');
const files = existsSync(corpusDir) ? readdirSync(corpusDir) : [];
const read = (prefix: string): string | null => {
	const name = files.find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
	return name ? readFileSync(join(corpusDir, name), 'utf8') : null;
};

const draft = read('004_');
const comments = read('000_');
const rolling = read('003_');
const joint = read('001_');
const russia2016 = read('002_');

const children = (units: ParsedUnit[], key: string) => units.filter((u) => u.parentKey === key);
const numbers = (units: ParsedUnit[]) => units.map((u) => u.number);
const range = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));

describe.skipIf(!draft)("004 — the Chair's draft of 11 November 2017", () => {
	const units = parseDocument(draft ?? '').units;
	const byKey = new Map(units.map((u) => [u.key, u]));
	const section = (key: string) => children(units, key).filter((u) => u.kind === 'paragraph');

	it('has a title, an executive summary in the front matter, and the body after it', () => {
		expect(units.find((u) => u.kind === 'title')?.text).toMatch(/^DRAFT REPORT OF THE WORKING GROUP ON ENHANCED COOPERATION$/);
		const summary = byKey.get('summary');
		expect(summary).toMatchObject({ kind: 'heading', part: 'front', text: 'Executive Summary' });
		expect(section('summary')).toHaveLength(1);
		expect(byKey.get('intro')).toMatchObject({ kind: 'heading', part: 'body', text: 'Introduction' });
	});

	it('numbers the introduction exactly 1–15 and the recommendations exactly 1–19', () => {
		expect(numbers(section('intro'))).toEqual(range(15));
		expect(numbers(section('rec'))).toEqual(range(19));
		expect(section('rec').map((u) => u.key)).toEqual(range(19).map((n) => `rec-p${n}`));
	});

	it('keeps the quoted resolution (its paragraphs 64 and 65) inside introduction paragraph 1', () => {
		const p1 = byKey.get('intro-p1')!;
		expect(p1.text).toContain('in the following terms: “4.1 Enhanced Cooperation 64. We acknowledge');
		expect(p1.text).toContain('65. We note, however');
		expect(p1.text).toMatch(/World Summit on the Information Society\.”$/);
		expect(p1.text).toContain('General Assembly on the Overall Review');
	});

	it('makes introduction paragraphs 2 and 6 and recommendation 5 single units across footnote blocks and page breaks', () => {
		const p2 = byKey.get('intro-p2')!;
		expect(p2.spans).toHaveLength(2);
		expect(p2.text).toContain('nineteenth session');
		expect(p2.text).toContain('Chair of the Working Group. The list of the members');
		expect(p2.text).toMatch(/\(Annex I\)\.$/);
		const p6 = byKey.get('intro-p6')!;
		expect(p6.spans).toHaveLength(2);
		expect(p6.text).toContain('at a later stage and invited');
		const r5 = byKey.get('rec-p5')!;
		expect(r5.spans).toHaveLength(2);
		expect(r5.text).toContain('international Internet-related public policy. Particular attention');
	});

	it('has Annexes I, II and III as parts, with Option 1 and Option 2 headings and their list items in Annex III', () => {
		const annexes = units.filter((u) => u.kind === 'annex');
		expect(annexes.map((u) => [u.key, u.part, u.number])).toEqual([
			['annex-1', 'annex-1', 'I'],
			['annex-2', 'annex-2', 'II'],
			['annex-3', 'annex-3', 'III']
		]);
		const options = children(units, 'annex-3').filter((u) => u.kind === 'heading');
		expect(options.map((u) => u.text.slice(0, 8))).toEqual(['Option 1', 'Option 2']);
		expect(options.map((u) => u.key)).toEqual(['annex-3-h1', 'annex-3-h2']);
		for (const o of options) {
			expect(o.part).toBe('annex-3');
			expect(children(units, o.key).every((u) => u.kind === 'list_item')).toBe(true);
		}
		expect(children(units, 'annex-3-h1')).toHaveLength(6);
		expect(children(units, 'annex-3-h2')).toHaveLength(4);
		expect(children(units, 'annex-3-h1')[1].text).toMatch(/with a view to ensuring coordination .* global issues$/);
	});

	it('has footnotes 1–11 with their numbers', () => {
		const notes = units.filter((u) => u.kind === 'footnote');
		expect(notes.map((u) => u.key)).toEqual(range(11).map((n) => `fn-${n}`));
		expect(numbers(notes)).toEqual(range(11));
		expect(byKey.get('fn-9')!.text).toMatch(/^We note with concern .* World Trade Organization\.$/);
	});

	it('anchors footnotes 9, 10 and 11 to "Transparency", "marginalized groups" and recommendation 15', () => {
		const refs = units.flatMap((u) => u.notes.map((n) => ({ key: u.key, marker: n.marker, before: u.text.slice(0, n.offset) })));
		expect(refs.map((r) => r.marker)).toEqual(range(11));
		const nine = refs.find((r) => r.marker === '9')!;
		expect(nine.key).toBe('rec-p1-li1');
		expect(nine.before).toBe('Transparency');
		const ten = refs.find((r) => r.marker === '10')!;
		expect(ten.key).toBe('rec-p8');
		expect(ten.before).toMatch(/marginalized groups$/);
		const eleven = refs.find((r) => r.marker === '11')!;
		expect(eleven.key).toBe('rec-p15');
		expect(eleven.before).toMatch(/best practices$/);
		expect(refs.find((r) => r.marker === '1')).toMatchObject({ key: 'intro-p1' });
		expect(refs.find((r) => r.marker === '7')!.before).toMatch(/the WGEC$/);
	});

	it('gives recommendation 1 its seven characteristics and recommendation 19 its three initiatives', () => {
		const r1 = children(units, 'rec-p1');
		expect(r1.map((u) => u.kind)).toEqual(Array(7).fill('list_item'));
		expect(r1[0].text).toBe('Transparency:');
		expect(r1[6].text).toMatch(/^International dimension/);
		expect(r1.every((u) => u.depth === 1)).toBe(true);
		const r19 = children(units, 'rec-p19');
		expect(r19).toHaveLength(3);
		expect(r19[1].text).toMatch(/^Establishment of a permanent intergovernmental mechanism/);
	});

	it('cleans the text: no private-use glyphs, word hyphens kept, no glued footnote digits', () => {
		const all = units.map((u) => u.text).join('\n');
		expect(draft).toMatch(/\uF0B7/);
		expect(all).not.toMatch(/[\uF0B7\uF0FC\uF000-\uF0FF]/);
		expect(all).toContain('Internet-related');
		expect(all).toContain('twenty-first');
		expect(all).toContain('evidence-based');
		expect(all).not.toMatch(/Internet- related|twenty- first/);
		expect(all).not.toMatch(/Transparency9|groups10|practices11|meeting3|WGEC7/);
		expect(all).toContain('A/RES/70/125');
		expect(all).toContain('paragraph 35');
	});
});

describe.skipIf(!comments)("000 — the Russian Federation's comments on the draft", () => {
	const units = parseDocument(comments ?? '').units;
	const byKey = new Map(units.map((u) => [u.key, u]));

	it('keeps the draft\'s section keys and adds "2 bis" and "2 tres" to the recommendations', () => {
		const recs = children(units, 'rec').filter((u) => u.kind === 'paragraph');
		expect(numbers(recs)).toEqual(['1', '2', '2 bis', '2 tres', ...range(19).slice(2)]);
		expect(byKey.get('rec-p2bis')?.text).toMatch(/^In response to item 69/);
		expect(byKey.get('rec-p2tres')?.text).toMatch(/^Some other participants/);
		expect(children(units, 'rec-p2bis').filter((u) => u.kind === 'list_item')).toHaveLength(6);
		const intro = children(units, 'intro').filter((u) => u.kind === 'paragraph');
		expect(numbers(intro)).toEqual(range(15));
	});

	it('preserves ~~deleted~~ text in source and text', () => {
		const p15 = byKey.get('intro-p15')!;
		expect(p15.source).toContain('~~Annex III summarizes');
		expect(p15.text).toContain('~~Annex III summarizes the viewpoints held by supporters and opponents of new institutional mechanisms.~~');
		expect(byKey.get('rec-p1-li7')?.text).toBe('International ~~dimension~~-extent');
	});

	it('reads its <sup> footnote markers as references and drops the HTML', () => {
		const all = units.map((u) => u.text).join('\n');
		expect(all).not.toContain('<sup>');
		expect(byKey.get('rec-p8')!.notes).toEqual([{ marker: '9', offset: byKey.get('rec-p8')!.text.indexOf(' and unaffiliated') }]);
	});
});

describe.skipIf(!rolling)('003 — the rolling compilation', () => {
	const units = parseDocument(rolling ?? '').units;

	it('has the five category headings, the uncategorised section and two annexes', () => {
		const top = units.filter((u) => u.kind === 'heading' && u.part === 'body' && u.parentKey === null);
		expect(top.map((u) => u.key)).toEqual(['group-a', 'group-b', 'group-c', 'group-d', 'group-e', 'recommendations-which-could-not']);
		expect(units.filter((u) => u.kind === 'annex').map((u) => u.key)).toEqual(['annex-1', 'annex-2']);
	});

	it('lists 28 contents entries in the front matter', () => {
		const toc = units.filter((u) => u.parentKey === 'toc');
		expect(toc).toHaveLength(28);
		expect(toc.every((u) => u.part === 'front' && u.kind === 'list_item')).toBe(true);
		expect(toc[0].text).toBe('GROUP A: Implementation of the Tunis Agenda (Questions 2 and 3)');
	});

	it('makes each submission a heading under its category', () => {
		const submissions = units.filter((u) => u.kind === 'heading' && /submitted by/.test(u.text));
		expect(submissions).toHaveLength(20);
		expect(submissions[0]).toMatchObject({ key: 'group-a-h1', number: '1', parentKey: 'group-a' });
	});

	it('nests sub-items and keeps the Roman-numbered list together', () => {
		const nested = units.filter((u) => u.parentKey === 'group-c-h4-li4');
		expect(numbers(nested)).toEqual(['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii']);
		expect(nested.every((u) => u.depth === 2)).toBe(true);
	});

	it('reads superscript footnotes', () => {
		const notes = units.filter((u) => u.kind === 'footnote');
		expect(numbers(notes)).toEqual(['1', '2', '3', '4']);
		expect(units.flatMap((u) => u.notes.map((n) => n.marker))).toEqual(['1', '2', '3', '4']);
	});
});

describe.skipIf(!joint || !russia2016)('001 and 002 — contributions', () => {
	it('001 has its Roman-numbered sections, its tables and its recommendations', () => {
		const units = parseDocument(joint ?? '').units;
		const top = units.filter((u) => u.kind === 'heading' && u.parentKey === null);
		expect(top.map((u) => u.number)).toEqual(['I', 'II', 'III']);
		expect(units.filter((u) => u.kind === 'table_row').length).toBeGreaterThanOrEqual(8);
		const recs = units.find((u) => u.kind === 'heading' && u.text === 'Recommendations')!;
		expect(children(units, recs.key).filter((u) => u.kind === 'list_item')).toHaveLength(10);
	});

	it('002 has its two questions, decimal-numbered answers and e-mail header lines', () => {
		const units = parseDocument(russia2016 ?? '').units;
		const paragraphs = units.filter((u) => u.kind === 'paragraph' && u.number !== null);
		expect(numbers(paragraphs)).toEqual(['1', '1.1', '1.2', '1.3', '1.4', '1.5', '2', '2.1', '2.2', '2.3', '2.4', '2.5', '2.5']);
		expect(units.find((u) => u.text.startsWith('Date:'))?.text).toBe('Date: 05-12-2016');
	});
});
