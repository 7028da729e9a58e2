// Reads the text of a PDF with pdf.js, page by page. Plain JavaScript (ESM, types in JSDoc) because
// it runs inside the upload worker, which Node loads without a TypeScript loader.
import { fileURLToPath } from 'node:url';

/** A PDF that cannot be read; `problem` says whether it is broken or merely locked. */
export class PdfError extends Error {
	/**
	 * @param {string} message
	 * @param {'corrupt' | 'unsupported'} [problem] 'unsupported' for a password-protected PDF.
	 */
	constructor(message, problem = 'corrupt') {
		super(message);
		this.name = 'PdfError';
		/** @type {'corrupt' | 'unsupported'} */
		this.problem = problem;
	}
}

/**
 * @typedef {{ str: string, hasEOL: boolean, transform: number[], height: number }} TextItem
 * @typedef {{ text: string, y: number, size: number }} Line
 */

/**
 * The text of a PDF: the paragraphs of every page in reading order, separated by blank lines, one
 * paragraph a line (the lines of a paragraph are joined by a space, as the DOCX reader gives them).
 * A page boundary always ends a paragraph. Returns '' for a PDF without a text layer (a scan).
 *
 * Throws `PdfError` for bytes pdf.js cannot open.
 * @param {Uint8Array} bytes
 * @returns {Promise<string>}
 */
export async function readPdfText(bytes) {
	const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
	// Character maps (needed for CJK fonts), the standard fonts and pdf.js's wasm decoders are read
	// from the installed package, never fetched.
	const root = new URL('../../', import.meta.resolve('pdfjs-dist/legacy/build/pdf.mjs'));
	const folder = (/** @type {string} */ name) => fileURLToPath(new URL(`${name}/`, root));
	const task = pdfjs.getDocument({
		// pdf.js takes the buffer over (it detaches it); the caller's copy stays intact.
		data: new Uint8Array(bytes),
		cMapUrl: folder('cmaps'),
		cMapPacked: true,
		standardFontDataUrl: folder('standard_fonts'),
		wasmUrl: folder('wasm'),
		// Fonts are parsed only to map glyphs to text: no font code is compiled or run.
		isEvalSupported: false,
		disableFontFace: true,
		useSystemFonts: false,
		enableXfa: false,
		verbosity: pdfjs.VerbosityLevel.ERRORS
	});
	try {
		const doc = await task.promise;
		/** @type {string[]} */
		const paragraphs = [];
		for (let n = 1; n <= doc.numPages; n++) {
			const page = await doc.getPage(n);
			const content = await page.getTextContent();
			paragraphs.push(...pageParagraphs(/** @type {TextItem[]} */ (content.items.filter((item) => 'str' in item))));
			page.cleanup();
		}
		return paragraphs.length === 0 ? '' : `${paragraphs.join('\n\n')}\n`;
	} catch (e) {
		const name = /** @type {Error} */ (e)?.name;
		if (name === 'PasswordException') throw new PdfError('is protected by a password.', 'unsupported');
		throw new PdfError(`cannot be read as a PDF (${/** @type {Error} */ (e)?.message ?? String(e)}).`);
	} finally {
		await task.destroy();
	}
}

/**
 * Groups a page's text items into lines, then lines into paragraphs. A line ends where pdf.js marks
 * an end of line or the baseline moves; a paragraph ends where the gap to the next line is clearly
 * wider than the line spacing (over 1.5 times the font size), or at an empty line.
 *
 * Worked example: lines at y = 700, 686, 672 (size 12, spacing 14) then 640 (gap 32 > 18) give two
 * paragraphs: the first three lines joined by spaces, then the fourth.
 * @param {TextItem[]} items
 * @returns {string[]}
 */
export function pageParagraphs(items) {
	/** @type {Line[]} */
	const lines = [];
	/** @type {Line | null} */
	let current = null;
	for (const item of items) {
		const y = item.transform[5];
		const size = Math.abs(item.transform[3]) || item.height || 0;
		if (current && Math.abs(current.y - y) > Math.max(current.size, size, 1) / 2) {
			lines.push(current);
			current = null;
		}
		if (!current) current = { text: '', y, size };
		current.text += item.str;
		current.size = Math.max(current.size, size);
		if (item.hasEOL) {
			lines.push(current);
			current = null;
		}
	}
	if (current) lines.push(current);

	/** @type {string[]} */
	const paragraphs = [];
	let paragraph = '';
	/** @type {Line | null} */
	let previous = null;
	const end = () => {
		const text = paragraph.replace(/\s+/g, ' ').trim();
		if (text !== '') paragraphs.push(text);
		paragraph = '';
	};
	for (const line of lines) {
		const text = line.text.replace(/\s+/g, ' ').trim();
		if (text === '') {
			end();
			previous = null;
			continue;
		}
		if (previous && Math.abs(previous.y - line.y) > 1.5 * Math.max(previous.size, line.size, 1)) end();
		// A line broken after a hyphen keeps the hyphen and joins without a space ("self-determination").
		paragraph += paragraph === '' || /\p{L}-$/u.test(paragraph) ? text : ` ${text}`;
		previous = line;
	}
	end();
	return paragraphs;
}
