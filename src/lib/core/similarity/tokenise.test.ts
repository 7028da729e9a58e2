import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseWord } from './normalise';
import { words } from './tokenise';

const texts = (s: string) => words(s).map((w) => w.text);

describe('words', () => {
	it('finds words with their offsets, apostrophes inside words', () => {
		expect(words('Enhanced co-operation, “l’Homme”')).toEqual([
			{ text: 'enhanced', start: 0, end: 8 },
			{ text: 'co', start: 9, end: 11 },
			{ text: 'operation', start: 12, end: 21 },
			{ text: "l'homme", start: 24, end: 31 }
		]);
	});
	it('cuts Chinese into words with the segmenter', () => {
		expect(texts('各国政府加强合作。')).toEqual(['各国', '政府', '加强', '合作']);
		expect(texts('WSIS进程')).toEqual(['wsis', '进程']);
	});
	it('reads Arabic, Cyrillic and Thai', () => {
		expect(texts('مجموعة العمل المعنية')).toEqual(['مجموعة', 'العمل', 'المعنية']);
		expect(texts('Рабочая группа, 2016 г.')).toEqual(['рабочая', 'группа', '2016', 'г']);
		expect(texts('ความร่วมมือ').length).toBeGreaterThan(1);
	});
	it('keeps offsets right past characters outside the basic plane', () => {
		const text = '𝒜 note 𠀀𠀁 合作 end';
		for (const w of words(text)) expect(normaliseWord(text.slice(w.start, w.end))).toBe(w.text);
	});
	it('cuts a long run of Chinese without losing characters', () => {
		const run = '各国政府加强合作'.repeat(100);
		const found = words(run);
		expect(found.map((w) => run.slice(w.start, w.end)).join('')).toBe(run);
	});
	it('gives words in order whose slices are the words as written', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
				let last = 0;
				for (const w of words(text)) {
					expect(w.start).toBeGreaterThanOrEqual(last);
					expect(w.end).toBeGreaterThan(w.start);
					expect(normaliseWord(text.slice(w.start, w.end))).toBe(w.text);
					last = w.end;
				}
			})
		);
	});
});
