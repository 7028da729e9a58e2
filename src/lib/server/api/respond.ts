/**
 * The open-data API's answers as plain `Response` objects (no framework needed, so the handlers
 * run the same in a route and in a test). Every answer may be read from any origin and cached
 * for a minute: everything here is public, and a minute is short enough for an edit to show.
 * The one exception is an answer that depends on who signed in (`sessionHeaders`).
 */
import type { Problem } from '../../core/api/records';

const COMMON_HEADERS = {
	'Access-Control-Allow-Origin': '*',
	'Access-Control-Expose-Headers': 'Link, X-Total-Count',
	'Cache-Control': 'public, max-age=60'
};

/** A JSON answer (200 unless told). */
export function jsonAnswer(body: unknown, options: { headers?: Record<string, string>; contentType?: string } = {}): Response {
	return new Response(JSON.stringify(body), {
		status: 200,
		headers: { ...COMMON_HEADERS, 'Content-Type': options.contentType ?? 'application/json; charset=utf-8', ...options.headers }
	});
}

/** A CSV answer, named so that a browser saves it as `<filename>`. */
export function csvAnswer(text: string, filename: string, headers: Record<string, string> = {}): Response {
	return new Response(text, {
		status: 200,
		headers: {
			...COMMON_HEADERS,
			'Content-Type': 'text/csv; charset=utf-8; header=present',
			'Content-Disposition': `attachment; filename="${filename}"`,
			...headers
		}
	});
}

/** An error as RFC 9457 problem details. */
export function problemAnswer(problem: Problem, headers: Record<string, string> = {}): Response {
	return new Response(JSON.stringify(problem), {
		status: problem.status,
		headers: { ...COMMON_HEADERS, 'Content-Type': 'application/problem+json; charset=utf-8', ...headers }
	});
}

/**
 * The headers of an answer that may depend on the session: one made for a signed-in reader
 * (`personal`) holds what only that reader may see, so no cache may keep it (`private, no-store`);
 * an anonymous one stays public. Both say `Vary: Cookie`, so that no cache hands a signed-in
 * reader's answer to anyone else, nor the anonymous answer to the reader who signed in.
 */
export function sessionHeaders(personal: boolean): Record<string, string> {
	return personal ? { 'Cache-Control': 'private, no-store', Vary: 'Cookie' } : { Vary: 'Cookie' };
}
