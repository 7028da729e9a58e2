import { describe, expect, it } from 'vitest';
import { parseDocument } from '../documents/parse';
import { findConflicts } from './conflicts';
import type { DraftAmendment, VersionText } from './types';

const base: VersionText = (() => {
	const text = '1. The group met in Geneva in May.\n\n2. Second paragraph here.\n\n3. Third paragraph.\n';
	return { text, keys: parseDocument(text).units.map((u) => u.key) };
})();
const am = (id: string, number: number, a: Partial<DraftAmendment> & Pick<DraftAmendment, 'kind'>): DraftAmendment => ({ id, number, targetKey: '', afterKey: null, resultText: '', ...a });
const replace = (id: string, number: number, targetKey: string, resultText: string) => am(id, number, { kind: 'replace', targetKey, resultText });

describe('findConflicts', () => {
	it('finds replacements of overlapping words', () => {
		const x = replace('x', 1, 'body-p1', 'The team met in Geneva in May.');
		const y = replace('y', 2, 'body-p1', 'The people met in Geneva in May.');
		expect(findConflicts(base, [y, x])).toEqual([{ a: 'x', b: 'y', unitKey: 'body-p1', reason: 'overlap' }]);
	});

	it('lets replacements of separate words of one unit combine', () => {
		const x = replace('x', 1, 'body-p1', 'The team met in Geneva in May.');
		const y = replace('y', 2, 'body-p1', 'The group met in Geneva in June.');
		expect(findConflicts(base, [x, y])).toEqual([]);
	});

	it('finds two insertions at one word position', () => {
		const x = replace('x', 1, 'body-p1', 'The group met twice in Geneva in May.');
		const y = replace('y', 2, 'body-p1', 'The group met often in Geneva in May.');
		expect(findConflicts(base, [x, y])).toEqual([{ a: 'x', b: 'y', unitKey: 'body-p1', reason: 'overlap' }]);
	});

	it('finds a deletion of a unit another replaces, deletes or moves, also through covers', () => {
		const d = am('d', 1, { kind: 'delete', targetKey: 'body-p2', covers: ['body-p3'] });
		const r = replace('r', 2, 'body-p3', 'Third paragraph changed.');
		const d2 = am('d2', 3, { kind: 'delete', targetKey: 'body-p2' });
		expect(findConflicts(base, [r, d2, d])).toEqual([
			{ a: 'd', b: 'r', unitKey: 'body-p3', reason: 'removed' },
			{ a: 'd', b: 'd2', unitKey: 'body-p2', reason: 'removed' }
		]);
	});

	it('finds a move of a unit another replaces or moves', () => {
		const m = am('m', 1, { kind: 'move', targetKey: 'body-p1', afterKey: 'body-p3', resultText: 'The group met in Geneva in May.' });
		const r = replace('r', 2, 'body-p1', 'The group met in Geneva in June.');
		const m2 = am('m2', 3, { kind: 'move', targetKey: 'body-p1', afterKey: 'body-p2', resultText: 'The group met in Geneva in May.' });
		expect(findConflicts(base, [m, r, m2])).toEqual([
			{ a: 'm', b: 'r', unitKey: 'body-p1', reason: 'moved' },
			{ a: 'm', b: 'm2', unitKey: 'body-p1', reason: 'moved' },
			{ a: 'r', b: 'm2', unitKey: 'body-p1', reason: 'moved' }
		]);
	});

	it('calls a move that changes the same words as a replacement an overlap', () => {
		const m = am('m', 1, { kind: 'move', targetKey: 'body-p1', afterKey: 'body-p3', resultText: 'The group met in Geneva in June.' });
		const r = replace('r', 2, 'body-p1', 'The group met in Geneva in July.');
		expect(findConflicts(base, [m, r])).toEqual([{ a: 'm', b: 'r', unitKey: 'body-p1', reason: 'overlap' }]);
	});

	it('finds an insertion or move after a deleted unit', () => {
		const d = am('d', 2, { kind: 'delete', targetKey: 'body-p2' });
		const i = am('i', 1, { kind: 'insert', afterKey: 'body-p2', resultText: 'New.' });
		const m = am('m', 3, { kind: 'move', targetKey: 'body-p1', afterKey: 'body-p2', resultText: 'The group met in Geneva in May.' });
		expect(findConflicts(base, [d, i, m])).toEqual([
			{ a: 'i', b: 'd', unitKey: 'body-p2', reason: 'removed' },
			{ a: 'd', b: 'm', unitKey: 'body-p2', reason: 'removed' }
		]);
	});

	it('lets two insertions after one unit be', () => {
		const i = am('i', 1, { kind: 'insert', afterKey: 'body-p2', resultText: 'New.' });
		const j = am('j', 2, { kind: 'insert', afterKey: 'body-p2', resultText: 'Newer.' });
		expect(findConflicts(base, [i, j])).toEqual([]);
	});
});
