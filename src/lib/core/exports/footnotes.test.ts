import { describe, expect, it } from 'vitest';
import { resolveFootnotes, type NoteSource } from './footnotes';

const text = (key: string, words: string, ...notes: [marker: string, offset: number][]): NoteSource => ({
	kind: 'paragraph',
	key,
	part: 'body',
	text: words,
	number: null,
	notes: notes.map(([marker, offset]) => ({ marker, offset }))
});
const note = (key: string, marker: string, words: string, part = 'body'): NoteSource => ({ kind: 'footnote', key, part, text: words, number: marker, notes: [] });

describe('resolveFootnotes', () => {
	it('gives each reference the footnote with its marker that follows it', () => {
		const r = resolveFootnotes([text('x', 'Alpha', ['1', 5]), note('x-fn1', '1', 'X note'), text('y', 'Beta', ['1', 4]), note('y-fn1', '1', 'Y note')]);
		expect(r.footnotes.map((f) => [f.n, f.text, f.refKey])).toEqual([
			[1, 'X note', 'x'],
			[2, 'Y note', 'y']
		]);
		expect(r.refs[0]).toEqual([{ offset: 5, n: 1, marker: '1' }]);
		expect(r.refs[2]).toEqual([{ offset: 4, n: 2, marker: '1' }]);
		expect([...r.referenced].sort()).toEqual([1, 3]);
	});

	it('looks back when no footnote with the marker follows', () => {
		const r = resolveFootnotes([note('fn', '7', 'Defined first'), text('p', 'Later', ['7', 5])]);
		expect(r.footnotes).toEqual([{ n: 1, marker: '7', text: 'Defined first', part: 'body', refKey: 'p' }]);
	});

	it('numbers footnotes in the order of the text, sorting a unit’s references by offset', () => {
		const r = resolveFootnotes([text('p', 'one two', ['b', 7], ['a', 3]), note('fa', 'a', 'A'), note('fb', 'b', 'B')]);
		expect(r.refs[0].map((x) => [x.offset, x.n])).toEqual([
			[3, 1],
			[7, 2]
		]);
		expect(r.footnotes.map((f) => f.text)).toEqual(['A', 'B']);
	});

	it('leaves a reference without a footnote unresolved and clamps offsets into the text', () => {
		const r = resolveFootnotes([text('p', 'abc', ['5', 99])]);
		expect(r.refs[0]).toEqual([{ offset: 3, n: null, marker: '5' }]);
		expect(r.footnotes).toEqual([]);
	});

	it('prints a footnote referred to twice twice, and keeps an unreferenced one out of `referenced`', () => {
		const r = resolveFootnotes([text('p', 'a b', ['1', 1], ['1', 3]), note('f1', '1', 'Once'), note('f2', '2', 'Never')]);
		expect(r.footnotes.map((f) => [f.n, f.text])).toEqual([
			[1, 'Once'],
			[2, 'Once']
		]);
		expect(r.referenced.has(2)).toBe(false);
	});
});
