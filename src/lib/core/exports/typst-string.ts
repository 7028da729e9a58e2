/**
 * Text for Typst, written as a string literal. Typst markup gives meaning to dozens of characters
 * and sequences (`#`, `*`, `_`, `$`, `@`, `<`, `` ` ``, `[`, `]`, `\`, `//` comments, `=`, `-`, `+`
 * and `1.` at the start of a line, `...`, `--`, `~`, `'`, `"`, URLs…); a string literal gives
 * meaning to two: `\` and `"`. So every piece of document text goes into the source as
 * `#"…"`, which Typst prints character for character — no markup in the text can take effect.
 *
 * Example: typstString('a "b" \\ #c') → `"a \"b\" \\ #c"`.
 */

// Characters a Typst string literal cannot hold as they are: quote, backslash, controls, surrogates.
const NEEDS_ESCAPE = /["\\\u0000-\u001F\u007F\uD800-\uDFFF]/;
const NEEDS_ESCAPE_ALL = /["\\]|[\u0000-\u001F\u007F]|[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g;

/** The text as a Typst string literal, quotes included. */
export function typstString(text: string): string {
	if (!NEEDS_ESCAPE.test(text)) return `"${text}"`;
	const body = text.replace(NEEDS_ESCAPE_ALL, (c) => {
		switch (c) {
			case '"':
				return '\\"';
			case '\\':
				return '\\\\';
			case '\n':
				return '\\n';
			case '\r':
				return '\\r';
			case '\t':
				return '\\t';
		}
		if (c.length === 2) return c; // a well-formed surrogate pair: an astral character, kept
		const code = c.charCodeAt(0);
		// A lone surrogate cannot be written in UTF-8: it becomes the replacement character.
		return code >= 0xd800 && code <= 0xdfff ? '\\u{FFFD}' : `\\u{${code.toString(16)}}`;
	});
	return `"${body}"`;
}

/** The text as Typst markup that prints it verbatim: `#"…"`. */
export function typstText(text: string): string {
	return `#${typstString(text)}`;
}
