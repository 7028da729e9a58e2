import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { segmentsWithNotes } from './segments';

describe('segmentsWithNotes', () => {
	it('places a note where it stood', () => {
		expect(segmentsWithNotes('Transparency:', [{ marker: '9', offset: 12 }])).toEqual([{ text: 'Transparency' }, { note: '9' }, { text: ':' }]);
	});
	it('keeps all the text, in order (property)', () => {
		fc.assert(
			fc.property(fc.string(), fc.array(fc.nat(50)), (text, offsets) => {
				const segs = segmentsWithNotes(text, offsets.map((o, i) => ({ marker: String(i + 1), offset: o })));
				const joined = segs.map((s) => ('text' in s ? s.text : '')).join('');
				expect(joined).toBe(text);
			})
		);
	});
});
