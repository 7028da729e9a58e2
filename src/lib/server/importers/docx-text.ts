import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { TrackedSpan } from '../../core/amendments/types';

/** A DOCX file that cannot be read as a Word document; the message says why, for a person. */
export class DocxError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'DocxError';
	}
}

/** The text of a DOCX file, and where its tracked changes fall in that text. */
export interface DocxText {
	/** Paragraphs separated by blank lines, list items as "- " or "1. " lines, headings as "# ". */
	text: string;
	/** Word's tracked insertions and deletions, as character ranges of `text` (deletions with their `~~` marks). */
	changes: TrackedSpan[];
}

/** True when the bytes start like a zip file (a DOCX is one). */
export const looksZipped = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const DOCUMENT = 'word/document.xml';
/** An unzipped document.xml beyond this is no working-group text but a zip bomb. */
const MAX_XML_BYTES = 200 * 1024 * 1024;
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
 * Throws `DocxError` for bytes that are not a zip, a zip without `word/document.xml`, or XML that
 * cannot be parsed.
 */
export async function readDocxText(bytes: Buffer, tracked: 'marked' | 'accepted'): Promise<DocxText> {
	let zip: JSZip;
	try {
		zip = await JSZip.loadAsync(bytes);
	} catch {
		throw new DocxError('is not a valid DOCX file (it cannot be unzipped).');
	}
	const entry = zip.file(DOCUMENT);
	if (!entry) throw new DocxError(`is a zip file but not a Word document (it has no ${DOCUMENT}).`);
	// jszip knows the declared size before inflating; checking it keeps a zip bomb out of memory.
	const declared = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
	if (declared > MAX_XML_BYTES) throw new DocxError(`has a ${DOCUMENT} over ${MAX_XML_BYTES / 1024 / 1024} MB unzipped.`);

	const authors: string[] = [];
	if (tracked === 'marked') {
		const xml = await entry.async('string');
		zip.file(DOCUMENT, markTrackedChanges(xml, authors));
	}
	let html: string;
	try {
		const input = tracked === 'marked' ? await zip.generateAsync({ type: 'nodebuffer' }) : bytes;
		// Images are not text; converting them to data addresses would only cost time.
		const convertImage = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));
		html = (await mammoth.convertToHtml({ buffer: input }, { convertImage })).value;
	} catch (e) {
		if (e instanceof DocxError) throw e;
		throw new DocxError(`cannot be read as a Word document (${(e as Error).message}).`);
	}
	return unmark(htmlToText(html), authors);
}

/**
 * Rewrites document.xml so that mammoth, which drops deleted runs and keeps inserted ones, shows
 * both: each deleted run's text becomes ordinary text between `~~`, and every change is bracketed
 * by marker characters that carry its index in `authors`.
 */
function markTrackedChanges(xml: string, authors: string[]): string {
	const problems: string[] = [];
	const report = (message: string) => void problems.push(message);
	const doc = new DOMParser({ errorHandler: { warning: () => {}, error: report, fatalError: report } }).parseFromString(xml, 'text/xml');
	if (problems.length > 0 || !doc.documentElement) throw new DocxError(`has a ${DOCUMENT} that is not well-formed XML.`);
	const run = (text: string) => {
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
		const mark = childElements(p, 'pPr').flatMap((pPr) => childElements(pPr, 'rPr')).flatMap((rPr) => childElements(rPr, 'del'));
		if (mark.length === 0) continue;
		const runs = p.getElementsByTagNameNS(W, 'r');
		let allDeleted = runs.length > 0;
		for (let k = 0; k < runs.length && allDeleted; k++) allDeleted = insideDeletion(runs[k], p);
		if (allDeleted) for (const m of mark) m.parentNode?.removeChild(m);
	}
	const changes: { el: Element; deleted: boolean }[] = [];
	for (const [name, deleted] of [
		['del', true],
		['moveFrom', true],
		['ins', false],
		['moveTo', false]
	] as const) {
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

/** The child elements of `el` with the WordprocessingML local name `name`. */
function childElements(el: Element, name: string): Element[] {
	const out: Element[] = [];
	for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as Element).localName === name && (n as Element).namespaceURI === W) out.push(n as Element);
	return out;
}

/** True when `node` sits in a tracked deletion (`w:del`, `w:moveFrom`) below `stop`. */
function insideDeletion(node: Node, stop: Node): boolean {
	for (let n = node.parentNode; n && n !== stop; n = n.parentNode) {
		if (n.nodeType === 1 && (n as Element).namespaceURI === W && ((n as Element).localName === 'del' || (n as Element).localName === 'moveFrom')) return true;
	}
	return false;
}

/** Takes the marker characters out of the text, noting where each change begins and ends. */
function unmark(marked: string, authors: readonly string[]): DocxText {
	let text = '';
	const changes: TrackedSpan[] = [];
	const open: { index: number; start: number }[] = [];
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

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };
const decode = (s: string) =>
	s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
		if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
		return ENTITIES[e.toLowerCase()] ?? all;
	});

/**
 * Mammoth's HTML as plain text: one block (paragraph, heading, list item) a line, blocks apart by a
 * blank line, consecutive list items by a line break; `<br>` is a line break. Footnote back-links
 * ("↑") are dropped.
 */
export function htmlToText(html: string): string {
	// `list` numbers the outermost list a block belongs to (0: none): items of one list share a line break.
	const blocks: { text: string; list: number }[] = [];
	const lists: { ordered: boolean; n: number }[] = [];
	let listCount = 0;
	// Held in an object: the helpers below change it, which plain narrowing of a `let` cannot follow.
	const state: { current: { text: string; list: number; prefix: number } | null } = { current: null };
	const flush = () => {
		const current = state.current;
		if (current && current.text.slice(current.prefix).trim() !== '') {
			const body = current.text.slice(current.prefix).trimStart().replace(/[ \t]+$/gm, '');
			blocks.push({ text: current.text.slice(0, current.prefix) + body, list: current.list });
		}
		state.current = null;
	};
	const start = (prefix: string) => {
		flush();
		state.current = { text: prefix, list: lists.length > 0 ? listCount : 0, prefix: prefix.length };
	};
	let skip = 0;
	for (const m of html.matchAll(/<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/gi)) {
		if (m[4] !== undefined) {
			if (skip > 0) continue;
			if (!state.current) start('');
			state.current!.text += decode(m[4]);
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
