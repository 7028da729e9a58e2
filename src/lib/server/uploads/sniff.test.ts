import { describe, expect, it } from 'vitest';
import { decodeText, detectFormat, extensionOf } from './sniff';
import { UploadRefused } from './upload-refused';

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (s: string) => new TextEncoder().encode(s);
const refusal = (fn: () => unknown): string | undefined => {
	try {
		fn();
	} catch (e) {
		if (e instanceof UploadRefused) return e.code;
		throw e;
	}
	return undefined;
};

describe('detectFormat', () => {
	it('decides by content: zip is DOCX and %PDF- is PDF, whatever the name says', () => {
		expect(detectFormat(bytes(0x50, 0x4b, 0x03, 0x04, 1, 2), 'notes.txt')).toBe('docx');
		expect(detectFormat(bytes(0x50, 0x4b, 0x05, 0x06, 0, 0), 'x')).toBe('docx');
		expect(detectFormat(utf8('%PDF-1.7\n...'), 'draft.md')).toBe('pdf');
		// Some producers put a few bytes before the header; PDF readers look through the first KB.
		expect(detectFormat(utf8('\n\n%PDF-1.4\n'), 'scan')).toBe('pdf');
	});

	it('reads text as Markdown for .md/.markdown (or a text/markdown type) and as plain text otherwise', () => {
		expect(detectFormat(utf8('# Title'), 'draft.MD')).toBe('markdown');
		expect(detectFormat(utf8('# Title'), 'draft.markdown')).toBe('markdown');
		expect(detectFormat(utf8('# Title'), 'draft', 'text/markdown; charset=utf-8')).toBe('markdown');
		expect(detectFormat(utf8('# Title'), 'draft.txt', 'text/plain')).toBe('text');
		expect(detectFormat(utf8('# Title'), 'README')).toBe('text');
	});

	it('refuses binaries and formats Plenary does not read, and calls a false .docx/.pdf broken', () => {
		expect(refusal(() => detectFormat(bytes(0x7f, 0x45, 0x4c, 0x46, 0, 1), 'a.out'))).toBe('unsupported');
		expect(refusal(() => detectFormat(utf8('{\\rtf1\\ansi Hello}'), 'letter.rtf'))).toBe('unsupported');
		expect(refusal(() => detectFormat(bytes(0xd0, 0xcf, 0x11, 0xe0, 0, 0), 'old.doc'))).toBe('unsupported');
		expect(refusal(() => detectFormat(utf8('just text'), 'draft.docx'))).toBe('corrupt');
		expect(refusal(() => detectFormat(utf8('just text'), 'draft.pdf'))).toBe('corrupt');
	});
});

describe('decodeText', () => {
	it('strips a byte-order mark and turns CRLF and lone CR into LF', () => {
		expect(decodeText(utf8('\uFEFFone\r\ntwo\rthree\n'))).toBe('one\ntwo\nthree\n');
		// Only a leading BOM is one; a U+FEFF inside the text is kept.
		expect(decodeText(utf8('a\uFEFFb'))).toBe('a\uFEFFb');
	});

	it('refuses bytes that are not UTF-8 as corrupt', () => {
		expect(refusal(() => decodeText(bytes(0x63, 0x61, 0x66, 0xe9)))).toBe('corrupt'); // "café" in Latin-1
	});
});

describe('extensionOf', () => {
	it('takes the last extension of the file name, ignoring folders and leading dots', () => {
		expect(extensionOf('C:\\fakepath\\Draft.v2.DOCX')).toBe('docx');
		expect(extensionOf('dir.d/README')).toBe('');
		expect(extensionOf('.profile')).toBe('');
	});
});
