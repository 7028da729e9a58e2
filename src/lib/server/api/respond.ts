/**
 * The open-data API's answers as plain `Response` objects (no framework needed, so the handlers
 * run the same in a route and in a test). Every answer may be read from any origin and cached
 * for a minute: everything here is public, and a minute is short enough for an edit to show.
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
export function problemAnswer(problem: Problem): Response {
	return new Response(JSON.stringify(problem), {
		status: problem.status,
		headers: { ...COMMON_HEADERS, 'Content-Type': 'application/problem+json; charset=utf-8' }
	});
}
