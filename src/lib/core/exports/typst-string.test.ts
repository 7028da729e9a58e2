import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { typstString, typstText } from './typst-string';

/** Reads a Typst string literal back, following Typst's escapes (\\ \" \n \r \t \u{…}). */
function readLiteral(literal: string): string {
	expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
	const body = literal.slice(1, -1);
	// Nothing but plain characters and escapes: an unescaped quote would end the string early.
	expect(body).toMatch(/^(?:[^"\\\u0000-\u001F\u007F]|\\[\\"nrt]|\\u\{[0-9A-Fa-f]{1,6}\})*$/u);
	return body.replace(/\\(?:([\\"nrt])|u\{([0-9A-Fa-f]+)\})/g, (_, c: string | undefined, hex: string | undefined) =>
		hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ '\\': '\\', '"': '"', n: '\n', r: '\r', t: '\t' } as Record<string, string>)[c!]
	);
}

describe('typstString', () => {
	it('escapes the quote, the backslash and control characters, and nothing else', () => {
		expect(typstString('plain # * _ $ @ < > ` [ ] = - + / // ~ ... -- \' text')).toBe('"plain # * _ $ @ < > ` [ ] = - + / // ~ ... -- \' text"');
		expect(typstString('a "b" \\ c')).toBe('"a \\"b\\" \\\\ c"');
		expect(typstString('line\nbreak\ttab\r\u0000\u007F')).toBe('"line\\nbreak\\ttab\\r\\u{0}\\u{7f}"');
		expect(typstString('😀\uD800')).toBe('"😀\\u{FFFD}"');
		expect(typstText('x')).toBe('#"x"');
	});

	it('reads back as the text it was made from (property)', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary' }), (text) => {
				expect(readLiteral(typstString(text))).toBe(text.toWellFormed());
			}),
			{ numRuns: 500 }
		);
	});
});
