import { describe, expect, it } from 'vitest';
import { parseDocument } from '../documents/parse';
import { trackChanges } from './tracked';
import type { DraftAmendment, VersionText } from './types';

const text = '1. The group met in Geneva.\n\n2. Second paragraph¹ here.\n\n3. Third one.\n\n¹ A note.\n';
const base: VersionText = { text, keys: parseDocument(text).units.map((u) => u.key) };
const am = (id: string, number: number, a: Partial<DraftAmendment> & Pick<DraftAmendment, 'kind'>): DraftAmendment => ({ id, number, targetKey: '', afterKey: null, resultText: '', ...a });

describe('trackChanges', () => {
	it('shows unchanged units as they are, footnotes with kind and number', () => {
		const out = trackChanges(base, []);
		expect(out.map((u) => [u.key, u.state])).toEqual([
			['body-p1', 'same'],
			['body-p2', 'same'],
			['body-p3', 'same'],
			['fn-1', 'same']
		]);
		expect(out[3]).toMatchObject({ kind: 'footnote', number: '1', segments: [{ kind: 'same', text: 'A note.' }] });
	});

	it('shows replaced words as del/ins runs labelled with their amendment, merged across amendments', () => {
		const out = trackChanges(base, [am('x', 1, { kind: 'replace', targetKey: 'body-p1', resultText: 'The team met in Geneva.' }), am('y', 2, { kind: 'replace', targetKey: 'body-p1', resultText: 'The group met in New York.' })]);
		expect(out[0]).toMatchObject({ key: 'body-p1', state: 'changed', amendmentIds: ['x', 'y'] });
		expect(out[0].segments).toEqual([
			{ kind: 'same', text: 'The ' },
			{ kind: 'del', text: 'group', amendmentId: 'x' },
			{ kind: 'same', text: ' ' },
			{ kind: 'ins', text: 'team', amendmentId: 'x' },
			{ kind: 'same', text: ' met in ' },
			{ kind: 'del', text: 'Geneva', amendmentId: 'y' },
			{ kind: 'same', text: ' ' },
			{ kind: 'ins', text: 'New York', amendmentId: 'y' },
			{ kind: 'same', text: '.' }
		]);
	});

	it('places insertions after their unit in number order, with the number they will get', () => {
		const out = trackChanges(base, [am('late', 5, { kind: 'insert', afterKey: 'body-p1', resultText: 'Later.' }), am('early', 2, { kind: 'insert', afterKey: 'body-p1', resultText: 'Earlier.', newNumber: '1 bis' })]);
		expect(out.slice(0, 3).map((u) => [u.key, u.state, u.number, u.segments])).toEqual([
			['body-p1', 'same', '1', [{ kind: 'same', text: 'The group met in Geneva.' }]],
			['insert:early', 'inserted', '1 bis', [{ kind: 'ins', text: 'Earlier.', amendmentId: 'early' }]],
			['insert:late', 'inserted', '1 ter', [{ kind: 'ins', text: 'Later.', amendmentId: 'late' }]]
		]);
	});

	it('shows deletions and both ends of a move', () => {
		const out = trackChanges(base, [am('d', 1, { kind: 'delete', targetKey: 'body-p2' }), am('m', 2, { kind: 'move', targetKey: 'body-p3', afterKey: 'body-p1', resultText: 'Third one moved.' })]);
		expect(out.map((u) => [u.key, u.state])).toEqual([
			['body-p1', 'same'],
			['body-p3', 'moved-to'],
			['body-p2', 'deleted'],
			['body-p3', 'moved-from'],
			['fn-1', 'same']
		]);
		expect(out[2].segments).toEqual([{ kind: 'del', text: 'Second paragraph here.', amendmentId: 'd' }]);
		expect(out[1].segments).toEqual([
			{ kind: 'same', text: 'Third one ' },
			{ kind: 'ins', text: 'moved', amendmentId: 'm' },
			{ kind: 'same', text: '.' }
		]);
	});

	it('shows conflicting amendments each on its own', () => {
		const out = trackChanges(base, [am('x', 1, { kind: 'replace', targetKey: 'body-p3', resultText: 'Third two.' }), am('y', 2, { kind: 'delete', targetKey: 'body-p3' })]);
		const unit = out.find((u) => u.key === 'body-p3')!;
		expect(unit.state).toBe('changed');
		expect(unit.segments).toEqual([{ kind: 'same', text: 'Third one.' }]);
		expect(unit.alternatives).toEqual([
			{ amendmentId: 'x', segments: [{ kind: 'same', text: 'Third ' }, { kind: 'del', text: 'one', amendmentId: 'x' }, { kind: 'same', text: ' ' }, { kind: 'ins', text: 'two', amendmentId: 'x' }, { kind: 'same', text: '.' }] },
			{ amendmentId: 'y', segments: [{ kind: 'del', text: 'Third one.', amendmentId: 'y' }] }
		]);
	});
});
