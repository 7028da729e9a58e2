import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { itemString, parseItem } from './items';
import { positionInput, recordInput } from './schemas';

const ID = '7d0a3f52-4a55-4c1e-9d3b-2f8f3f1c9e10';

describe('items', () => {
	it('reads the three kinds of item and writes them back', () => {
		for (const s of [`contribution:${ID}`, `amendment:${ID}`, `unit:${ID}:p-12.bis`]) expect(itemString(parseItem(s)!)).toBe(s);
		expect(parseItem(`unit:${ID}:p1`)).toEqual({ kind: 'unit', documentId: ID, key: 'p1' });
	});

	it('names no item for anything else', () => {
		for (const s of ['', 'contribution:', `report:${ID}`, `amendment:${ID}:x`, 'unit:not-an-id:p1', `unit:${ID}:`, `unit:${ID}:a b`, 42, null]) expect(parseItem(s)).toBeNull();
	});

	it('never throws, whatever it is given (property)', () => {
		fc.assert(fc.property(fc.string(), (s) => void parseItem(s)));
	});
});

describe('positionInput', () => {
	it('asks a reservation or an objection to say why, and keeps no text for the others', () => {
		expect(positionInput.safeParse({ stance: 'objection', text: ' ' }).success).toBe(false);
		expect(positionInput.parse({ stance: 'reservation', text: 'On the second sentence.' })).toMatchObject({ stance: 'reservation', text: 'On the second sentence.', delegation: null });
		expect(positionInput.parse({ stance: 'support', text: 'ignored' }).text).toBe('');
		expect(positionInput.safeParse({ stance: 'abstain' }).success).toBe(false);
		expect(positionInput.safeParse({ stance: 'support', delegation: 'Brazil' }).success).toBe(false);
	});
});

describe('recordInput', () => {
	it('takes options only where there is no consensus', () => {
		const option = { title: 'Option 1 – Establishment of UN body/mechanisms', points: '', delegations: [ID] };
		expect(recordInput.parse({ outcome: 'no_consensus', options: [option] }).options).toHaveLength(1);
		expect(recordInput.safeParse({ outcome: 'consensus', options: [option] }).success).toBe(false);
		expect(recordInput.safeParse({ outcome: 'no_consensus', options: [{ ...option, title: '' }] }).success).toBe(false);
	});
});
