// Reads a DOCX file as text for the amendment engine.
//
// Plain JavaScript (ESM, types in JSDoc) on purpose: the upload reader runs it inside a
// worker_threads Worker, which loads files with Node itself, without the TypeScript loader that the
// CLI (tsx), the tests (vitest) and the built server each bring. `docx-text.ts` re-exports it with
// its TypeScript types, so the CLI and the routes import from there.
import { createInflateRaw } from 'node:zlib';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import JSZip from 'jszip';
import mammoth from 'mammoth';

/**
 * @typedef {{ start: number, end: number, author: string }} TrackedSpan
 * @typedef {{ text: string, changes: TrackedSpan[] }} DocxText
 * @typedef {'corrupt' | 'unsupported' | 'too_large'} DocxProblem
 */

/** A DOCX file that cannot be read as a Word document; the message says why, for a person. */
export class DocxError extends Error {
	/**
	 * @param {string} message
	 * @param {DocxProblem} [problem] what kind of failure: a broken file ('corrupt', the default), a zip
	 *   that is no Word document ('unsupported'), or one that unzips beyond the limit ('too_large').
	 */
	constructor(message, problem = 'corrupt') {
		super(message);
		this.name = 'DocxError';
		/** @type {DocxProblem} */
		this.problem = problem;
	}
}

/**
 * True when the bytes start like a zip file (a DOCX is one).
 * @param {Uint8Array} bytes
 * @returns {boolean}
 */
export const looksZipped = (bytes) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const DOCUMENT = 'word/document.xml';
/** An unzipped document.xml beyond this is no working-group text but a zip bomb. */
export const MAX_XML_BYTES = 200 * 1024 * 1024;
/** All entries of a DOCX together (text, styles, images) may unzip to no more than this. */
export const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024;
// Noncharacters (never in a real document) that bracket each tracked change while mammoth converts
// the file; they are taken out again, leaving the change's range in the text.
const OPEN = '\uFDD0';
const CLOSE = '\uFDD1';
const END = '\uFDD2';
const MARKERS = /[\uFDD0-\uFDD2]/g;

/**
 * Reads a DOCX file as text for the amendment engine. With `tracked: 'marked'` (an edited copy),
 * Word's tracked deletions (`w:del`, `w:moveFrom`) appear as `~~struck~~` text and insertions
 * (`w:ins`, `w:moveTo`) as plain text, each returned with its `w:author`; with `'accepted'` (a base
 * version) the text is the document with all changes accepted.
 *
 * Throws `DocxError` for bytes that are not a zip, a zip without `word/document.xml` ('unsupported'),
 * a zip bomb ('too_large': see `refuseZipBomb`), or XML that cannot be parsed.
 *
 * @param {Uint8Array} bytes
 * @param {'marked' | 'accepted'} tracked
 * @returns {Promise<DocxText>}
 */
export async function readDocxText(bytes, tracked) {
	// mammoth wants a Buffer; a Uint8Array that crossed a worker boundary is no longer one.
	const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	/** @type {JSZip} */
	let zip;
	try {
		zip = await JSZip.loadAsync(buffer);
	} catch {
		throw new DocxError('is not a valid DOCX file (it cannot be unzipped).');
	}
	const entry = zip.file(DOCUMENT);
	if (!entry) throw new DocxError(`is a zip file but not a Word document (it has no ${DOCUMENT}).`, 'unsupported');
	await refuseZipBomb(zip);

	/** @type {string[]} */
	const authors = [];
	/** @type {string} */
	let html;
	try {
		if (tracked === 'marked') {
			const xml = await entry.async('string');
			zip.file(DOCUMENT, markTrackedChanges(xml, authors));
		}
		const input = tracked === 'marked' ? await zip.generateAsync({ type: 'nodebuffer' }) : buffer;
		// Images are not text; converting them to data addresses would only cost time.
		const convertImage = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));
		html = (await mammoth.convertToHtml({ buffer: input }, { convertImage })).value;
	} catch (e) {
		if (e instanceof DocxError) throw e;
		throw new DocxError(`cannot be read as a Word document (${/** @type {Error} */ (e).message}).`);
	}
	return unmark(htmlToText(html), authors);
}

