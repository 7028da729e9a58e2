import { describe, expect, it } from 'vitest';
import { groupItems } from '../corpus/units';
import { parseDocument } from '../documents/parse';
import type { ParsedUnit } from '../documents/types';
import { compileCall } from './compile';
import { display } from './escape';
import { formatDate, submissionHeading } from './headings';
import { tocOf } from './toc';
import type { CompilationContribution, CompilationInput, CompilationItem } from './types';
import { WORDING } from './wording';

/** Factories: a call with the 2013 framework's first two groups, and contributions built from a few fields. */
function item(text: string, over: Partial<CompilationItem> = {}): CompilationItem {
	return { number: null, kind: 'paragraph', text, categoryCode: 'A', notes: [], ...over };
}

function contribution(id: string, over: Partial<CompilationContribution> = {}): CompilationContribution {
	return {
		id,
		heading: null,
		submitters: ['Japan'],
		onBehalfOf: null,
		date: '2014-02-07',
		position: 1,
		status: 'submitted',
		published: true,
		mergedIntoId: null,
		items: [item('Recalls paragraph 69 of the Tunis Agenda.')],
		...over
	};
}

function call(contributions: CompilationContribution[], over: Partial<CompilationInput> = {}): CompilationInput {
	return {
		title: 'Proposals of Draft Recommendations',
		subtitle: 'Rolling Document',
		callTitle: 'Draft recommendations in the temporary draft framework',
		lang: 'en',
		framework: [
			{ code: 'A', title: 'Implementation of the Tunis Agenda', questions: [2, 3] },
			{ code: 'B', title: 'Public policy issue and possible mechanisms', questions: [4, 8, 9] }
		],
		contributions,
		annexes: [],
		...over
	};
}

const parsed = (text: string) => parseDocument(text).units;
const submissions = (x: CompilationInput) => compileCall(x).entries.filter((e) => e.kind === 'submission');

/** The units under the submission heading whose text is `heading`, in part `code`'s part. */
function under(units: readonly ParsedUnit[], index: number): ParsedUnit[] {
	const headings = units.filter((u) => u.kind === 'heading' && u.part === 'body' && u.depth === 1);
	const start = units.indexOf(headings[index]);
	const out: ParsedUnit[] = [];
	for (const u of units.slice(start + 1)) {
		if (u.kind === 'annex' || (u.kind === 'heading' && u.depth <= 1)) break;
		out.push(u);
	}
	return out;
}

describe('submissionHeading', () => {
	it('words the template heading in English, lists without the serial comma', () => {
		expect(submissionHeading('en', ['Japan'], null, '2014-02-07')).toBe('Draft recommendations submitted by Japan (7 February 2014)');
		expect(submissionHeading('en', ['Saudi Arabia', 'the Russian Federation', 'Pakistan', 'Parminder Singh'], null, '2017-09-25')).toBe(
			'Draft recommendations submitted by Saudi Arabia, the Russian Federation, Pakistan and Parminder Singh (25 September 2017)'
		);
		expect(submissionHeading('en', ['Ms. Avri Doria'], 'a group of WGEC Members and Observers', '2014-02-12')).toBe(
			'Draft recommendations submitted by Ms. Avri Doria on behalf of a group of WGEC Members and Observers (12 February 2014)'
		);
	});

	it('says only what is known', () => {
		expect(submissionHeading('en', ['Brazil', 'India'], null, null)).toBe('Draft recommendations submitted by Brazil and India');
		expect(submissionHeading('en', [], null, '2013-11-08')).toBe('Draft recommendations (8 November 2013)');
		expect(submissionHeading('en', [' ', ''], 'the African Group', null)).toBe('Draft recommendations submitted on behalf of the African Group');
	});

	it('falls back to English for a language without its own wording', () => {
		expect(submissionHeading('fr-CH', ['Japan'], null, '2014-02-07')).toBe(submissionHeading('en', ['Japan'], null, '2014-02-07'));
	});

	it('formats ISO dates and leaves anything else as written', () => {
		expect(formatDate('en-GB', '2013-12-12')).toBe('12 December 2013');
		expect(formatDate('en-GB', '2014-02-31')).toBe('2014-02-31');
		expect(formatDate('en-GB', 'soon')).toBe('soon');
	});
});

