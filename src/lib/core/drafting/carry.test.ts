import { describe, expect, it } from 'vitest';
import { parseDocument } from '../documents/parse';
import { carryForward } from './carry';
import type { DraftAmendment, VersionText } from './types';

const version = (text: string, keys?: string[]): VersionText => ({ text, keys: keys ?? parseDocument(text).units.map((u) => u.key) });
const oldBase = version('1. The group met in Geneva in May.\n\n2. Second.\n\n3. Third.\n', ['a', 'b', 'c']);
const am = (a: Partial<DraftAmendment> & Pick<DraftAmendment, 'kind'>): DraftAmendment => ({ id: 'x', number: 1, targetKey: 'a', afterKey: null, resultText: '', ...a });

describe('carryForward', () => {
	it('carries an amendment as it is when its unit did not change', () => {
		const newBase = version('1. The group met in Geneva in May.\n\n2. Third.\n', ['a', 'c']);
		const a = am({ kind: 'replace', resultText: 'The group met in Bern in May.' });
		expect(carryForward(oldBase, newBase, a)).toEqual({ ok: true, amendment: a });
	});

	it('recomputes the text when the words it changes did not change in between', () => {
		const newBase = version('1. The Working Group met in Geneva in May.\n\n2. Second.\n\n3. Third.\n', ['a', 'b', 'c']);
		const out = carryForward(oldBase, newBase, am({ kind: 'replace', resultText: 'The group met twice in Geneva in June.' }));
		expect(out).toEqual({ ok: true, amendment: am({ kind: 'replace', resultText: 'The Working Group met twice in Geneva in June.' }) });
	});

	it('refuses when the words it changes were changed in between, not when others were', () => {
		const newBase = version('1. The group met in Bern in May.\n\n2. Second.\n\n3. Third.\n', ['a', 'b', 'c']);
		expect(carryForward(oldBase, newBase, am({ kind: 'replace', resultText: 'The group met in Geneva in June.' }))).toEqual({ ok: true, amendment: am({ kind: 'replace', resultText: 'The group met in Bern in June.' }) });
		expect(carryForward(oldBase, newBase, am({ kind: 'replace', resultText: 'The group met in Lausanne in May.' }))).toEqual({ ok: false, reason: 'text-changed' });
	});

	it('refuses an insertion point whose neighbours were pulled apart', () => {
		const newBase = version('1. The group met often in Geneva in May.\n\n2. Second.\n\n3. Third.\n', ['a', 'b', 'c']);
		expect(carryForward(oldBase, newBase, am({ kind: 'replace', resultText: 'The group met twice in Geneva in May.' }))).toEqual({ ok: false, reason: 'text-changed' });
	});

	it('says when the target or the place is gone', () => {
		const newBase = version('1. The group met in Geneva in May.\n\n2. Third.\n', ['a', 'c']);
		expect(carryForward(oldBase, newBase, am({ kind: 'replace', targetKey: 'b', resultText: 'Other.' }))).toEqual({ ok: false, reason: 'target-gone' });
		expect(carryForward(oldBase, newBase, am({ kind: 'delete', targetKey: 'a', covers: ['b'] }))).toEqual({ ok: false, reason: 'target-gone' });
		expect(carryForward(oldBase, newBase, am({ kind: 'insert', targetKey: '', afterKey: 'b', resultText: 'New.' }))).toEqual({ ok: false, reason: 'place-gone' });
		expect(carryForward(oldBase, newBase, am({ kind: 'move', targetKey: 'c', afterKey: 'b', resultText: 'Third.' }))).toEqual({ ok: false, reason: 'place-gone' });
		const insert = am({ kind: 'insert', targetKey: '', afterKey: 'c', resultText: 'New.' });
		expect(carryForward(oldBase, newBase, insert)).toEqual({ ok: true, amendment: insert });
	});

	it('carries a deletion only when the unit it deletes did not change', () => {
		const same = version('1. The group met in Geneva in May.\n\n2. Second.\n', ['a', 'b']);
		const changed = version('1. The group met in Bern.\n\n2. Second.\n', ['a', 'b']);
		const d = am({ kind: 'delete' });
		expect(carryForward(oldBase, same, d)).toEqual({ ok: true, amendment: d });
		expect(carryForward(oldBase, changed, d)).toEqual({ ok: false, reason: 'text-changed' });
	});
});
