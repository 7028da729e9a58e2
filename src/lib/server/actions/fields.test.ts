import { describe, expect, it } from 'vitest';
import { createdFields, pick, removedFields } from './fields';

describe('audit field helpers', () => {
	it('records only the fields a creation gave a value', () => {
		expect(createdFields({ name: 'X', mandate: '', periodStart: null, names: {}, developmentStatus: [], remoteParticipation: false, number: 0 })).toEqual({
			name: { from: null, to: 'X' },
			remoteParticipation: { from: null, to: false },
			number: { from: null, to: 0 }
		});
	});
	it('records what a deletion removed', () => {
		expect(removedFields({ id: 'm1', title: 'First', venue: null, number: 1 }, ['title', 'venue', 'number'])).toEqual({
			title: { from: 'First', to: null },
			number: { from: 1, to: null }
		});
	});
	it('picks the named fields', () => {
		expect(pick({ a: 1, b: 2, c: 3 }, ['a', 'c'])).toEqual({ a: 1, c: 3 });
	});
});
