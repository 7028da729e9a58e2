import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDocument } from '../documents/parse';
import { compileCall } from './compile';
import { isShown } from './select';
import { tocOf } from './toc';
import type { CompilationContribution, CompilationInput, CompilationItem } from './types';

/**
 * The laws of the generator, over generated calls whose words are hostile: lines that look like
 * headings, annexes, numbers, contents entries, footnotes, tables, separators and markup.
 *
 *  1. What the text reads back as is what the generator says: tocOf(parse(text)) = entries.
 *  2. The entries are what the input asks for: per category (in framework order) one entry per
 *     shown contribution with items in it, then the uncategorised part, then one per annex.
 *  3. Every footnote the compilation numbers is defined once, in order.
 */
const hostile = fc.constantFrom(
	'Annex 2: Budget',
	'ANNEX I – Composition',
	'Appendix B',
	'# Heading',
	'## Sub ##',
	'Issue #',
	'GROUP A: Implementation (Questions 2 and 3)',
	'1. Draft recommendations submitted by Japan (7 February 2014)',
	'Draft recommendations submitted by India (25 November 2013)',
	'Recommendations which could not be categorized',
	'Introduction',
	'Contents',
	'Table of Contents',
	'Abstract',
	'II. Modus Operandi',
	'2 Background',
	'Option 1 – Forum',
	'Part 2:',
	'1.',
	'(1)',
	'a)',
	'2 bis',
	'1.1',
	'- ',
	'• ',
	'\uF0B7 ',
	'* ',
	'**Bold heading**',
	'_',
	'~~struck~~',
	'“Quoted',
	'"',
	'see pages.....12',
	'…… 5',
	'a\tb\t3',
	'| a | b |',
	'---',
	'***',
	'From: someone',
	'Subject: x',
	'[^1]',
	'[^2]: a definition',
	'¹ superscript note',
	'²',
	'<sup>3</sup>',
	'<b>bold</b>',
	'<p>',
	'G77',
	'Agenda.1',
	'word12',
	'\u00A0',
	'\u200B',
	'\u2060',
	'\r\n',
	'\n',
	'\n\n',
	'   ',
	'Timestamp'
);
const words = fc.constantFrom('The Group', 'recommends that', 'all stakeholders', 'Internet', 'policy.', 'cooperation;', 'Brazil', 'Japan', 'and', '2014', 'Questions 2 and 3', '(');
/** Runs of the characters that mean structure to the parser, in any order. */
const noise = fc.string({
	unit: fc.constantFrom('#', ' ', '\n', '-', '*', '_', '.', '1', '2', '7', '(', ')', 'A', 'a', 'I', 'V', 'x', ':', '[', '^', ']', '<', '>', '/', '\t', '|', '“', '"', '¹', '…', '–', '\u00A0', '\uF0B7', 'nnex '),
	maxLength: 12
});
const text = fc
	.array(fc.oneof({ weight: 2, arbitrary: words }, { weight: 3, arbitrary: hostile }, { weight: 1, arbitrary: noise }), { minLength: 0, maxLength: 6 })
	.map((parts) => parts.join(' '));
const codeArb = fc.constantFrom('A', 'B', 'C', 'D', 'E', 'I', 'X1', 'AB');

