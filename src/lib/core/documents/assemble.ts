import type { UnitKind } from '../shared/vocabulary';
import { annexNumber, isFrontSection, normaliseHeading, numberSlug, sectionWord, slugify } from './headings';
import { KeyRegistry } from './keys';
import type { SourceLine } from './lines';
import { readHeadingNumber, type LineAnalysis, type NumberMarker } from './markers';
import { continuesOpenUnit, listShape, numberedLine, numberFamily, placeListItem, type ListEntry } from './decisions';
import type { Piece } from './pieces';
import { plainText } from './plain';
import { endsWithStopword } from './sentences';

/**
 * The parser's second stage: walks the pieces in order and decides, for each, whether it starts
 * a unit (and of which kind, where in the hierarchy) or continues the paragraph or list item
 * still open. The decisions, in order:
 *
 *  1. contents entries ("GROUP A: ….....\t5"), table rows and e-mail header fields stand alone;
 *  2. a bare number line ("(1)" under an item) belongs to the open unit;
 *  3. explicit headings: "ANNEX I – …" (a new part), "GROUP A: …", "Option 1 – …", Markdown "#",
 *     a section word ("Introduction", "I. INTRODUCTION"), a wholly bold block, or a line the
 *     table of contents lists;
 *  4. numbered headings: "1. Draft recommendations submitted by Japan (7 February 2014)" alone
 *     between blank lines, short or ending in a parenthesis, followed by a capital;
 *  5. bullets start list items; "a)", "(i)", "vi." start list items;
 *  6. "1.", "2 bis", "(1)", "1.1" start a paragraph when they continue the section's numbering;
 *     a number that does not ("64." inside paragraph 1) continues the open paragraph if that
 *     paragraph's last line does not end a sentence or its quotation is still open;
 *  7. any other line continues the open unit when its last line does not end a sentence (across
 *     blank lines, page breaks and footnote blocks), or is a short heading-like line, or starts
 *     an unnumbered paragraph.
 *
 * Worked example (004 introduction): "1. The Outcome…on the" opens intro-p1; "Overall Review…
 * following terms:" continues it (no sentence end); "“4.1 Enhanced Cooperation" continues it (a
 * quotation is never a heading); "64. We acknowledge…" and "65. We note…" continue it (64 does not
 * follow 1, and the quotation is open); "2. At the nineteenth…" follows 1 and opens intro-p2.
 */

export interface Draft {
	key: string;
	kind: UnitKind;
	depth: number;
	parentKey: string | null;
	part: string;
	number: string | null;
	/** Inclusive line-index ranges owned by the unit. */
	ranges: [number, number][];
	/** Content lines for cleaning (structural prefix removed from the first). */
	content: string[];
	/** Whether to look for footnote references in the text. */
	findReferences: boolean;
	/** A contents entry: the leader dots and page number are cut from the text. */
	tocEntry: boolean;
	/** The unit sits in a front-matter section (summary, abstract, contents). */
	frontSection: boolean;
	/** Raw text so far (quotation tracking) and the last content line (sentence-end tracking). */
	raw: string;
	lastLine: string;
}

interface HeadingEntry {
	key: string;
	level: number;
	fromToc: boolean;
	front: boolean;
}

interface HeadingSpec {
	kind: 'annex' | 'heading';
	level: number;
	number: string | null;
	/** Strip the number from the text (not for labelled headings: "GROUP A: …" keeps its label). */
	strip: boolean;
	/** Markdown level when written with '#'. */
	md?: number;
	/** A section word's key ('intro', 'rec'…). */
	section?: string | null;
	/** May be a title when it comes first (bold blocks, heading-like lines, Markdown level 1). */
	titleLike?: boolean;
	annex?: string;
	/** The label of a labelled heading ('group', 'option'…), which gives its key ('group-a'). */
	label?: string;
	/** For headings whose number comes from readHeadingNumber ("I Introduction", "2 Background"). */
	prefixLength?: number;
}

