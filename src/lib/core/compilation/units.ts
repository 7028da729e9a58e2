import { applyStrip } from '../documents/assemble';
import { cleanText } from '../documents/clean';
import { continuesOpenUnit, listShape, numberedLine, numberFamily, placeListItem, type ListEntry } from '../documents/decisions';
import { FootnoteSequence, MARKDOWN_NOTE_RE } from '../documents/footnotes';
import { isFrontSection, numberSlug, sectionWord, slugify } from '../documents/headings';
import { KeyRegistry } from '../documents/keys';
import { isBlankLine } from '../documents/lines';
import { analyseLine, readNumber, type NumberMarker } from '../documents/markers';
import { parseDocument } from '../documents/parse';
import type { ParsedUnit } from '../documents/types';
import type { UnitKind } from '../shared/vocabulary';
import { LINE, type CompilationLayout } from './layout';

/**
 * The units of a compilation — exactly what `parseDocument(text).units` gives — read from what
 * the generator knows of each line it wrote, so that a call of 10,000 contributions (some 25 MB
 * of text) is not parsed back after being written.
 *
 * The compilation has three regions:
 *
 *  - the title page (title, subtitle, abstract, the contents heading): parsed, as it is a prefix
 *    of the text that the parser reads in the same way (nothing in it looks further ahead);
 *  - the contents list and the parts (headings, submission headings, items, their sub-items
 *    and footnote definitions): read here. Every line is one the generator wrote in a known
 *    shape (escape.ts guards the words so that the parser sees that shape), so the only
 *    decisions left are the parser's own, taken with its own functions (documents/decisions.ts):
 *    where a list item hangs, whether an out-of-sequence number or an unnumbered paragraph runs
 *    on from the open item, what a heading's key is, and the cleaning of every text;
 *  - the annexes (their own free text): parsed, after a few lines that put the parser in the
 *    state it has at that point of the whole text (the footnotes defined and referred to before,
 *    the blank unit at the start, how Markdown heading levels count).
 *
 * Anything in the parts that is not in a shape the reading knows — a line the parser would take
 * for a blank line, a heading that reads otherwise — makes it give up, and the whole text is
 * parsed instead: slower, never different. `units.laws.test.ts` checks, over hostile calls, that
 * the units are those of `parseDocument`.
 */
export function unitsOfCompilation(text: string, layout: CompilationLayout): ParsedUnit[] {
	return readUnits(text, layout) ?? parseDocument(text).units;
}

/** The units read from the layout, or null when the parts hold a line this reading does not foresee. */
export function readUnits(text: string, layout: CompilationLayout): ParsedUnit[] | null {
	return new CompilationReader(text, layout).read();
}

/** A unit being read: what the parser's assembler keeps of it (documents/assemble.ts, `Draft`). */
class Draft {
	/** Inclusive line-index ranges owned by the unit. */
	readonly ranges: [number, number][] = [];
	/** Its content lines, structural prefix removed. */
	readonly content: string[] = [];
	findReferences = true;

	constructor(
		readonly key: string,
		readonly kind: UnitKind,
		readonly part: string,
		readonly depth: number,
		readonly parentKey: string | null,
		readonly number: string | null
	) {}

	/** The unit's text so far as continuation sees it: each line preceded by a space (the assembler's `raw`; asked for rarely, so not kept). */
	get raw(): string {
		return ' ' + this.content.join(' ');
	}

	get lastLine(): string {
		return this.content[this.content.length - 1] ?? '';
	}
}

/** Thrown (and caught in `read`) when a line is not in a shape the reading knows. */
class Unforeseen extends Error {}

/** The Markdown headings of the parts start at level 1: the first non-title heading is "# Abstract". */
const MARKDOWN_BASE = 1;

class CompilationReader {
	private readonly lines: readonly string[];
	/** Offset of each line's first character in the text. */
	private readonly starts: number[];
	/** The lines the parser sees: the text's last line break ends the last one. */
	private readonly lineCount: number;

	private readonly keys = new KeyRegistry();
	/**
	 * The assembler's counters ('<base>#li', '<base>#u', '<base>#h'), one map per suffix. Every
	 * base here is a key this reading made or the contents heading, none of which the title page's
	 * counters name, so they start at 0 as the assembler's do.
	 */
	private readonly itemCount = new Map<string, number>();
	private readonly unnumberedCount = new Map<string, number>();
	private readonly headingCount = new Map<string, number>();
	private readonly drafts: Draft[] = [];
	/** 'front' until the first part's heading, then 'body'. */
	private part = 'front';
	private headings: { key: string; level: number }[] = [];
	private paragraph: Draft | null = null;
	private open: Draft | null = null;
	private list: ListEntry[] = [];
	private readonly sequences = new Map<string, string>();
	private lastOwner: Draft | null = null;
	private cursor = 0;
	private readonly markers = new Map<string, NumberMarker | null>();

