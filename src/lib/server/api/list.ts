import { recordsToCsv } from '../../core/api/csv';
import { API_BASE, csvPath, type ListEndpoint } from '../../core/api/endpoints';
import { parseListQuery, type ListQuery } from '../../core/api/params';
import type { PageInfo, Problem } from '../../core/api/records';
import { csvAnswer, jsonAnswer, problemAnswer } from './respond';

/** Which address of a list was asked for: its own (JSON, or CSV with ?format=csv) or its .csv form. */
export type ListForm = 'plain' | 'csv';

/** What a list's loader gives back: the presented records of the page and the list's total, or a problem. */
export type Loaded = { records: unknown[]; total: number } | { problem: Problem };

/** The address of the same list at another offset, keeping every other parameter. */
function pageUrl(url: URL, offset: number): string {
	const u = new URL(url);
	if (offset === 0) u.searchParams.delete('offset');
	else u.searchParams.set('offset', String(offset));
	return u.href;
}

/** Where a page sits in its list, with the addresses of its neighbours. */
export function pageInfo(url: URL, query: ListQuery, total: number): PageInfo {
	const { limit, offset } = query;
	return {
		limit,
		offset,
		total,
		next: offset + limit < total ? pageUrl(url, offset + limit) : null,
		previous: offset > 0 ? pageUrl(url, Math.max(0, offset - limit)) : null
	};
}

/**
 * Answers a list: reads the query (400 on a bad one), loads the page, and writes it as JSON
 * (`{ data, page }`) or CSV, with `X-Total-Count` and `Link` headers for paging. `extraHeaders`
 * go on every answer, problems included (e.g. `sessionHeaders` for a list that depends on who
 * signed in).
 */
export async function answerList(
	url: URL,
	endpoint: ListEndpoint,
	form: ListForm,
	load: (query: ListQuery) => Promise<Loaded>,
	extraHeaders: Record<string, string> = {}
): Promise<Response> {
	const parsed = parseListQuery(url.searchParams, endpoint.filters, form);
	if (!parsed.ok) return problemAnswer(parsed.problem, extraHeaders);
	const query = parsed.value;
	const loaded = await load(query);
	if ('problem' in loaded) return problemAnswer(loaded.problem, extraHeaders);
	const page = pageInfo(url, query, loaded.total);
	const links = [page.next ? `<${page.next}>; rel="next"` : null, page.previous ? `<${page.previous}>; rel="prev"` : null];
	if (query.format === 'csv' && form === 'plain') {
		const canonical = new URL(url);
		canonical.pathname = `${API_BASE}${csvPath(endpoint)}`;
		canonical.searchParams.delete('format');
		links.push(`<${canonical.href}>; rel="canonical"`);
	}
	const headers: Record<string, string> = { ...extraHeaders, 'X-Total-Count': String(loaded.total) };
	const link = links.filter((l) => l !== null).join(', ');
	if (link) headers.Link = link;
	if (query.format === 'csv') {
		return csvAnswer(recordsToCsv(endpoint.record, loaded.records, { omit: endpoint.csvOmit }), `plenary-${endpoint.name}.csv`, headers);
	}
	return jsonAnswer({ data: loaded.records, page }, { headers });
}
