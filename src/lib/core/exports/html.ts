import { anchorId, contentsEntries, contentsPosition, headingLine } from './contents';
import { PRINT_CSS } from './html-style';
import { eachPiece } from './inline';
import type { PrintUnit, Printable } from './types';

/**
 * A printable as one standalone HTML5 document: its own print stylesheet, no script, no outside
 * resource. Every text is escaped. Units keep the anchors of the document's page (`#u-<key>`);
 * footnotes are listed at the end of each part with links both ways (`#fn-3` ⇄ `#fnref-3`).
 *
 * Built as one array of strings joined once: a compilation of 10,000 contributions (about 20 MB
 * of text) must come out in well under a second.
 */
export function toHtml(p: Printable): string {
	const out: string[] = [];
	out.push(
		'<!DOCTYPE html>\n<html lang="',
		esc(p.lang),
		'" dir="',
		p.dir,
		'">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>',
		esc(p.title),
		'</title>\n<style>',
		PRINT_CSS,
		'</style>\n</head>\n<body>\n<header class="title-page">\n<h1>',
		esc(p.title),
		'</h1>\n'
	);
	if (p.subtitle) out.push('<p class="subtitle">', esc(p.subtitle), '</p>\n');
	for (const line of p.meta) out.push('<p class="meta">', esc(line), '</p>\n');
	out.push('</header>\n<main>\n');

	const tocAt = p.toc ? contentsPosition(p) : -1;
	// The open section's part, and the range of footnotes its units refer to.
	let part: string | null = null;
	let firstNote = 0;
	let lastNote = 0;
	const closeSection = () => {
		if (part === null) return;
		if (firstNote > 0) {
			out.push('<aside class="footnotes" aria-label="', esc(p.labels.footnotes), '">\n<ol start="', String(firstNote), '">\n');
			for (let n = firstNote; n <= lastNote; n++) {
				out.push('<li id="fn-', String(n), '">', esc(p.footnotes[n - 1].text), ' <a class="backref" href="#fnref-', String(n), '" aria-label="', esc(p.labels.backToText), '">\u21A9\uFE0E</a></li>\n');
			}
			out.push('</ol>\n</aside>\n');
		}
		out.push('</section>\n');
		part = null;
		firstNote = lastNote = 0;
	};
	const note = (n: number) => {
		if (firstNote === 0) firstNote = n;
		lastNote = n;
	};

	const units = p.units;
	for (let i = 0; i <= units.length; i++) {
		if (i === tocAt) {
			closeSection();
			writeContents(out, p);
		}
		if (i === units.length) break;
		const u = units[i];
		if (u.part !== part) {
			closeSection();
			part = u.part;
			out.push('<section class="part" data-part="', esc(u.part), '">\n');
		}
		writeUnit(out, u, p.lang, note);
	}
	closeSection();
	out.push('</main>\n</body>\n</html>\n');
	return out.join('');
}

function writeContents(out: string[], p: Printable): void {
	out.push('<nav class="contents" aria-labelledby="contents-title">\n<h2 id="contents-title">', esc(p.labels.contents), '</h2>\n<ol>\n');
	for (const u of contentsEntries(p)) {
		const langAttr = u.lang !== p.lang ? ` lang="${esc(u.lang)}" dir="${u.dir}"` : '';
		out.push('<li class="level-', String(u.depth), '"', langAttr, '><a href="#', esc(anchorId(u.key)), '">', esc(headingLine(u)), '</a></li>\n');
	}
	out.push('</ol>\n</nav>\n');
}

function writeUnit(out: string[], u: PrintUnit, docLang: string, note: (n: number) => void): void {
	const id = esc(anchorId(u.key));
	const langAttr = u.lang !== docLang ? ` lang="${esc(u.lang)}" dir="${u.dir}"` : '';
	let close: string;
	if (u.kind === 'heading' || u.kind === 'annex') {
		const level = Math.min(6, u.depth + 2);
		out.push('<h', String(level), ' id="', id, '" class="', u.kind, '"', langAttr, '>');
		close = `</h${level}>\n`;
	} else if (u.kind === 'title') {
		out.push('<p id="', id, '" class="title-line"', langAttr, '>');
		close = '</p>\n';
	} else {
		out.push('<p id="', id, '" class="unit ', u.kind, ' depth-', String(Math.min(u.depth, 4)), u.label !== null && u.kind !== 'footnote' ? ' labelled' : '', '"', langAttr, '>');
		close = '</p>\n';
	}
	if (u.label !== null) {
		if (u.kind === 'footnote') out.push('<sup>', esc(u.label), '</sup> ');
		else if (u.label === '•') out.push('<span class="num" aria-hidden="true">•</span>');
		// A heading's number is separated by a space; a paragraph's hangs in a box of its own width.
		else out.push('<span class="num">', esc(u.label), u.kind === 'heading' || u.kind === 'annex' ? '</span> ' : '</span>');
	}
	eachPiece(
		u,
		(s) => out.push(esc(s)),
		(ref) => {
			if (ref.n === null) {
				out.push('<sup>', esc(ref.marker), '</sup>');
				return;
			}
			const n = String(ref.n);
			note(ref.n);
			out.push('<sup class="fnref"><a href="#fn-', n, '" id="fnref-', n, '">', n, '</a></sup>');
		}
	);
	out.push(close);
}

const SPECIAL = /[&<>"]/;
const SPECIAL_ALL = /[&<>"]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text safe inside an element or a double-quoted attribute. */
export function esc(s: string): string {
	return SPECIAL.test(s) ? s.replace(SPECIAL_ALL, (c) => ENTITY[c]) : s;
}
