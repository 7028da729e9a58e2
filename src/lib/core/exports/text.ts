/**
 * Text as every output format can hold it. XML (DOCX) forbids most C0 control characters, HTML
 * treats them as parse errors, and a lone UTF-16 surrogate cannot be written as UTF-8 at all; a
 * stored text could still carry one (pasted from a PDF). They are dropped once, here, so the three
 * writers never meet them; tabs and line breaks stay.
 */

// C0 controls but tab, line feed and carriage return; DEL and C1 controls; the non-characters U+FFFE/U+FFFF.
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNPRINTABLE_ALL = new RegExp(UNPRINTABLE.source, 'g');

/** The text without unprintable characters (most texts have none and are returned as they are). */
export function printableText(text: string): string {
	return UNPRINTABLE.test(text) ? text.replace(UNPRINTABLE_ALL, '') : text;
}

/**
 * The text without unprintable characters, with offsets into it moved to where they now fall.
 * Example: text "a\u0000b", offsets [3] → { text: 'ab', offsets: [2] }.
 */
export function printableTextWithOffsets(text: string, offsets: readonly number[]): { text: string; offsets: number[] } {
	if (!UNPRINTABLE.test(text)) return { text, offsets: [...offsets] };
	const dropped = new Uint8Array(text.length);
	UNPRINTABLE_ALL.lastIndex = 0;
	let m: RegExpExecArray | null;
	while ((m = UNPRINTABLE_ALL.exec(text)) !== null) dropped.fill(1, m.index, m.index + m[0].length);
	// removedBefore[i]: how many characters before position i are dropped.
	const removedBefore = new Int32Array(text.length + 1);
	for (let i = 0; i < text.length; i++) removedBefore[i + 1] = removedBefore[i] + dropped[i];
	const clamp = (o: number) => Math.max(0, Math.min(text.length, o));
	return { text: text.replace(UNPRINTABLE_ALL, ''), offsets: offsets.map((o) => clamp(o) - removedBefore[clamp(o)]) };
}

/** 'rtl' for languages written right to left ('ar', 'fa', 'he', 'ur'…), else 'ltr'. */
export function directionOfLanguage(lang: string): 'ltr' | 'rtl' {
	return ['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'dv', 'ckb'].includes(lang.toLowerCase().split(/[-_]/)[0]) ? 'rtl' : 'ltr';
}
