import { createHash } from 'node:crypto';
import type { TrackedSpan } from '../../core/amendments/types';
import { uploadLimits } from './limits';
import { parseInWorker } from './parse-in-worker';
import { decodeText, detectFormat, normaliseNewlines, type UploadFormat } from './sniff';
import { UploadRefused } from './upload-refused';

export { UploadRefused, UPLOAD_REFUSAL_CODES, type UploadRefusalCode } from './upload-refused';
export type { UploadFormat } from './sniff';

/** An uploaded file as it arrives: its name, the type the browser claimed, and its bytes. */
export interface UploadFile {
	name: string;
	type?: string;
	bytes: Uint8Array;
}

/** How to read an upload; the limits default to the environment's (see limits.ts). */
export interface ReadUploadOptions {
	/** An edited copy ('marked': Word's tracked deletions as `~~…~~`, with authors) or a base version ('accepted'). */
	tracked: 'marked' | 'accepted';
	/** Largest upload accepted, in bytes (default: PLENARY_MAX_UPLOAD_MB, 20 MB). */
	maxBytes?: number;
	/** Longest a DOCX or PDF may take to parse, in ms (default: PLENARY_UPLOAD_TIMEOUT_S, 20 s). */
	timeoutMs?: number;
	/** Heap of the parsing worker, in MB (default 512). */
	memoryMb?: number;
}

/** The text of an upload, and what Plenary knows of the file it came from. */
export interface UploadText {
	/** UTF-8 text with LF line ends: paragraphs apart by blank lines (DOCX, PDF) or as written (text, Markdown). */
	text: string;
	/** Word's tracked changes as ranges of `text` (DOCX with `tracked: 'marked'` only; else empty). */
	changes: TrackedSpan[];
	format: UploadFormat;
	/** The file's own name, without any folder a browser sent, at most 255 characters. */
	name: string;
	/** Size of the upload in bytes. */
	bytes: number;
	/** SHA-256 of the upload's bytes, lower-case hex. */
	sha256: string;
}

/** The name as a person gave it: no folder (old browsers send `C:\fakepath\…`), no control characters. */
function cleanName(name: string): string {
	const base = (name.split(/[\\/]/).pop() ?? '')
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u001f\u007f]/g, '')
		.trim();
	return Array.from(base).slice(0, 255).join('') || 'upload';
}

/**
 * The one way to turn an uploaded document into text. Decides the format by content (zip → DOCX,
 * `%PDF-` → PDF, UTF-8 without NUL → Markdown for `.md`/`.markdown`, else plain text), parses DOCX
 * and PDF in a worker thread with memory and time limits, and returns the text with its tracked
 * changes and the file's size and SHA-256.
 *
 * Throws `UploadRefused` with a `code` the UI translates: 'empty' (no bytes or no text),
 * 'too_large' (over `maxBytes`, or a zip bomb), 'unsupported' (another format), 'corrupt' (a
 * broken DOCX/PDF, text that is not UTF-8), 'timeout'. Any other error is the server's fault.
 */
export async function readUpload(file: UploadFile, options: ReadUploadOptions): Promise<UploadText> {
	const defaults = uploadLimits();
	const maxBytes = options.maxBytes ?? defaults.maxBytes;
	const { bytes } = file;
	if (bytes.byteLength === 0) throw new UploadRefused('empty', 'the file has no bytes');
	if (bytes.byteLength > maxBytes) throw new UploadRefused('too_large', `${bytes.byteLength} bytes, over the limit of ${maxBytes}`);

	const format = detectFormat(bytes, file.name, file.type);
	let text: string;
	let changes: TrackedSpan[] = [];
	if (format === 'docx' || format === 'pdf') {
		const limits = { timeoutMs: options.timeoutMs ?? defaults.timeoutMs, memoryMb: options.memoryMb ?? defaults.memoryMb };
		({ text, changes } = await parseInWorker({ format, bytes, tracked: options.tracked }, limits));
		// A PDF's text comes from its drawing commands, where a CR can hide; a DOCX's never holds one
		// (and its change ranges must not move).
		if (format === 'pdf') text = normaliseNewlines(text);
	} else {
		text = decodeText(bytes);
	}
	if (text.trim() === '') throw new UploadRefused('empty', `the ${format} file has no text`);

	return {
		text,
		changes,
		format,
		name: cleanName(file.name),
		bytes: bytes.byteLength,
		sha256: createHash('sha256').update(bytes).digest('hex')
	};
}
