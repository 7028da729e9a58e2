import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tokenize } from '../amendments/tokens';
import { applyWordEdits, editsOverlap, wordEdits } from './edits';

const keys = (s: string) => tokenize(s).map((t) => t.key);

describe('wordEdits', () => {
	it('replaces a word, keeping the spacing of the new text', () => {
		expect(wordEdits('International dimension.', 'International extent.')).toEqual([{ from: 1, to: 2, insert: ' extent' }]);
	});

	it('writes a deletion as the gap left between the words around it', () => {
		expect(wordEdits('a b c', 'a c')).toEqual([{ from: 1, to: 2, insert: ' ' }]);
		expect(wordEdits('a foo, b', 'a, b')).toEqual([{ from: 1, to: 2, insert: '' }]);
	});

	it('writes an insertion as an empty range', () => {
		expect(wordEdits('a c', 'a b c')).toEqual([{ from: 1, to: 1, insert: ' b ' }]);
		expect(wordEdits('b c', 'a b c')).toEqual([{ from: 0, to: 0, insert: 'a ' }]);
		expect(wordEdits('a b', 'a b c')).toEqual([{ from: 2, to: 2, insert: ' c' }]);
	});

	it('sees no edit in typography alone', () => {
		expect(wordEdits('the “Agenda” – its twenty-first   session', "the \"Agenda\" - its twentyfirst session")).toEqual([]);
	});

	it('finds several separate edits', () => {
		expect(wordEdits('one two three four five', 'one 2 three four 5')).toEqual([
			{ from: 1, to: 2, insert: ' 2 ' },
			{ from: 4, to: 5, insert: ' 5' }
		]);
	});
});

describe('applyWordEdits', () => {
	it('applies replacements, insertions and deletions to clean text', () => {
		expect(applyWordEdits('a b c', [{ from: 1, to: 2, insert: ' B ' }])).toBe('a B c');
		expect(applyWordEdits('International dimension.', [{ from: 2, to: 2, insert: ' and more' }])).toBe('International dimension and more.');
		expect(applyWordEdits('a foo, b', [{ from: 1, to: 2, insert: '' }])).toBe('a, b');
	});

	it('combines edits that only touch', () => {
		expect(applyWordEdits('a b c d', [{ from: 1, to: 2, insert: ' B ' }, { from: 2, to: 3, insert: ' C ' }])).toBe('a B C d');
		expect(applyWordEdits('a b c d', [{ from: 1, to: 1, insert: ' x ' }, { from: 1, to: 2, insert: ' y ' }])).toBe('a x y c d');
	});

	const word = fc.constantFrom('the', 'Group', 'agreed', 'to', 'note', '(a)', 'policy', ',', '.', ';', 'Internet-related', '“public”', 'twenty', '1', 'bis');
	const sentence = fc.array(word, { maxLength: 14 }).map((w) => w.join(' '));

	it('round-trips: applying the edits gives the new text up to white space and typography', () => {
		fc.assert(
			fc.property(sentence, sentence, (b, r) => {
				expect(keys(applyWordEdits(b, wordEdits(b, r)))).toEqual(keys(r));
			}),
			{ numRuns: 400 }
		);
	});

	it('gives back the text when there is nothing to do', () => {
		fc.assert(
			fc.property(sentence, (b) => {
				expect(applyWordEdits(b, wordEdits(b, b))).toBe(b.replace(/\s+/g, ' ').trim());
			})
		);
	});
});

describe('editsOverlap', () => {
	const e = (from: number, to: number) => ({ from, to, insert: 'x' });
	it('says intersecting ranges overlap, touching ones do not', () => {
		expect(editsOverlap(e(1, 3), e(2, 4))).toBe(true);
		expect(editsOverlap(e(1, 2), e(2, 3))).toBe(false);
		expect(editsOverlap(e(1, 4), e(2, 3))).toBe(true);
	});

	it('says two insertions at one point overlap, at different points not', () => {
		expect(editsOverlap(e(2, 2), e(2, 2))).toBe(true);
		expect(editsOverlap(e(2, 2), e(3, 3))).toBe(false);
	});

	it('says an insertion strictly inside a range overlaps, at its ends not', () => {
		expect(editsOverlap(e(2, 2), e(1, 3))).toBe(true);
		expect(editsOverlap(e(1, 3), e(2, 2))).toBe(true);
		expect(editsOverlap(e(1, 1), e(1, 3))).toBe(false);
		expect(editsOverlap(e(3, 3), e(1, 3))).toBe(false);
	});
});
