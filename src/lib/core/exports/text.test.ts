import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { directionOfLanguage, printableText, printableTextWithOffsets } from './text';

describe('printableText', () => {
	it('drops control characters and lone surrogates, keeps tabs, line breaks and astral characters', () => {
		expect(printableText('a\u0000b\u0007c\td\ne\uFFFF')).toBe('abc\td\ne');
		expect(printableText('x\uD800y\uDC00z')).toBe('xyz');
		expect(printableText('😀 𠀀')).toBe('😀 𠀀');
	});

	it('moves offsets with the text they point into', () => {
		expect(printableTextWithOffsets('a\u0000b', [0, 1, 2, 3])).toEqual({ text: 'ab', offsets: [0, 1, 1, 2] });
		expect(printableTextWithOffsets('plain', [2, 99])).toEqual({ text: 'plain', offsets: [2, 99] });
	});

	it('keeps the text on each side of an offset (property)', () => {
		const dirty = fc.string({ unit: fc.constantFrom('a', 'b', '\u0000', '\u001F', '\uD800', '\uDC00', 'é') });
		fc.assert(
			fc.property(dirty, fc.nat(30), (raw, o) => {
				const offset = Math.min(o, raw.length);
				// An offset never falls inside a surrogate pair: it counts characters of the text.
				fc.pre(!(/[\uD800-\uDBFF]/.test(raw[offset - 1] ?? '') && /[\uDC00-\uDFFF]/.test(raw[offset] ?? '')));
				const { text, offsets } = printableTextWithOffsets(raw, [offset]);
				expect(text.slice(0, offsets[0])).toBe(printableText(raw.slice(0, offset)));
				expect(text.slice(offsets[0])).toBe(printableText(raw.slice(offset)));
			})
		);
	});
});

describe('directionOfLanguage', () => {
	it('is rtl for Arabic and Hebrew, ltr for the others', () => {
		expect(directionOfLanguage('ar')).toBe('rtl');
		expect(directionOfLanguage('he-IL')).toBe('rtl');
		expect(directionOfLanguage('zh-Hant')).toBe('ltr');
		expect(directionOfLanguage('en')).toBe('ltr');
	});
});
