/**
 * Printing a stored document version to files: DOCX (docx.ts) and PDF (pdf.ts, typeset by Typst
 * with the fonts fonts.ts finds). The printable model and the HTML writer are pure and live in
 * src/lib/core/exports.
 */
export { toDocx } from './docx';
export { toPdf, type PdfOptions } from './pdf';
export { MissingFont, findFonts, checkFonts, fontDirsFromEnv, DEBIAN_FONT_DIRS, type FontCatalog } from './fonts';
export { TypstCompileError, compileTypst } from './typst-compiler';
