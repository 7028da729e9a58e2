import { describe, expect, it } from 'vitest';
import { cardinal, dateRanges, dayMonthYear, isoDate, ordinal } from './dates';
import { memberState } from './member-states';
import { contributionKey, parties, personName } from './parties';
import { recogniseCorpusFile } from './recognise';
import { readSubmissionHeading } from './submission-heading';
import { groupItems, trailingNumber } from './units';
import type { ParsedUnit } from '../documents/types';

describe('dates', () => {
	it('reads the forms the documents use', () => {
		expect(isoDate('12 December 2013')).toBe('2013-12-12');
		expect(isoDate('08 November 2013')).toBe('2013-11-08');
		expect(isoDate('31 February 2014')).toBeNull();
		expect(dayMonthYear('05-12-2016')).toBe('2016-12-05');
		expect(dateRanges('between September 2016 and January 2018: 30 September 2016, 26-27 January 2017; 3-5 May 2017')).toEqual([
			{ start: '2016-09-30', end: '2016-09-30' },
			{ start: '2017-01-26', end: '2017-01-27' },
			{ start: '2017-05-03', end: '2017-05-05' }
		]);
		expect(cardinal('twenty-two')).toBe(22);
		expect(cardinal('twenty')).toBe(20);
		expect(cardinal('five')).toBe(5);
		expect(cardinal('many')).toBeNull();
		expect(ordinal('second')).toBe(2);
		expect(ordinal('4th')).toBe(4);
	});
});

describe('names', () => {
	it('resolves Member States by official or written name', () => {
		expect(memberState('the United Kingdom')).toMatchObject({ iso2: 'GB', name: 'United Kingdom of Great Britain and Northern Ireland', nameAsWritten: 'the United Kingdom' });
		expect(memberState('RUSSIAN FEDERATION')).toMatchObject({ iso2: 'RU', name: 'Russian Federation' });
		expect(memberState('Atlantis')).toBeNull();
	});
	it('reads persons and lists of parties without guessing', () => {
		expect(personName('Ms. Avri Doria')).toEqual({ kind: 'person', name: 'Avri Doria', honorific: 'Ms.' });
		expect(personName('PARMINDER SINGH')).toEqual({ kind: 'person', name: 'Parminder Singh', honorific: null });
		expect(personName('a group of WGEC Members')).toBeNull();
		const p = parties('SAUDI ARABIA, RUSSIAN FEDERATION, PAKISTAN AND PARMINDER SINGH');
		expect(p.parties.map((x) => (x.kind === 'organisation' ? x.iso2 : x.name))).toEqual(['SA', 'RU', 'PK', 'Parminder Singh']);
		expect(parties('Brazil, Atlantis corp.').unknown).toEqual(['Atlantis corp.']);
		expect(contributionKey('b', p.parties, '2017-09-25')).toBe('b/sa-ru-pk-parminder-singh-2017-09-25');
	});
	it('reads submission headings', () => {
		const linner = readSubmissionHeading('Draft recommendations from Brazil, Mexico, Sweden, and United Kingdom submitted by Mr. Per Linner (08 November 2013):')!;
		expect(linner.date).toBe('2013-11-08');
		expect(linner.submitters.map((s) => (s.kind === 'organisation' ? s.iso2 : s.name))).toEqual(['BR', 'MX', 'SE', 'GB', 'Per Linner']);
		const doria = readSubmissionHeading('Draft recommendation submitted by Ms. Avri Doria on behalf of by a group of WGEC Members and Observers (Avri Doria, Grace Githaiga, Lea Kaspar, and Joy Liddicoat) (12 February 2014)')!;
		expect(doria.submitters).toEqual([{ kind: 'person', name: 'Avri Doria', honorific: 'Ms.' }]);
		expect(doria.onBehalfOf?.text).toMatch(/^a group of WGEC Members and Observers \(Avri Doria/);
		expect(doria.onBehalfOf?.persons.map((p) => p.name)).toEqual(['Avri Doria', 'Grace Githaiga', 'Lea Kaspar', 'Joy Liddicoat']);
		expect(readSubmissionHeading('Recommendations submitted by Mr. Carlos Alonso (08 November 2013)')?.submitters).toEqual([{ kind: 'person', name: 'Carlos Alonso', honorific: 'Mr.' }]);
		expect(readSubmissionHeading('Recommendations which could not be categorized')).toBeNull();
	});
});

describe('recogniseCorpusFile', () => {
	it('recognises title pages, not texts that merely quote them', () => {
		expect(recogniseCorpusFile('**Working Group**\n\nProposals of Draft Recommendations\n\nRolling Document\n')).toBe('rolling-compilation');
		expect(recogniseCorpusFile('| `000` | "Comments to the Chairman\'s initial proposal of 11 November 2017" |')).toBeNull();
		expect(recogniseCorpusFile('hello')).toBeNull();
	});
});

describe('items', () => {
	const unit = (key: string, parentKey: string | null, kind: ParsedUnit['kind'], text: string, number: string | null = null): ParsedUnit => ({
		key,
		kind,
		depth: 0,
		parentKey,
		part: 'body',
		number,
		text,
		source: text + '\n',
		spans: [[0, 0]],
		notes: []
	});
	it('reads trailing item numbers and folds sub-items into their item', () => {
		expect(trailingNumber('Encourages Summits …; (11)')).toEqual({ number: '(11)', text: 'Encourages Summits …;' });
		const items = groupItems(
			[unit('h', null, 'heading', 'Draft'), unit('a', 'h', 'list_item', 'Notes …; (9)'), unit('b', 'h', 'list_item', 'Governments …:'), unit('c', 'b', 'list_item', 'Consult widely;', 'i'), unit('d', 'h', 'paragraph', 'Last.')].map((u) => ({
				unit: u,
				categoryCode: 'B'
			}))
		);
		expect(items.map((i) => [i.position, i.kind, i.number, i.text, i.unitKeys])).toEqual([
			[1, 'heading', null, 'Draft', ['h']],
			[2, 'list_item', '(9)', 'Notes …;', ['a']],
			[3, 'list_item', null, 'Governments …:\nConsult widely;', ['b', 'c']],
			[4, 'paragraph', null, 'Last.', ['d']]
		]);
	});
});