const ABBREVIATIONS = /\b(?:Mr|Ms|Mrs|Dr|No|Nos|Prof|St|Amb|Att|para|paras|e\.g|i\.e|etc|vs|cf)\.\s/gi;

/** Whether a heading-like text contains a sentence break ("Group. The list of…" is running text). */
function hasSentenceBreak(text: string): boolean {
	return /[.!?]\s+\p{Lu}/u.test(text.replace(ABBREVIATIONS, ' '));
}

export class Assembler {
	readonly drafts: Draft[] = [];
	private readonly keys = new KeyRegistry();
	private part = 'front';
	private sawBody = false;
	private titlesAllowed = true;
	private headings: HeadingEntry[] = [];
	private paragraph: Draft | null = null;
	private open: Draft | null = null;
	private list: ListEntry[] = [];
	private readonly sequences = new Map<string, string>();
	private lastOwner: Draft | null = null;
	private cursor = 0;
	private tocKey: string | null = null;
	private readonly tocEntries = new Map<string, number>();
	private mdBase = 0;

	/** A document that marks its headings with '#' marks all of them: no guessing from short lines. */
	private readonly markdownHeadings: boolean;

	constructor(
		private readonly lines: readonly SourceLine[],
		private readonly pieces: readonly Piece[]
	) {
		this.markdownHeadings = pieces.filter((p) => p.kind === 'content' && p.analysis.mdHeading > 0).length >= 2;
	}

	/** Runs the decisions over all pieces; returns the drafts in document order. */
	run(): Draft[] {
		for (let k = 0; k < this.pieces.length; k++) this.take(k);
		this.attachUpTo(this.lines.length);
		if (!this.sawBody) {
			for (const d of this.drafts) if (d.part === 'front' && d.kind !== 'title' && !d.frontSection) d.part = 'body';
		}
		return this.drafts;
	}

	// ——— line ownership ———

	/** Gives the not-yet-owned (blank) lines before `line` to the unit before them, or to a blank unit. */
	private attachUpTo(line: number): void {
		if (this.cursor >= line) return;
		const owner = this.lastOwner ?? this.newDraft('blank', `blank-${this.keys.next('blank')}`, null, 0, null);
		this.addRange(owner, this.cursor, line - 1);
		this.cursor = line;
		this.lastOwner = owner;
	}

	private addRange(d: Draft, first: number, last: number): void {
		const prev = d.ranges[d.ranges.length - 1];
		if (prev && prev[1] + 1 === first) prev[1] = last;
		else d.ranges.push([first, last]);
	}

	private own(d: Draft, p: Piece, stripFirst: boolean): void {
		this.attachUpTo(p.first);
		this.addRange(d, p.first, p.last);
		this.cursor = p.last + 1;
		this.lastOwner = d;
		let raw = '';
		let text = '';
		for (let i = p.first; i <= p.last; i++) {
			text = i === p.first && stripFirst ? applyStrip(this.lines[i].text, p.analysis.strip) : this.lines[i].text;
			d.content.push(text);
			raw += ' ' + text;
		}
		d.raw += raw;
		d.lastLine = text;
	}

	private newDraft(kind: UnitKind, key: string, parentKey: string | null, depth: number, number: string | null): Draft {
		const d: Draft = {
			key,
			kind,
			depth,
			parentKey,
			part: this.part,
			number,
			ranges: [],
			content: [],
			findReferences: kind !== 'footnote' && kind !== 'blank',
			tocEntry: false,
			frontSection: this.part === 'front' && this.headings.some((h) => h.front),
			raw: '',
			lastLine: ''
		};
		this.drafts.push(d);
		return d;
	}

	// ——— context ———

	private headingKey(): string | null {
		return this.headings.length ? this.headings[this.headings.length - 1].key : null;
	}

	private prefix(): string {
		return this.headingKey() ?? this.part;
	}

	private inFrontSection(): boolean {
		return this.part === 'front' && this.headings.some((h) => h.front);
	}

	private enterBody(): void {
		if (this.part === 'front') this.part = 'body';
		this.sawBody = true;
		this.titlesAllowed = false;
	}

