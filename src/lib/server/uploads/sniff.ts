import { UploadRefused } from './upload-refused';

/** What an upload is, decided by its content. */
export type UploadFormat = 'docx' | 'markdown' | 'text' | 'pdf';

/** Names that promise a binary format: if the content is something else, the file is broken. */
const BROKEN_IF_NOT_THEIRS = new Set(['docx', 'pdf']);
/** Names of formats Plenary does not read, even when their bytes happen to be valid UTF-8 (RTF is). */
const NEVER_TEXT = new Set(['doc', 'dot', 'rtf', 'odt', 'ott', 'xls', 'xlsx', 'ppt', 'pptx', 'odp', 'ods', 'pages', 'epub', 'zip']);
const MARKDOWN = new Set(['md', 'markdown']);

/** The lower-case extension of a file name ('' when it has none). */
export function extensionOf(name: string): string {
	const base = name.split(/[\\/]/).pop() ?? '';
	const dot = base.lastIndexOf('.');
	return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** `%PDF-` within the first KB, where PDF readers look for it. */
function looksLikePdf(bytes: Uint8Array): boolean {
	const head = bytes.subarray(0, 1024);
	for (let i = head.indexOf(0x25); i !== -1 && i + 5 <= head.length; i = head.indexOf(0x25, i + 1)) {
		if (head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
	}
	return false;
}

/**
 * Decides an upload's format from its bytes, the name only choosing between Markdown and plain
 * text: a zip (local header, or the end record of an empty zip) is a DOCX, `%PDF-` a PDF, bytes
 * without NUL a text. Throws `UploadRefused`: 'unsupported' for other binaries and for names of
 * formats Plenary does not read; 'corrupt' when a `.docx` or `.pdf` name sits on other content.
 * (Text that is not valid UTF-8 is refused later, when it is decoded.)
 */
export function detectFormat(bytes: Uint8Array, name: string, type?: string): UploadFormat {
	const ext = extensionOf(name);
	if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'docx';
	if (looksLikePdf(bytes)) return 'pdf';
	if (BROKEN_IF_NOT_THEIRS.has(ext)) throw new UploadRefused('corrupt', `named .${ext} but its content is not a ${ext.toUpperCase()} file`);
	if (bytes.includes(0)) throw new UploadRefused('unsupported', 'binary content of a format Plenary does not read');
	if (NEVER_TEXT.has(ext)) throw new UploadRefused('unsupported', `a .${ext} file`);
	return MARKDOWN.has(ext) || type?.split(';')[0].trim().toLowerCase() === 'text/markdown' ? 'markdown' : 'text';
}

/**
 * An uploaded text as Plenary keeps it: strictly UTF-8 (else 'corrupt'), without a byte-order
 * mark, with every CRLF or lone CR turned into LF.
 */
export function decodeText(bytes: Uint8Array): string {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
	} catch {
		throw new UploadRefused('corrupt', 'not valid UTF-8 text');
	}
	return normaliseNewlines(text.startsWith('\uFEFF') ? text.slice(1) : text);
}

/** CRLF and lone CR as LF. */
export const normaliseNewlines = (text: string): string => text.replace(/\r\n?/g, '\n');
