import { contentsPosition, headingLine, isContentsEntry } from './contents';
import { eachPiece } from './inline';
import { cjkRegion, SCRIPT_FONTS, scriptOfLanguage, type ScriptName } from './scripts';
import { typstString, typstText } from './typst-string';
import type { PrintUnit, Printable } from './types';

/** The font family found for each script ('arabic' → 'Noto Naskh Arabic'; 'cjk' → 'Noto Sans CJK', without its region). */
export type FontChoice = Partial<Record<ScriptName, string>>;

/** Typst's own serif, always there: it prints Latin, Cyrillic and Greek when no other font was found. */
export const BUILT_IN_SERIF = 'Libertinus Serif';

/**
 * The font list for text in a language, in the order Typst tries them for each character: the
 * language's own script first (so an Arabic text takes its digits and punctuation from the Arabic
 * font, a Chinese one its quotation marks from the CJK font), then the other scripts, then
 * Typst's own serif. Example: ('ar', { latin: 'Noto Serif', arabic: 'Noto Naskh Arabic' }) →
 * ['Noto Naskh Arabic', 'Noto Serif', 'Libertinus Serif'].
 */
export function fontFamiliesFor(lang: string, fonts: FontChoice): string[] {
	const first = scriptOfLanguage(lang);
	const order = [first, ...SCRIPT_FONTS.map((s) => s.script).filter((s) => s !== first)];
	const families: string[] = [];
	for (const script of order) {
		const family = fonts[script];
		if (family) families.push(script === 'cjk' ? `${family} ${cjkRegion(lang)}` : family);
	}
	families.push(BUILT_IN_SERIF);
	return families;
}

/**
 * The printable as Typst source: A4 pages numbered at the foot, a title block, headings as Typst
 * headings (kept with what follows them, as Typst does), footnotes as `#footnote`, an outline
 * where a table of contents is wanted, and `set text(lang:, dir:)` for the document and for any
 * unit in another language. All document text is written as string literals (typst-string.ts).
 */
export function toTypst(p: Printable, fonts: FontChoice): string {
	const out: string[] = [];
	const docLang = typstLanguage(p.lang);
	out.push(
		'// A document version printed by Plenary. Every text below is a string literal, never markup.\n',
		`#set document(title: ${typstString(p.title)}, date: none)\n`,
		'#set page(paper: "a4", margin: (x: 2cm, y: 2.5cm), numbering: "1")\n',
		`#set text(font: ${fontList(p.lang, fonts)}, size: 10.5pt${docLang}, dir: ${p.dir})\n`,
		'#set par(leading: 0.62em, spacing: 0.95em)\n',
		'#set heading(numbering: none)\n',
		'#show heading.where(level: 1): set text(size: 14pt)\n',
		'#show heading.where(level: 2): set text(size: 12pt)\n',
		'#show heading: set block(above: 1.5em, below: 0.8em)\n',
		// A paragraph's number hangs before its text, in a box at least as wide as the hanging indent.
		'#let num(it) = context box(width: calc.max(1.8em.to-absolute(), measure(it).width + 0.4em.to-absolute()), it)\n',
		// The outline shows each heading's words from its supplement: showing the heading itself
		// would show its footnotes again and number them twice.
		'#show outline.entry: it => link(it.element.location(), it.indented(none, [#it.element.supplement #box(width: 1fr, it.fill) #it.page()]))\n\n',
		'#align(center)[\n',
		`  #block(below: 0.8em)[#text(size: 17pt, weight: "bold")[${typstText(p.title)}]]\n`
	);
	if (p.subtitle) out.push(`  #block(below: 0.8em)[#text(size: 13pt)[${typstText(p.subtitle)}]]\n`);
	for (const line of p.meta) out.push(`  #block(below: 0.4em)[${typstText(line)}]\n`);
	out.push(']\n#v(1.5em)\n\n');

	const tocAt = p.toc ? contentsPosition(p) : -1;
	for (let i = 0; i <= p.units.length; i++) {
		if (i === tocAt) out.push(`#outline(title: [${typstText(p.labels.contents)}], depth: 2)\n#pagebreak(weak: true)\n\n`);
		if (i === p.units.length) break;
		writeUnit(out, p.units[i], p, fonts);
	}
	return out.join('');
}

function writeUnit(out: string[], u: PrintUnit, p: Printable, fonts: FontChoice): void {
	// An annex starts a new page (a page break cannot stand inside the block below).
	if (u.kind === 'annex') out.push('#pagebreak(weak: true)\n');
	const foreign = u.lang !== p.lang;
	// A unit in another language sets its own language, direction and fonts inside a block.
	if (foreign) out.push(`#block(width: 100%)[#set text(font: ${fontList(u.lang, fonts)}${typstLanguage(u.lang)}, dir: ${u.dir})\n`);
	const body = inline(u, p.footnotes);
	switch (u.kind) {
		case 'heading':
		case 'annex': {
			const label = u.label ? typstText(`${u.label} `) : '';
			out.push(`#heading(level: ${Math.min(6, u.depth + 1)}, outlined: ${isContentsEntry(u)}, supplement: [${typstText(headingLine(u))}])[${label}${body}]\n`);
			break;
		}
		case 'title':
			out.push(`#align(center)[#strong[${body}]]\n`);
			break;
		case 'footnote':
			out.push(`#text(size: 0.85em)[${u.label ? `#super[${typstText(u.label)}] ` : ''}${body}]\n`);
			break;
		default: {
			const size = u.kind === 'table_row' ? '#set text(size: 0.95em)\n' : '';
			const text = u.label ? `#par(hanging-indent: 1.8em)[#num[#strong[${typstText(u.label)}]]${body}]` : body;
			if (u.depth > 0) out.push(`#pad(${u.dir === 'rtl' ? 'right' : 'left'}: ${2 * Math.min(u.depth, 4)}em)[${size}${text}]\n`);
			else out.push(size ? `#[${size}${text}]\n` : `${text}\n`);
		}
	}
	if (foreign) out.push(']\n');
	out.push('\n');
}

/** A unit's text as markup: string literals, with `#footnote[…]` where the references stand. */
function inline(u: PrintUnit, footnotes: Printable['footnotes']): string {
	const parts: string[] = [];
	eachPiece(
		u,
		(s) => parts.push(typstText(s)),
		(ref) => parts.push(ref.n === null ? `#super[${typstText(ref.marker)}]` : `#footnote[${typstText(footnotes[ref.n - 1]?.text ?? '')}]`)
	);
	return parts.join('');
}

function fontList(lang: string, fonts: FontChoice): string {
	return `(${fontFamiliesFor(lang, fonts).map(typstString).join(', ')})`;
}

/** `, lang: "ar"` (and `, region: "TW"`) for a language Typst accepts; nothing for one it would refuse. */
function typstLanguage(lang: string): string {
	const [language, ...rest] = lang.split(/[-_]/);
	if (!/^[a-zA-Z]{2,3}$/.test(language)) return '';
	const region = rest.find((t) => /^[a-zA-Z]{2}$/.test(t));
	return `, lang: "${language.toLowerCase()}"${region ? `, region: "${region.toUpperCase()}"` : ''}`;
}
