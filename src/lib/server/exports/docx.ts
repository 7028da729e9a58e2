import {
	AlignmentType,
	BookmarkEnd,
	BookmarkStart,
	bookmarkUniqueNumericId,
	Document,
	Footer,
	FootnoteReferenceRun,
	HeadingLevel,
	Packer,
	PageNumber,
	Paragraph,
	TableOfContents,
	TextRun,
	type ParagraphChild
} from 'docx';
import { CONTENTS_DEPTH, contentsPosition } from '../../core/exports/contents';
import { eachPiece } from '../../core/exports/inline';
import type { PrintUnit, Printable } from '../../core/exports/types';

// Word measures in twentieths of a point (twips) and half-points.
const CM = 567;
const A4 = { width: 11906, height: 16838 };
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

/**
 * The printable as a Word document: the title in Word's Title style, headings in Heading 1–6 (so
 * Word's navigation pane, its table of contents and readers such as mammoth see them), numbers
 * printed as text (never Word's automatic numbering, which would renumber them), list items
 * indented, footnotes as Word footnotes, a table-of-contents field over Heading 1–2 when asked
 * (written with its entries; Word adds the page numbers when it updates it), right-to-left
 * paragraphs for Arabic, A4 pages numbered in the footer. The document's language is the default
 * language of its text; its title is the file's Title property.
 */
export async function toDocx(p: Printable): Promise<Uint8Array> {
	const footnotes: Record<string, { children: Paragraph[] }> = {};
	const children: (Paragraph | TableOfContents)[] = [];

	children.push(new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, bidirectional: p.dir === 'rtl', children: textRuns(p.title, p.dir) }));
	if (p.subtitle) children.push(new Paragraph({ alignment: AlignmentType.CENTER, bidirectional: p.dir === 'rtl', spacing: { after: 160 }, children: textRuns(p.subtitle, p.dir, { size: 28 }) }));
	for (const line of p.meta) children.push(new Paragraph({ alignment: AlignmentType.CENTER, bidirectional: p.dir === 'rtl', children: textRuns(line, p.dir, { color: '444444' }) }));

	const tocAt = p.toc ? contentsPosition(p) : -1;
	// The table of contents lists the headings after it: those inside a bookmark from the first unit
	// after it to the last unit (Word's TOC \b switch), so the front part's headings stay out.
	const bodyMark = tocAt >= 0 && tocAt < p.units.length ? { name: '_PlenaryContents', id: bookmarkUniqueNumericId() } : null;
	let breakBefore = false;
	for (let i = 0; i <= p.units.length; i++) {
		if (i === tocAt) {
			children.push(new Paragraph({ keepNext: true, spacing: { before: 480, after: 240 }, bidirectional: p.dir === 'rtl', children: textRuns(p.labels.contents, p.dir, { bold: true, size: 28 }) }));
			children.push(new TableOfContents(p.labels.contents, { hyperlink: true, headingStyleRange: `1-${CONTENTS_DEPTH + 1}`, entriesFromBookmark: bodyMark?.name }));
			breakBefore = true;
		}
		if (i === p.units.length) break;
		const around: Around = { breakBefore };
		// Bookmark starts and ends are not among docx's declared paragraph children, but are written as any other.
		if (bodyMark && i === tocAt) around.first = new BookmarkStart(bodyMark.name, bodyMark.id) as unknown as ParagraphChild;
		if (bodyMark && i === p.units.length - 1) around.last = new BookmarkEnd(bodyMark.id) as unknown as ParagraphChild;
		children.push(unitParagraph(p.units[i], p, footnotes, around));
		breakBefore = false;
	}

	const doc = new Document({
		title: p.title,
		subject: p.subtitle ?? undefined,
		description: p.meta.join(' · ') || undefined,
		creator: 'Plenary',
		styles: { default: { document: { run: { size: 22, language: wordLanguage(p.lang) } } } },
		footnotes,
		sections: [
			{
				properties: { page: { size: A4, margin: { top: 1418, bottom: 1418, left: 1134, right: 1134 } } },
				footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 18 })] })] }) },
				children
			}
		]
	});
	const buffer = await Packer.toBuffer(doc);
	return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** What a unit's paragraph carries besides its text: a page break before it, a bookmark start or end. */
interface Around {
	breakBefore: boolean;
	first?: ParagraphChild;
	last?: ParagraphChild;
}

