import { Assembler, type Draft } from './assemble';
import { cleanText } from './clean';
import { FootnoteSequence } from './footnotes';
import { splitLines, type SourceLine } from './lines';
import { buildPieces } from './pieces';
import type { ParsedDocument, ParsedUnit, ParseOptions } from './types';

/**
 * Parses text extracted from a Word or PDF file, a plain-text or a Markdown upload into
 * structural units. One parser for the importer, uploads and amendment derivation.
 *
 * It is lossless: every character of the input belongs to exactly one unit's spans, so
 * `reproduce(parseDocument(s).units) === s`. Cleaning (glyphs, wraps, markers) only affects
 * `text`. It never throws: any string parses, at worst into paragraphs.
 *
 * Three stages: lines → pieces (runs of lines, separators, footnote definitions; see pieces.ts)
 * → drafts (the structural decisions; see assemble.ts) → units (spans, source, clean text and
 * footnote references, read in document order so glued digits can be checked against the
 * document's own footnote numbering; see footnotes.ts).
 *
 * Example: "Introduction\n\n1. First.\n\n2. Second²\n\n² A note." → heading 'intro',
 * paragraphs 'intro-p1', 'intro-p2' (note '2' at the end of "Second"), footnote 'fn-2'.
 */
export function parseDocument(source: string, options: ParseOptions = {}): ParsedDocument {
	void options.lang;
	const input = typeof source === 'string' ? source : String(source ?? '');
	const lines = splitLines(input);
	const pieces = buildPieces(lines);
	const drafts = new Assembler(lines, pieces).run();
	const footnotes = new FootnoteSequence(drafts.filter((d) => d.kind === 'footnote').map((d) => d.number ?? ''));
	const units = drafts.filter((d) => d.ranges.length > 0).map((d) => toUnit(d, lines, input, footnotes));
	units.sort((a, b) => a.spans[0][0] - b.spans[0][0]);
	return { units };
}

function toUnit(d: Draft, lines: readonly SourceLine[], input: string, footnotes: FootnoteSequence): ParsedUnit {
	const spans = d.ranges.map(([first, last]) => [lines[first].start, lines[last].end] as [number, number]);
	const source = spans.length === 1 ? input.slice(spans[0][0], spans[0][1]) : spans.map(([s, e]) => input.slice(s, e)).join('');
	let content = d.content;
	if (d.tocEntry && content.length) {
		content = [...content];
		content[content.length - 1] = content[content.length - 1].replace(/(?:[.…\s]*\t[\s\u00A0]*|\.{2,}[\s\u00A0]*|…+[\s\u00A0]*)\d{1,4}[\s\u00A0]*$/, '');
	}
	const { text, notes } = d.kind === 'blank' ? { text: '', notes: [] } : cleanText(content, { footnotes, findReferences: d.findReferences });
	return { key: d.key, kind: d.kind, depth: d.depth, parentKey: d.parentKey, part: d.part, number: d.number, text, source, spans, notes };
}