/**
 * @typedef {{ uncompressedSize?: number, compressedContent?: Uint8Array, compression?: { magic?: string } }} ZipEntryData
 *   what jszip knows of an entry before inflating it (its internal `_data`)
 */

/**
 * Refuses a zip bomb before anything is inflated for real. jszip reads the sizes each entry
 * declares without inflating it, so an honest bomb (document.xml over `MAX_XML_BYTES`, or all
 * entries over `MAX_UNZIPPED_BYTES`) costs nothing to refuse. A lying one declares small sizes and
 * inflates to gigabytes: jszip would hold all of it in buffers outside the JavaScript heap, where
 * a worker's memory limit does not reach. So every deflated entry is inflated once here, by zlib as
 * a stream that only counts, and stopped as soon as it passes its declared size.
 * @param {JSZip} zip
 */
async function refuseZipBomb(zip) {
	const mb = (/** @type {number} */ n) => `${n / 1024 / 1024} MB`;
	/** @type {[string, ZipEntryData][]} */
	const entries = [];
	let total = 0;
	for (const [name, file] of Object.entries(zip.files)) {
		if (file.dir) continue;
		const data = /** @type {{ _data?: ZipEntryData }} */ (/** @type {unknown} */ (file))._data;
		if (typeof data?.uncompressedSize !== 'number') throw new DocxError('is not a valid DOCX file (its zip directory cannot be read).');
		if (name === DOCUMENT && data.uncompressedSize > MAX_XML_BYTES) throw new DocxError(`has a ${DOCUMENT} over ${mb(MAX_XML_BYTES)} unzipped.`, 'too_large');
		total += data.uncompressedSize;
		if (total > MAX_UNZIPPED_BYTES) throw new DocxError(`unzips to over ${mb(MAX_UNZIPPED_BYTES)}.`, 'too_large');
		entries.push([name, data]);
	}
	for (const [name, data] of entries) {
		if (data.compression?.magic !== '\x08\x00') continue; // stored: no bigger than the upload itself
		const declared = /** @type {number} */ (data.uncompressedSize);
		if (!(data.compressedContent instanceof Uint8Array)) throw new DocxError('is not a valid DOCX file (its zip directory cannot be read).');
		const actual = await inflatedSize(data.compressedContent, declared);
		if (actual === 'broken') throw new DocxError(`is not a valid DOCX file (its ${name} cannot be unzipped).`);
		if (actual > declared) throw new DocxError(`has a ${name} that unzips to more than it declares (a zip bomb).`, 'too_large');
	}
}

/**
 * How many bytes raw-deflate data inflates to, counting without keeping them, and stopping as soon
 * as the count passes `cap`; 'broken' for data zlib cannot inflate.
 * @param {Uint8Array} compressed
 * @param {number} cap
 * @returns {Promise<number | 'broken'>}
 */
function inflatedSize(compressed, cap) {
	return new Promise((resolve) => {
		const inflate = createInflateRaw();
		let size = 0;
		inflate.on('data', (/** @type {Buffer} */ chunk) => {
			size += chunk.length;
			if (size > cap) {
				inflate.destroy();
				resolve(size);
			}
		});
		inflate.on('end', () => resolve(size));
		inflate.on('error', () => resolve('broken'));
		inflate.end(compressed);
	});
}

/**
 * Rewrites document.xml so that mammoth, which drops deleted runs and keeps inserted ones, shows
 * both: each deleted run's text becomes ordinary text between `~~`, and every change is bracketed
 * by marker characters that carry its index in `authors`.
 * @param {string} xml
 * @param {string[]} authors filled in: the author of each change, by index
 * @returns {string}
 */