	/** The open paragraph or list item may take the next piece: its last line does not end a sentence, or its quotation is open. */
	private accepts(next: Piece): boolean {
		return continuesOpenUnit(this.open, { breakBefore: next.breakBefore, firstLine: this.lines[next.first].text });
	}

	/** The first visible character of the next content piece (skipping footnotes and noise), or ''. */
	private nextStart(k: number): string {
		for (let j = k + 1; j < this.pieces.length; j++) {
			const p = this.pieces[j];
			if (p.kind !== 'content') continue;
			const t = this.lines[p.first].text.replace(/^[\s\u00A0*_#\uE000-\uF8FF]+/, '');
			return t.charAt(0);
		}
		return '';
	}

	private readonly textCache = new Map<Piece, Map<string, string>>();

	/** The plain text of a piece (optionally without its structural prefix), cached: decisions ask for it often. */
	private pieceText(p: Piece, strip: boolean, extra = 0): string {
		let cache = this.textCache.get(p);
		if (!cache) {
			cache = new Map();
			this.textCache.set(p, cache);
		}
		const id = `${strip}:${extra}`;
		let text = cache.get(id);
		if (text === undefined) {
			text = this.computePieceText(p, strip, extra);
			cache.set(id, text);
		}
		return text;
	}

	private computePieceText(p: Piece, strip: boolean, extra: number): string {
		const texts = this.lines.slice(p.first, p.last + 1).map((l) => l.text);
		if (strip) texts[0] = applyStrip(texts[0], p.analysis.strip);
		if (extra) texts[0] = texts[0].replace(/^[\s\u00A0]+/, '').slice(extra);
		return plainText(texts);
	}

	// ——— the decision ———

	private take(k: number): void {
		const p = this.pieces[k];
		if (p.kind === 'noise') return this.noise(p);
		if (p.kind === 'footnote') return this.footnote(p);
		const a = p.analysis;
		if (a.tocDots || (a.tocTab && this.tocKey !== null && this.headings.some((h) => h.key === this.tocKey))) return this.tocEntry(p, a);
		if (a.table) return this.simple(p, 'table_row');
		if (a.field) return this.simple(p, 'paragraph');
		if (a.bare && a.number && !a.bullet && this.open) return this.merge(p);
		const explicit = this.explicitHeading(p, a, k);
		if (explicit) return this.heading(p, explicit);
		const numbered = this.numberedHeading(p, a, k);
		if (numbered) return this.heading(p, numbered);
		if (a.bullet) return this.listItem(p, a);
		if (a.number) {
			const started = numberedLine(a.number, this.sequences, this.paragraph !== null && this.paragraph.number !== null, () => this.accepts(p));
			if (started === 'list_item') return this.listItem(p, a);
			if (started === 'merge') return this.merge(p);
			return this.numberedParagraph(p, a.number, numberFamily(a.number));
		}
		if (this.accepts(p)) return this.merge(p);
		const plain = this.plainHeading(p, a, k);
		if (plain) return this.heading(p, plain);
		return this.newParagraph(p, null);
	}

	private explicitHeading(p: Piece, a: LineAnalysis, k: number): HeadingSpec | null {
		if (a.quoteStart) return null;
		const lineCount = p.last - p.first + 1;
		// The piece's plain text is asked for only where a rule needs it: computing it for every
		// piece (every paragraph of a 10,000-contribution compilation) was a third of the parse.
		const full = () => this.pieceText(p, false);
		if (a.labelled && !a.bullet && a.number === null && lineCount <= 3 && full().length <= 250) {
			const { label, numeral } = a.labelled;
			if (label === 'annex' || label === 'appendix') return { kind: 'annex', level: 0, number: numeral, strip: false, annex: annexNumber(numeral) };
			return { kind: 'heading', level: label === 'option' ? 2 : 1, number: numeral, strip: false, md: a.mdHeading || undefined, label };
		}
		if (a.mdHeading) return { kind: 'heading', level: 1, md: a.mdHeading, number: a.number?.value ?? null, strip: true, titleLike: true, section: sectionWord(this.pieceText(p, true)) };
		if (lineCount === 1 && !a.bullet) {
			const first = this.lines[p.first].text;
			const hn = a.number ? null : readHeadingNumber(first.replace(/^[\s\u00A0]+/, ''));
			const number = a.number ?? hn?.marker ?? null;
			const text = a.number ? this.pieceText(p, true) : this.pieceText(p, false, hn?.length ?? 0);
			const word = sectionWord(text);
			if (word) {
				const nextPiece = this.pieces[k + 1];
				const nextIsItem = nextPiece !== undefined && nextPiece.kind === 'content' && (nextPiece.analysis.bullet || nextPiece.analysis.number !== null);
				const standalone = number ? p.breakBefore && p.breakAfter : p.breakAfter || nextIsItem;
				if (standalone) {
					const level = number && number.style !== 'upper-roman' && this.headings.some((h) => h.level === 1) ? 2 : 1;
					return { kind: 'heading', level, number: number?.value ?? null, strip: true, section: level === 1 ? word : null, prefixLength: hn?.length };
				}
			}
		}
		// A wholly bold block: a piece starts with a visible character, so only one whose first line opens with "**" can be.
		const trimmed = this.lines[p.first].text.trimStart().startsWith('**')
			? this.lines
					.slice(p.first, p.last + 1)
					.map((l) => l.text)
					.join('\n')
					.trim()
			: '';
		if (/^\*\*[^*]/.test(trimmed) && /[^*]\*\*$/.test(trimmed) && !trimmed.slice(2, -2).includes('**') && full().length <= 250 && p.breakAfter) {
			return { kind: 'heading', level: 1, number: null, strip: false, titleLike: true };
		}
		if (this.tocEntries.size && lineCount <= 3 && this.tocEntries.has(normaliseHeading(full()))) {
			return { kind: 'heading', level: 1, number: a.number?.value ?? null, strip: true };
		}
		return null;
	}

	private numberedHeading(p: Piece, a: LineAnalysis, k: number): HeadingSpec | null {
		if (a.bullet || a.quoteStart || !p.breakBefore || !p.breakAfter || p.last - p.first > 1) return null;
		const first = this.lines[p.first].text.replace(/^[\s\u00A0]+/, '');
		const hn = a.number ? null : readHeadingNumber(first);
		const marker: NumberMarker | null = a.number ?? hn?.marker ?? null;
		if (!marker || marker.style === 'alpha' || marker.style === 'roman' || marker.style === 'paren') return null;
		const text = a.number ? this.pieceText(p, true) : this.pieceText(p, false, hn?.length ?? 0);
		if (!/^[\p{Lu}\p{N}]/u.test(text)) return null;
		if (!/[\p{L}\p{N})]$/u.test(text) && !/\):$/.test(text)) return null;
		if (endsWithStopword(text) || hasSentenceBreak(text)) return null;
		// Length by how the line ends: "(12 December 2013)" ends a heading; a capitalised word may
		// ("…Forum (IGF)", "…WGEC"); a lower-case word rarely, and never after a comma outside
		// parentheses ("3. The group held five meetings in Geneva, at …, between" is a wrapped line).
		const endsParen = /\):?$/.test(text);
		const endsCapital = /(?:^|\s)[\p{Lu}\p{N}][\p{L}\p{N}]*$/u.test(text);
		const commaOutside = text.replace(/\([^)]*\)/g, '').includes(',');
		const limit = endsParen ? 250 : commaOutside ? 0 : endsCapital ? 100 : 70;
		if (text.length > limit) return null;
		if (/^\p{Ll}/u.test(this.nextStart(k))) return null;
		const hasLevel1 = this.headings.some((h) => h.level === 1);
		const level = marker.style === 'upper-roman' ? 1 : marker.style === 'decimal' ? (hasLevel1 ? 3 : 2) : hasLevel1 ? 2 : 1;
		return { kind: 'heading', level, number: marker.value, strip: true, prefixLength: hn?.length };
	}

	private plainHeading(p: Piece, a: LineAnalysis, k: number): HeadingSpec | null {
		if (this.markdownHeadings || a.quoteStart || p.last - p.first > 1) return null;
		const nextPiece = this.pieces[k + 1];
		const nextIsItem = nextPiece !== undefined && nextPiece.kind === 'content' && (nextPiece.analysis.bullet || nextPiece.analysis.number !== null);
		if (!p.breakAfter && !nextIsItem) return null;
		const text = this.pieceText(p, false);
		if (!/^[\p{Lu}\p{N}]/u.test(text) || !/[\p{L}\p{N})]$/u.test(text)) return null;
		if (!(text.length <= 120 || (/\)$/.test(text) && text.length <= 200))) return null;
		if (text.split(/\s+/).length < 2 || endsWithStopword(text) || hasSentenceBreak(text)) return null;
		if (/^\p{Ll}/u.test(this.nextStart(k))) return null;
		return { kind: 'heading', level: 1, number: null, strip: false, titleLike: true };
	}

	// ——— unit makers ———

	private noise(p: Piece): void {
		this.attachUpTo(p.first);
		const owner = this.lastOwner?.kind === 'blank' ? this.lastOwner : this.newDraft('blank', `blank-${this.keys.next('blank')}`, null, 0, null);
		this.addRange(owner, p.first, p.last);
		this.cursor = p.last + 1;
		this.lastOwner = owner;
	}

	private footnote(p: Piece): void {
		const def = p.footnote;
		const marker = def?.marker ?? '?';
		const d = this.newDraft('footnote', this.keys.claim(`fn-${numberSlug(marker)}`), null, 0, marker);
		this.own(d, p, false);
		if (def) d.content[0] = (d.content[0] ?? '').slice(def.prefixLength);
	}

	private merge(p: Piece): void {
		if (!this.open) return this.newParagraph(p, null);
		this.own(this.open, p, false);
	}

	private simple(p: Piece, kind: 'table_row' | 'paragraph'): void {
		const prefix = this.prefix();
		const key = kind === 'table_row' ? `${prefix}-row${this.keys.next(`${prefix}#row`)}` : `${prefix}-u${this.keys.next(`${prefix}#u`)}`;
		const d = this.newDraft(kind, this.keys.claim(key), this.headingKey(), 0, null);
		this.own(d, p, false);
		this.open = null;
	}

	private tocEntry(p: Piece, a: LineAnalysis): void {
		const parent = this.tocKey ?? this.headingKey();
		const base = parent ?? 'toc';
		const d = this.newDraft('list_item', this.keys.claim(`${base}-li${this.keys.next(`${base}#li`)}`), parent, 1, a.number?.value ?? null);
		d.tocEntry = true;
		d.findReferences = false;
		this.own(d, p, true);
		this.tocEntries.set(normaliseHeading(this.lines[p.first].text), a.number ? 2 : 1);
		this.open = null;
	}

	private newParagraph(p: Piece, number: string | null): void {
		const prefix = this.prefix();
		const key = number ? `${prefix}-p${numberSlug(number)}` : `${prefix}-u${this.keys.next(`${prefix}#u`)}`;
		const d = this.newDraft('paragraph', this.keys.claim(key), this.headingKey(), 0, number);
		this.own(d, p, number !== null);
		this.paragraph = d;
		this.open = d;
		this.list = [];
	}

	private numberedParagraph(p: Piece, marker: NumberMarker, family: string): void {
		if (this.part === 'front' && !this.inFrontSection()) this.enterBody();
		this.sequences.set(family, marker.value);
		this.newParagraph(p, marker.value);
	}

	private listItem(p: Piece, a: LineAnalysis): void {
		const indent = p.pageStart ? 0 : a.indent;
		const shape = listShape(a.number);
		const { parentKey, depth } = placeListItem(this.list, indent, shape, this.paragraph?.key ?? this.headingKey());
		const base = parentKey ?? this.prefix();
		const d = this.newDraft('list_item', this.keys.claim(`${base}-li${this.keys.next(`${base}#li`)}`), parentKey, depth, a.number?.value ?? null);
		this.own(d, p, true);
		this.list.push({ key: d.key, parentKey, depth, indent, shape });
		this.open = d;
	}

	private heading(p: Piece, spec: HeadingSpec): void {
		this.open = null;
		this.paragraph = null;
		this.list = [];
		this.sequences.clear();
		const full = this.pieceText(p, false);

		if (spec.kind === 'annex') {
			this.part = `annex-${spec.annex ?? '1'}`;
			this.sawBody = true;
			this.titlesAllowed = false;
			const d = this.newDraft('annex', this.keys.claim(`annex-${spec.annex ?? '1'}`), null, 0, spec.number);
			this.ownHeading(d, p, spec);
			this.headings = [{ key: d.key, level: 0, fromToc: false, front: false }];
			this.tocKey = null;
			return;
		}

		const isTitle = this.titlesAllowed && this.part === 'front' && spec.titleLike === true && !spec.section && (spec.md === undefined || spec.md === 1) && spec.number === null;
		if (isTitle) {
			const d = this.newDraft('title', this.keys.claim(`title-${this.keys.next('title')}`), null, 0, null);
			this.ownHeading(d, p, spec);
			return;
		}

		let level = spec.level;
		if (spec.md) {
			if (this.mdBase === 0) this.mdBase = spec.md;
			level = Math.max(1, 1 + spec.md - this.mdBase);
		}
		let fromToc = false;
		if (this.tocEntries.size && this.part !== 'front') {
			const tocLevel = this.tocEntries.get(normaliseHeading(full));
			if (tocLevel !== undefined) {
				level = tocLevel;
				fromToc = true;
			} else {
				const anchor = [...this.headings].reverse().find((h) => h.fromToc);
				if (anchor) level = anchor.level + 1;
			}
		}
		while (this.headings.length && this.headings[this.headings.length - 1].level >= level) this.headings.pop();
		const parent = this.headingKey();

		const section = spec.section ?? null;
		const front = this.part === 'front' && ((level === 1 && section !== null && isFrontSection(section)) || (level > 1 && this.inFrontSection()));
		if (this.part === 'front' && !front) this.enterBody();
		this.titlesAllowed = false;

		let key: string;
		if (parent === null && !this.part.startsWith('annex-')) {
			const words = spec.strip ? this.pieceText(p, true, spec.prefixLength ?? 0) : full;
			key = section ?? (spec.label ? slugify(`${spec.label} ${spec.number ?? ''}`) : slugify(words));
		} else {
			const base = parent ?? this.part;
			key = `${base}-h${spec.number ? numberSlug(spec.number) : this.keys.next(`${base}#h`)}`;
		}
		const d = this.newDraft('heading', this.keys.claim(key), parent, this.headings.length, spec.number);
		d.frontSection = front;
		this.ownHeading(d, p, spec);
		this.headings.push({ key: d.key, level, fromToc, front });
		if (section === 'toc') this.tocKey = d.key;
		else if (level === 1) this.tocKey = null;
	}

	private ownHeading(d: Draft, p: Piece, spec: HeadingSpec): void {
		if (spec.strip) {
			this.own(d, p, true);
			if (spec.prefixLength) d.content[0] = (d.content[0] ?? '').replace(/^[\s\u00A0]+/, '').slice(spec.prefixLength);
		} else {
			this.own(d, p, false);
			if (spec.md) d.content[0] = applyStrip(d.content[0] ?? '', p.analysis.strip);
		}
		// A closed Markdown heading ("## Title ##") loses its closing marks too.
		if (spec.md) d.content[0] = (d.content[0] ?? '').replace(/\s+#+\s*$/, '');
	}
}

/** Removes the given ranges (sorted, non-overlapping) from a line. */
export function applyStrip(text: string, ranges: readonly [number, number][]): string {
	let out = '';
	let at = 0;
	for (const [s, e] of ranges) {
		if (s < at) continue;
		out += text.slice(at, s);
		at = e;
	}
	return out + text.slice(at);
}
