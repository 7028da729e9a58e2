// The DOCX reader with its TypeScript types. The reading itself lives in plain JavaScript
// (docx-reader.js) so that the upload reader's worker thread can load it with Node alone; the CLI,
// the routes and the tests import it from here.
import type { TrackedSpan } from '../../core/amendments/types';
import * as reader from './docx-reader.js';

/** What kind of failure a `DocxError` is: a broken file, a zip that is no Word document, or a zip bomb. */
export type DocxProblem = 'corrupt' | 'unsupported' | 'too_large';

/** The text of a DOCX file, and where its tracked changes fall in that text. */
export interface DocxText {
	/** Paragraphs separated by blank lines, list items as "- " or "1. " lines, headings as "# ". */
	text: string;
	/** Word's tracked insertions and deletions, as character ranges of `text` (deletions with their `~~` marks). */
	changes: TrackedSpan[];
}

/** A DOCX file that cannot be read as a Word document; the message says why, for a person. */
export const DocxError: new (message: string, problem?: DocxProblem) => Error & { readonly problem: DocxProblem } = reader.DocxError;
export type DocxError = InstanceType<typeof DocxError>;

/** True when the bytes start like a zip file (a DOCX is one). */
export const looksZipped: (bytes: Uint8Array) => boolean = reader.looksZipped;

/** An unzipped document.xml beyond this many bytes is refused as a zip bomb. */
export const MAX_XML_BYTES: number = reader.MAX_XML_BYTES;

/** All entries of a DOCX together may unzip to no more than this many bytes. */
export const MAX_UNZIPPED_BYTES: number = reader.MAX_UNZIPPED_BYTES;

/**
 * Reads a DOCX file as text for the amendment engine. With `tracked: 'marked'` (an edited copy),
 * Word's tracked deletions (`w:del`, `w:moveFrom`) appear as `~~struck~~` text and insertions
 * (`w:ins`, `w:moveTo`) as plain text, each returned with its `w:author`; with `'accepted'` (a base
 * version) the text is the document with all changes accepted.
 *
 * Throws `DocxError` for bytes that are not a zip, a zip without `word/document.xml`, a
 * document.xml over `MAX_XML_BYTES` or entries over `MAX_UNZIPPED_BYTES` unzipped (or unzipping to
 * more than they declare: a zip bomb), or XML that cannot be parsed. Untrusted uploads go
 * through `readUpload` (src/lib/server/uploads), which runs this in a worker with memory and time limits.
 */
export const readDocxText: (bytes: Uint8Array, tracked: 'marked' | 'accepted') => Promise<DocxText> = reader.readDocxText;

/**
 * Mammoth's HTML as plain text: one block (paragraph, heading, list item) a line, blocks apart by a
 * blank line, consecutive list items by a line break; `<br>` is a line break.
 */
export const htmlToText: (html: string) => string = reader.htmlToText;