function markTrackedChanges(xml, authors) {
	/** @type {string[]} */
	const problems = [];
	/** @param {string} message */
	const report = (message) => void problems.push(message);
	const doc = new DOMParser({ errorHandler: { warning: () => {}, error: report, fatalError: report } }).parseFromString(xml, 'text/xml');
	if (problems.length > 0 || !doc.documentElement) throw new DocxError(`has a ${DOCUMENT} that is not well-formed XML.`);
	/** @param {string} text */
	const run = (text) => {
		const r = doc.createElementNS(W, 'w:r');
		const t = doc.createElementNS(W, 'w:t');
		t.setAttribute('xml:space', 'preserve');
		t.appendChild(doc.createTextNode(text));
		r.appendChild(t);
		return r;
	};
	// A paragraph deleted whole (its mark and all its runs) stays a paragraph of its own, struck;
	// mammoth would otherwise join its text to the next paragraph, as it does for a deleted mark
	// between two paragraphs that are kept (a merge).
	const paragraphs = doc.getElementsByTagNameNS(W, 'p');
	for (let i = 0; i < paragraphs.length; i++) {
		const p = paragraphs[i];
		const mark = childElements(p, 'pPr')
			.flatMap((pPr) => childElements(pPr, 'rPr'))
			.flatMap((rPr) => childElements(rPr, 'del'));
		if (mark.length === 0) continue;
		const runs = p.getElementsByTagNameNS(W, 'r');
		let allDeleted = runs.length > 0;
		for (let k = 0; k < runs.length && allDeleted; k++) allDeleted = insideDeletion(runs[k], p);
		if (allDeleted) for (const m of mark) m.parentNode?.removeChild(m);
	}
	/** @type {{ el: Element, deleted: boolean }[]} */
	const changes = [];
	for (const [name, deleted] of /** @type {const} */ ([
		['del', true],
		['moveFrom', true],
		['ins', false],
		['moveTo', false]
	])) {
		const found = doc.getElementsByTagNameNS(W, name);
		for (let i = 0; i < found.length; i++) {
			const el = found[i];
			// A change mark in properties (a deleted paragraph mark, an inserted table row) holds no text.
			if (el.getElementsByTagNameNS(W, 'r').length === 0) continue;
			changes.push({ el, deleted });
		}
	}
	for (const { el, deleted } of changes) {
		const index = authors.push(el.getAttributeNS(W, 'author') || el.getAttribute('w:author') || '') - 1;
		const parent = el.parentNode;
		if (!parent) continue;
		const open = `${OPEN}${index}${CLOSE}${deleted ? '~~' : ''}`;
		const close = `${deleted ? '~~' : ''}${END}`;
		parent.insertBefore(run(open), el);
		if (deleted) {
			// Deleted runs keep their text in w:delText, which mammoth does not read; and mammoth skips
			// w:del itself, so its runs move out of it.
			const texts = el.getElementsByTagNameNS(W, 'delText');
			for (let i = texts.length - 1; i >= 0; i--) {
				const old = texts[i];
				const t = doc.createElementNS(W, 'w:t');
				t.setAttribute('xml:space', 'preserve');
				t.appendChild(doc.createTextNode(old.textContent ?? ''));
				old.parentNode?.replaceChild(t, old);
			}
			while (el.firstChild) parent.insertBefore(el.firstChild, el);
			parent.insertBefore(run(close), el);
			parent.removeChild(el);
		} else {
			parent.insertBefore(run(close), el.nextSibling);
		}
	}
	return new XMLSerializer().serializeToString(doc);
}

/**
 * The child elements of `el` with the WordprocessingML local name `name`.
 * @param {Element} el
 * @param {string} name
 * @returns {Element[]}
 */
function childElements(el, name) {
	/** @type {Element[]} */
	const out = [];
	for (let n = el.firstChild; n; n = n.nextSibling) {
		if (n.nodeType === 1 && /** @type {Element} */ (n).localName === name && /** @type {Element} */ (n).namespaceURI === W) out.push(/** @type {Element} */ (n));
	}
	return out;
}

/**
 * True when `node` sits in a tracked deletion (`w:del`, `w:moveFrom`) below `stop`.
 * @param {Node} node
 * @param {Node} stop
 * @returns {boolean}
 */
function insideDeletion(node, stop) {
	for (let n = node.parentNode; n && n !== stop; n = n.parentNode) {
		const el = /** @type {Element} */ (n);
		if (n.nodeType === 1 && el.namespaceURI === W && (el.localName === 'del' || el.localName === 'moveFrom')) return true;
	}
	return false;
}

/**
 * Takes the marker characters out of the text, noting where each change begins and ends.
 * @param {string} marked
 * @param {readonly string[]} authors
 * @returns {DocxText}
 */
