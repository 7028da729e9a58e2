import { SUPERSCRIPT_CLASS } from './footnotes';
import { slugify as slugifyText } from '../shared/slug';
import { romanValue } from './numbering';

/**
 * Heading words and the keys they give. A document's sections get short, readable keys so a link
 * to "recommendation 19" reads '#rec-p19' and stays the same in every version of the document:
 * "Introduction" → 'intro', "Recommendations" → 'rec', "Executive Summary" → 'summary'. Other
 * headings get a slug of their first words ("GROUP A: Implementation…" → 'group-a').
 */
const SECTION_WORDS: [RegExp, string][] = [
	[/^introduction$/, 'intro'],
	[/^recommendations?$/, 'rec'],
	[/^executive summary$/, 'summary'],
	[/^summary$/, 'summary'],
	[/^abstract$/, 'abstract'],
	[/^(?:table of )?contents$/, 'toc'],
	[/^background$/, 'background'],
	[/^conclusions?$/, 'conclusions'],
	[/^foreword$/, 'foreword'],
	[/^preface$/, 'preface'],
	[/^preamble$/, 'preamble'],
	[/^acknowledge?ments$/, 'acknowledgements'],
	[/^references$/, 'references'],
	[/^annex(?:es)?$/, 'annexes'],
	[/^appendix$/, 'appendix']
];

/** Sections that belong to the front matter (title page, summary, contents). */
const FRONT_SECTIONS = new Set(['summary', 'abstract', 'toc', 'foreword', 'preface', 'acknowledgements']);

/** The key word for a heading that is just a section word ("Introduction", "I. INTRODUCTION"), or null. */
export function sectionWord(text: string): string | null {
	if (tooLongForSectionWord(text)) return null;
	const t = text
		.replace(/[*_#]/g, '')
		.replace(/[:.]\s*$/, '')
		.trim()
		.toLowerCase();
	for (const [re, key] of SECTION_WORDS) if (re.test(t)) return key;
	return null;
}

/** The longest section word ("executive summary", "table of contents"), plus a final ":" or ".". */
const SECTION_WORD_MAX = 18;

/**
 * Whether a text has more visible characters (not white space, not "*", "_", "#") than any
 * section word: then it is none, and the text need not be copied and lower-cased (every
 * paragraph's first line is asked about; most are long).
 */
function tooLongForSectionWord(text: string): boolean {
	let visible = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 42 || c === 95 || c === 35 || isWhiteSpace(c)) continue;
		if (++visible > SECTION_WORD_MAX) return true;
	}
	return false;
}

/** The characters `\s` (and so `String.prototype.trim`) takes for white space. */
function isWhiteSpace(c: number): boolean {
	if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
	return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether a section key belongs to the front matter. */
export function isFrontSection(key: string): boolean {
	return FRONT_SECTIONS.has(key);
}

/** A URL- and id-safe slug of the first words: "GROUP A: Implementation of the Tunis…" → 'group-a-implementation-of'. */
export function slugify(text: string, maxWords = 4): string {
	return slugifyText(slugifyText(text).split('-').slice(0, maxWords).join(' ')) || 'section';
}

/** A number as a key fragment: '2 bis' → '2bis', '(1)' → '1', '1.1' → '1.1', 'III' → 'iii'. */
export function numberSlug(value: string): string {
	return value.toLowerCase().replace(/[()\s]/g, '') || 'x';
}

/** The Arabic value of an annex numeral ('III' → '3', '2' → '2', 'B' → 'b'). */
export function annexNumber(numeral: string): string {
	if (/^\d+$/.test(numeral)) return String(Number(numeral));
	const roman = /^[IVXLC]+$/i.test(numeral) ? romanValue(numeral) : null;
	if (roman !== null && numeral.length > 1) return String(roman);
	if (numeral === 'I' || numeral === 'i') return '1';
	return numeral.toLowerCase();
}

/**
 * Normalises a heading or a contents entry for comparison: "2. Draft recommendations submitted
 * by Japan (7 February 2014).....\t5" and the heading "Draft recommendations submitted by Japan
 * (7 February 2014)" both give "draft recommendations submitted by japan 7 february 2014".
 */
export function normaliseHeading(text: string): string {
	return text
		.replace(new RegExp(`[${SUPERSCRIPT_CLASS}]`, 'g'), '')
		.replace(/<sup>[^<]*<\/sup>/gi, '')
		.replace(/(?:[.…\s]*\t[\s]*|\.{2,}\s*|…+\s*)\d{1,4}\s*$/, '')
		.replace(/^\s*(?:\d{1,3}(?:\.\d{1,3})*[.)]?|\(\d{1,3}\)|[IVXLC]{1,6}[.)])\s+/, '')
		.replace(/[*_#]/g, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}