const item = (codes: readonly string[]): fc.Arbitrary<CompilationItem> =>
	fc.record({
		number: fc.option(fc.constantFrom('(1)', '(2)', '(9)', '1', '2.', '3', 'a', 'b)', 'iv', 'IV', 'A', '2 bis', '1.1', '1000.', 'Art. 5', '', '#1'), { nil: null }),
		kind: fc.constantFrom('paragraph', 'list_item', 'heading') as fc.Arbitrary<CompilationItem['kind']>,
		text: fc.array(text, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')),
		categoryCode: fc.option(fc.constantFrom(...codes, 'Z9'), { nil: null }),
		notes: fc.array(fc.record({ marker: fc.constantFrom('1', '2', '*', 'a'), text }), { maxLength: 2 })
	});

const contribution = (codes: readonly string[]): fc.Arbitrary<CompilationContribution> =>
	fc.record({
		id: fc.uuid(),
		heading: fc.option(text, { nil: null }),
		submitters: fc.array(fc.oneof(words, hostile, fc.constantFrom('Saudi Arabia', 'the Russian Federation', 'Parminder Singh')), { maxLength: 3 }),
		onBehalfOf: fc.option(text, { nil: null }),
		date: fc.option(fc.constantFrom('2013-11-08', '2013-12-12', '2014-02-07', '2014-02-31', 'soon'), { nil: null }),
		position: fc.integer({ min: 0, max: 5 }),
		status: fc.constantFrom('submitted', 'submitted', 'submitted', 'withdrawn') as fc.Arbitrary<CompilationContribution['status']>,
		published: fc.constantFrom(true, true, true, false),
		mergedIntoId: fc.option(fc.constant('other'), { nil: null, freq: 6 }),
		items: fc.array(item(codes), { maxLength: 6 })
	});

const input: fc.Arbitrary<CompilationInput> = fc
	.uniqueArray(codeArb, { maxLength: 5 })
	.chain((codes) =>
		fc.record({
			title: text,
			subtitle: fc.option(text, { nil: null }),
			callTitle: text,
			lang: fc.constantFrom('en', 'en-GB', 'fr', ''),
			framework: fc.constant(codes).chain((cs) =>
				fc.tuple(...cs.map((code) => fc.record({ code: fc.constant(code), title: text, questions: fc.array(fc.integer({ min: 1, max: 18 }), { maxLength: 4 }) })))
			),
			contributions: fc.array(contribution(codes), { maxLength: 6 }),
			annexes: fc.array(fc.record({ title: text, text: fc.array(text, { maxLength: 4 }).map((ls) => ls.join('\n\n')) }), { maxLength: 3 })
		})
	);

/** The entries the input asks for, computed the plain way. */
function expectedShape(x: CompilationInput): string[] {
	const codes = [...new Set(x.framework.map((c) => c.code))];
	const shown = x.contributions.filter(isShown);
	const out: string[] = [];
	for (const code of codes) {
		out.push(`category:${code}`);
		for (const c of shown) if (c.items.some((i) => i.categoryCode === code)) out.push(`submission:${code}:${c.id}`);
	}
	out.push('uncategorized');
	for (const c of shown) if (c.items.some((i) => i.categoryCode === null || !codes.includes(i.categoryCode))) out.push(`submission:null:${c.id}`);
	for (let i = 0; i < x.annexes.length; i++) out.push('annex');
	return out;
}

/** The hostile fragments, one at a time, in every place contributed words go: each must stay words. */
const FRAGMENTS = [
	'Annex 2: Budget',
	'ANNEX I – Composition',
	'Appendix B',
	'# Heading',
	'## Sub ##',
	'Issue #',
	'GROUP A: Implementation (Questions 2 and 3)',
	'1. Draft recommendations submitted by Japan (7 February 2014)',
	'Introduction',
	'Contents',
	'II. Modus Operandi',
	'2 Background',
	'Option 1 – Forum',
	'Part 2:',
	'(1)',
	'a)',
	'- bullet',
	'• bullet',
	'**Bold heading**',
	'_',
	'“Quoted',
	'see pages.....12',
	'a\tb\t3',
	'| a | b |',
	'---',
	'- --',
	'From: someone',
	'[^1]: a definition',
	'¹ superscript note',
	'<sup>3</sup>',
	'G77',
	'Agenda.1',
	'Introduction\nAnnex 3: Tail\n\n# Deep',
	''
];

function single(fragment: string, kind: CompilationItem['kind'], number: string | null): CompilationInput {
	return {
		title: fragment,
		subtitle: fragment,
		callTitle: fragment,
		lang: 'en',
		framework: [
			{ code: 'A', title: fragment, questions: [2] },
			{ code: 'B', title: 'Public policy', questions: [] }
		],
		contributions: [
			{
				id: 'one',
				heading: fragment || null,
				submitters: [fragment],
				onBehalfOf: fragment || null,
				date: '2014-02-07',
				position: 1,
				status: 'submitted',
				published: true,
				mergedIntoId: null,
				items: [
					{ number: '(1)', kind: 'paragraph', text: 'Recalls the Agenda', categoryCode: 'A', notes: [] },
					{ number, kind, text: fragment, categoryCode: 'A', notes: [{ marker: '1', text: fragment }] },
					{ number: null, kind: 'list_item', text: `Item\n${fragment}`, categoryCode: null, notes: [] }
				]
			},
			{
				id: 'two',
				heading: null,
				submitters: ['Japan', fragment],
				onBehalfOf: null,
				date: null,
				position: 2,
				status: 'submitted',
				published: true,
				mergedIntoId: null,
				items: [{ number, kind, text: fragment, categoryCode: 'B', notes: [] }]
			}
		],
		annexes: [
			{ title: fragment, text: fragment },
			{ title: 'Questionnaire', text: `${fragment}\n\n1. Which?` }
		]
	};
}

describe('compileCall with hostile words', () => {
	it('keeps every fragment, in every place and item shape, as words', () => {
		for (const fragment of FRAGMENTS) {
			for (const kind of ['paragraph', 'list_item', 'heading'] as const) {
				for (const number of [null, '(2)', '2', 'A', '2 bis']) {
					const x = single(fragment, kind, number);
					const compiled = compileCall(x);
					const toc = tocOf(parseDocument(compiled.text).units);
					const where = JSON.stringify({ fragment, kind, number });
					expect(toc, where).toEqual(compiled.entries.map(({ contributionId: _id, ...rest }) => rest));
					expect(toc.map((e) => `${e.kind}:${e.categoryCode}`), where).toEqual([
						'category:A',
						'submission:A',
						'category:B',
						'submission:B',
						'uncategorized:null',
						'submission:null',
						'annex:null',
						'annex:null'
					]);
				}
			}
		}
	});
});

describe('compileCall laws', () => {
	it('reads back as its own table of contents, which is the one the input asks for', () => {
		fc.assert(
			fc.property(input, (x) => {
				const compiled = compileCall(x);
				const units = parseDocument(compiled.text).units;
				expect(tocOf(units, x.lang)).toEqual(compiled.entries.map(({ contributionId: _id, ...rest }) => rest));
				const shape = compiled.entries.map((e) => (e.kind === 'category' ? `category:${e.categoryCode}` : e.kind === 'submission' ? `submission:${e.categoryCode}:${e.contributionId}` : e.kind));
				// The expected shape lists submissions in input order; compare as a multiset per part, the order is checked apart.
				expect([...shape].sort()).toEqual([...expectedShape(x)].sort());
				expect(shape.filter((s) => !s.startsWith('submission'))).toEqual(expectedShape(x).filter((s) => !s.startsWith('submission')));
				expect(units.filter((u) => u.kind === 'annex')).toHaveLength(x.annexes.length);
			}),
			{ numRuns: 300 }
		);
	});

	it('orders submissions by position, then date, then id, in every part', () => {
		fc.assert(
			fc.property(input, (x) => {
				const compiled = compileCall(x);
				const byId = new Map(x.contributions.map((c) => [c.id, c]));
				let previous: CompilationContribution | null = null;
				for (const e of compiled.entries) {
					if (e.kind !== 'submission') {
						previous = null;
						continue;
					}
					const c = byId.get(e.contributionId!)!;
					if (previous) {
						const key = (y: CompilationContribution) => [y.position, y.date ?? '\uffff', y.id] as const;
						const [a, b] = [key(previous), key(c)];
						expect(a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] <= b[2])))).toBe(true);
					}
					previous = c;
				}
			}),
			{ numRuns: 200 }
		);
	});

	it('defines every footnote it numbers, once and in order, and is deterministic', () => {
		fc.assert(
			fc.property(input, (x) => {
				const compiled = compileCall(x);
				expect(compileCall(x).text).toBe(compiled.text);
				const defined = compiled.text.match(/^\[\^(\d+)\]:/gm) ?? [];
				const annexDefinitions = x.annexes.reduce((n, a) => n + (a.text.match(/^\[\^[^\]\s]{1,12}\]:/gm) ?? []).length, 0);
				const itemNotes = x.contributions.filter(isShown).reduce((n, c) => n + c.items.reduce((m, i) => m + i.notes.length, 0), 0);
				expect(defined.length).toBe(itemNotes + annexDefinitions);
				const numbers = defined.slice(0, itemNotes).map((d) => Number(/\d+/.exec(d)![0]));
				expect(numbers).toEqual(numbers.map((_n, i) => i + 1));
				// Before the annexes, the parser finds exactly the references written: no glued digits ("G77",
				// "Agenda.1") taken for one, none lost.
				const units = parseDocument(compiled.text).units;
				const firstAnnex = units.find((u) => u.kind === 'annex');
				const body = firstAnnex ? compiled.text.slice(0, firstAnnex.spans[0][0]) : compiled.text;
				const written = (body.match(/\[\^\d+\]/g) ?? []).length - (body.match(/^\[\^\d+\]:/gm) ?? []).length;
				const read = units.filter((u) => !u.part.startsWith('annex-')).reduce((n, u) => n + u.notes.length, 0);
				expect(read).toBe(written);
				// Every note is referred to at least once (a marker the text names twice is referred to twice).
				expect(written).toBeGreaterThanOrEqual(itemNotes);
			}),
			{ numRuns: 200 }
		);
	});
});
