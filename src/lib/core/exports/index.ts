/**
 * Printing a stored document version: the printable model (printable.ts) and the pure writers —
 * HTML (html.ts) and Typst source for PDF (typst.ts). The DOCX writer and the PDF compiler live in
 * src/lib/server/exports.
 */
export { printableFromUnits, ENGLISH_LABELS, type PrintableInput } from './printable';
export { toHtml } from './html';
export { toTypst, fontFamiliesFor, BUILT_IN_SERIF, type FontChoice } from './typst';
export { typstString, typstText } from './typst-string';
export { SCRIPT_FONTS, scriptsIn, scriptOfLanguage, cjkRegion, type ScriptName, type ScriptFonts, type FontFamilyFiles } from './scripts';
export { contentsEntries, contentsPosition, headingLine, anchorId, CONTENTS_DEPTH } from './contents';
export { eachPiece } from './inline';
export type { Printable, PrintUnit, PrintKind, PrintFootnote, PrintNoteRef, PrintLabels, StoredUnitForPrint } from './types';
