import type { FieldProblem } from '../forms';
import { readUpload, UploadRefused, type UploadText } from '../uploads/read-upload';

/**
 * The text of a file posted in a form field, through the guarded upload reader; a missing or empty
 * file, or one the reader refuses, becomes the field's problem in the reader's language.
 */
export async function readUploadedFile(entry: FormDataEntryValue | null, tracked: 'marked' | 'accepted'): Promise<{ ok: true; upload: UploadText } | { ok: false; problem: FieldProblem }> {
	if (!(entry instanceof File) || entry.size === 0) return { ok: false, problem: { key: 'drafting.upload.error.empty' } };
	try {
		return { ok: true, upload: await readUpload({ name: entry.name, type: entry.type, bytes: new Uint8Array(await entry.arrayBuffer()) }, { tracked }) };
	} catch (e) {
		if (e instanceof UploadRefused) return { ok: false, problem: { key: `drafting.upload.error.${e.code}` } };
		throw e;
	}
}
