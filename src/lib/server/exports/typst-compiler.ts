import { Worker } from 'node:worker_threads';

/** Typst refused the source, or the compiler failed. The message lists Typst's own diagnostics. */
export class TypstCompileError extends Error {
	override readonly name = 'TypstCompileError';
	constructor(readonly diagnostics: readonly string[]) {
		// The same mistake is reported once per place it occurs: say each once, and at most a few.
		const distinct = [...new Set(diagnostics)];
		const shown = distinct.slice(0, 5).join('; ') + (distinct.length > 5 ? ` (and ${distinct.length - 5} more)` : '');
		super(`The PDF could not be made: ${shown || 'Typst reported an error without a message'}`);
	}
}

type Answer = { id: number; ok: true; pdf: Uint8Array } | { id: number; ok: false; diagnostics: string[] };

interface Pending {
	resolve: (pdf: Uint8Array) => void;
	reject: (e: Error) => void;
}

// The process's one typesetting thread (see typst-worker.js), and the documents it was asked for.
let worker: Worker | null = null;
const pending = new Map<number, Pending>();
let nextId = 1;

async function typesetter(): Promise<Worker> {
	if (worker) return worker;
	const { TYPST_WORKER_URL, TYPST_WORKER_ROLE } = await import('./typst-worker.js');
	if (worker) return worker; // another call started it while this one waited for the import
	const started = new Worker(new URL(TYPST_WORKER_URL), {
		workerData: { role: TYPST_WORKER_ROLE },
		// The worker must not inherit the parent's loaders (vitest's, tsx's): it is plain JavaScript.
		execArgv: []
	});
	// An idle typesetter must not keep the process alive (a CLI run, a test file, the server at shutdown).
	started.unref();
	started.on('message', (answer: Answer) => {
		const job = pending.get(answer.id);
		if (!job) return;
		settle(answer.id);
		if (answer.ok) job.resolve(answer.pdf);
		else job.reject(new TypstCompileError(answer.diagnostics));
	});
	const fail = (e: Error) => {
		if (worker === started) worker = null;
		for (const [id, job] of [...pending]) {
			settle(id);
			job.reject(new TypstCompileError([`the typesetter stopped: ${e.message}`]));
		}
	};
	started.on('error', fail);
	started.on('exit', (code) => fail(new Error(`exit code ${code}`)));
	worker = started;
	return started;
}

function settle(id: number): void {
	pending.delete(id);
	if (pending.size === 0) worker?.unref();
}

/**
 * Compiles Typst source to PDF in the typesetting thread, with the given font files besides the
 * fonts Typst carries and the system's. Rejects with TypstCompileError, carrying Typst's
 * diagnostics, when the source is refused or the compiler fails: a caller gets a message, never a
 * crash. Documents are typeset one at a time; the server's thread stays free meanwhile.
 */
export async function compileTypst(source: string, fontFiles: readonly string[]): Promise<Uint8Array> {
	const thread = await typesetter();
	const id = nextId++;
	return new Promise<Uint8Array>((resolve, reject) => {
		pending.set(id, { resolve, reject });
		// While a document is being typeset, the process waits for it.
		thread.ref();
		thread.postMessage({ id, source, fontFiles: [...fontFiles] });
	});
}
