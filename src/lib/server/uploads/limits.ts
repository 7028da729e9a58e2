/** The limits on reading an upload. */
export interface UploadLimits {
	/** Largest upload accepted, in bytes. */
	maxBytes: number;
	/** Longest a DOCX or PDF may take to parse, in milliseconds. */
	timeoutMs: number;
	/** Heap of the worker that parses a DOCX or PDF, in MB. */
	memoryMb: number;
}

export const DEFAULT_MAX_UPLOAD_MB = 20;
export const DEFAULT_UPLOAD_TIMEOUT_S = 20;
/** Enough for a DOCX of several hundred pages; a zip bomb runs out long before the server does. */
export const UPLOAD_WORKER_MEMORY_MB = 512;

const warned = new Set<string>();

/** A positive number from the environment, or the default (with one warning) when it is not one. */
function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
	const raw = env[name];
	if (raw === undefined || raw.trim() === '') return fallback;
	const value = Number(raw);
	if (Number.isFinite(value) && value > 0) return value;
	if (!warned.has(name)) {
		warned.add(name);
		console.warn(`Plenary: ${name}=${JSON.stringify(raw)} is not a positive number; using ${fallback}.`);
	}
	return fallback;
}

/**
 * The upload limits, read from the environment in this one place: `PLENARY_MAX_UPLOAD_MB`
 * (default 20) and `PLENARY_UPLOAD_TIMEOUT_S` (default 20). Fractions are allowed; a value that is
 * not a positive number falls back to the default.
 */
export function uploadLimits(env: NodeJS.ProcessEnv = process.env): UploadLimits {
	return {
		maxBytes: Math.floor(positive(env, 'PLENARY_MAX_UPLOAD_MB', DEFAULT_MAX_UPLOAD_MB) * 1024 * 1024),
		timeoutMs: Math.round(positive(env, 'PLENARY_UPLOAD_TIMEOUT_S', DEFAULT_UPLOAD_TIMEOUT_S) * 1000),
		memoryMb: UPLOAD_WORKER_MEMORY_MB
	};
}
