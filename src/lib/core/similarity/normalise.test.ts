import { describe, expect, it } from 'vitest';
import { normaliseText, normaliseWord } from './normalise';

describe('normaliseText', () => {
	it('folds case, quotation marks, dashes and white space', () => {
		expect(normaliseText('  “Enhanced\u00A0\n Cooperation” – the ‘Tunis’ «Agenda» —  ')).toBe('"enhanced cooperation" - the \'tunis\' "agenda" -');
	});
	it('folds compatibility forms (NFKC): full-width letters and ligatures', () => {
		expect(normaliseText('ＷＳＩＳ ﬁnal')).toBe('wsis final');
	});
	it('drops accents and Arabic vowel points unless told not to', () => {
		expect(normaliseText('Coöpération ÉTATS')).toBe('cooperation etats');
		expect(normaliseText('Coöpération', { foldDiacritics: false })).toBe('coöpération');
		expect(normaliseText('التَّعَاوُن الـمعزز')).toBe('التعاون المعزز');
		expect(normaliseText('Ёлка')).toBe('елка');
	});
	it('keeps the marks that spell words in other scripts', () => {
		// Devanagari vowel signs are marks too, but dropping them would merge different words.
		expect(normaliseText('सहयोग किया')).toBe('सहयोग किया');
	});
	it('gives one form for composed and decomposed accents', () => {
		expect(normaliseText('e\u0301tat', { foldDiacritics: false })).toBe(normaliseText('\u00e9tat', { foldDiacritics: false }));
	});
});

describe('normaliseWord', () => {
	it('agrees with normaliseText on single words', () => {
		for (const w of ['Internet', "Don’t", 'ÉTAT', 'ＷＳＩＳ', 'Сотрудничество', '合作']) expect(normaliseWord(w)).toBe(normaliseText(w));
	});
});
