/**
 * Why an upload was refused; the UI shows each code as a message in the reader's language.
 * - `empty`: no bytes, or no text in them (an empty document, a scanned PDF without a text layer);
 * - `too_large`: over the size limit, or a DOCX that unzips beyond what a document can be (a zip bomb);
 * - `unsupported`: not a DOCX, PDF, Markdown or plain-text file (decided by the content), or a
 *   password-protected PDF;
 * - `corrupt`: looks like a supported format but cannot be read (a broken DOCX or PDF, text that is
 *   not UTF-8, a `.docx`/`.pdf` name on something else);
 * - `timeout`: reading took longer than the limit.
 */
export type UploadRefusalCode = 'empty' | 'too_large' | 'unsupported' | 'corrupt' | 'timeout';

/** All refusal codes, for catalogs and exhaustive checks. */
export const UPLOAD_REFUSAL_CODES: readonly UploadRefusalCode[] = ['empty', 'too_large', 'unsupported', 'corrupt', 'timeout'];

/**
 * An upload Plenary will not read. `code` is for the person (translated by the UI); `detail` is
 * English for the server log and never shown as is.
 */
export class UploadRefused extends Error {
	readonly code: UploadRefusalCode;
	readonly detail: string;

	constructor(code: UploadRefusalCode, detail: string = code) {
		super(`Upload refused (${code}): ${detail}`);
		this.name = 'UploadRefused';
		this.code = code;
		this.detail = detail;
	}
}