describe('compileCall', () => {
	it('writes title, abstract, contents, the parts in framework order and the uncategorised part', () => {
		const x = call([contribution('jp', { items: [item('One.', { categoryCode: 'B' }), item('Two.', { categoryCode: 'A' })] })]);
		const { text, entries } = compileCall(x);
		const units = parsed(text);
		expect(units.filter((u) => u.kind === 'title').map((u) => u.text)).toEqual(['Proposals of Draft Recommendations', 'Rolling Document']);
		const abstract = units.find((u) => u.part === 'front' && u.kind === 'paragraph')!;
		expect(abstract.text).toContain('“Draft recommendations in the temporary draft framework”');
		expect(abstract.text).toContain('grouped by the framework: A. Implementation of the Tunis Agenda (Questions 2 and 3); B. Public policy');
		expect(abstract.text).toContain('(Questions 4, 8 and 9).');
		const contents = units.filter((u) => u.part === 'front' && u.kind === 'list_item');
		expect(contents.map((u) => u.text)).toEqual(entries.map((e) => e.heading));
		expect(entries.map((e) => [e.kind, e.level, e.categoryCode])).toEqual([
			['category', 1, 'A'],
			['submission', 2, 'A'],
			['category', 1, 'B'],
			['submission', 2, 'B'],
			['uncategorized', 1, null]
		]);
		expect(entries[0].heading).toBe('GROUP A: Implementation of the Tunis Agenda (Questions 2 and 3)');
		expect(entries[4].heading).toBe('Draft recommendations that could not be categorized');
		// The empty uncategorised part says so.
		expect(units[units.length - 1].text).toBe('No draft recommendations were left uncategorized.');
		expect(tocOf(units)).toEqual(entries.map(({ contributionId: _c, ...rest }) => rest));
	});

	it('leaves out withdrawn, unpublished and merged contributions', () => {
		const x = call([
			contribution('shown'),
			contribution('withdrawn', { status: 'withdrawn' }),
			contribution('held', { published: false }),
			contribution('merged', { mergedIntoId: 'shown' })
		]);
		expect(submissions(x).map((e) => e.contributionId)).toEqual(['shown']);
	});

	it("orders submissions by the secretariat's position, then date received, then id", () => {
		const x = call([
			contribution('c', { position: 2, date: '2013-11-08' }),
			contribution('b', { position: 1, date: '2014-02-07' }),
			contribution('a', { position: 1, date: '2014-02-07' }),
			contribution('d', { position: 1, date: '2013-12-12' }),
			contribution('e', { position: 1, date: null })
		]);
		expect(submissions(x).map((e) => e.contributionId)).toEqual(['d', 'a', 'b', 'e', 'c']);
		expect(submissions(x).map((e) => e.number)).toEqual(['1', '2', '3', '4', '5']);
	});

	it('keeps imported heading wording and uses the template otherwise', () => {
		const imported = 'Draft recommendations from Brazil, Mexico, Sweden, and United Kingdom submitted by Mr. Per Linner (08 November 2013):';
		const x = call([contribution('linner', { heading: imported, date: '2013-11-08' }), contribution('jp', { heading: '   ', position: 2 })]);
		expect(submissions(x).map((e) => e.heading)).toEqual([imported, 'Draft recommendations submitted by Japan (7 February 2014)']);
	});

	it('sends items without a category, or with one outside the framework, to the uncategorised part', () => {
		const x = call([contribution('jp', { items: [item('Kept apart.', { categoryCode: null }), item('Unknown group.', { categoryCode: 'Z' })] })]);
		const entries = compileCall(x).entries;
		expect(entries.map((e) => e.kind)).toEqual(['category', 'category', 'uncategorized', 'submission']);
		const units = parsed(compileCall(x).text);
		expect(under(units, 0).map((u) => u.text)).toEqual(['Kept apart.', 'Unknown group.']);
	});

	it("writes each item with its own number and its sub-items, as the importer reads them back", () => {
		const items: CompilationItem[] = [
			item('Notes the importance of an open Internet;', { number: '(9)', kind: 'list_item' }),
			item('Calls upon all stakeholders;', { number: '(10)', kind: 'list_item' }),
			item('All stakeholders endeavor to cooperate in the following items:\nTo formulate the ICT market.\nTo promote intellectual property rights.', { number: '1' }),
			item('That international institutions strengthen their capacity.', { number: '2' }),
			item('Introduction', { kind: 'heading', number: 'I' }),
			item('A paragraph without a number.'),
			item('An article number the parser would not read.', { number: 'Art. 5' })
		];
		const units = parsed(compileCall(call([contribution('jp', { items })])).text);
		const read = groupItems(under(units, 0).map((unit) => ({ unit, categoryCode: null })));
		expect(read.map((r) => [r.kind, r.number, display(r.text)])).toEqual([
			['list_item', '(9)', 'Notes the importance of an open Internet;'],
			['list_item', '(10)', 'Calls upon all stakeholders;'],
			['paragraph', '1', 'All stakeholders endeavor to cooperate in the following items:\nTo formulate the ICT market.\nTo promote intellectual property rights.'],
			['paragraph', '2', 'That international institutions strengthen their capacity.'],
			['heading', null, 'I. Introduction'],
			['paragraph', null, 'A paragraph without a number.'],
			['paragraph', null, 'Art. 5 An article number the parser would not read.']
		]);
	});

	it('renumbers footnotes through the compilation and puts references where the text names them', () => {
		const x = call([
			contribution('jp', { items: [item('First[^1] and more.', { notes: [{ marker: '1', text: 'Japan’s note.' }] })] }),
			contribution('ru', {
				position: 2,
				items: [
					item('Without a reference in the text.', { categoryCode: 'B', notes: [{ marker: '1', text: 'Russia’s first note.' }] }),
					item('Kept apart[^x], and a [^7] that names no note.', { categoryCode: null, notes: [{ marker: 'x', text: 'Third.' }] })
				]
			})
		]);
		const compiled = compileCall(x);
		expect(compiled.footnoteCount).toBe(3);
		const units = parsed(compiled.text);
		expect(units.filter((u) => u.kind === 'footnote').map((u) => [u.number, u.text])).toEqual([
			['1', 'Japan’s note.'],
			['2', 'Russia’s first note.'],
			['3', 'Third.']
		]);
		const withNotes = units.filter((u) => u.notes.length);
		expect(withNotes.map((u) => [display(u.text), u.notes])).toEqual([
			['First and more.', [{ marker: '1', offset: 5 }]],
			['Without a reference in the text.', [{ marker: '2', offset: 32 }]],
			['Kept apart, and a [^7] that names no note.', [{ marker: '3', offset: 10 }]]
		]);
	});

	it('does not take digits glued to a word for a footnote reference', () => {
		const x = call([
			contribution('g77', {
				heading: 'Draft recommendations submitted by the G77 (12 December 2013)',
				items: [item('As the G2 and the Agenda.1 say.', { notes: [{ marker: '1', text: 'A note.' }, { marker: '2', text: 'Another.' }] })]
			})
		]);
		const units = parsed(compileCall(x).text);
		const paragraph = units.find((u) => u.kind === 'paragraph' && u.part === 'body')!;
		expect(display(paragraph.text)).toBe('As the G2 and the Agenda.1 say.');
		expect(paragraph.notes.map((n) => n.marker)).toEqual(['1', '2']);
		expect(tocOf(units)[1].heading).toBe('Draft recommendations submitted by the G77 (12 December 2013)');
	});

	it('appends the annexes, continuing the footnote numbers and keeping their own structure', () => {
		const x = call([contribution('jp', { items: [item('Text.', { notes: [{ marker: '1', text: 'Note.' }] })] })], {
			annexes: [
				{ title: 'Message from the Chair', text: 'Dear Members,\n\nI propose a framework.[^1]\n\nAnnex 2: attached below.\n\n[^1]: The Chair’s note.' },
				{ title: 'Questionnaire', text: '1. Which stakeholder category do you belong to?\n\n2. What is enhanced cooperation?' },
				{ title: 'A very long title '.repeat(20), text: '' }
			]
		});
		const compiled = compileCall(x);
		const units = parsed(compiled.text);
		const annexes = units.filter((u) => u.kind === 'annex');
		expect(annexes.map((u) => u.part)).toEqual(['annex-1', 'annex-2', 'annex-3']);
		expect(annexes[0].text).toBe('Annex 1 – Message from the Chair');
		expect(annexes[2].text.length).toBeLessThanOrEqual(240);
		expect(annexes[2].text).toMatch(/^Annex 3 – A very long title .*…$/);
		expect(compiled.footnoteCount).toBe(2);
		expect(units.filter((u) => u.kind === 'footnote').map((u) => [u.number, u.part])).toEqual([
			['1', 'body'],
			['2', 'annex-1']
		]);
		expect(units.filter((u) => u.part === 'annex-2' && u.kind === 'paragraph').map((u) => u.number)).toEqual(['1', '2']);
		expect(tocOf(units).map((e) => e.kind)).toEqual(['category', 'submission', 'category', 'uncategorized', 'annex', 'annex', 'annex']);
	});

	it('numbers submissions up to 999 in a part, and leaves the rest unnumbered', () => {
		const many = Array.from({ length: 1001 }, (_v, i) => contribution(`c${String(i).padStart(4, '0')}`, { position: i }));
		const compiled = compileCall(call(many));
		const numbers = compiled.entries.filter((e) => e.kind === 'submission').map((e) => e.number);
		expect(numbers.slice(997)).toEqual(['998', '999', null, null]);
		expect(tocOf(parsed(compiled.text))).toEqual(compiled.entries.map(({ contributionId: _c, ...rest }) => rest));
	});

	it('writes the front matter every wording defines as the parser’s front part', () => {
		for (const lang of Object.keys(WORDING)) {
			const units = parsed(compileCall(call([contribution('jp')], { lang })).text);
			const first = units.findIndex((u) => u.part === 'body');
			expect(units.slice(0, first).every((u) => u.part === 'front'), lang).toBe(true);
			expect(units[first].kind).toBe('heading');
			expect(units.filter((u) => u.kind === 'title')).toHaveLength(2);
		}
	});
});

describe('tocOf', () => {
	it('reads nothing from a document without parts', () => {
		expect(tocOf([])).toEqual([]);
		expect(tocOf(parsed('Just a paragraph.\n'))).toEqual([]);
	});
});
