/**
 * Which writing systems a printable needs, and which fonts print them.
 *
 * PDF output embeds its fonts, so a script without a font prints as empty boxes. Each script lists
 * the font families that serve it, best first, with the file names their Debian package installs,
 * so the server can look for the files and name the package when none is there. Latin, Cyrillic
 * and Greek never fail: the PDF compiler carries Libertinus Serif, which covers all three.
 *
 * Worked example: scriptsIn(['Договор', 'اتفاق']) → {'latin', 'arabic'} ('latin' stands for the
 * Latin, Cyrillic and Greek family of fonts and is always included).
 */

export type ScriptName = 'latin' | 'arabic' | 'hebrew' | 'cjk' | 'devanagari' | 'thai';

export interface FontFamilyFiles {
	/** The family name as fonts declare it ('Noto Naskh Arabic'); for CJK collections, the prefix before the region ('Noto Sans CJK'). */
	family: string;
	/** File names, one of which must exist for the family to count (the regular weight). */
	regular: readonly string[];
	/** Further weights and styles, used when present. */
	others: readonly string[];
}

export interface ScriptFonts {
	script: ScriptName;
	/** How an error message names the text: 'Arabic', 'Chinese, Japanese or Korean'. */
	label: string;
	/** Matches one character of the script. */
	pattern: RegExp;
	families: readonly FontFamilyFiles[];
	/** The Debian package that installs the families. */
	debianPackage: string;
	/** True when the PDF compiler's own fonts print the script, so no file is required. */
	builtIn: boolean;
}

/** The scripts Plenary looks for, in the order their fonts are tried after the document's own. */
export const SCRIPT_FONTS: readonly ScriptFonts[] = [
	{
		script: 'latin',
		label: 'Latin, Cyrillic or Greek',
		pattern: /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u052F]/,
		families: [
			{ family: 'Noto Serif', regular: ['NotoSerif-Regular.ttf'], others: ['NotoSerif-Bold.ttf', 'NotoSerif-Italic.ttf', 'NotoSerif-BoldItalic.ttf'] },
			{ family: 'Noto Sans', regular: ['NotoSans-Regular.ttf'], others: ['NotoSans-Bold.ttf', 'NotoSans-Italic.ttf', 'NotoSans-BoldItalic.ttf'] }
		],
		debianPackage: 'fonts-noto-core',
		builtIn: true
	},
	{
		script: 'arabic',
		label: 'Arabic',
		pattern: /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFC]/,
		families: [
			{ family: 'Noto Naskh Arabic', regular: ['NotoNaskhArabic-Regular.ttf'], others: ['NotoNaskhArabic-Bold.ttf'] },
			{ family: 'Noto Sans Arabic', regular: ['NotoSansArabic-Regular.ttf'], others: ['NotoSansArabic-Bold.ttf'] }
		],
		debianPackage: 'fonts-noto-core',
		builtIn: false
	},
	{
		script: 'hebrew',
		label: 'Hebrew',
		pattern: /[\u0590-\u05FF\uFB1D-\uFB4F]/,
		families: [
			{ family: 'Noto Serif Hebrew', regular: ['NotoSerifHebrew-Regular.ttf'], others: ['NotoSerifHebrew-Bold.ttf'] },
			{ family: 'Noto Sans Hebrew', regular: ['NotoSansHebrew-Regular.ttf'], others: ['NotoSansHebrew-Bold.ttf'] }
		],
		debianPackage: 'fonts-noto-core',
		builtIn: false
	},
	{
		script: 'cjk',
		label: 'Chinese, Japanese or Korean',
		// Han, kana, Hangul, CJK punctuation and full-width forms; astral Han extensions by surrogate pair.
		pattern: /[\u1100-\u11FF\u2E80-\u2FDF\u3000-\u303F\u3040-\u30FF\u3100-\u318F\u31A0-\u31FF\u3200-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]|[\uD840-\uD87F][\uDC00-\uDFFF]/,
		families: [
			{ family: 'Noto Sans CJK', regular: ['NotoSansCJK-Regular.ttc'], others: ['NotoSansCJK-Bold.ttc'] },
			{ family: 'Noto Serif CJK', regular: ['NotoSerifCJK-Regular.ttc'], others: ['NotoSerifCJK-Bold.ttc'] }
		],
		debianPackage: 'fonts-noto-cjk',
		builtIn: false
	},
	{
		script: 'devanagari',
		label: 'Devanagari',
		pattern: /[\u0900-\u097F\uA8E0-\uA8FF]/,
		families: [
			{ family: 'Noto Serif Devanagari', regular: ['NotoSerifDevanagari-Regular.ttf'], others: ['NotoSerifDevanagari-Bold.ttf'] },
			{ family: 'Noto Sans Devanagari', regular: ['NotoSansDevanagari-Regular.ttf'], others: ['NotoSansDevanagari-Bold.ttf'] }
		],
		debianPackage: 'fonts-noto-core',
		builtIn: false
	},
	{
		script: 'thai',
		label: 'Thai',
		pattern: /[\u0E00-\u0E7F]/,
		families: [
			{ family: 'Noto Serif Thai', regular: ['NotoSerifThai-Regular.ttf'], others: ['NotoSerifThai-Bold.ttf'] },
			{ family: 'Noto Sans Thai', regular: ['NotoSansThai-Regular.ttf'], others: ['NotoSansThai-Bold.ttf'] }
		],
		debianPackage: 'fonts-noto-core',
		builtIn: false
	}
];

/** The scripts the texts use. 'latin' is always in: punctuation, digits and the title page need it. */
export function scriptsIn(texts: Iterable<string>): Set<ScriptName> {
	const found = new Set<ScriptName>(['latin']);
	const pending = SCRIPT_FONTS.filter((s) => s.script !== 'latin');
	for (const text of texts) {
		for (let i = pending.length - 1; i >= 0; i--) {
			if (pending[i].pattern.test(text)) {
				found.add(pending[i].script);
				pending.splice(i, 1);
			}
		}
		if (pending.length === 0) break;
	}
	return found;
}

/** The script a language is mostly written in ('ar' → 'arabic', 'zh-Hant' → 'cjk', 'fr' → 'latin'). */
export function scriptOfLanguage(lang: string): ScriptName {
	const base = lang.toLowerCase().split(/[-_]/)[0];
	if (['ar', 'fa', 'ur', 'ps'].includes(base)) return 'arabic';
	if (['he', 'yi'].includes(base)) return 'hebrew';
	if (['zh', 'ja', 'ko'].includes(base)) return 'cjk';
	if (['hi', 'mr', 'ne', 'sa'].includes(base)) return 'devanagari';
	if (base === 'th') return 'thai';
	return 'latin';
}

/**
 * The face of a CJK collection that suits the language: the same Han character is drawn
 * differently in Simplified Chinese, Traditional Chinese, Japanese and Korean.
 * 'zh' → 'SC', 'zh-TW' or 'zh-Hant' → 'TC', 'zh-HK' → 'HK', 'ja' → 'JP', 'ko' → 'KR'.
 */
export function cjkRegion(lang: string): 'SC' | 'TC' | 'HK' | 'JP' | 'KR' {
	const tags = lang.toLowerCase().split(/[-_]/);
	if (tags[0] === 'ja') return 'JP';
	if (tags[0] === 'ko') return 'KR';
	if (tags.includes('hk') || tags.includes('mo')) return 'HK';
	if (tags.includes('hant') || tags.includes('tw')) return 'TC';
	return 'SC';
}