	constructor(
		private readonly text: string,
		private readonly layout: CompilationLayout
	) {
		this.lines = layout.lines;
		this.starts = new Array<number>(this.lines.length);
		let at = 0;
		for (let i = 0; i < this.lines.length; i++) {
			this.starts[i] = at;
			at += this.lines[i].length + 1;
		}
		const n = this.lines.length;
		this.lineCount = n > 0 && this.lines[n - 1] === '' ? n - 1 : n;
	}

	/** The units, or null when the parts hold something this reading does not foresee. */
	read(): ParsedUnit[] | null {
		const { frontEnd, annexStart } = this.layout;
		if (frontEnd < 2 || frontEnd >= annexStart) return null;

		const front = this.readFront(frontEnd);
		if (!front) return null;
		const blankStart = front.some((u) => u.kind === 'blank');

		const definitions: string[] = [];
		try {
			this.readParts(frontEnd, Math.min(annexStart, this.lineCount), definitions);
		} catch (e) {
			if (e instanceof Unforeseen) return null;
			throw e;
		}

		const annexes = annexStart < this.lineCount ? this.readAnnexes(annexStart, blankStart, definitions) : [];
		if (annexes === null) return null;
		const footnotes = new FootnoteSequence([...definitions, ...annexes.filter((u) => u.kind === 'footnote').map((u) => u.number ?? '')]);
		const parts = this.drafts.map((d) => this.unit(d, footnotes));
		return [...front, ...parts, ...annexes];
	}

	// ——— the title page ———

	/**
	 * The title page's units, parsed. On its own the title page ends before any body, and the
	 * parser then counts a leading blank line as body; in the whole text the body follows, and it
	 * stays front. The reading goes on under the contents heading, the title page's last unit.
	 */
	private readFront(frontEnd: number): ParsedUnit[] | null {
		const front = parseDocument(this.text.slice(0, this.starts[frontEnd])).units;
		const contents = front[front.length - 1];
		if (!contents || contents.kind !== 'heading' || contents.depth !== 0 || contents.part !== 'front') return null;
		for (const [k, u] of front.entries()) {
			if (u.kind === 'footnote' || u.notes.length > 0) return null;
			if (u.kind === 'blank' && (k > 0 || u.spans[0][0] !== 0)) return null;
			if (u.part !== 'front' && !(u.kind === 'blank' && k === 0)) return null;
			this.keys.claim(u.key);
		}
		this.headings = [{ key: contents.key, level: 1 }];
		this.cursor = frontEnd;
		return front.map((u) => (u.part === 'front' ? u : { ...u, part: 'front' }));
	}

	// ——— the contents list and the parts ———

	private readParts(from: number, to: number, definitions: string[]): void {
		const { roles, numbers } = this.layout;
		/** The piece before is a footnote definition (the next one starts a "page"). */
		let afterFootnote = false;
		for (let i = from; i < to; i++) {
			const role = roles[i];
			const line = this.lines[i];
			if (role === LINE.blank) continue;
			if (isBlankLine(line)) throw new Unforeseen();
			const breakBefore = afterFootnote || this.lines[i - 1] === '';
			const pageStart = afterFootnote;
			afterFootnote = false;
			switch (role) {
				case LINE.part:
				case LINE.submission:
				case LINE.headingItem:
					this.heading(i, line);
					break;
				case LINE.contentsEntry: {
					// "- GROUP A: …" and, under it, "  - 1. Draft recommendations …" (or without a number past 999).
					const printed = numbers[i];
					const marker = printed === null ? null : this.markerOf(printed);
					if (line.startsWith('- ')) this.listItem(i, 0, null, 0, 2);
					else if (line.startsWith('  - ')) this.listItem(i, pageStart ? 0 : 2, marker, 2, printed === null ? 4 : 5 + printed.length);
					else throw new Unforeseen();
					break;
				}
				case LINE.listItem: {
					const printed = numbers[i];
					const marker = printed === null ? null : this.markerOf(printed);
					this.listItem(i, 0, marker, 0, printed === null ? 2 : 3 + printed.length);
					break;
				}
				case LINE.subItem:
					this.listItem(i, pageStart ? 0 : 2, null, 2, 4);
					break;
				case LINE.numberedParagraph: {
					// Numbered items follow a heading or another item: a blank line before one would
					// let the parser ask whether it is a heading.
					if (breakBefore) throw new Unforeseen();
					const printed = numbers[i]!;
					const marker = this.markerOf(printed);
					const started = numberedLine(marker, this.sequences, this.paragraph !== null && this.paragraph.number !== null, () =>
						continuesOpenUnit(this.open, { breakBefore, firstLine: line })
					);
					if (started === 'list_item') this.listItem(i, 0, marker, 0, printed.length + 1);
					else if (started === 'merge') this.own(this.open!, i);
					else {
						this.sequences.set(numberFamily(marker), marker.value);
						this.paragraphAt(i, marker.value, printed.length + 1);
					}
					break;
				}
				case LINE.paragraph:
					// Without the blank line before it, the line would continue the piece before it.
					if (!breakBefore) throw new Unforeseen();
					if (continuesOpenUnit(this.open, { breakBefore, firstLine: line })) this.own(this.open!, i);
					else this.paragraphAt(i, null, 0);
					break;
				case LINE.definition:
					// A definition opens after a blank line or another definition.
					if (!breakBefore) throw new Unforeseen();
					definitions.push(this.footnote(i, line));
					afterFootnote = true;
					break;
				default:
					throw new Unforeseen();
			}
		}
		this.attachUpTo(to);
	}

