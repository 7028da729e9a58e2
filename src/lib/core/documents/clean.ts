import { fromSuperscript, SUPERSCRIPT_CLASS, type FootnoteSequence } from './footnotes';
import type { NoteRef } from './types';

/**
 * From a unit's source lines to the clean text a page renders and search indexes. Cleaning never
 * changes the source (units keep it); it only computes `text` and where the footnote references
 * stood in it.
 *
 * Worked example (004, recommendation 1's first list item, bullet already stripped):
 *   ["Transparency9:  "] → text "Transparency:", notes [{ marker: '9', offset: 12 }]
 * and a wrapped line pair:
 *   ["…Commission on Science and Technology for Development at its twenty-", "first session. Upon…"]
 *   → "…at its twenty-first session. Upon…" (a word-internal hyphen at a line end joins without a space)
 */

/** Private-use code points (Word's Symbol-font bullets U+F0B7, U+F0FC, U+F0A7… land here). */
const PRIVATE_USE = /[\uE000-\uF8FF]/g;

/** Removes private-use glyphs. */
export function stripPrivateUse(s: string): string {
	return s.replace(PRIVATE_USE, '');
}

/**
 * Joins wrapped lines: one space between lines, except after a word-internal hyphen, which is
 * kept and joined without a space ("Internet-" + "related" → "Internet-related"). A dash set off
 * by spaces ("cooperation -") is punctuation, not a hyphen, and gets the space.
 */
export function joinWrappedLines(lines: readonly string[]): string {
	let out = '';
	for (const raw of lines) {
		const line = raw.trim();
		if (!line) continue;
		if (!out) out = line;
		else if (/[\p{L}\p{N}]-$/u.test(out)) out += line;
		else out += ' ' + line;
	}
	return out;
}

/**
 * Removes Markdown emphasis marks: every "**"/"***", and a single "*" that touches a word on one
 * side ("*develop … Agenda*," → "develop … Agenda,"). A lone "*" between spaces stays.
 */
export function stripEmphasis(s: string): string {
	if (!s.includes('*')) return s;
	return s.replace(/\*{2,}/g, '').replace(/\*(?=\S)|(?<=\S)\*/g, '');
}

/** HTML tags that Word-to-Markdown conversion leaves in text (not "<pmajor@…>" e-mail addresses). */
const HTML_TAG = /<\/?(?:ul|ol|li|p|br|span|div|b|i|em|strong|u|sub|small|font)(?:\s[^<>]*)?\/?>/gi;

const MARKER_RE = new RegExp(
	[
		`<sup>\\s*([^<\\s]{1,8})\\s*</sup>`,
		`\\[\\^([^\\]\\s]{1,12})\\]`,
		`([${SUPERSCRIPT_CLASS}]+)`,
		// digits glued to a word, optionally after one punctuation mark: "Transparency9", "Agenda.1"
		// (the digit is looked for first: the look-behind alone would be tried at every character)
		`(?=\\d)(?<=[\\p{L})\\]”’"'][.,;:]?)(\\d{1,3})(?![\\p{L}\\p{N}]|[.,]\\d)`
	].join('|'),
	'gu'
);

/** White space the cleaner collapses: `\s` (which includes U+00A0 and U+FEFF) and U+200B ZERO WIDTH SPACE. */
const WHITE_RUN = /[\s\u200B]+/g;
/** White space other than single spaces: only then is there anything to collapse. */
const WHITE_TO_COLLAPSE = /[^\S ]|\u200B| {2}/;
const WHITE_START = /^[\s\u200B]/;
const WHITE_END = /[\s\u200B]$/;

/**
 * Accumulates clean text, collapsing white space and recording where markers stood. A run of
 * white space becomes one space between words; none is kept at the start or the end.
 *
 * One `replace` per pushed piece (not a split into words): a compilation of 10,000
 * contributions pushes about 25 MB through here, and word arrays made the garbage collector the
 * parser's biggest cost.
 */
