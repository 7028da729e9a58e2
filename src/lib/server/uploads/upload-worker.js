// The worker thread that parses an uploaded DOCX or PDF, so that a hostile file (a zip bomb, a PDF
// crafted to loop) costs at most this thread's memory and time limits, never the server.
//
// How it is found: the main thread imports this module dynamically and starts a Worker on the
// module's own address (`UPLOAD_WORKER_URL`). In development, under tsx (CLI) and in the tests
// that is this file; in the built server the bundler gives a dynamically imported module a chunk
// of its own under build/server/chunks/, and the address is that chunk's file. Either way Node
// loads it without any TypeScript loader, which is why it and the readers it imports are plain
// JavaScript, and why the readers are imported only inside the worker (the main thread that merely
// asks for the address loads neither mammoth nor pdf.js). Import it only dynamically: a static
// import would let the bundler merge it into the importing route's chunk, and the worker would
// then run that whole chunk.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

/** This module's address: the file a Worker runs to read an upload. */
export const UPLOAD_WORKER_URL = import.meta.url;

/** Marks a Worker started to read an upload (a thread that imports this module for another reason does nothing). */
export const UPLOAD_WORKER_ROLE = 'plenary-upload-reader';

/**
 * @typedef {{ format: 'docx' | 'pdf', bytes: Uint8Array, tracked: 'marked' | 'accepted' }} UploadJob
 * @typedef {{ ok: true, text: string, changes: { start: number, end: number, author: string }[] }
 *   | { ok: false, problem: 'corrupt' | 'unsupported' | 'too_large', detail: string }} UploadJobResult
 */

/**
 * Reads one upload and answers with its text, or with the kind of problem and a detail for the log.
 * @param {UploadJob} job
 * @returns {Promise<UploadJobResult>}
 */
async function run(job) {
	try {
		if (job.format === 'docx') {
			const { readDocxText } = await import('../importers/docx-reader.js');
			const { text, changes } = await readDocxText(job.bytes, job.tracked);
			return { ok: true, text, changes };
		}
		const { readPdfText } = await import('./pdf-reader.js');
		return { ok: true, text: await readPdfText(job.bytes), changes: [] };
	} catch (e) {
		const error = /** @type {Error & { problem?: 'corrupt' | 'unsupported' | 'too_large' }} */ (e);
		// Anything a parser throws on an untrusted file is that file's fault: it is refused as corrupt.
		return { ok: false, problem: error?.problem ?? 'corrupt', detail: error?.message ?? String(e) };
	}
}

if (!isMainThread && parentPort && workerData?.role === UPLOAD_WORKER_ROLE) {
	const port = parentPort;
	const result = await run(/** @type {UploadJob} */ (workerData.job));
	port.postMessage(result);
}