function unitParagraph(u: PrintUnit, p: Printable, footnotes: Record<string, { children: Paragraph[] }>, around: Around): Paragraph {
	const rtl = u.dir === 'rtl';
	const language = u.lang !== p.lang ? wordLanguage(u.lang) : undefined;
	const runs: ParagraphChild[] = around.first ? [around.first] : [];
	const breakBefore = around.breakBefore;
	const text = (s: string, extra: RunStyle = {}) => runs.push(...textRuns(s, u.dir, { ...extra, language }));
	const body = (extra: RunStyle = {}) =>
		eachPiece(
			u,
			(s) => text(s, extra),
			(ref) => {
				if (ref.n === null) {
					text(ref.marker, { ...extra, superScript: true });
					return;
				}
				footnotes[ref.n] = { children: [new Paragraph({ bidirectional: rtl, children: textRuns(p.footnotes[ref.n - 1].text, u.dir, { language }) })] };
				runs.push(new FootnoteReferenceRun(ref.n));
			}
		);

	const end = () => {
		if (around.last) runs.push(around.last);
	};
	switch (u.kind) {
		case 'heading':
		case 'annex':
			if (u.label) text(`${u.label} `);
			body();
			end();
			return new Paragraph({
				heading: HEADINGS[Math.min(u.depth, HEADINGS.length - 1)],
				keepNext: true,
				keepLines: true,
				pageBreakBefore: breakBefore || u.kind === 'annex',
				bidirectional: rtl,
				children: runs
			});
		case 'title':
			body({ bold: true });
			end();
			return new Paragraph({ alignment: AlignmentType.CENTER, pageBreakBefore: breakBefore, bidirectional: rtl, spacing: { after: 120 }, children: runs });
		case 'footnote':
			if (u.label) text(u.label, { superScript: true, size: 18 });
			text(' ', { size: 18 });
			body({ size: 18 });
			end();
			return new Paragraph({ pageBreakBefore: breakBefore, bidirectional: rtl, indent: { start: Math.min(u.depth, 4) * CM }, spacing: { after: 120 }, children: runs });
		default: {
			const start = Math.min(u.depth, 4) * CM;
			// A label hangs in the margin of its text: "1." then a tab to where the words start.
			if (u.label) text(`${u.label}\t`, { bold: u.label !== '•' });
			body(u.kind === 'table_row' ? { size: 20 } : {});
			end();
			return new Paragraph({
				pageBreakBefore: breakBefore,
				bidirectional: rtl,
				indent: u.label ? { start: start + CM, hanging: CM } : start > 0 ? { start } : undefined,
				spacing: { after: 120 },
				children: runs
			});
		}
	}
}

interface RunStyle {
	bold?: boolean;
	size?: number;
	color?: string;
	superScript?: boolean;
	language?: ReturnType<typeof wordLanguage>;
}

/** Runs for a text: a line break where the text has one, right to left for rtl text. */
function textRuns(text: string, dir: 'ltr' | 'rtl', style: RunStyle = {}): TextRun[] {
	const rightToLeft = dir === 'rtl' || undefined;
	if (!text.includes('\n')) return [new TextRun({ text, rightToLeft, ...style })];
	return text.split(/\r?\n/).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, rightToLeft, ...style }));
}

// Word wants a language with its region; these are the UN's six with the region Word uses by default.
const DEFAULT_REGION: Record<string, string> = { ar: 'ar-SA', en: 'en-GB', es: 'es-ES', fr: 'fr-FR', ru: 'ru-RU', zh: 'zh-CN', ja: 'ja-JP', ko: 'ko-KR', he: 'he-IL', fa: 'fa-IR' };

/**
 * Word's language settings for text in a language: Word keeps three (Latin and others, East
 * Asian, right-to-left) and uses the one that matches each character's script.
 */
function wordLanguage(lang: string): { value: string; eastAsia?: string; bidirectional?: string } {
	const base = lang.toLowerCase().split(/[-_]/)[0];
	const tag = lang.includes('-') ? lang : (DEFAULT_REGION[base] ?? lang);
	if (['zh', 'ja', 'ko'].includes(base)) return { value: 'en-GB', eastAsia: tag };
	if (['ar', 'he', 'fa', 'ur'].includes(base)) return { value: 'en-GB', bidirectional: tag };
	return { value: tag };
}