class TextBuilder {
	text = '';
	notes: NoteRef[] = [];
	private pendingSpace = false;

	push(s: string): void {
		if (!s) return;
		let body = WHITE_TO_COLLAPSE.test(s) ? s.replace(WHITE_RUN, ' ') : s;
		if (WHITE_START.test(body)) {
			this.pendingSpace = this.text.length > 0;
			body = body.slice(1);
		}
		if (!body) return;
		const trailing = WHITE_END.test(body);
		if (trailing) body = body.slice(0, -1);
		if (body) {
			if (this.pendingSpace) this.text += ' ';
			this.text += body;
			this.pendingSpace = false;
		}
		if (trailing) this.pendingSpace = this.text.length > 0;
	}

	note(marker: string): void {
		this.notes.push({ marker, offset: this.text.length });
	}
}

export interface CleanOptions {
	/** The document's footnote sequence; when absent no glued digits are taken for references. */
	footnotes?: FootnoteSequence;
	/** Look for footnote references (false for the footnotes themselves). */
	findReferences?: boolean;
}

/**
 * Cleans a unit's content lines (structural prefix already removed, blank lines allowed).
 * Steps: private-use glyphs out → lines joined (hyphen rule) → emphasis marks and HTML tags out →
 * footnote references out (recorded with their offset) → white space collapsed and trimmed.
 */
export function cleanText(lines: readonly string[], options: CleanOptions = {}): { text: string; notes: NoteRef[] } {
	// Most units are one line of plain words: then every step below leaves the trimmed line.
	if (lines.length === 1 && !NOTHING_TO_CLEAN.test(lines[0])) return { text: lines[0].trim(), notes: [] };
	const emphasised = stripEmphasis(joinWrappedLines(lines.map(stripPrivateUse)));
	// Each step is skipped when the character it needs is absent: most paragraphs have no tag and
	// no marker, and a compilation runs tens of megabytes through here.
	const joined = emphasised.includes('<') ? emphasised.replace(HTML_TAG, (tag) => (/^<\/?sup\b/i.test(tag) ? tag : ' ')) : emphasised;
	const builder = new TextBuilder();
	if (options.findReferences === false || !MAY_MARK.test(joined)) {
		builder.push(withoutSup(joined));
		return { text: builder.text, notes: builder.notes };
	}
	let at = 0;
	for (const m of joined.matchAll(MARKER_RE)) {
		const index = m.index ?? 0;
		let marker: string | null = null;
		if (m[1] !== undefined) marker = m[1];
		else if (m[2] !== undefined) marker = m[2];
		else if (m[3] !== undefined) marker = fromSuperscript(m[3]);
		else if (m[4] !== undefined && options.footnotes?.acceptsGlued(Number(m[4]))) marker = String(Number(m[4]));
		if (marker === null) continue;
		if (m[4] === undefined) options.footnotes?.sawExplicit(marker);
		builder.push(joined.slice(at, index));
		builder.note(marker);
		at = index + m[0].length;
	}
	builder.push(withoutSup(joined.slice(at)));
	return { text: builder.text, notes: builder.notes };
}

/**
 * A character some cleaning step acts on: a private-use glyph, an emphasis mark, a tag or
 * reference opener, a digit (glued references), a superscript digit, or white space other than
 * single spaces. (Written as three alternatives: measured, one long character class scans slower.)
 */
const NOTHING_TO_CLEAN = new RegExp(`[\\uE000-\\uF8FF*<\\[\\d\\u200B${SUPERSCRIPT_CLASS}]|[^\\S ]| {2}`);

/** Characters every footnote reference `MARKER_RE` finds starts with (or, for glued digits, contains). */
const MAY_MARK = new RegExp(`[\\d<\\[${SUPERSCRIPT_CLASS}]`);

/** Text without the `<sup>` tags that enclosed no reference. */
function withoutSup(s: string): string {
	return s.includes('<') ? s.replace(/<\/?sup>/gi, '') : s;
}
