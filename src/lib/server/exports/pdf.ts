import { scriptsIn } from '../../core/exports/scripts';
import { toTypst } from '../../core/exports/typst';
import type { Printable } from '../../core/exports/types';
import { checkFonts, findFonts, fontDirsFromEnv } from './fonts';
import { compileTypst } from './typst-compiler';

export interface PdfOptions {
	/** Folders to look for fonts in, in place of PLENARY_FONT_DIRS or Debian's folders. */
	fontDirs?: readonly string[];
}

/**
 * The printable as a PDF, typeset by Typst. Looks for the fonts its text needs first and throws
 * MissingFont (naming the Debian package) when a script has none — a PDF with empty boxes in place
 * of Arabic or Chinese is worse than no PDF. Throws TypstCompileError when Typst refuses.
 */
export async function toPdf(p: Printable, options: PdfOptions = {}): Promise<Uint8Array> {
	const catalog = findFonts(options.fontDirs ?? fontDirsFromEnv());
	checkFonts(catalog, scriptsIn(textsOf(p)));
	return compileTypst(toTypst(p, catalog.choice), catalog.files);
}

/** Every text a printable prints. */
function* textsOf(p: Printable): Generator<string> {
	yield p.title;
	if (p.subtitle) yield p.subtitle;
	yield* p.meta;
	yield p.labels.contents;
	for (const u of p.units) {
		yield u.text;
		if (u.label) yield u.label;
	}
	for (const f of p.footnotes) yield f.text;
}