	/** A part, submission or contributed heading: "# …", "## 1. …", "### …" (the parser's explicit headings). */
	private heading(i: number, line: string): void {
		const a = analyseLine(line);
		if (!a.mdHeading || a.quoteStart || a.bullet || a.bare || a.tocDots || a.tocTab || a.table || a.field) throw new Unforeseen();
		const stripped = applyStrip(line, a.strip);
		let number: string | null;
		let label: string | null = null;
		let section: string | null = null;
		if (a.labelled && a.number === null && plain(line).length <= 250) {
			if (a.labelled.label === 'annex' || a.labelled.label === 'appendix') throw new Unforeseen();
			label = a.labelled.label;
			number = a.labelled.numeral;
		} else {
			number = a.number?.value ?? null;
			section = sectionWord(plain(stripped));
		}

		this.open = null;
		this.paragraph = null;
		this.list = [];
		this.sequences.clear();
		const level = Math.max(1, 1 + a.mdHeading - MARKDOWN_BASE);
		// The first part's heading ends the front (a part is never a front-matter section such as "Summary").
		if (this.part === 'front') {
			if (level !== 1 || (section !== null && isFrontSection(section))) throw new Unforeseen();
			this.part = 'body';
		}
		while (this.headings.length && this.headings[this.headings.length - 1].level >= level) this.headings.pop();
		const parent = this.headingKey();
		let key: string;
		if (parent === null) key = section ?? (label ? slugify(`${label} ${number ?? ''}`) : slugify(plain(stripped)));
		else key = `${parent}-h${number ? numberSlug(number) : next(this.headingCount, parent)}`;
		const d = this.draft('heading', this.keys.claim(key), parent, this.headings.length, number);
		this.own(d, i);
		d.content[0] = stripped.replace(/\s+#+\s*$/, '');
		this.headings.push({ key: d.key, level });
	}

	/** A list item on line `i`: its prefix (bullet and number) is the line's characters from `keep` to `cut`. */
	private listItem(i: number, indent: number, marker: NumberMarker | null, keep: number, cut: number): void {
		const shape = listShape(marker);
		const { parentKey, depth } = placeListItem(this.list, indent, shape, this.paragraph?.key ?? this.headingKey());
		const base = parentKey ?? this.prefix();
		const d = this.draft('list_item', this.keys.claim(`${base}-li${next(this.itemCount, base)}`), parentKey, depth, marker?.value ?? null);
		this.own(d, i, keep, cut);
		this.list.push({ key: d.key, parentKey, depth, indent, shape });
		this.open = d;
	}

	/** A paragraph on line `i`, its number (if any) the line's first `cut` characters. */
	private paragraphAt(i: number, number: string | null, cut: number): void {
		const prefix = this.prefix();
		const key = number ? `${prefix}-p${numberSlug(number)}` : `${prefix}-u${next(this.unnumberedCount, prefix)}`;
		const d = this.draft('paragraph', this.keys.claim(key), this.headingKey(), 0, number);
		this.own(d, i, 0, cut);
		this.paragraph = d;
		this.open = d;
		this.list = [];
	}

	/** "[^4]: Text" → footnote '4'; returns its marker. */
	private footnote(i: number, line: string): string {
		const m = MARKDOWN_NOTE_RE.exec(line);
		if (!m) throw new Unforeseen();
		const d = this.draft('footnote', this.keys.claim(`fn-${numberSlug(m[1])}`), null, 0, m[1]);
		d.findReferences = false;
		this.own(d, i);
		d.content[0] = d.content[0].slice(m[0].length);
		return m[1];
	}

	// ——— ownership, as the assembler keeps it ———

	private draft(kind: UnitKind, key: string, parentKey: string | null, depth: number, number: string | null): Draft {
		const d = new Draft(key, kind, this.part, depth, parentKey, number);
		this.drafts.push(d);
		return d;
	}

	/**
	 * Gives line `i` to `d` (with the blank lines before it to the unit before them), without the
	 * structural prefix between `keep` and `cut` — as the assembler strips a line's prefix ranges
	 * ("- (1) " → from 0 to 6; "  - " → from 2 to 4: the indentation stays).
	 */
	private own(d: Draft, i: number, keep = 0, cut = 0): void {
		this.attachUpTo(i);
		this.addRange(d, i, i);
		this.cursor = i + 1;
		this.lastOwner = d;
		const line = this.lines[i];
		d.content.push(cut === 0 ? line : keep === 0 ? line.slice(cut) : line.slice(0, keep) + line.slice(cut));
	}

	private attachUpTo(line: number): void {
		if (this.cursor >= line) return;
		// Blank lines right after the title page belong to its last unit, which the parser read.
		if (!this.lastOwner) throw new Unforeseen();
		this.addRange(this.lastOwner, this.cursor, line - 1);
		this.cursor = line;
	}

	private addRange(d: Draft, first: number, last: number): void {
		const prev = d.ranges[d.ranges.length - 1];
		if (prev && prev[1] + 1 === first) prev[1] = last;
		else d.ranges.push([first, last]);
	}

	private headingKey(): string | null {
		return this.headings.length ? this.headings[this.headings.length - 1].key : null;
	}

	private prefix(): string {
		return this.headingKey() ?? this.part;
	}

	/** A printed number's marker: what follows the number does not change how it reads (escape.ts, `numberReadsBack`). */
	private markerOf(printed: string): NumberMarker {
		let marker = this.markers.get(printed);
		if (marker === undefined) {
			marker = readNumber(`${printed} x`)?.marker ?? null;
			this.markers.set(printed, marker);
		}
		if (!marker) throw new Unforeseen();
		return marker;
	}

	private unit(d: Draft, footnotes: FootnoteSequence): ParsedUnit {
		const spans: [number, number][] = [];
		let source = '';
		for (const [first, last] of d.ranges) {
			const span: [number, number] = [this.starts[first], this.lineEnd(last)];
			spans.push(span);
			source += this.text.slice(span[0], span[1]);
		}
		const { text, notes } = cleanText(d.content, { footnotes, findReferences: d.findReferences });
		return { key: d.key, kind: d.kind, depth: d.depth, parentKey: d.parentKey, part: d.part, number: d.number, text, source, spans, notes };
	}

	private lineEnd(i: number): number {
		return i + 1 < this.lines.length ? this.starts[i] + this.lines[i].length + 1 : this.text.length;
	}

	// ——— the annexes ———

	/**
	 * The annexes' units: their text parsed after a preamble that leaves the parser as the parts
	 * leave it — Markdown headings counted from level 1 ("# Abstract" is the first heading that is
	 * not a title), the footnotes 1…n defined (their keys taken) and the last of them referred to,
	 * and the blank unit at the start when the text has one.
	 */
	private readAnnexes(annexStart: number, blankStart: boolean, definitions: readonly string[]): ParsedUnit[] | null {
		const n = definitions.length;
		if (definitions.some((d, k) => d !== String(k + 1))) return null;
		let preamble = `${blankStart ? '\n' : ''}# Plenary\n# Abstract\n\n`;
		if (n > 0) preamble += `Seen[^${n}]\n\n${definitions.map((d) => `[^${d}]: Note`).join('\n')}\n\n`;
		const offset = this.starts[annexStart];
		const shift = offset - preamble.length;
		return parseDocument(preamble + this.text.slice(offset))
			.units.filter((u) => u.spans[0][0] >= preamble.length)
			.map((u) => ({ ...u, spans: u.spans.map(([s, e]) => [s + shift, e + shift] as [number, number]) }));
	}
}

/** The next value of a counter (1, 2, 3…). */
function next(counters: Map<string, number>, base: string): number {
	const n = (counters.get(base) ?? 0) + 1;
	counters.set(base, n);
	return n;
}

/** A line's plain text, as the parser's decisions see it (documents/plain.ts). */
function plain(line: string): string {
	return cleanText([line]).text;
}