function unmark(marked, authors) {
	let text = '';
	/** @type {TrackedSpan[]} */
	const changes = [];
	/** @type {{ index: number, start: number }[]} */
	const open = [];
	const pattern = new RegExp(`${OPEN}(\\d+)${CLOSE}|${END}`, 'g');
	let at = 0;
	for (const m of marked.matchAll(pattern)) {
		text += marked.slice(at, m.index).replace(MARKERS, '');
		at = (m.index ?? 0) + m[0].length;
		if (m[1] !== undefined) open.push({ index: Number(m[1]), start: text.length });
		else {
			const o = open.pop();
			if (o && text.length > o.start) changes.push({ start: o.start, end: text.length, author: authors[o.index] ?? '' });
		}
	}
	text += marked.slice(at).replace(MARKERS, '');
	return { text, changes: changes.sort((a, b) => a.start - b.start) };
}

/** @type {Record<string, string>} */
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };
/** @param {string} s */
const decode = (s) =>
	s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, /** @type {string} */ e) => {
		if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
		return ENTITIES[e.toLowerCase()] ?? all;
	});

/**
 * Mammoth's HTML as plain text: one block (paragraph, heading, list item) a line, blocks apart by a
 * blank line, consecutive list items by a line break; `<br>` is a line break. Footnote back-links
 * ("↑") are dropped.
 * @param {string} html
 * @returns {string}
 */
export function htmlToText(html) {
	// `list` numbers the outermost list a block belongs to (0: none): items of one list share a line break.
	/** @type {{ text: string, list: number }[]} */
	const blocks = [];
	/** @type {{ ordered: boolean, n: number }[]} */
	const lists = [];
	let listCount = 0;
	// Held in an object: the helpers below change it, which plain narrowing of a `let` cannot follow.
	/** @type {{ current: { text: string, list: number, prefix: number } | null }} */
	const state = { current: null };
	const flush = () => {
		const current = state.current;
		if (current && current.text.slice(current.prefix).trim() !== '') {
			const body = current.text.slice(current.prefix).trimStart().replace(/[ \t]+$/gm, '');
			blocks.push({ text: current.text.slice(0, current.prefix) + body, list: current.list });
		}
		state.current = null;
	};
	/** @param {string} prefix */
	const start = (prefix) => {
		flush();
		state.current = { text: prefix, list: lists.length > 0 ? listCount : 0, prefix: prefix.length };
	};
	let skip = 0;
	for (const m of html.matchAll(/<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/gi)) {
		if (m[4] !== undefined) {
			if (skip > 0) continue;
			if (!state.current) start('');
			/** @type {{ text: string }} */ (state.current).text += decode(m[4]);
			continue;
		}
		const closing = m[1] === '/';
		const tag = m[2].toLowerCase();
		if (tag === 'a' && !closing && /href="#(foot|end)note-ref-/.test(m[3])) skip++;
		else if (tag === 'a' && closing && skip > 0) skip--;
		else if (tag === 'ul' || tag === 'ol') {
			flush();
			if (closing) lists.pop();
			else {
				if (lists.length === 0) listCount++;
				lists.push({ ordered: tag === 'ol', n: 0 });
			}
		} else if (tag === 'li' && !closing) {
			const list = lists[lists.length - 1];
			const note = /id="(?:foot|end)note-(\d+)"/.exec(m[3]);
			const indent = '  '.repeat(Math.max(0, lists.length - 1));
			start(note ? `[${note[1]}] ` : list?.ordered ? `${indent}${++list.n}. ` : `${indent}- `);
		} else if (/^h[1-6]$/.test(tag) && !closing) start(`${'#'.repeat(Number(tag[1]))} `);
		else if (tag === 'p' && !closing) {
			// The first paragraph of a list item is the item's own text.
			if (!state.current || state.current.text.length > state.current.prefix) start('');
		} else if (tag === 'br') {
			if (state.current) state.current.text += '\n';
		} else if (closing && (tag === 'p' || tag === 'li' || /^h[1-6]$/.test(tag) || tag === 'td' || tag === 'th')) flush();
	}
	flush();
	let out = '';
	blocks.forEach((b, i) => {
		if (i > 0) out += b.list !== 0 && b.list === blocks[i - 1].list ? '\n' : '\n\n';
		out += b.text;
	});
	return out === '' ? '' : `${out}\n`;
}
