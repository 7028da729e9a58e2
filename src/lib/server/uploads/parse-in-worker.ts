import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { TrackedSpan } from '../../core/amendments/types';
import { watchMemory } from './memory-watch';
import { UploadRefused } from './upload-refused';

/** What the worker is asked to read. */
export interface WorkerJob {
	format: 'docx' | 'pdf';
	bytes: Uint8Array;
	tracked: 'marked' | 'accepted';
}

/** The limits one parse runs under. */
export interface WorkerLimits {
	timeoutMs: number;
	memoryMb: number;
}

type JobResult = { ok: true; text: string; changes: TrackedSpan[] } | { ok: false; problem: 'corrupt' | 'unsupported' | 'too_large'; detail: string };

// Each parse may take a worker's whole heap: a few at a time keep a burst of uploads from
// exhausting the machine; the rest wait their turn (their time limit starts with their worker).
const MAX_RUNNING = Math.max(1, Math.min(4, availableParallelism()));
let running = 0;
const waiting: (() => void)[] = [];

/** What a worker thread costs before it reads anything (its isolate, mammoth or pdf.js loaded). */
const THREAD_OVERHEAD_MB = 128;

const exact = (bytes: Uint8Array): Uint8Array => (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice());

async function turn(): Promise<() => void> {
	if (running >= MAX_RUNNING) await new Promise<void>((resolve) => waiting.push(resolve));
	running++;
	return () => {
		running--;
		waiting.shift()?.();
	};
}

/**
 * Parses a DOCX or PDF in a worker thread with a heap limit and a time limit, and gives its text and
 * tracked changes. Throws `UploadRefused`: 'timeout' when the time runs out (the worker is
 * terminated), 'too_large' when it runs out of heap, when the process grows by more than twice the
 * worker's heap (plus the thread's own cost) while it runs (buffers outside the heap; see memory-watch.ts), or when a DOCX unzips
 * beyond its limits; 'corrupt' or 'unsupported' as the reader decides.
 */
export async function parseInWorker(job: WorkerJob, limits: WorkerLimits): Promise<{ text: string; changes: TrackedSpan[] }> {
	const release = await turn();
	try {
		// Imported here, not at the top: in the built server this is what gives the worker module a
		// file of its own (see upload-worker.js).
		const { UPLOAD_WORKER_URL, UPLOAD_WORKER_ROLE } = await import('./upload-worker.js');
		return await new Promise((resolve, reject) => {
			const worker = new Worker(new URL(UPLOAD_WORKER_URL), {
				// A view into a larger buffer would send the whole buffer along: send exactly the file.
				workerData: { role: UPLOAD_WORKER_ROLE, job: { ...job, bytes: exact(job.bytes) } },
				resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: Math.min(64, limits.memoryMb / 4) },
				// The worker must not inherit the parent's loaders (vitest's, tsx's): it is plain JavaScript.
				execArgv: []
			});
			let settled = false;
			const settle = (fn: () => void) => {
				if (settled) return;
				settled = true;
				clearTimeout(timer);
				unwatch();
				fn();
			};
			// Besides its heap, a parse may hold as much again in buffers outside it (see memory-watch.ts).
			const budgetMb = 2 * limits.memoryMb + THREAD_OVERHEAD_MB;
			const unwatch = watchMemory(budgetMb * 1024 * 1024, () => {
				settle(() => reject(new UploadRefused('too_large', `reading grew the process by more than ${budgetMb} MB`)));
				void worker.terminate();
			});
			const timer = setTimeout(() => {
				settle(() => reject(new UploadRefused('timeout', `reading took longer than ${limits.timeoutMs} ms`)));
				void worker.terminate();
			}, limits.timeoutMs);
			worker.once('message', (result: JobResult) => {
				settle(() => (result.ok ? resolve({ text: result.text, changes: result.changes }) : reject(new UploadRefused(result.problem, result.detail))));
				void worker.terminate();
			});
			worker.once('error', (e: Error & { code?: string }) => {
				if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') settle(() => reject(new UploadRefused('too_large', `reading needed more than ${limits.memoryMb} MB`)));
				// A worker that cannot load is the server's fault, not the file's: it must show as an error.
				else if (e.name === 'SyntaxError' || /^ERR_(MODULE|UNKNOWN_FILE|WORKER_(PATH|INIT|INVALID))/.test(e.code ?? '')) settle(() => reject(e));
				// Anything else escaped a parser while it read the file.
				else settle(() => reject(new UploadRefused('corrupt', e.message)));
			});
			worker.once('exit', (code) => {
				settle(() => reject(new Error(`The upload reader stopped (exit code ${code}) without an answer.`)));
			});
		});
	} finally {
		release();
	}
}
