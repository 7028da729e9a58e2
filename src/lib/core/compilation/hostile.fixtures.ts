import fc from 'fast-check';
import type { CompilationContribution, CompilationInput, CompilationItem } from './types';

/**
 * Calls whose words are hostile, for the generator's property tests: lines that look like
 * headings, annexes, numbers, contents entries, footnotes, tables, separators and markup.
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

/** A whole call whose every word may be hostile. */
export const hostileCall: fc.Arbitrary<CompilationInput> = fc
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

/** The hostile fragments, one at a time, in every place contributed words go: each must stay words. */
export const FRAGMENTS = [
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

/** A call with one fragment in every place contributed words go, in the given item shape. */
export function singleFragmentCall(fragment: string, kind: CompilationItem['kind'], number: string | null): CompilationInput {
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

