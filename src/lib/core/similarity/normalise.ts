/**
 * Text normalisation for comparing contributions: two copies of one passage should compare equal
 * whatever their case, Unicode form, quotation marks, dashes, spacing or (optionally) accents.
 *
 * Worked example: `normaliseText('“Enhanced  Coöperation” — Tunis')` → `"enhanced cooperation" - tunis`.
 */

export interface NormaliseOptions {
	/**
	 * Drop the diacritics of Latin, Greek and Cyrillic letters and the vowel points of Arabic and
	 * Hebrew ("coöperation" = "cooperation"), as a text retyped without them still counts as a
	 * copy. Marks of other scripts (Devanagari vowel signs, Thai tone marks…) stay: they change the
	 * word. Default true.
	 */
	foldDiacritics?: boolean;
}

const DOUBLE_QUOTES = /[\u00AB\u00BB\u201C\u201D\u201E\u201F\u2033\u2036\u275D\u275E\u301D\u301E\u301F\uFF02]/g;
const SINGLE_QUOTES = /[\u0060\u00B4\u2018\u2019\u201A\u201B\u2039\u203A\u2032\u2035\u02BC\u275B\u275C\uFF07]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SPACES = /\s+/g;
/** A base letter of a script whose combining marks are accents, followed by those marks. */
const ACCENTED = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Hebrew}])\p{Mn}+/gu;
/** The Arabic elongation stroke (tatweel): typography, not spelling. */
const TATWEEL = /\u0640/g;
const ASCII = /^[\x20-\x7e]*$/;

/**
 * The comparable form of a text: NFKC (full-width letters, ligatures and compatibility forms
 * folded), lower case, curly and angled quotation marks as `"` and `'`, every dash as `-`, runs of
 * white space as one space, trimmed; accents dropped unless `foldDiacritics` is false.
 */
export function normaliseText(text: string, options: NormaliseOptions = {}): string {
	if (ASCII.test(text)) return text.replace(SPACES, ' ').trim().toLowerCase().replace(SINGLE_QUOTES, "'");
	let out = text.normalize('NFKC');
	out = out.replace(DOUBLE_QUOTES, '"').replace(SINGLE_QUOTES, "'").replace(DASHES, '-').replace(SPACES, ' ').trim();
	out = out.toLowerCase();
	if (options.foldDiacritics ?? true) out = out.normalize('NFD').replace(ACCENTED, '$1').replace(TATWEEL, '').normalize('NFKC');
	return out;
}

/**
 * The comparable form of one word as the tokeniser found it: `normaliseText` with a fast path
 * for plain ASCII words, which are most words of most contributions.
 */
export function normaliseWord(word: string, options: NormaliseOptions = {}): string {
	if (ASCII.test(word)) return word.toLowerCase().replace(SINGLE_QUOTES, "'");
	return normaliseText(word, options);
}
