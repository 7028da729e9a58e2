/**
 * The print stylesheet inlined in every exported HTML document, so the file prints the same
 * anywhere, alone. A4 pages; headings kept with what follows them; annexes on a new page; logical
 * properties only, so the same rules serve Arabic (rtl) and the other languages (ltr).
 */
export const PRINT_CSS = `
@page { size: A4; margin-block: 2.5cm; margin-inline: 2cm; @bottom-center { content: counter(page); font-size: 9pt; } }
:root { color: #111; background: #fff; }
body { font-family: "Noto Serif", "Noto Naskh Arabic", "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 11pt; line-height: 1.45; max-inline-size: 46em; margin-block: 0; margin-inline: auto; padding-block: 2em; padding-inline: 1.5em; }
h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; break-inside: avoid; line-height: 1.25; }
h1 { font-size: 1.6em; margin-block: 0 0.3em; }
h2 { font-size: 1.3em; margin-block: 1.6em 0.6em; }
h3 { font-size: 1.12em; margin-block: 1.3em 0.5em; }
h4, h5, h6 { font-size: 1em; margin-block: 1.1em 0.4em; }
p { margin-block: 0 0.6em; orphans: 3; widows: 3; }
.title-page { text-align: center; margin-block-end: 2.5em; }
.subtitle { font-size: 1.2em; margin-block: 0 0.6em; }
.meta { color: #444; margin-block: 0.2em; }
.title-line { text-align: center; font-weight: 700; margin-block: 0.3em; }
.annex { break-before: page; page-break-before: always; }
.num { font-weight: 700; margin-inline-end: 0.25em; }
/* A paragraph's number hangs before its text: the lines after the first align with the text, not the number. */
.labelled { padding-inline-start: 2em; text-indent: -2em; }
.labelled .num { display: inline-block; box-sizing: border-box; min-inline-size: 2em; padding-inline-end: 0.4em; margin-inline-end: 0; text-indent: 0; }
.depth-1 { margin-inline-start: 2em; }
.depth-2 { margin-inline-start: 4em; }
.depth-3 { margin-inline-start: 6em; }
.depth-4 { margin-inline-start: 8em; }
.table_row { font-size: 0.95em; border-block-end: 1px solid #ccc; padding-block: 0.2em; }
.unit.footnote { font-size: 0.9em; }
sup { line-height: 0; }
.fnref a, .backref { text-decoration: none; }
.footnotes { border-block-start: 1px solid #888; margin-block: 1.5em 2em; padding-block-start: 0.5em; font-size: 0.88em; }
.footnotes ol { margin-block: 0; padding-inline-start: 2em; }
.footnotes li { margin-block-end: 0.3em; }
.backref { margin-inline-start: 0.3em; }
.contents { break-after: page; page-break-after: always; margin-block-end: 2em; }
.contents ol { list-style: none; margin-block: 0; padding-inline-start: 0; }
.contents li { margin-block: 0.25em; }
.contents .level-1 { padding-inline-start: 1.5em; }
@media print {
  body { max-inline-size: none; padding-block: 0; padding-inline: 0; }
  a { color: inherit; text-decoration: none; }
  .backref { display: none; }
}
`;
