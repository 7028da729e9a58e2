// The worker thread that typesets PDFs with Typst. Typst's compiler is a native, synchronous call:
// a 200-page document holds its thread for about a second, a compilation of thousands of
// contributions for much longer. In this thread it never holds up the server's other requests.
// One worker per process, started with the first PDF and kept: it keeps its compilers (one per set
// of font files; making one scans the system's fonts) warm between documents, and typesets one
// document at a time, in the order asked.
//
// How it is found is the same as for the upload reader (see ../uploads/upload-worker.js): the main
// thread imports this module dynamically and starts a Worker on the module's own address; Node
// loads it without any TypeScript loader, which is why it is plain JavaScript. Import it only
// dynamically.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

/** This module's address: the file a Worker runs to typeset PDFs. */
export const TYPST_WORKER_URL = import.meta.url;

/** Marks a Worker started to typeset (a thread that imports this module for another reason does nothing). */
export const TYPST_WORKER_ROLE = 'plenary-typst';

/**
 * @typedef {{ id: number, source: string, fontFiles: string[] }} TypstJob
 * @typedef {{ id: number, ok: true, pdf: Uint8Array } | { id: number, ok: false, diagnostics: string[] }} TypstJobResult
 * @typedef {import('@myriaddreamin/typst-ts-node-compiler').NodeCompiler} Compiler
 */

/** @type {Map<string, Compiler>} */
const compilers = new Map();
/** @type {string | null} */
let workspace = null;

/**
 * @param {typeof import('@myriaddreamin/typst-ts-node-compiler').NodeCompiler} NodeCompiler
 * @param {string[]} fontFiles
 * @returns {Compiler}
 */
function compilerFor(NodeCompiler, fontFiles) {
	const key = fontFiles.join('\n');
	let compiler = compilers.get(key);
	if (!compiler) {
		// A workspace with nothing in it: the source comes whole and reads no file. One fixed
		// folder, so that restarts leave nothing behind.
		if (!workspace) {
			workspace = join(tmpdir(), 'plenary-typst-workspace');
			mkdirSync(workspace, { recursive: true });
		}
		compiler = NodeCompiler.create({ workspace, fontArgs: [{ fontPaths: fontFiles }] });
		compilers.set(key, compiler);
	}
	return compiler;
}

/**
 * @param {{ shortDiagnostics: unknown[] } | null} error
 * @returns {string[]}
 */
function diagnosticsOf(error) {
	if (!error) return [];
	return error.shortDiagnostics.map((d) => (d && typeof d === 'object' && 'message' in d ? String(d.message) : String(d)));
}

/**
 * Typesets one document. Every failure becomes an answer with Typst's messages, never an exception.
 * @param {typeof import('@myriaddreamin/typst-ts-node-compiler').NodeCompiler} NodeCompiler
 * @param {TypstJob} job
 * @returns {TypstJobResult}
 */
function typeset(NodeCompiler, job) {
	try {
		const compiler = compilerFor(NodeCompiler, job.fontFiles);
		try {
			const result = compiler.compile({ mainFileContent: job.source });
			if (result.hasError()) return { id: job.id, ok: false, diagnostics: diagnosticsOf(result.takeError()) };
			const document = result.result;
			if (!document) return { id: job.id, ok: false, diagnostics: [] };
			// A copy in memory of this thread's own, so it can be handed over without copying again.
			return { id: job.id, ok: true, pdf: new Uint8Array(compiler.pdf(document)) };
		} finally {
			// Typst memoises across compilations; without eviction its cache only grows.
			compiler.evictCache(10);
		}
	} catch (e) {
		return { id: job.id, ok: false, diagnostics: [e instanceof Error ? e.message : String(e)] };
	}
}

if (!isMainThread && parentPort && workerData?.role === TYPST_WORKER_ROLE) {
	const port = parentPort;
	const { NodeCompiler } = await import('@myriaddreamin/typst-ts-node-compiler');
	port.on('message', (/** @type {TypstJob} */ job) => {
		const answer = typeset(NodeCompiler, job);
		port.postMessage(answer, answer.ok ? [/** @type {ArrayBuffer} */ (answer.pdf.buffer)] : []);
	});
}
