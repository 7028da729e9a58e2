import { parseItemQuery, problem } from '../../core/api/params';
import { jsonAnswer, problemAnswer } from './respond';

/**
 * Answers a single record: 400 if any query parameter is given, 404 when nothing published has
 * the slug, else the presented record as JSON. `extraHeaders` go on every answer (see answerList).
 */
export async function answerItem<R>(
	url: URL,
	what: string,
	slug: string,
	load: (slug: string) => Promise<R | undefined>,
	extraHeaders: Record<string, string> = {}
): Promise<Response> {
	const parsed = parseItemQuery(url.searchParams);
	if (!parsed.ok) return problemAnswer(parsed.problem, extraHeaders);
	const record = await load(slug);
	if (record === undefined) return problemAnswer(problem(404, `No ${what} has the slug "${slug}".`), extraHeaders);
	return jsonAnswer(record, { headers: extraHeaders });
}
